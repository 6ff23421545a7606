/**
 * CloudWatch Embedded Metric Format (EMF): one JSON log line from which CloudWatch Logs extracts
 * metric values, so the job needs neither `cloudwatch:PutMetricData` nor a client. The shape
 * follows the EMF specification: an `_aws` metadata object with `Timestamp` (epoch milliseconds)
 * and one `CloudWatchMetrics` directive naming the namespace, the dimension sets and the metrics,
 * whose values are members of the root object under the metrics' names.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
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

/** The EMF document as written: metadata plus one root member per metric. */
export interface EmfDocument {
  readonly _aws: {
    readonly Timestamp: number;
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string; readonly Unit: 'Count' }[];
    }[];
  };
  readonly [member: string]: unknown;
}

/**
 * An EMF document with `Count` metrics and no dimensions (`Dimensions: [[]]`): the counts are
 * totals for the whole pipeline, and a dimension per request would put identifiers into metrics.
 *
 * @param counts metric name → value; each value must be a finite number
 * @param at the time the values were measured
 * @throws {RangeError} for a value that is not a finite number, which CloudWatch would drop silently
 */
export function emfCountsDocument(counts: Readonly<Record<DeadlineMetricName, number>>, at: Date): EmfDocument {
  const names = Object.keys(counts) as DeadlineMetricName[];
  for (const name of names) {
    if (!Number.isFinite(counts[name])) throw new RangeError(`metric ${name} must be a finite number`);
  }
  return {
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: DSR_METRICS_NAMESPACE,
          Dimensions: [[]],
          Metrics: names.map((name) => ({ Name: name, Unit: 'Count' as const })),
        },
      ],
    },
    ...counts,
  };
}

/** {@link emfCountsDocument} as the single line to write to stdout. */
export const emfCountsLine = (counts: Readonly<Record<DeadlineMetricName, number>>, at: Date): string =>
  JSON.stringify(emfCountsDocument(counts, at));
