import { addDays, osloCalendarDate, osloWallClockInstant } from '../deadline/index.js';

/**
 * Hour of the day, Oslo time, at which the deadline watch runs: before the office opens, so the
 * digest is waiting. The AWS schedule and the local timer both use it.
 */
export const DEADLINE_WATCH_HOUR = 7;

/**
 * The next instant, strictly after `now`, at which Oslo clocks show `hour`:00 — for a local timer
 * that runs the watch when the AWS schedule would (an interval of 24 h would drift by an hour at
 * each DST change).
 *
 * @example nextDailyRunAt(new Date('2026-12-01T06:30:00Z')) // 2026-12-02T06:00:00.000Z
 */
export function nextDailyRunAt(now: Date, hour: number = DEADLINE_WATCH_HOUR): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError('hour must be an integer from 0 to 23');
  const time = `${String(hour).padStart(2, '0')}:00`;
  const today = osloCalendarDate(now);
  const todayRun = new Date(osloWallClockInstant(today, time));
  return todayRun.getTime() > now.getTime() ? todayRun : new Date(osloWallClockInstant(addDays(today, 1), time));
}
