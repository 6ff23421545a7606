import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOUNCE_RATE_THRESHOLD, COMPLAINT_RATE_THRESHOLD } from '../../infra/constructs/mail-sending.js';
import { PROD_SETTINGS, SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

type Resources = Record<string, { Properties: Record<string, unknown> }>;

describe('SES sending (prod stage)', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack({ ...PROD_SETTINGS, mailFromDomain: 'retur.obos.no' });
  }, SYNTH_TIMEOUT_MS);

  it('creates the domain identity with Easy DKIM (2048-bit), the custom MAIL FROM and the configuration set as default', () => {
    const setId = synth.logicalId(synth.stack.mailSending.configurationSet);
    synth.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'obos.no',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: { MailFromDomain: 'retur.obos.no', BehaviorOnMxFailure: 'REJECT_MESSAGE' },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
  });

  it('names the configuration set after the stage, requires TLS and suppresses bounced and complaining addresses', () => {
    synth.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'obos-naerkontor-dsr-prod',
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
    });
  });

  it('publishes bounces and complaints to an encrypted topic that the mail-events function reads', () => {
    const topicId = synth.logicalId(synth.stack.mailSending.events);
    synth.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: topicId } },
      }),
    });
    const topic = synth.template.toJSON().Resources[topicId];
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    synth.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [synth.functionId('mail-events'), 'Arn'] },
      RedrivePolicy: Match.anyValue(),
    });
    synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: synth.functionId('mail-events') },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [synth.logicalId(synth.stack.mailSending.failedEvents), 'Arn'] } } },
    });
  });

  it('tells every function that sends mail the configuration set, and allows the send on it', () => {
    const functions = synth.template.findResources('AWS::Lambda::Function') as Resources;
    const senders = synth.stack.deployed().filter(([folder]) => {
      const env = (functions[synth.functionId(folder)]?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      // create-request and the console's mail desk are told our From address only to refuse it as a
      // requester's; they send nothing.
      return 'SENDER_ADDRESS' in env && folder !== 'create-request' && folder !== 'console-mail';
    });
    expect(senders.length).toBeGreaterThan(5);
    for (const [folder] of senders) {
      const env = (functions[synth.functionId(folder)]?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.SES_CONFIGURATION_SET, folder).toBe('obos-naerkontor-dsr-prod');
    }
  });

  it.each([
    ['Reputation.BounceRate', BOUNCE_RATE_THRESHOLD, 0.05],
    ['Reputation.ComplaintRate', COMPLAINT_RATE_THRESHOLD, 0.001],
  ])('alarms the operations topic when %s is over its limit', (metricName, threshold, expected) => {
    expect(threshold).toBe(expected);
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: metricName,
      Threshold: expected,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: synth.logicalId(synth.stack.alarms.topic) }],
    });
  });
});
