import {
  MergeIntoSelfError,
  MergeTargetAnsweredError,
  MergeTargetMergedError,
  MergeWouldLoseRightsError,
  SamePersonNotConfirmedError,
} from '../domain/case-actions/case-action-errors.js';
import { RequestNotFoundError } from '../domain/request/request-errors.js';
import { requestTypeLabel } from '../domain/request/request-type-labels.js';
import type { RequestType } from '../domain/request/request-vocabulary.js';
import { STAFF_STATUS_LABELS } from '../domain/request/staff-labels.js';

/** Which input a merge refusal concerns: the other case's reference, or the same-person confirmation. */
export type MergeRefusalField = 'into' | 'samePerson';

/** A merge the rules refuse, said to staff (Norwegian) by the input they can fix. */
export interface MergeRefusal {
  readonly statusCode: 400 | 409;
  readonly message: string;
  readonly field?: MergeRefusalField;
}

/**
 * The merge-specific refusals of {@link mergeDuplicate}'s rules, worded once for the console's merge
 * form and the staff API's merge route, so both say the same. `intoId` is the reference staff
 * typed: a missing case by that reference is their typing, not a missing duplicate.
 * Anything else (the duplicate's own status, a concurrent change) is left to the caller.
 */
export function mergeRefusal(error: unknown, intoId: string): MergeRefusal | undefined {
  if (error instanceof RequestNotFoundError && error.requestId === intoId) {
    return { statusCode: 400, message: `Fant ingen sak med referansen ${intoId}.`, field: 'into' };
  }
  if (error instanceof MergeIntoSelfError) return { statusCode: 400, message: 'En sak kan ikke slås sammen med seg selv.', field: 'into' };
  if (error instanceof MergeTargetMergedError) {
    return { statusCode: 409, message: 'Den andre saken er selv slått sammen med en tredje. Bruk den sakens referanse.', field: 'into' };
  }
  if (error instanceof SamePersonNotConfirmedError) {
    return {
      statusCode: 409,
      message: 'Sakene har ulike avsendere (ulik e-postadresse eller ulike kunder). Kontroller at det er samme person, og bekreft det før du slår dem sammen.',
      field: 'samePerson',
    };
  }
  if (error instanceof MergeTargetAnsweredError) {
    const label = (STAFF_STATUS_LABELS as Record<string, string>)[error.status] ?? error.status;
    return { statusCode: 409, message: `Den andre saken har status «${label}» og besvarer ikke flere henvendelser. Behandle denne saken for seg.`, field: 'into' };
  }
  if (error instanceof MergeWouldLoseRightsError) {
    const rights = error.missingTypes.map((type) => requestTypeLabel(type as RequestType, 'nb').toLowerCase()).join(', ');
    return {
      statusCode: 409,
      message: `Denne saken ber også om ${rights}, men planen i den andre saken er allerede laget, så det ville ikke blitt behandlet. Slå heller sammen motsatt vei (den andre saken inn i denne), eller behandle sakene hver for seg.`,
      field: 'into',
    };
  }
  return undefined;
}
