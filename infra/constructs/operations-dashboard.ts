import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEADLINE_METRICS, DEADLINE_WATCH_SERVICE } from '../../functions/domain/deadline-watch/deadline-metrics.js';
import { DSR_METRICS_NAMESPACE } from '../../functions/platform/observability.js';
import type { DsrFunction } from './dsr-function.js';

/**
 * The request-flow metrics, counted from the functions' own structured log events (metric
 * filters), so no function needs `cloudwatch:PutMetricData` and no metric carries an id.
 * `functions` are the folders whose log groups can hold the event.
 */
export const FLOW_METRICS = [
  {
    metricName: 'RequestsReceived',
    label: 'Mottatt',
    pattern: '{ $.event = "request.created" }',
    functions: ['create-request', 'email-intake', 'console-mail'],
  },
  {
    metricName: 'RequestsVerified',
    label: 'Identitet bekreftet',
    pattern: '{ $.event = "verification.verified" }',
    functions: ['verify-page', 'console-case-actions', 'staff-api'],
  },
  {
    metricName: 'RequestsAnswered',
    label: 'Besvart',
    pattern: '{ ($.event = "mail.sent") && ($.purpose = "reply") }',
    functions: ['send-reply'],
  },
  {
    metricName: 'MailUndeliverable',
    label: 'E-post kom ikke fram',
    pattern: '{ $.event = "mail.undeliverable" }',
    functions: ['mail-events'],
  },
] as const;

/** Properties of {@link OperationsDashboard}. */
export interface OperationsDashboardProps {
  /** The dashboard's name (it carries the stage). */
  readonly dashboardName: string;
  /** The deployed functions by folder; their log groups feed the flow metrics. */
  readonly functions: Readonly<Partial<Record<string, DsrFunction>>>;
  /** The alarms shown on the dashboard. */
  readonly alarms: readonly cloudwatch.IAlarm[];
}

/**
 * The one CloudWatch dashboard of the pipeline: the request flow per day (received, verified,
 * answered, overdue and due soon) and the state of every alarm.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  /** The metric filters behind the flow metrics. */
  readonly metricFilters: logs.MetricFilter[] = [];

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const day = Duration.days(1);
    const flow: cloudwatch.IMetric[] = [];
    for (const spec of FLOW_METRICS) {
      for (const folder of spec.functions) {
        const fn = props.functions[folder];
        if (fn === undefined) continue;
        this.metricFilters.push(
          new logs.MetricFilter(this, `${spec.metricName}${fn.node.id}`, {
            logGroup: fn.logGroup,
            metricNamespace: DSR_METRICS_NAMESPACE,
            metricName: spec.metricName,
            filterPattern: logs.FilterPattern.literal(spec.pattern),
            metricValue: '1',
            unit: cloudwatch.Unit.COUNT,
          }),
        );
      }
      flow.push(new cloudwatch.Metric({ namespace: DSR_METRICS_NAMESPACE, metricName: spec.metricName, statistic: 'Sum', period: day, label: spec.label }));
    }
    const deadline = (metricName: string, label: string): cloudwatch.Metric =>
      new cloudwatch.Metric({ namespace: DSR_METRICS_NAMESPACE, metricName, statistic: 'Maximum', period: day, label, dimensionsMap: { service: DEADLINE_WATCH_SERVICE } });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(30),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown:
          '# Innsynsbegjæringer og andre rettighetskrav\nFlyten per dag og tilstanden til hver alarm. Saker finnes i saksbehandlingskonsollet.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Saker per dag', left: flow, width: 12, height: 6, view: cloudwatch.GraphWidgetView.TIME_SERIES }),
      new cloudwatch.GraphWidget({
        title: 'Frister',
        left: [deadline(DEADLINE_METRICS.overdue, 'Over fristen'), deadline(DEADLINE_METRICS.dueWithin2WorkingDays, 'Frist innen 2 arbeidsdager')],
        width: 12,
        height: 6,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarmer', alarms: [...props.alarms], width: 24, height: Math.min(12, 2 + Math.ceil(props.alarms.length / 4)) }),
    );
  }
}
