import type { CaseOutcome } from './case-outcome.js';

/** Norwegian names of the outcomes for the staff console; the CSV keeps the stable codes. */
export const OUTCOME_LABELS: Readonly<Record<CaseOutcome, string>> = {
  open: 'Under behandling',
  carried_out: 'Gjennomført',
  refused: 'Avslått',
  unverified: 'Identitet ikke bekreftet',
  merged: 'Slått sammen med en annen sak',
  manifestly_unfounded: 'Avvist som åpenbart grunnløs',
  excessive: 'Avvist som urimelig',
};
