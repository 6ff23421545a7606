import { type CfnElement, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { DEADLINE_WATCH_HOUR } from '../../functions/domain/deadline-watch/daily-run-time.js';
import { DEADLINE_METRICS, DEADLINE_WATCH_SERVICE } from '../../functions/domain/deadline-watch/deadline-metrics.js';
import { DSR_METRICS_NAMESPACE } from '../../functions/platform/observability.js';

/** The time zone the daily run follows, so it stays at the same Oslo hour across DST changes. */
export const DEADLINE_WATCH_TIME_ZONE = 'Europe/Oslo';

/** Properties of {@link DeadlineWatch}. */
export interface DeadlineWatchProps {
  /** The `watch-deadlines` function. */
  readonly job: lambda.IFunction;
  /**
   * Hour of the day (Oslo time) of the run: before the office opens, so the digest is waiting.
   *
   * @default DEADLINE_WATCH_HOUR (7)
   */
  readonly hour?: number;
}

/**
 * Watches the Art. 12(3) deadlines in AWS: runs the deadline watch every morning at 07:00
 * Europe/Oslo through EventBridge Scheduler, and alarms when the job reports an overdue case or
 * stops reporting at all.
 *
 * The two alarms are exposed rather than wired, so the stack adds the operations topic to them
 * with {@link DeadlineWatch.addAlarmAction}.
 *
 * @example
 * ```ts
 * const watch = new DeadlineWatch(this, 'DeadlineWatch', { job: watchDeadlinesFn });
 * watch.addAlarmAction(new SnsAction(operationsAlarms.topic));
 * ```
 */
export class DeadlineWatch extends Construct {
  readonly schedule: scheduler.Schedule;
  /** The role EventBridge Scheduler assumes; it may invoke the job and nothing else. */
  readonly scheduleRole: iam.Role;
  /** In alarm while the latest run counted at least one overdue request. */
  readonly overdueAlarm: cloudwatch.Alarm;
  /** In alarm when no run has reported for 26 hours: overdue cases would go unseen. */
  readonly notReportingAlarm: cloudwatch.Alarm;
  /** In alarm while the latest run counted a request due within 2 working days. */
  readonly dueSoonAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DeadlineWatchProps) {
    super(scope, id);
    const hour = props.hour ?? DEADLINE_WATCH_HOUR;
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
      throw new RangeError(`DeadlineWatch ${id}: hour must be an integer from 0 to 23`);
    }

    // An own role rather than the scheduler targets' shared singleton, so that adding another
    // schedule to the stack cannot widen what this one may invoke.
    this.scheduleRole = new iam.Role(this, 'ScheduleRole', {
      // Only schedules of this account may assume it (the confused-deputy guard AWS recommends).
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Lets EventBridge Scheduler start the daily deadline watch',
    });
    this.schedule = new scheduler.Schedule(this, 'Daily', {
      description: 'Daily GDPR deadline watch: digest, warnings and overdue metric',
      schedule: scheduler.ScheduleExpression.cron({
        minute: '0',
        hour: String(hour),
        timeZone: TimeZone.of(DEADLINE_WATCH_TIME_ZONE),
      }),
      target: new LambdaInvoke(props.job, {
        role: this.scheduleRole,
        input: scheduler.ScheduleTargetInput.fromObject({}),
        // A digest a few hours late is still useful; one a day late is replaced by the next.
        maxEventAge: Duration.hours(6),
        retryAttempts: 5,
      }),
    });

    Validations.of(this.scheduleRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.job.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'The job function and its versions/aliases only (CDK grants the function ARN and ARN:*); no other function',
    });

    const metric = (statistic: string, period: Duration, metricName: string = DEADLINE_METRICS.overdue): cloudwatch.Metric =>
      // Powertools Metrics records every metric with the `service` dimension of the function.
      new cloudwatch.Metric({ namespace: DSR_METRICS_NAMESPACE, metricName, statistic, period, dimensionsMap: { service: DEADLINE_WATCH_SERVICE } });

    this.overdueAlarm = new cloudwatch.Alarm(this, 'OverdueRequests', {
      alarmDescription:
        'At least one rights request is past its GDPR Art. 12(3) due date: see the daily digest or the staff console.',
      metric: metric('Maximum', Duration.days(1)),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // A window without a run keeps the last state instead of clearing it: no data says nothing
      // about overdue cases, and the not-reporting alarm covers a job that stopped running.
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });

    // The job's own metric rather than Lambda's Invocations: a run that fails before measuring
    // watches nothing either. Hourly periods over 26 hours tolerate a late run without a gap.
    this.notReportingAlarm = new cloudwatch.Alarm(this, 'NotReporting', {
      alarmDescription:
        'The deadline watch has not reported for 26 hours: overdue requests would go unnoticed. Check the watch-deadlines function and its schedule.',
      metric: metric('SampleCount', Duration.hours(1)),
      threshold: 1,
      evaluationPeriods: 26,
      datapointsToAlarm: 26,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });

    this.dueSoonAlarm = new cloudwatch.Alarm(this, 'DueWithin2WorkingDays', {
      alarmDescription:
        'A rights request is due within 2 working days (GDPR Art. 12(3)): make sure it is answered or extended in time. See the staff console.',
      metric: metric('Maximum', Duration.days(1), DEADLINE_METRICS.dueWithin2WorkingDays),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    });
  }

  /** Every alarm of the watch, for a stack that wires them to its notifications. */
  get alarms(): readonly cloudwatch.Alarm[] {
    return [this.overdueAlarm, this.notReportingAlarm, this.dueSoonAlarm];
  }

  /** Adds the actions to both alarms (e.g. the operations topic). */
  addAlarmAction(...actions: cloudwatch.IAlarmAction[]): this {
    for (const alarm of this.alarms) alarm.addAlarmAction(...actions);
    return this;
  }
}
