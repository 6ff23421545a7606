import { osloCalendarDate, parseInstant, type CalendarDate } from '../deadline/index.js';
import type { RightsRequest } from '../request/rights-request.js';

/**
 * The `mailsSent` purposes of a letter that answers the request for good: the reply after a
 * decision (approved or refused), the closure when identity was never confirmed, and the staff
 * closures (merged, manifestly unfounded, excessive). Acknowledgements, codes, reminders and
 * extension notices are not answers, so they never stop the Art. 12(3) clock.
 */
export const FINAL_ANSWER_PURPOSES: readonly string[] = [
  'reply',
  'unverified-closure',
  'closure-merged',
  'closure-manifestly-unfounded',
  'closure-excessive',
];

type DateFacts = Pick<RightsRequest, 'status' | 'closure' | 'mailsSent' | 'updatedAt'>;

/** The instant of the earliest final answer, or `undefined` when none was sent yet. */
function answeredAt(request: Pick<RightsRequest, 'mailsSent'>): string | undefined {
  const sent = FINAL_ANSWER_PURPOSES.flatMap((purpose) => {
    const mail = request.mailsSent[purpose];
    return mail ? [mail.sentAt] : [];
  });
  return sent.sort((a, b) => parseInstant(a) - parseInstant(b))[0];
}

/**
 * The Oslo date the requester was given the final answer: the date that counts against the
 * due date. `undefined` while no final answer was sent.
 */
export function answeredDate(request: Pick<RightsRequest, 'mailsSent'>): CalendarDate | undefined {
  const at = answeredAt(request);
  return at === undefined ? undefined : osloCalendarDate(at);
}

/**
 * The Oslo date a closed case was closed; `undefined` while it is open. A staff closure records
 * its own time. A workflow closure follows the final answer in the same execution, so the
 * answer's time stands for it; `updatedAt` is only the last resort, because a download of the
 * export package or the export purge still touches it weeks after the case was closed.
 */
export function closedDate(request: DateFacts): CalendarDate | undefined {
  if (request.status !== 'closed') return undefined;
  return osloCalendarDate(request.closure?.at ?? answeredAt(request) ?? request.updatedAt);
}
