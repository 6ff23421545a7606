import { compileCues } from './cue.js';

/** Subjects of out-of-office and automatic replies, as the common clients write them. */
export const AUTO_REPLY_SUBJECT =
  /^(?:automatisk svar|autosvar|auto-svar|automatic reply|auto(?:matic)?[- ]?reply|autoreply|auto:|out of (?:the )?office|fravær|fraværende|frånvaro|frånvarande|fravaer|abwesenheit|ferie|på ferie|vacation|away)\b/i;

/** What an out-of-office text says, counted when a mail carries no auto-reply header. */
export const AUTO_REPLY_BODY_CUES = compileCues([
  { phrase: 'out of the office / out of office', weight: 1 },
  { phrase: 'away|back|off until|on', weight: 1 },
  { phrase: 'limited|no access to email|e-mail|mail|e-post|epost', weight: 1 },
  { phrase: 'begrenset|ingen|ikke|ikkje|avgrensa|begrænset tilgang|adgang til e-post|epost|mail|min', weight: 1 },
  { phrase: 'på ferie|semester|barsel|permisjon|kurs / har ferie|fri / on holiday|vacation|leave', weight: 1 },
  { phrase: 'tilbake|åter|back på|i|in kontoret|jobb|jobben|office / back in the office', weight: 1 },
  { phrase: 'leser|les|läser|læser|reads ikke|ikkje|inte|not .. e-post|epost|mail|min', weight: 1 },
  { phrase: 'e-post|epost|email|e-mail blir|vil|will ikke|ikkje|not .. lest|lese|read', weight: 1 },
  { phrase: 'fravær|fraværende|frånvaro|frånvarande|föräldraledig|tjänstledig|fraværende', weight: 1 },
  { phrase: 'haster|hastesaker|urgent|brådskande|akut|vid brådskande', weight: 0.5 },
]);
