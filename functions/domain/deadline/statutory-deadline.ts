/**
 * The statutory reply deadline for a data-subject request: GDPR Art. 12(3), counted per
 * Reg. (EEC, Euratom) No 1182/71 with Norwegian public holidays.
 *
 * 1. The receipt date is the Europe/Oslo calendar date of the moment the request arrived.
 * 2. The period ends on the same day-of-month one month later — three months when extended
 *    (Art. 12(3) allows two further months, counted from receipt, not from the first deadline) —
 *    or on the last day of the target month when it has no such day (Reg. 1182/71 Art. 3(2)(c)).
 * 3. If that day is a Saturday, Sunday or public holiday, the period ends on the next working day
 *    (Art. 3(4)). A receipt on a weekend or holiday does not move the start.
 *
 * @module
 */

import { addMonthsClamped } from './calendar-date.js';
import type { CalendarDate } from './calendar-date.js';
import { nextWorkingDayOnOrAfter } from './norwegian-public-holidays.js';
import { osloCalendarDate, osloWallClockInstant } from './oslo-calendar-date.js';

/** Art. 12(3): reply "within one month of receipt of the request". */
export const STATUTORY_PERIOD_MONTHS = 1;
/** Art. 12(3): "extended by two further months", i.e. three months from receipt in total. */
export const EXTENDED_PERIOD_MONTHS = 3;

/** Options for the deadline calculation. */
export interface DeadlineOptions {
  /** The controller has extended the period under Art. 12(3) (three months instead of one). */
  readonly extended?: boolean;
}

/**
 * The due date for a request whose Oslo receipt date is already known (e.g. stored as
 * `receiptDate`), so re-computing after an extension needs no instant.
 *
 * @throws {InvalidDateError} when `receiptDate` is not a valid `YYYY-MM-DD` date.
 */
export function deadlineFromReceiptDate(receiptDate: CalendarDate, options: DeadlineOptions = {}): CalendarDate {
  const months = options.extended === true ? EXTENDED_PERIOD_MONTHS : STATUTORY_PERIOD_MONTHS;
  return nextWorkingDayOnOrAfter(addMonthsClamped(receiptDate, months));
}

/**
 * The due date for a request received at `receivedAt` (an ISO-8601 string with `Z` or an offset,
 * or a `Date`). The receipt date is taken in Europe/Oslo, never in UTC.
 *
 * @throws {InvalidInstantError} when `receivedAt` has no offset or is malformed.
 */
export function statutoryDeadline(receivedAt: string | Date, options: DeadlineOptions = {}): CalendarDate {
  return deadlineFromReceiptDate(osloCalendarDate(receivedAt), options);
}

/**
 * The last moment of the due date, 23:59:59 Europe/Oslo, as an ISO-8601 instant with that day's
 * offset (`2026-12-23T23:59:59+01:00`, `2026-07-01T23:59:59+02:00`). For display only: the
 * deadline itself is the calendar date.
 *
 * @throws {InvalidDateError} when `dueDate` is not a valid `YYYY-MM-DD` date.
 */
export function endOfDeadlineInstant(dueDate: CalendarDate): string {
  return osloWallClockInstant(dueDate, '23:59:59');
}
