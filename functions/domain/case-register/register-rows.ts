import { compareCalendarDates, parseInstant } from '../deadline/index.js';
import type { RightsRequest } from '../request/rights-request.js';
import { toOsloIsoString } from '../deadline/oslo-calendar-date.js';
import { caseOutcome, type CaseOutcome } from './case-outcome.js';
import { answeredDate, closedDate } from './case-dates.js';

/**
 * One case in the register kept for the accountability record (Art. 5(2)): what was asked, how
 * it came in, the dates that count for the deadline and how it ended. Only codes and dates —
 * never the requester's name, contact details or free text, nor staff names or reasons — so the
 * register can be exported and kept without becoming another copy of personal data.
 */
export interface RegisterRow {
  readonly reference: string;
  /** Request type codes joined by `;`, in the order the request lists them. */
  readonly types: string;
  readonly channel: string;
  /** The receipt instant in Oslo time with its offset. */
  readonly receivedAt: string;
  readonly receiptDate: string;
  /** The due date in force (the extended one when extended). */
  readonly dueDate: string;
  /** The one-month due date; blank when an old record says extended but kept no original. */
  readonly originalDueDate: string;
  readonly extended: 'ja' | 'nei';
  /** Oslo date of the final answer; blank until one was sent. */
  readonly answeredDate: string;
  /** Oslo date the case was closed; blank while open. */
  readonly closedDate: string;
  readonly outcome: CaseOutcome;
  /** Whether the final answer was sent by the due date; blank until one was sent. */
  readonly answeredOnTime: 'ja' | 'nei' | '';
}

/** Builds one row field by field, so a field added to the request never leaks in by accident. */
function registerRow(request: RightsRequest): RegisterRow {
  const answered = answeredDate(request);
  return {
    reference: request.id,
    types: request.types.join(';'),
    channel: request.channel,
    receivedAt: toOsloIsoString(new Date(parseInstant(request.receivedAt))),
    receiptDate: request.receiptDate,
    dueDate: request.dueDate,
    originalDueDate: request.extended ? (request.extension?.originalDueDate ?? '') : request.dueDate,
    extended: request.extended ? 'ja' : 'nei',
    answeredDate: answered ?? '',
    closedDate: closedDate(request) ?? '',
    outcome: caseOutcome(request),
    answeredOnTime: answered === undefined ? '' : compareCalendarDates(answered, request.dueDate) <= 0 ? 'ja' : 'nei',
  };
}

/**
 * The case register: one row per request, oldest receipt first (ties by reference), so two
 * exports of the same cases are identical and read in the order the cases came in.
 */
export function registerRows(requests: readonly RightsRequest[]): RegisterRow[] {
  return [...requests]
    .sort((a, b) => parseInstant(a.receivedAt) - parseInstant(b.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(registerRow);
}
