import type { Cue } from '../cue.js';
import { CORRECTABLE, CORRECTING, WRONG } from './data-words.js';

/**
 * Art. 16: a wrong detail and the wish to correct it. "Kan dere rette det?" alone could be any bug
 * report, so the wrong detail and the verb each weigh 0.6 and only count together.
 */
export const RECTIFICATION_CUES: readonly Cue[] = [
  { phrase: `${CORRECTING} .. ${CORRECTABLE}`, weight: 1 },
  { phrase: `${CORRECTABLE} ... må|skal|bør|should|must|needs|need|ska|skal ... endres|oppdateres|rettes|korrigeres|ändras|rättas|ændres|changed|updated|corrected|endrast`, weight: 1 },
  { phrase: 'retting|rettelse|rectification|rectify|berigtigelse|rättelse|korrigering', weight: 1 },
  { phrase: 'art|artikkel|artikel|article|artiklene 16', weight: 1 },
  { phrase: `${WRONG} .. ${CORRECTABLE}`, weight: 0.6 },
  { phrase: `${CORRECTABLE} ... ${WRONG}`, weight: 0.6 },
  { phrase: `stavet|stava|skrevet|skrive|spelt|spelled ${WRONG}`, weight: 0.6 },
  { phrase: `${CORRECTING} den|det|it|this|that|dette`, weight: 0.6 },
  { phrase: `ny|nytt|nye|new|nya|nyt ${CORRECTABLE}`, weight: 0.5 },
  { phrase: 'riktig|riktige|korrekt|korrekte|correct|rätt|rigtig|rigtige|rett|rette er|is|är|skal|should|ska|skulle', weight: 0.6 },
  { phrase: `kan|can|kunne|could|kan dere|de|you|ni|i ${CORRECTING}`, weight: 0.4 },
];
