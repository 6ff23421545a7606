import { formatCalendarDate } from '../letter-format/format-calendar-date.js';
import {
  DoorEventsTogetherError,
  KeepGroundRequiredError,
  KeepUntilInvalidError,
  NoRecordsError,
  NotReleasableError,
  PlanNotCorrectableError,
  UnknownRecordsError,
} from './plan-correction-errors.js';

/** A refused plan correction as staff read it: the status to answer with, a Norwegian message and the field it concerns. */
export interface CorrectionProblem {
  readonly statusCode: 400 | 409;
  readonly message: string;
  readonly field: 'records' | 'ground' | 'until' | 'action';
}

const listed = (refs: readonly string[]): string => (refs.length > 5 ? `${refs.slice(0, 5).join(', ')} … (${refs.length} i alt)` : refs.join(', '));

/** The Norwegian message for a refused correction, shared by the console and the staff API; undefined for any other error. */
export function correctionProblem(error: unknown): CorrectionProblem | undefined {
  if (error instanceof UnknownRecordsError) {
    return { statusCode: 400, field: 'records', message: `Finner ikke disse oppføringene i det som ble innhentet for saken: ${listed(error.refs)}.` };
  }
  if (error instanceof NoRecordsError) return { statusCode: 400, field: 'records', message: 'Oppgi minst én oppføring.' };
  if (error instanceof DoorEventsTogetherError) {
    return { statusCode: 400, field: 'records', message: 'Dørhendelser kan bare beholdes eller frigis samlet. Oppgi door_event:* for alle.' };
  }
  if (error instanceof KeepGroundRequiredError) return { statusCode: 400, field: 'ground', message: 'Velg grunnlaget for å beholde oppføringene.' };
  if (error instanceof KeepUntilInvalidError) {
    const latest = formatCalendarDate(error.latest, 'nb');
    const message = {
      missing: 'Oppgi en gyldig dato (ÅÅÅÅ-MM-DD) for hvor lenge oppføringene skal beholdes.',
      past: 'Datoen er passert. Oppgi dagens dato eller en senere dato.',
      too_far: `Datoen kan ikke være senere enn ${latest} (ti år fram).`,
    }[error.reason];
    return { statusCode: 400, field: 'until', message };
  }
  if (error instanceof NotReleasableError) {
    return {
      statusCode: 409,
      field: 'records',
      message:
        `Disse oppføringene holdes ikke tilbake av et rettskrav eller av en saksbehandler, og kan ikke frigis her: ${listed(error.refs)}. ` +
        'Oppbevaring etter bokføringsloven og for et aktivt kundeforhold følger av reglene.',
    };
  }
  if (error instanceof PlanNotCorrectableError) {
    return { statusCode: 409, field: 'action', message: 'Henvendelsen gjelder ikke sletting, så det er ingenting å beholde eller frigi i planen.' };
  }
  return undefined;
}
