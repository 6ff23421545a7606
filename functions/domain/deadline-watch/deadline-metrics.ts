/**
 * The deadline watch's metrics: their namespace and names, shared by the function that records
 * them (through Powertools Metrics, `functions/shared/observability.ts`) and the alarms and the
 * dashboard that read them.
 *
 * @module
 */

/** Namespace of the pipeline's own metrics; the alarms in `infra/constructs/deadline-watch.ts` read it. */
export const DSR_METRICS_NAMESPACE = 'ObosNaerkontor/Dsr';

/** Names of the deadline watch's metrics, shared with the alarms that read them. */
export const DEADLINE_METRICS = {
  overdue: 'OverdueRequests',
  dueWithin2WorkingDays: 'RequestsDueWithin2WorkingDays',
} as const;

/** A metric name from {@link DEADLINE_METRICS}. */
export type DeadlineMetricName = (typeof DEADLINE_METRICS)[keyof typeof DEADLINE_METRICS];

/** The service (Powertools' `service` dimension) under which the deadline watch records them. */
export const DEADLINE_WATCH_SERVICE = 'watch-deadlines';
