import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** Properties of {@link OperationsAlarms}. */
export interface OperationsAlarmsProps {
  /** The rights-request workflow. */
  readonly stateMachine: sfn.IStateMachine;
  /** The public API stage. */
  readonly apiStage: apigw.IHttpStage;
  /** Every function of the pipeline, keyed by a readable name used in the alarm's id. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** Who is mailed when an alarm fires; unset creates the topic without a subscription. */
  readonly alarmEmail?: string;
  /**
   * Queues that hold events a function gave up on (failure destinations), keyed by a readable
   * name. Any message in one is an alarm: it is a request nobody has seen yet.
   */
  readonly failedEventQueues?: Readonly<Record<string, sqs.IQueue>>;
  /**
   * Functions invoked asynchronously with a failure destination, keyed by a readable name. An
   * event Lambda could not even deliver to that destination is lost, so each delivery failure is
   * an alarm.
   */
  readonly asyncFunctions?: Readonly<Record<string, lambda.IFunction>>;
  /** Tables whose throttled requests are an alarm (a throttled write may be a lost step), keyed by name. */
  readonly tables?: Readonly<Record<string, dynamodb.ITable>>;
}

/**
 * Tells operations when a request may be stuck. A request must be answered within a month
 * (GDPR Art. 12(3)), so a workflow that ends in `NeedsAttention`, times out or is aborted, an
 * intake that answers 5xx, or a function that throws must reach a person, not only a log.
 * Alarm notifications carry names and counts only, never request data.
 */
export class OperationsAlarms extends Construct {
  /** The topic every alarm notifies; subscribe further endpoints to it as needed. */
  readonly topic: sns.Topic;
  /** Every alarm this construct made, for the dashboard. */
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'OBOS Nærkontor rights requests: operations alarms',
      enforceSSL: true,
    });
    if (props.alarmEmail !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }
    const action = new SnsAction(this.topic);
    const period = Duration.minutes(5);
    const alarmOnAny = (alarmId: string, description: string, metric: cloudwatch.IMetric): void => {
      const alarm = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      this.alarms.push(alarm);
    };

    alarmOnAny(
      'WorkflowNotCompleted',
      'A rights-request execution failed (flagged NeedsAttention), timed out or was aborted: see the request audit trail.',
      new cloudwatch.MathExpression({
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: props.stateMachine.metricFailed({ period, statistic: 'Sum' }),
          timedOut: props.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
          aborted: props.stateMachine.metricAborted({ period, statistic: 'Sum' }),
        },
        period,
      }),
    );
    alarmOnAny(
      'ApiServerErrors',
      'The public rights-request API answered 5xx: requesters may not be able to submit.',
      props.apiStage.metricServerError({ period, statistic: 'Sum' }),
    );
    for (const [name, fn] of Object.entries(props.functions)) {
      alarmOnAny(
        `${name}Errors`,
        `Function ${name} threw an error.`,
        fn.metricErrors({ period, statistic: 'Sum' }),
      );
      alarmOnAny(
        `${name}Throttles`,
        `Function ${name} was throttled: a request, page or step was refused for lack of concurrency.`,
        fn.metricThrottles({ period, statistic: 'Sum' }),
      );
    }
    for (const [name, table] of Object.entries(props.tables ?? {})) {
      alarmOnAny(
        `${name}TableThrottles`,
        `DynamoDB throttled requests on the ${name} table: a step may have failed to record its result.`,
        table.metric('ThrottledRequests', { period, statistic: 'Sum' }),
      );
    }
    for (const [name, queue] of Object.entries(props.failedEventQueues ?? {})) {
      alarmOnAny(
        `${name}NotEmpty`,
        `${name} holds an event whose processing failed for good: replay it (see the README) so the request is not lost.`,
        queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      );
    }
    for (const [name, fn] of Object.entries(props.asyncFunctions ?? {})) {
      alarmOnAny(
        `${name}DestinationDeliveryFailures`,
        `Function ${name} failed an event and could not put it in its failure queue: the event is lost; find it by time in the logs.`,
        fn.metric('DestinationDeliveryFailures', { period, statistic: 'Sum' }),
      );
    }
  }
}
