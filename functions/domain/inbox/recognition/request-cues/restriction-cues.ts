import type { Cue } from '../cue.js';
import { DATA_NOUNS } from './data-words.js';

const KEEP_ONLY = 'lagre*|lagres|lagras|lagrast|lagring|oppbevar*|opbevar*|opbevares|store|stored|storing|keep|keeping|spara|sparas|beholde|gemme';
const NOT_USE = 'ikke|ikkje|not|inte|ej bruk*|brukes|bruke|bruge*|bruges|use|used|används|använda|anvende*';

/** Art. 18: keep the data but do not use it, typically while its accuracy is checked. */
export const RESTRICTION_CUES: readonly Cue[] = [
  { phrase: 'begrens*|begræns*|begränsa*|begrenser|restrict|restricting|avgrens* .. behandling*|behandlinga|bruk*|bruken|processing|use|användning*|behandlingen', weight: 1 },
  { phrase: 'begrensning|begrænsning|begränsning|restriction|avgrensing av|af|of .. behandling*|processing|bruk*', weight: 1 },
  { phrase: `${KEEP_ONLY} & ${NOT_USE}`, weight: 1 },
  { phrase: `fryse|frys|freeze|fryser .. ${DATA_NOUNS}|konto*|profil*|kontoen`, weight: 1 },
  { phrase: `ikke|ikkje|not|inte|don't|dont bruk*|bruke|use|använd* .. ${DATA_NOUNS} ... før|until|inntil|indtil|till|while|mens|innan`, weight: 1 },
  { phrase: 'art|artikkel|artikel|article|artiklene 18', weight: 1 },
];
