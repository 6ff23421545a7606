import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, it } from 'vitest';
import { SYNTH_TIMEOUT_MS, synthDsrStack } from './support/synth-dsr-stack.js';

describe('operations alarms', () => {
  let withoutEmail: Template;
  let withEmail: Template;

  beforeAll(() => {
    withoutEmail = synthDsrStack().template;
    withEmail = synthDsrStack({ alarmEmail: 'drift@obos.no' }).template;
  }, SYNTH_TIMEOUT_MS);

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

  it('creates the topic without a subscription when no alarm address is set', () => {
    withoutEmail.resourceCountIs('AWS::SNS::Topic', 1);
    withoutEmail.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('mails the alarm address when one is set', () => {
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'drift@obos.no' });
  });
});
