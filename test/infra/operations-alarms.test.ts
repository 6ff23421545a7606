import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

describe('operations alarms', () => {
  let synth: SynthesizedDsrStack;
  let withoutEmail: Template;
  let withEmail: Template;

  beforeAll(() => {
    synth = synthDsrStack();
    withoutEmail = synth.template;
    withEmail = synthDsrStack({ alarmEmail: 'drift@obos.no' }).template;
  }, SYNTH_TIMEOUT_MS);

  it('alarms on errors of every deployed function', () => {
    const alarmed = Object.values(withoutEmail.findResources('AWS::CloudWatch::Alarm'))
      .filter((alarm) => alarm.Properties.MetricName === 'Errors' && alarm.Properties.Namespace === 'AWS/Lambda')
      .map((alarm) => (alarm.Properties.Dimensions as { Name: string; Value: { Ref: string } }[])[0]?.Value.Ref);
    const deployed = synth.stack.deployed().map(([folder]) => synth.functionId(folder));
    expect(alarmed.sort()).toEqual(deployed.sort());
  });

  it('alarms when a workflow execution fails, times out or is aborted', () => {
    withoutEmail.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'failed + timedOut + aborted' }),
        Match.objectLike({
          Id: 'failed',
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ExecutionsFailed' }) }),
        }),
      ]),
      Threshold: 1,
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
  });

  it('alarms on 5xx answers of the public API', () => {
    withoutEmail.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
      Threshold: 1,
    });
  });

  it('notifies the alarm topic when a request is overdue or the deadline watch stops reporting', () => {
    // The operations topic, as the stack outputs it for subscribers.
    const topic = (withoutEmail.toJSON().Outputs as Record<string, { Value: unknown }>).AlarmTopicArn?.Value as { Ref: string };
    const topicId = topic.Ref;
    expect(withoutEmail.findResources('AWS::SNS::Topic')).toHaveProperty(topicId);
    const alarms = withoutEmail.findResources('AWS::CloudWatch::Alarm');
    const watchAlarms = [synth.stack.deadlineWatch.overdueAlarm, synth.stack.deadlineWatch.notReportingAlarm].map(
      (alarm) => alarms[synth.logicalId(alarm)]?.Properties,
    );
    expect(watchAlarms).toEqual([
      expect.objectContaining({ MetricName: 'OverdueRequests', Statistic: 'Maximum', AlarmActions: [{ Ref: topicId }] }),
      expect.objectContaining({ MetricName: 'OverdueRequests', Statistic: 'SampleCount', AlarmActions: [{ Ref: topicId }] }),
    ]);
  });

  it('creates the topic without a subscription when no alarm address is set (a dev stage)', () => {
    const topicId = synth.logicalId(synth.stack.alarms.topic);
    const subscriptions = Object.values(withoutEmail.findResources('AWS::SNS::Subscription'));
    expect(subscriptions.filter((sub) => JSON.stringify(sub.Properties.TopicArn) === JSON.stringify({ Ref: topicId }))).toEqual([]);
  });

  it('alarms on throttles of every deployed function', () => {
    const alarmed = Object.values(withoutEmail.findResources('AWS::CloudWatch::Alarm'))
      .filter((alarm) => alarm.Properties.MetricName === 'Throttles' && alarm.Properties.Namespace === 'AWS/Lambda')
      .map((alarm) => (alarm.Properties.Dimensions as { Name: string; Value: { Ref: string } }[])[0]?.Value.Ref);
    const deployed = synth.stack.deployed().map(([folder]) => synth.functionId(folder));
    expect(alarmed.sort()).toEqual(deployed.sort());
  });

  it('alarms on throttled requests of the requests table and each customer-data table', () => {
    const tables = [synth.stack.requests.table, ...(['customers', 'billing', 'accessLog'] as const).map((name) => synth.stack.customerData.table(name))];
    for (const table of tables) {
      withoutEmail.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/DynamoDB',
        MetricName: 'ThrottledRequests',
        Dimensions: [{ Name: 'TableName', Value: synth.stack.resolve(table.tableName) }],
        AlarmActions: [{ Ref: synth.logicalId(synth.stack.alarms.topic) }],
      });
    }
  });

  it('alarms when a bounce or complaint event could not be handled, and when one is lost', () => {
    withoutEmail.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [synth.logicalId(synth.stack.mailSending.failedEvents), 'QueueName'] } }],
    });
    withoutEmail.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'DestinationDeliveryFailures',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: synth.functionId('mail-events') } }],
    });
  });

  it('alarms when a request is due within 2 working days', () => {
    const alarm = withoutEmail.toJSON().Resources[synth.logicalId(synth.stack.deadlineWatch.dueSoonAlarm)];
    expect(alarm.Properties).toMatchObject({
      Namespace: 'ObosNaerkontor/Dsr',
      MetricName: 'RequestsDueWithin2WorkingDays',
      Threshold: 1,
      AlarmActions: [{ Ref: synth.logicalId(synth.stack.alarms.topic) }],
    });
  });

  it('has one dashboard with the request flow counted from the functions\' log events, deadlines and every alarm', () => {
    withoutEmail.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    withoutEmail.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'obos-naerkontor-dsr-dev' });
    const filters = Object.values(withoutEmail.findResources('AWS::Logs::MetricFilter')).map((filter) => ({
      pattern: filter.Properties.FilterPattern as string,
      metric: (filter.Properties.MetricTransformations as { MetricName: string; MetricNamespace: string }[])[0],
      logGroup: filter.Properties.LogGroupName as { Ref: string },
    }));
    const metricOf = (event: string) => filters.filter((filter) => filter.pattern.includes(`"${event}"`)).map((filter) => filter.metric?.MetricName);
    expect(new Set(metricOf('request.created'))).toEqual(new Set(['RequestsReceived']));
    expect(new Set(metricOf('verification.verified'))).toEqual(new Set(['RequestsVerified']));
    expect(new Set(metricOf('mail.sent'))).toEqual(new Set(['RequestsAnswered']));
    expect(filters.every((filter) => filter.metric?.MetricNamespace === 'ObosNaerkontor/Dsr')).toBe(true);
    // The intake's log group feeds "received"; the reply's feeds "answered".
    const logGroupOf = (folder: 'create-request' | 'send-reply') =>
      synth.stack.resolve(synth.stack.functionFor(folder).logGroup.logGroupName) as { Ref: string };
    expect(filters.some((filter) => filter.metric?.MetricName === 'RequestsReceived' && filter.logGroup.Ref === logGroupOf('create-request').Ref)).toBe(true);
    expect(filters.some((filter) => filter.metric?.MetricName === 'RequestsAnswered' && filter.logGroup.Ref === logGroupOf('send-reply').Ref)).toBe(true);

    const body = JSON.stringify(Object.values(withoutEmail.findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties.DashboardBody);
    for (const metric of ['RequestsReceived', 'RequestsVerified', 'RequestsAnswered', 'OverdueRequests', 'RequestsDueWithin2WorkingDays']) {
      expect(body, metric).toContain(metric);
    }
    const alarmIds = Object.keys(withoutEmail.findResources('AWS::CloudWatch::Alarm'));
    expect(alarmIds.length).toBeGreaterThan(40);
    for (const id of alarmIds) expect(body, id).toContain(id);
  });

  it('mails the alarm address when one is set', () => {
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'drift@obos.no' });
  });
});
