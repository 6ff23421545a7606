import type { Cue } from '../cue.js';
import { DATA_NOUNS, ERASABLE, LOGS } from './data-words.js';

// Typos («slete», «sleter») are forgiven by the matcher (word-similarity.ts); a typo listed here would be forgiven twice («sltte» → «slutte»).
const DELETE = 'slett*|slet|sletta|slettar|delete|erase|radera|raderar|radere|wipe';

/** Art. 17: erasure, in the words people use ("slett meg", "glem meg", "ta bort allt", "delete my data"). */
export const ERASURE_CUES: readonly Cue[] = [
  { phrase: `${DELETE} .. ${ERASABLE}`, weight: 1 },
  { phrase: `fjern*|remove ... ${DATA_NOUNS}|konto*|profil*|profile|account|personnummer*|bilde*|bildet|photo*|alt|everything`, weight: 1 },
  { phrase: 'ta|tar|tas bort .. mig|mina|uppgift*|personuppgift*|allt|konto*|profil*|data', weight: 1 },
  { phrase: `${DATA_NOUNS}|profil*|profilen|alt|allt|bilde*|bildet ... slettes|slettast|slettet|slettede|fjernes|raderas|raderade|slettes|deleted|erased|removed|tas`, weight: 1 },
  { phrase: `${DATA_NOUNS} & de|dem|dei|they|them|it|det|den|dessa|disse slettes|slettast|fjernes|raderas|deleted|erased|removed|slettet`, weight: 1 },
  { phrase: 'glem*|glöm*|forget .. meg|mig|me', weight: 1 },
  { phrase: 'bli|blive|be|vorde slettet|sletta|slettede|slettes|deleted|erased|removed|raderad|raderade|fjernet|fjerna|strøket|struket', weight: 1 },
  { phrase: `${DELETE}|fjern*|remove|stryk*|ta ... fra|from|från|frå|af|ur alle|all|alla ... register*|registr*|system*|database*|databaser*|kundelist*|kunderegister*`, weight: 1 },
  { phrase: `${DELETE}|fjern*|remove ... fra|from|från|frå|af|ur register*|registeret|registrene|systemet|systemene|systemer|databasen|kunderegister*`, weight: 1 },
  { phrase: `${LOGS} ... slettes|slettast|slettet|fjernes|raderas|deleted|erased|removed|slettede`, weight: 1 },
  { phrase: 'bli|blive|være|vere|be glemt|glemd|glömd|bortglömd|forgotten', weight: 1 },
  { phrase: 'rett|retten|right|rätt|rätten|ret|retten til|to|att .. bli|be|blive slettet|sletta|deleted|erased|raderad|slettet', weight: 1 },
  { phrase: 'sletting|slettingen|sletning|sletjing|radering|erasure|deletion|radering', weight: 1 },
  { phrase: 'art|artikkel|artikel|article|artiklene 17', weight: 1 },
  { phrase: 'no longer want you to keep|hold|store', weight: 1 },
  { phrase: 'at|that|att dere|de|you|ni|i ikke|ikkje|not|inte|no lenger|longer|längre|længere|lengre ... oppbevar*|opbevar*|lagr*|keep|store|holder|hold|har|have|sparar|spara|gemmer|beholder', weight: 1 },
  { phrase: "don't|dont want you to keep|hold|store / do not want you to keep|hold|store", weight: 1 },
  { phrase: 'trenger|treng ikke|ikkje ha|lagre|ta ... om meg|mig|noe|noko|noko', weight: 0.6 },
  { phrase: 'vil|ønsker|ønskjer|want ikke|ikkje|not at|that dere|de|you ... ha|har|lagre|keep|store|lagrar', weight: 0.6 },
  // Need the context a reader has: "fjern meg" (from a list?), "slett den" (which?), "vil ha det vekk".
  { phrase: 'fjern*|remove meg|mig|me', weight: 1, vague: true },
  { phrase: 'slettemeg|slettmeg|sletmig|deleteme|raderamig|glemmeg', weight: 1, vague: true },
  { phrase: `${DELETE}|fjern* den|det|dem|dei|it|them|dette|this`, weight: 1, vague: true },
  { phrase: 'vil|ønsker|want ha|have .. vekk|bort|fjernet|removed|gone', weight: 1, vague: true },
];
