import type { Cue } from '../cue.js';
import { DATA_NOUNS, SOMEONE_ELSE } from './data-words.js';

/** Art. 15: a copy of one's data, and what is done with it. No particular wording is needed (req. 1.1). */
export const ACCESS_CUES: readonly Cue[] = [
  { phrase: 'innsyn*|innsy|insyn|innsynn|indsigt*|registerutdrag*|dsar', weight: 1 },
  { phrase: 'subject|data access', weight: 1 },
  { phrase: 'access request*', weight: 1 },
  { phrase: 'right of|to access', weight: 1 },
  { phrase: 'art|artikkel|artikel|article|artiklene|articles 15', weight: 1 },
  { phrase: `kopi|kopia|copy av|af|of .. ${DATA_NOUNS}|det|alt|dei|dem|everything|mine|my`, weight: 1 },
  { phrase: 'utdrag|utskrift|oversikt|overview|extract av|af|över|of .. meg|mig|me|mine|mina|my', weight: 0.6 },
  { phrase: 'hva|kva|hvad|vad|what ... vet|veit|ved|vet|know|knows ... om|about|on meg|mig|me', weight: 1 },
  {
    phrase: `hva|kva|hvad|vad|hvilke|hvilken|vilka|vilken|which|what ... lagr*|lagra|registrer*|sparat|sparar|gemt|gemmer|oppbevar*|opbevar*|hold|holds|store|stores|stored|keep|have|has|har|process|processing|behandler|behandlar ... om|on|about|på meg|mig|me|${SOMEONE_ELSE}`,
    weight: 1,
  },
  { phrase: `hvilke|hvilken|kva|vilka|vilken|which|what ${DATA_NOUNS}`, weight: 0.6 },
  { phrase: 'vil|vill|ønsker|ønskjer|önskar|gjerne|gerne|want|like ... vite|vita|veta|vide|know|se|sjå|see ... hva|kva|hvad|vad|what|hvilke|vilka|which|alt|allt|everything', weight: 0.6 },
  { phrase: `få|fått|receive|get|obtain|send|sende|skicka|gi|give|vis|vise|show ... ${DATA_NOUNS} ... om|about|on|på meg|mig|me`, weight: 1 },
  { phrase: 'se|sjå|få|vite|vita|veta|vide|send|sende|get|know|show|see ... alt|allt|everything|alle ... om|på|about|on meg|mig|me', weight: 1 },
  { phrase: `hva|kva|hvad|vad|what ... gjør|gjer|gör|gør|do|doing ... med|with ... ${DATA_NOUNS}`, weight: 1, vague: true },
  {
    phrase:
      'adgangslogg*|dørlogg*|adgangslog*|passerlogg*|tilgangslogg*|tilgjengelogg* & utskrift|oversikt|kopi|utdrag|utlevert|udleveret|udlevere|udlevering|få|begär*|send|sende|se|sjå|see|vise|show|innsyn',
    weight: 1,
  },
  { phrase: 'door|access log|logs & need|send|want|request|copy|provide|see', weight: 1 },
];
