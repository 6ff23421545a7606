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

export { STAFF_CHANNEL_LABELS as CHANNEL_LABELS, STAFF_TYPE_LABELS as SHORT_TYPE_LABELS } from '../request/staff-labels.js';
