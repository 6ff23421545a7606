import { compareCalendarDates, nextWorkingDayOnOrAfter, workingDaysBetween } from '../deadline/index.js';

/** How close a case is to its statutory deadline, most pressing first. */
export const URGENCIES = ['overdue', 'critical', 'soon', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Working days left at or below which a case is `critical`: there is barely time to reply. */
export const CRITICAL_WORKING_DAYS = 2;
/** Working days left at or below which a case is `soon`: about a working week. */
export const SOON_WORKING_DAYS = 7;

export interface DeadlineStanding {
  /**
   * Working days (Monday–Friday, not Norwegian public holidays) left until the due date, negative
   * when it has passed:
   * - on or before the due date: the working days after `today` up to and including the due date,
   *   so 0 on the due date itself, 1 on the working day before it, and 1 on a Saturday before a
   *   Monday due date;
   * - after the due date: minus the working days after the due date up to and including the first
   *   working day on or after `today` — the earliest day a reply could now go out. So the first
   *   day over is −1 even when it is a Saturday or a holiday, and the count never shows 0 for a
   *   case that is late.
   */
  readonly workingDaysLeft: number;
  readonly urgency: Urgency;
}

/**
 * Where a case stands against its due date on `today` (both Oslo calendar dates). Counting
 * working days rather than calendar days matches how much time staff really have: a deadline on
 * the Tuesday after Easter is much closer on Maundy Thursday than "5 days" suggests.
 *
 * @example deadlineStanding('2026-04-01', '2026-04-07') // six calendar days, but Easter in between
 * // { workingDaysLeft: 1, urgency: 'critical' }
 */
export function deadlineStanding(today: string, dueDate: string): DeadlineStanding {
  if (compareCalendarDates(today, dueDate) > 0) {
    return { workingDaysLeft: -workingDaysBetween(dueDate, nextWorkingDayOnOrAfter(today)), urgency: 'overdue' };
  }
  const workingDaysLeft = workingDaysBetween(today, dueDate);
  const urgency: Urgency =
    workingDaysLeft <= CRITICAL_WORKING_DAYS ? 'critical' : workingDaysLeft <= SOON_WORKING_DAYS ? 'soon' : 'normal';
  return { workingDaysLeft, urgency };
}
