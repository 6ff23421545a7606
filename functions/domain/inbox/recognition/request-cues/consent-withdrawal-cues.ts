import type { Cue } from '../cue.js';

const CONSENT = 'samtykke*|samtykkje*|samtykket|consent|samtycke*|samtycket|samtykket';
const NEWSLETTER = 'nyhetsbrev*|nyheitsbrev*|nyhedsbrev*|newsletter*|nyhetsbrevet';
const SURVEY =
  'undersøkelse*|undersøking*|brukerundersøkelse*|spørreundersøkelse*|spørjeundersøking*|markedsundersøkelse*|survey|surveys|enkät*|kundenkät*|undersøgelse*|brugerundersøgelse*|spørgeskema*';
const LIST = `${NEWSLETTER}|list*|lista|listen|mailingliste*|e-postliste*|utsendelse*|utskick*|udsendelse*|maillist*|mailing|mailinglist*|epostlist*|e-postlista`;

/**
 * Art. 7(3): withdrawing a consent. The newsletter is a consent purpose (the web form says so), so
 * "meld meg av nyhetsbrevet" and "slett meg fra nyhetsbrevet" are withdrawals, not erasure.
 */
export const CONSENT_WITHDRAWAL_CUES: readonly Cue[] = [
  { phrase: `trekk*|trekke|trekker|tilbakekall*|tilbagekald*|tilbagetræk*|withdraw*|trække*|trækker|återkalla*|återkallar|drar|dra|revoke* ... ${CONSENT}`, weight: 1 },
  { phrase: `${CONSENT} ... trekkes|trekt|withdrawn|revoked|tilbakekalles|tilbake|tilbage|återkallas|tillbaka`, weight: 1 },
  { phrase: `no|ikke|ikkje|inte longer|lenger|längre|længere .. ${CONSENT}|consenting`, weight: 1 },
  { phrase: `${CONSENT}|samtykker|samtykkjer|samtycker ikke|not|inte|ikkje .. lenger|longer|längre|længere`, weight: 1 },
  { phrase: 'afmeld*|avmeld*|avregistrer*|avregistrera*|unsubscribe|unsubscribed|opt-out / avslutt* abonnement*', weight: 1 },
  { phrase: 'opt out', weight: 1 },
  { phrase: `ta|tag|tak bort|ut|av meg|mig|me .. fra|från|frå|af|ur ... ${LIST}`, weight: 1, overrides: ['erasure'] },
  { phrase: `ta|tag|tak meg|mig bort|ut|av .. fra|från|frå|af|ur ... ${LIST}`, weight: 1, overrides: ['erasure'] },
  { phrase: `ikke|ikkje|inte|not|no ... få|motta|modtage|receive|get|ha ... fler|flere|fleire|more|mer ... utskick*|utsendelse*|udsendelse*|${NEWSLETTER}|e-poster|e-postene|eposter|emails|mails|mejl|mejlutskick`, weight: 1 },
  { phrase: `meld*|meldt|melde meg|mig|me av|ut|af|frå|fra ... ${LIST}`, weight: 1 },
  { phrase: 'meld*|meldt|melde meg|mig av|ut|af', weight: 1, vague: true },
  { phrase: `slett*|fjern*|ta|remove|take|delete|stryk*|strike|tag|tak meg|mig|me .. fra|from|från|frå|af|off .. ${LIST}`, weight: 1, overrides: ['erasure'] },
  { phrase: `${NEWSLETTER} & ikke|ikkje|inte|not|no|don't|stop|slutt|stopp|gidder ... motta|få|ha|modtage|receive|get|have|lese|lesa|läsa|mottaka|ta`, weight: 1 },
  { phrase: `stop|stopp|slutt|sluta|slutte ... sende|sending|skicka|send ... ${NEWSLETTER}`, weight: 1 },
  { phrase: 'art|artikkel|artikel|article|artiklene 7', weight: 1 },
  // Surveys are sent on consent: «ikke kontakt meg om undersøkelser» withdraws it (it is not an objection).
  { phrase: `${SURVEY} & ikke|ikkje|inte|not|no|don't|dont|stop|stopp|slutt|sluta|never|aldri|ingen|inga|lenger|longer|längre|længere|remove|fjern*|træk*|trekk*|återkalla*|nei|nej`, weight: 1, overrides: ['objection'] },
  { phrase: CONSENT, weight: 0.3 },
];
