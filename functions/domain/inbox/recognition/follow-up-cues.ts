import { compileCues } from './cue.js';

/**
 * A follow-up on an earlier request ("jeg har ikke fått svar"): it belongs to the open case and must
 * not restart the clock (req. 1.5), so it lowers confidence and staff link it.
 */
export const FOLLOW_UP_CUES = compileCues([
  { phrase: 'ikke|ikkje|inte|not|never|no .. fått|hørt|høyrt|received|heard|fick|fått|modtaget|hørt|got .. svar|noe|noko|answer|reply|response|något|noget|anything', weight: 1 },
  { phrase: 'purring|purrer|purre|påminnelse|reminder|påminner / minner om', weight: 1 },
  { phrase: 'følger|fylgjer opp / follow|following up / still waiting / venter|väntar fortsatt|framleis|fortfarande', weight: 1 },
  { phrase: 'fortsatt|framleis|ennå|enda|still|fortfarande ikke|ikkje|inte|not', weight: 0.5 },
  { phrase: 'fristen|deadline|tidsfrist', weight: 0.5 },
  { phrase: 'sendte|sendt|skrev|sent|wrote dere|you|til|to .. e-post|epost|email|mail|brev|henvendelse', weight: 0.5 },
  { phrase: 'sendte|sent dere|you en|an e-post|email|mail', weight: 0.5 },
  { phrase: 'henvendelsen|førespurnaden min / min henvendelse / my request|previous / min förra|tidligere / tidligere henvendelse / forrige e-post', weight: 0.5 },
]);
