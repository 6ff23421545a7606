import { compileCues } from './cue.js';

/**
 * Unsolicited bulk or commercial mail: lotteries, crypto, phishing, cold sales pitches. Needs a score
 * of 2 from several cues; one offer or one "click here" is not enough.
 */
export const SPAM_CUES = compileCues([
  { phrase: 'gratulerer|congratulations|grattis|tillykke', weight: 1 },
  { phrase: 'vunnet|won|vinner|winner|vinnare|vundet', weight: 1 },
  { phrase: 'lotteri*|lottery|lotto|premie*|prize*|jackpot', weight: 1 },
  { phrase: 'bitcoin|btc|crypto*|krypto*|profit|trading', weight: 1 },
  { phrase: 'klikk*|click|clicking|klicka|klik her|here|här', weight: 1 },
  { phrase: 'bekreft*|bekræft*|bekräfta*|verify|confirm|verifiser* .. passord*|password|kontoen|account|details|konto|oplysninger|uppgifter', weight: 1 },
  { phrase: 'lagringsgrense* / storage limit / postkassen|mailbox|innboksen .. full', weight: 1 },
  { phrase: 'innen|inden|inom|within 24|48 timer|timmar|hours', weight: 0.5 },
  { phrase: 'seo|google|ranking / organic traffic', weight: 1 },
  { phrase: 'guaranteed|garantert|garanti', weight: 0.5 },
  { phrase: 'uforpliktende|befaring / free audit|trial / no obligation / gratis demo', weight: 1 },
  { phrase: 'vi tilbyr / we offer / our agency / vårt byrå / we have helped / har hjulpet', weight: 0.7 },
  { phrase: 'rabatt|discount|kampanjepris / special offer / tilbud på', weight: 0.6 },
  { phrase: 'konkurransedyktige|competitive priser|prices|pris', weight: 0.7 },
  { phrase: 'kjære vinner|bruker|kunde / dear friend|user|winner / valued customer', weight: 0.7 },
  { phrase: 'behandlingsgebyr|kontonummer / processing|transfer fee / bank details', weight: 1 },
  { phrase: 'act now / handle nå / handling kreves / action required', weight: 0.5 },
  { phrase: 'just reply / svar stopp / reply stop|yes', weight: 0.7 },
  { phrase: "don't want to hear from me|us / ikke flere henvendelser", weight: 0.7 },
  { phrase: 'unclaimed|utbetalt|utbetaling / withdraw your funds', weight: 0.7 },
]);

/** Spam needs this score: several cues, not one offer or one link. */
export const SPAM_THRESHOLD = 2;

/** Spam this plain (link, «confirm your account», a deadline) is spam whatever rights it seems to name. */
export const STRONG_SPAM_THRESHOLD = 2.5;
