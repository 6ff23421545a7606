import { addMonthsClamped, compareCalendarDates, daysBetween, type CalendarDate } from '../deadline/index.js';
import { CHANNELS, REQUEST_TYPES, type Channel, type RequestType } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import { answeredDate, closedDate } from './case-dates.js';
import { caseOutcome } from './case-outcome.js';
import { median, nearestRankPercentile } from './percentile.js';

/** How many receipt months the dashboard covers, the current one included. */
export const DASHBOARD_MONTHS = 12;

/**
 * The figures of the staff dashboard, for the period {@link DashboardStats.period}. Counts only:
 * nothing here identifies a person.
 */
export interface DashboardStats {
  /** Today's Oslo date, which the period and "overdue now" are counted from. */
  readonly today: CalendarDate;
  /** First and last receipt month covered (`YYYY-MM`), the current month last. */
  readonly period: { readonly fromMonth: string; readonly toMonth: string };
  /** Cases received per month, oldest first, every month of the period even when empty. */
  readonly perMonth: readonly { readonly month: string; readonly count: number }[];
  /** Cases per right asked for; a case asking for two rights counts under both. */
  readonly perType: readonly { readonly type: RequestType; readonly count: number }[];
  readonly perChannel: readonly { readonly channel: Channel; readonly count: number }[];
  /** Calendar days from receipt to the final answer (or to closing, without one), closed cases. */
  readonly daysToClose: { readonly cases: number; readonly median: number | null; readonly p90: number | null };
  /** Of the cases answered, how many by their due date (the extended one when extended). */
  readonly answeredOnTime: { readonly answered: number; readonly onTime: number; readonly share: number | null };
  /** Open cases without a final answer whose due date has passed — whatever their receipt month. */
  readonly overdueNow: number;
}

const monthOf = (date: CalendarDate): string => date.slice(0, 7);

/** The `YYYY-MM` months of the period ending with today's month, oldest first. */
function periodMonths(today: CalendarDate): string[] {
  const firstOfMonth = `${monthOf(today)}-01`;
  return Array.from({ length: DASHBOARD_MONTHS }, (_, i) => monthOf(addMonthsClamped(firstOfMonth, i - DASHBOARD_MONTHS + 1)));
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): { key: K; count: number }[] {
  return keys.map((key) => ({ key, count: values.filter((value) => value === key).length }));
}

/**
 * The dashboard's figures from the request records, for cases received in the last
 * {@link DASHBOARD_MONTHS} months (by Oslo receipt date; "overdue now" looks at every open case).
 * Merged duplicates count as received but are left out of the handling figures: their answer is
 * the other case's, and their quick closing would flatter the days to close.
 *
 * @param today Today's date in Oslo.
 */
export function dashboardStats(requests: readonly RightsRequest[], today: CalendarDate): DashboardStats {
  const months = periodMonths(today);
  const fromMonth = months[0] ?? monthOf(today);
  const inPeriod = requests.filter((request) => {
    const month = monthOf(request.receiptDate);
    return month >= fromMonth && month <= monthOf(today);
  });
  const handled = inPeriod.filter((request) => caseOutcome(request) !== 'merged');

  const days = handled.flatMap((request) => {
    const end = answeredDate(request) ?? closedDate(request);
    return request.status === 'closed' && end !== undefined ? [daysBetween(request.receiptDate, end)] : [];
  });
  const answered = handled.flatMap((request) => {
    const date = answeredDate(request);
    return date === undefined ? [] : [compareCalendarDates(date, request.dueDate) <= 0];
  });
  const onTime = answered.filter(Boolean).length;

  return {
    today,
    period: { fromMonth, toMonth: monthOf(today) },
    perMonth: countBy(months, inPeriod.map((request) => monthOf(request.receiptDate))).map(({ key, count }) => ({ month: key, count })),
    perType: countBy(REQUEST_TYPES, inPeriod.flatMap((request) => request.types)).map(({ key, count }) => ({ type: key, count })),
    perChannel: countBy(CHANNELS, inPeriod.map((request) => request.channel)).map(({ key, count }) => ({ channel: key, count })),
    daysToClose: { cases: days.length, median: median(days), p90: nearestRankPercentile(days, 90) },
    answeredOnTime: { answered: answered.length, onTime, share: answered.length === 0 ? null : onTime / answered.length },
    overdueNow: requests.filter(
      (request) =>
        request.status !== 'closed' && answeredDate(request) === undefined && compareCalendarDates(today, request.dueDate) > 0,
    ).length,
  };
}
