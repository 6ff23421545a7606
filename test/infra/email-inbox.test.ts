import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INBOX_RULE_NAME, EmailInbox } from '../../infra/constructs/email-inbox.js';
import {
  INBOUND_MAIL_PREFIX,
  INBOUND_MAIL_RETENTION_DAYS,
  InboundMailBucket,
} from '../../infra/constructs/inbound-mail-bucket.js';
import {
  FUNCTION_DEFINITIONS,
  MissingInboundMailError,
  deployedFolders,
  type FunctionDefinition,
  type FunctionResources,
} from '../../infra/stacks/dsr-functions.js';
import { DsrStack } from '../../infra/stacks/dsr-stack.js';
import {
  EXPECTED_ENV,
  EXPECTED_GRANTS,
  INBOX_FAILURE_GRANTS,
  INBOX_READ_ENV,
  INBOX_READ_GRANTS,
  mergeGrants,
  STAFF_SIGN_IN_ENV,
  namedGrants,
  resourceNames,
  sortedGrants,
} from './support/expected-grants.js';
import { roleStatements } from './support/policies.js';
import { appWithoutBundling, SYNTH_TIMEOUT_MS, synthDsrStack, testSettings, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[]; DeletionPolicy?: string };
type Statement = {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

const INBOX_ON = { inboxEnabled: 'true', region: 'eu-west-1' } as const;
const SES = { Service: 'ses.amazonaws.com' };

/** `arn:<partition>:ses:<region>:<account>:receipt-rule-set/<set>:receipt-rule/<rule>` as the template writes it. */
const ruleArn = (region: string, ruleSetName: string) => ({
  'Fn::Join': ['', [`arn:aws:ses:${region}:`, { Ref: 'AWS::AccountId' }, `:receipt-rule-set/${ruleSetName}:receipt-rule/${INBOX_RULE_NAME}`]],
});

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('e-mail inbox, disabled (the default)', () => {
  let synth: SynthesizedDsrStack;

  beforeAll(() => {
    synth = synthDsrStack();
  }, SYNTH_TIMEOUT_MS);

  it('creates no rule set, rule, inbound-mail bucket, failure queue or activation', () => {
    for (const type of ['AWS::SES::ReceiptRuleSet', 'AWS::SES::ReceiptRule', 'Custom::AWS']) {
      synth.template.resourceCountIs(type, 0);
    }
    // The one queue and async-invoke config left belong to the SES bounce and complaint events.
    expect(Object.keys(synth.template.findResources('AWS::SQS::Queue'))).toEqual([synth.logicalId(synth.stack.mailSending.failedEvents)]);
    expect(
      Object.values(synth.template.findResources('AWS::Lambda::EventInvokeConfig')).map((config) => config.Properties.FunctionName),
    ).toEqual([{ Ref: synth.functionId('mail-events') }]);
    synth.template.resourceCountIs('AWS::S3::Bucket', 1);
    expect(synth.stack.inbox).toBeUndefined();
    expect(synth.stack.inboundMail).toBeUndefined();
  });

  it('deploys no email-intake and lets SES invoke nothing', () => {
    expect(synth.stack.functions['email-intake']).toBeUndefined();
    expect(() => synth.stack.functionFor('email-intake')).toThrowError(/email-intake.*not deployed/);
    synth.template.resourcePropertiesCountIs('AWS::Lambda::Permission', { Principal: 'ses.amazonaws.com' }, 0);
  });

  it('outputs nothing about an inbox', () => {
    const outputs = Object.keys(synth.template.toJSON().Outputs as Record<string, unknown>);
    expect(outputs.filter((name) => /Inbox|Inbound|ReceiptRule|FailedEmail/.test(name))).toEqual([]);
  });
});

describe('e-mail inbox, enabled in eu-west-1', () => {
  let synth: SynthesizedDsrStack;
  let resources: Record<string, Resource>;
  let bucketId: string;
  let keyId: string;
  let queueId: string;
  let intakeId: string;
  let rule: Record<string, unknown>;

  const bucketStatements = (): Statement[] => {
    const [policy] = Object.values(synth.template.findResources('AWS::S3::BucketPolicy')).filter(
      (resource) => JSON.stringify(resource.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
    );
    return policy?.Properties.PolicyDocument.Statement as Statement[];
  };

  /** Readable names of the stack's resources, for {@link namedGrants}. */
  const stackNames = () => {
    const { stack } = synth;
    return resourceNames({
      stack,
      resources: {
        requests: stack.requests,
        customerData: stack.customerData,
        requestData: stack.requestData,
        mail: { senderAddress: 'naerkontor@obos.no', sesIdentityDomain: 'obos.no', configurationSetName: 'obos-naerkontor-dsr-dev' },
        recipientAddresses: {},
        staffDigestAddress: 'personvern@obos.no',
        suppressionSecret: stack.suppressionSecret,
        inboundMail: stack.inboundMail,
      },
      stateMachineArn: stack.workflow.stateMachine.stateMachineArn,
      failedIntakesArn: stack.inbox!.failedIntakes.queueArn,
    });
  };

  beforeAll(() => {
    synth = synthDsrStack(INBOX_ON);
    resources = synth.template.toJSON().Resources as Record<string, Resource>;
    bucketId = synth.logicalId(synth.stack.inboundMail!.bucket);
    keyId = synth.logicalId(synth.stack.inboundMail!.key);
    queueId = synth.logicalId(synth.stack.inbox!.failedIntakes);
    intakeId = synth.functionId('email-intake');
    rule = resources[synth.logicalId(synth.stack.inbox!.rule)]!.Properties.Rule as Record<string, unknown>;
  }, SYNTH_TIMEOUT_MS);

  describe('receipt rule', () => {
    it('creates one named rule set with one rule for the inbox address', () => {
      synth.template.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
      synth.template.resourceCountIs('AWS::SES::ReceiptRule', 1);
      synth.template.hasResourceProperties('AWS::SES::ReceiptRuleSet', { RuleSetName: 'DsrStack-inbox' });
      expect(rule).toMatchObject({ Name: INBOX_RULE_NAME, Enabled: true, Recipients: ['naerkontor@obos.no'] });
    });

    it('requires TLS from the sending server and has SES scan for spam and viruses', () => {
      expect(rule).toMatchObject({ TlsPolicy: 'Require', ScanEnabled: true });
    });

    it('stores the raw message under inbound/ first, then invokes email-intake asynchronously', () => {
      expect(rule.Actions).toEqual([
        { S3Action: { BucketName: { Ref: bucketId }, ObjectKeyPrefix: INBOUND_MAIL_PREFIX } },
        { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [intakeId, 'Arn'] }, InvocationType: 'Event' } },
      ]);
    });

    it('stores messages without SES client-side encryption, which the SDK v3 cannot read (the bucket key encrypts them)', () => {
      const [store] = rule.Actions as { S3Action: Record<string, unknown> }[];
      expect(store?.S3Action).not.toHaveProperty('KmsKeyArn');
    });

    it('is created only after SES may write to the bucket and invoke the function', () => {
      const ruleResource = resources[synth.logicalId(synth.stack.inbox!.rule)]!;
      const bucketPolicyId = synth.logicalId(synth.stack.inboundMail!.policy);
      const [permissionId] = Object.entries(resources).find(
        ([, resource]) => resource.Type === 'AWS::Lambda::Permission' && resource.Properties.Principal === 'ses.amazonaws.com',
      )!;
      expect(ruleResource.DependsOn).toEqual(expect.arrayContaining([bucketPolicyId, permissionId]));
    });

    it('is not activated unless asked', () => {
      synth.template.resourceCountIs('Custom::AWS', 0);
      const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown; Description?: string }>;
      expect(outputs.ReceiptRuleSetName?.Value).toEqual({ Ref: synth.logicalId(synth.stack.inbox!.ruleSet) });
      expect(outputs.ReceiptRuleSetName?.Description).toMatch(/set-active-receipt-rule-set/);
      expect(outputs.InboxMxRecord?.Value).toBe('10 inbound-smtp.eu-west-1.amazonaws.com');
    });
  });

  describe('inbound-mail bucket', () => {
    it('encrypts every object with its own rotated customer-managed key and an S3 Bucket Key', () => {
      expect(resources[bucketId]!.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } },
            BucketKeyEnabled: true,
          },
        ],
      });
      expect(resources[keyId]!.Properties).toMatchObject({ EnableKeyRotation: true });
    });

    it('blocks all public access and disables ACLs', () => {
      expect(resources[bucketId]!.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
    });

    it('refuses requests without TLS, and TLS older than 1.2', () => {
      expect(bucketStatements()).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(bucketStatements()).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
      );
    });

    it('expires received mail after the retention period and old versions after a day', () => {
      expect(INBOUND_MAIL_RETENTION_DAYS).toBeGreaterThan(92);
      const rules = (resources[bucketId]!.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
      expect(rules).toContainEqual(
        expect.objectContaining({ Prefix: INBOUND_MAIL_PREFIX, Status: 'Enabled', ExpirationInDays: INBOUND_MAIL_RETENTION_DAYS }),
      );
      expect(resources[bucketId]!.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 1 } }));
    });

    it('survives stack deletion, with its key', () => {
      expect(resources[bucketId]).toMatchObject({ DeletionPolicy: 'Retain' });
      expect(resources[keyId]).toMatchObject({ DeletionPolicy: 'Retain' });
    });

    it('lets SES put objects only under inbound/, only for this account and this rule', () => {
      const sesStatements = bucketStatements().filter((statement) => JSON.stringify(statement.Principal) === JSON.stringify(SES));
      expect(sesStatements).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 's3:PutObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${INBOUND_MAIL_PREFIX}*`]] },
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': ruleArn('eu-west-1', 'DsrStack-inbox') },
          },
        }),
      ]);
    });

    it('lets SES use the key only through S3, only for this account and this rule', () => {
      const statements = (resources[keyId]!.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
      const sesStatements = statements.filter((statement) => JSON.stringify(statement.Principal) === JSON.stringify(SES));
      expect(sesStatements).toHaveLength(1);
      expect(asArray(sesStatements[0]!.Action).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      expect(sesStatements[0]!.Condition).toEqual({
        StringEquals: {
          'aws:SourceAccount': { Ref: 'AWS::AccountId' },
          'aws:SourceArn': ruleArn('eu-west-1', 'DsrStack-inbox'),
          'kms:ViaService': 's3.eu-west-1.amazonaws.com',
        },
      });
    });

    it('outputs the bucket name', () => {
      const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
      expect(outputs.InboundMailBucketName?.Value).toEqual({ Ref: bucketId });
    });
  });

  describe('email-intake', () => {
    it('is deployed with the inbox, beside every other function', () => {
      const folders = deployedFolders(undefined, undefined, { inbox: true });
      expect(folders).toContain('email-intake');
      expect(Object.keys(synth.stack.functions).sort()).toEqual([...folders].sort());
    });

    it('may be invoked by SES only from this account’s inbox rule', () => {
      const permissions = Object.values(resources).filter(
        (resource) =>
          resource.Type === 'AWS::Lambda::Permission' && JSON.stringify(resource.Properties.FunctionName).includes(intakeId),
      );
      expect(permissions.map((permission) => permission.Properties)).toEqual([
        {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [intakeId, 'Arn'] },
          Principal: 'ses.amazonaws.com',
          SourceAccount: { Ref: 'AWS::AccountId' },
          SourceArn: ruleArn('eu-west-1', 'DsrStack-inbox'),
        },
      ]);
    });

    it('is granted exactly its definition’s access plus sending failed events to its queue', () => {
      expect(namedGrants(synth.template, synth.roleId('email-intake'), stackNames())).toEqual(
        sortedGrants(mergeGrants(EXPECTED_GRANTS['email-intake'], INBOX_FAILURE_GRANTS)),
      );
    });

    it('uses the mail key through S3 to read messages and through SQS to queue failed events, and nothing else', () => {
      const onKey = roleStatements(synth.template, synth.roleId('email-intake')).filter((statement) =>
        statement.resources.some((resource) => JSON.stringify(resource) === JSON.stringify({ 'Fn::GetAtt': [keyId, 'Arn'] })),
      );
      expect(onKey.map((statement) => ({ actions: [...statement.actions].sort(), condition: statement.condition }))).toEqual(
        expect.arrayContaining([
          { actions: ['kms:Decrypt'], condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } },
          { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], condition: { StringEquals: { 'kms:ViaService': 'sqs.eu-west-1.amazonaws.com' } } },
        ]),
      );
      expect(onKey).toHaveLength(2);
    });

    it('is told exactly the environment its bindings provide', () => {
      const env = resources[intakeId]!.Properties.Environment as { Variables: Record<string, unknown> };
      expect(Object.keys(env.Variables).filter((name) => name !== 'NODE_OPTIONS').sort()).toEqual(
        ['LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', ...EXPECTED_ENV['email-intake']].sort(),
      );
      expect(env.Variables).toMatchObject({
        INBOUND_MAIL_BUCKET: { Ref: bucketId },
        INBOUND_MAIL_PREFIX: INBOUND_MAIL_PREFIX,
        REQUESTS_TABLE_NAME: { Ref: synth.logicalId(synth.stack.requests.table) },
        STATE_MACHINE_ARN: { Ref: synth.logicalId(synth.stack.workflow.stateMachine) },
      });
    });

    it('refuses to be built without the inbound-mail bucket', () => {
      const definition: FunctionDefinition = FUNCTION_DEFINITIONS['email-intake'];
      const fn = { bindRequestsTable: () => fn, bindInboundMail: () => fn, bindOwnSenderAddress: () => fn };
      expect(() =>
        definition.bind(fn as never, { inboundMail: undefined, mail: { senderAddress: 'a@obos.no', sesIdentityDomain: 'obos.no' } } as FunctionResources),
      ).toThrowError(MissingInboundMailError);
    });
  });

  describe.each(['console-case', 'console-mail'] as const)('%s', (folder) => {
    it('may also read received mail under the inbound prefix, to show it and turn it into a case', () => {
      expect(namedGrants(synth.template, synth.roleId(folder), stackNames())).toEqual(
        sortedGrants(mergeGrants(EXPECTED_GRANTS[folder], INBOX_READ_GRANTS[folder]!)),
      );
    });

    it('is told where received mail is, besides its own and its sign-in environment', () => {
      const env = resources[synth.functionId(folder)]!.Properties.Environment as { Variables: Record<string, unknown> };
      expect(Object.keys(env.Variables).filter((name) => name !== 'NODE_OPTIONS').sort()).toEqual(
        ['LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', ...EXPECTED_ENV[folder], ...INBOX_READ_ENV[folder]!, ...STAFF_SIGN_IN_ENV[folder]!].sort(),
      );
      expect(env.Variables).toMatchObject({ INBOUND_MAIL_BUCKET: { Ref: bucketId }, INBOUND_MAIL_PREFIX: INBOUND_MAIL_PREFIX });
    });
  });

  it('gives the console queue no received mail: its pages never show a message', () => {
    expect(namedGrants(synth.template, synth.roleId('console-queue'), stackNames())).toEqual(sortedGrants(EXPECTED_GRANTS['console-queue']));
  });

  describe('failed invocations', () => {
    it('sends an event that still fails after two retries, or is six hours old, to an encrypted queue', () => {
      synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: intakeId },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 6 * 3600,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
      });
      expect(resources[queueId]!.Properties).toEqual({
        KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
    });

    it('refuses queue access without TLS', () => {
      synth.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it('alarms as soon as the queue holds an event', () => {
      synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Statistic: 'Maximum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: synth.logicalId(synth.stack.alarms.topic) }],
      });
    });

    it('alarms when a failed event could not even be queued, and when the function throws', () => {
      for (const metric of ['DestinationDeliveryFailures', 'Errors']) {
        synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: intakeId } }],
          Threshold: 1,
        });
      }
    });
  });
});

describe('e-mail inbox, activated, for another address in eu-central-1', () => {
  let synth: SynthesizedDsrStack;
  let activation: Resource;

  beforeAll(() => {
    synth = synthDsrStack({
      inboxEnabled: 'true',
      region: 'eu-central-1',
      activateReceiptRuleSet: 'true',
      inboxAddress: 'personvern@naerkontor.obos.no',
    });
    activation = synth.template.toJSON().Resources[synth.logicalId(synth.stack.inbox!.activation!)] as Resource;
  }, SYNTH_TIMEOUT_MS);

  it('receives for the configured address', () => {
    synth.template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({ Recipients: ['personvern@naerkontor.obos.no'] }),
    });
  });

  it('names the region in every SES condition', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'ses.amazonaws.com',
      SourceArn: ruleArn('eu-central-1', 'DsrStack-inbox'),
    });
  });

  it('makes the rule set the active one once its rule exists, and deactivates it on removal', () => {
    expect(activation.Type).toBe('Custom::AWS');
    expect(JSON.parse(activation.Properties.Create as string)).toMatchObject({
      service: 'SES',
      action: 'setActiveReceiptRuleSet',
      parameters: { RuleSetName: 'DsrStack-inbox' },
    });
    expect(JSON.parse(activation.Properties.Update as string)).toMatchObject({ parameters: { RuleSetName: 'DsrStack-inbox' } });
    expect(JSON.parse(activation.Properties.Delete as string)).toMatchObject({ action: 'setActiveReceiptRuleSet', parameters: {} });
    expect(activation.DependsOn).toContain(synth.logicalId(synth.stack.inbox!.rule));
  });

  it('may only activate rule sets', () => {
    const policies = Object.values(synth.template.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.PolicyDocument.Statement as Statement[]).some((statement) =>
        asArray(statement.Action).includes('ses:SetActiveReceiptRuleSet'),
      ),
    );
    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      { Action: 'ses:SetActiveReceiptRuleSet', Effect: 'Allow', Resource: '*' },
    ]);
  });
});

describe('e-mail inbox region checks', () => {
  const intakeStandIn = (stack: Stack) =>
    new lambda.Function(stack, 'Intake', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => undefined;'),
    });

  it.each(['eu-north-1', 'eu-west-3', 'eu-south-1'])('refuses a receipt rule in %s, where SES does not receive', (region) => {
    const stack = new Stack(new App(), 'Inbox', { env: { region } });
    expect(
      () =>
        new EmailInbox(stack, 'Inbox', {
          address: 'naerkontor@obos.no',
          mailStore: new InboundMailBucket(stack, 'Mail'),
          intake: intakeStandIn(stack),
          logRetention: RetentionDays.ONE_MONTH,
        }),
    ).toThrowError(new RegExp(`SES receives e-mail in eu-west-1 and eu-central-1 only.*${region}`));
  });

  it('refuses a receipt rule in a stack without a region', () => {
    const stack = new Stack(new App(), 'Inbox');
    expect(
      () =>
        new EmailInbox(stack, 'Inbox', {
          address: 'naerkontor@obos.no',
          mailStore: new InboundMailBucket(stack, 'Mail'),
          intake: intakeStandIn(stack),
          logRetention: RetentionDays.ONE_MONTH,
        }),
    ).toThrowError(/region is not set/);
  });

  it('stops the stack, not only the settings, from putting the inbox in eu-north-1', () => {
    const settings = { ...testSettings(), inboxEnabled: true };
    expect(() => new DsrStack(appWithoutBundling(), 'DsrStack', { env: { region: 'eu-north-1' }, settings })).toThrowError(
      /SES receives e-mail in eu-west-1 and eu-central-1 only/,
    );
  });
});
