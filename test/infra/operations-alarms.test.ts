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

  it('creates the topic without a subscription when no alarm address is set', () => {
    withoutEmail.resourceCountIs('AWS::SNS::Topic', 1);
    withoutEmail.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('mails the alarm address when one is set', () => {
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'drift@obos.no' });
  });
});
