import type { Cue } from '../cue.js';
import { DATA_NOUNS } from './data-words.js';

/**
 * Art. 20: one's data in a machine-readable form, to take elsewhere. "A copy of my data in JSON" is
 * portability, not also access: the strong cues override access in the same sentence.
 */
export const PORTABILITY_CUES: readonly Cue[] = [
  { phrase: 'portabilitet*|dataportabilitet*|portability|dataportabilitet', weight: 1, overrides: ['access'] },
  { phrase: 'maskinlesbar*|maskinleselig*|maskinlesba*|maskinläsbar*|maskinlæsbar*|machine-readable|maskinlesbart', weight: 1, overrides: ['access'] },
  { phrase: 'machine readable', weight: 1, overrides: ['access'] },
  { phrase: 'art|artikkel|artikel|article|artiklene 20', weight: 1, overrides: ['access'] },
  { phrase: `flytte|flytta|overføre|overføra|overfør*|move|transfer|migrate|flytte ... ${DATA_NOUNS}|bookinghistorikk*|bookingene|historikk*|history|profilen`, weight: 1 },
  { phrase: 'ta|take|tage .. med|with .. til|to|till .. annen|annet|annan|anden|andet|another|other|ny|new', weight: 0.6 },
  { phrase: `eksport*|export*|exporter* .. ${DATA_NOUNS}|historikk*|bookinghistorikk*|history|bookingene`, weight: 0.6 },
  { phrase: `${DATA_NOUNS}|historikk*|bookinghistorikk*|history|bookingene ... eksportert|exported|eksporteres`, weight: 0.6 },
  { phrase: 'csv|json|xml', weight: 0.5, overrides: ['access'] },
  { phrase: 'format|fil|file|form ... import*|bruke|use|laste|upload|flytte|move ... elsewhere|annet|annen|andre|another|other|annan|anden|ny|new', weight: 0.6, overrides: ['access'] },
  { phrase: 'strukturert|structured|strukturerat|struktureret|strukturerte', weight: 0.4 },
];
