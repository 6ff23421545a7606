import type { WatchedCase } from './assess-deadlines.js';
import { WARNING_THRESHOLDS, type WarningThreshold } from './warning-thresholds.js';

/** The warning to send for one case today. */
export interface DueWarning {
  /**
   * The threshold whose mail is sent: the lowest one reached. Absent only when that one was
   * already sent and a higher one was somehow not recorded, which is then recorded silently.
   */
  readonly mail?: WarningThreshold;
  /** Every threshold reached and not yet recorded; all are recorded once the mail is sent. */
  readonly record: readonly WarningThreshold[];
}

/**
 * Which warning, if any, a case needs today: each threshold once, when the working days left have
 * fallen to it or below and it was not sent before. When several are reached at once (a case
 * registered late, or the job down for days) only the most urgent mail goes out, and the others
 * are recorded as overtaken. An overdue case gets no warning: the digest and the alarm carry it.
 *
 * @param alreadySent thresholds recorded in the case's audit trail
 */
export function warningDue(row: WatchedCase, alreadySent: ReadonlySet<WarningThreshold>): DueWarning | undefined {
  if (row.overdue) return undefined;
  const reached = WARNING_THRESHOLDS.filter((threshold) => row.workingDaysLeft <= threshold);
  const record = reached.filter((threshold) => !alreadySent.has(threshold));
  if (record.length === 0) return undefined;
  const mostUrgent = Math.min(...reached) as WarningThreshold;
  return alreadySent.has(mostUrgent) ? { record } : { mail: mostUrgent, record };
}
