import { compareCalendarDates, workingDaysBetween, type CalendarDate } from '../deadline/index.js';
import type { RequestType, Status } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import { isAnswered } from '../lifecycle/request-lifecycle.js';
import { WARNING_THRESHOLDS } from './warning-thresholds.js';

/**
 * Whether a request in `status` still has to be answered by its due date: it has not had the answer
 * Art. 12(3)–(4) asks for (reply, refusal with remedies, or closure as unverified; the lifecycle's
 * answered statuses). Every other status the open-requests index yields, `needs_attention` and
 * `on_hold` included, is still waiting.
 */
export const isAwaitingAnswer = (status: Status): boolean => !isAnswered(status);

/** Working days left within which a case is "short of time" in the digest: the first warning. */
export const SHORT_DEADLINE_WORKING_DAYS: number = Math.max(...WARNING_THRESHOLDS);

/** Working days left within which a case counts in the `RequestsDueWithin2WorkingDays` metric. */
export const LAST_CALL_WORKING_DAYS: number = Math.min(...WARNING_THRESHOLDS);

/** One waiting case as the deadline watch sees it: identifiers and dates only, no personal data. */
export interface WatchedCase {
  readonly id: string;
  readonly types: readonly RequestType[];
  readonly status: Status;
  /** The due date in force, already three months from receipt when `extended`. */
  readonly dueDate: CalendarDate;
  readonly extended: boolean;
  /**
   * Norwegian working days after today up to and including the due date: 0 on the due date itself,
   * negative once it has passed (see `workingDaysBetween`).
   */
  readonly workingDaysLeft: number;
  /** Today is after the due date (a due date on Friday is overdue on Saturday, with 0 days left). */
  readonly overdue: boolean;
}

/** What one run of the watch found among the open requests. */
export interface DeadlineAssessment {
  readonly today: CalendarDate;
  /** Open requests still waiting for an answer. */
  readonly waiting: number;
  /** Overdue cases first, then cases within {@link SHORT_DEADLINE_WORKING_DAYS}, each by due date. */
  readonly urgent: readonly WatchedCase[];
  readonly overdue: number;
  /** Not overdue and at most {@link LAST_CALL_WORKING_DAYS} working days left (due today included). */
  readonly dueWithinLastCall: number;
}

/** How `request` stands on `today` (an Oslo calendar date). */
export function watchCase(request: RightsRequest, today: CalendarDate): WatchedCase {
  return {
    id: request.id,
    types: request.types,
    status: request.status,
    dueDate: request.dueDate,
    extended: request.extended,
    workingDaysLeft: workingDaysBetween(today, request.dueDate),
    overdue: compareCalendarDates(today, request.dueDate) > 0,
  };
}

const byUrgency = (a: WatchedCase, b: WatchedCase): number =>
  Number(b.overdue) - Number(a.overdue) || compareCalendarDates(a.dueDate, b.dueDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Sorts the open requests into what staff must see today: which are overdue, which are short of
 * time, and the counts the metric reports. Answered requests are left out, except those whose
 * answer still lies unposted (a letter by post counts from when staff posted it); the order of the
 * input does not matter.
 *
 * @example
 * assessDeadlines([dueFriday], '2026-12-05').overdue // 1 on the Saturday after
 */
export function assessDeadlines(
  requests: readonly RightsRequest[],
  today: CalendarDate,
  /** Requests whose answer is a letter by post not yet posted: not answered, whatever the status says. */
  unpostedAnswers: ReadonlySet<string> = new Set(),
): DeadlineAssessment {
  const watched = requests
    .filter((request) => isAwaitingAnswer(request.status) || unpostedAnswers.has(request.id))
    .map((request) => watchCase(request, today));
  const urgent = watched
    .filter((row) => row.overdue || row.workingDaysLeft <= SHORT_DEADLINE_WORKING_DAYS)
    .sort(byUrgency);
  return {
    today,
    waiting: watched.length,
    urgent,
    overdue: watched.filter((row) => row.overdue).length,
    dueWithinLastCall: watched.filter((row) => !row.overdue && row.workingDaysLeft <= LAST_CALL_WORKING_DAYS).length,
  };
}
