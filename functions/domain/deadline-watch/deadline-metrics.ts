/**
 * The deadline watch's metric names, shared by the function that records them (through Powertools
 * Metrics, in the pipeline's namespace `DSR_METRICS_NAMESPACE` of `functions/platform/observability.ts`)
 * and the alarms and the dashboard that read them.
 *
 * @module
 */

/** Names of the deadline watch's metrics, shared with the alarms that read them. */
export const DEADLINE_METRICS = {
  overdue: 'OverdueRequests',
  dueWithin2WorkingDays: 'RequestsDueWithin2WorkingDays',
} as const;

/** A metric name from {@link DEADLINE_METRICS}. */
export type DeadlineMetricName = (typeof DEADLINE_METRICS)[keyof typeof DEADLINE_METRICS];

/** The service (Powertools' `service` dimension) under which the deadline watch records them. */
export const DEADLINE_WATCH_SERVICE = 'watch-deadlines';
