import { CRITICAL_WORKING_DAYS, SOON_WORKING_DAYS } from '../console-queue/urgency.js';

/**
 * Staff are warned twice before a due date: a week ahead (time to plan the reply, or to extend
 * while that is still allowed) and two working days ahead (last call). The same limits at which
 * the queue marks a case `soon` and `critical`, counted in Norwegian working days, so a weekend
 * or Easter does not eat the margin.
 */
export const WARNING_THRESHOLDS = [SOON_WORKING_DAYS, CRITICAL_WORKING_DAYS] as const;

/** A number of working days left at which staff are warned. */
export type WarningThreshold = (typeof WARNING_THRESHOLDS)[number];

/** Whether a value read back (e.g. from an audit entry) is one of {@link WARNING_THRESHOLDS}. */
export const isWarningThreshold = (value: unknown): value is WarningThreshold =>
  WARNING_THRESHOLDS.some((threshold) => threshold === value);

/** The mail purpose of a threshold's warning (`deadline-warning-7`), used in SES tags and logs. */
export const warningPurpose = (threshold: WarningThreshold): string => `deadline-warning-${threshold}`;
