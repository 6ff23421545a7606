import { ArnFormat, Aws, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { SES_RECEIVING_REGIONS } from '../settings.js';
import type { InboundMailBucket } from './inbound-mail-bucket.js';

/** The name of the inbox's receipt rule inside its rule set. */
export const INBOX_RULE_NAME = 'rights-request-inbox';

/** SES accepts rule set names of ASCII letters, digits, `_` and `-`, up to 64, starting and ending alphanumeric. */
const RULE_SET_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/;

/** Properties of {@link EmailInbox}. */
export interface EmailInboxProps {
  /** The address requests are sent to, e.g. `naerkontor@obos.no` (the envelope recipient SES sees). */
  readonly address: string;
  /** Where SES stores each message before `intake` runs. */
  readonly mailStore: InboundMailBucket;
  /** The function SES invokes (asynchronously) once the message is stored: `email-intake`. */
  readonly intake: lambda.IFunction;
  /**
   * Make this rule set the active one of the account and region (a custom resource calling
   * `SES.setActiveReceiptRuleSet`). SES has exactly one active rule set per account and region:
   * activating replaces any other, and removing the resource (stack deletion, or turning this off)
   * deactivates receiving altogether, so SES then rejects all mail in the region.
   *
   * @default false: ops activate the rule set (see the README)
   */
  readonly activate?: boolean;
  /**
   * The rule set's name; fixed rather than generated, because SES's permissions name the rule.
   *
   * @default `<stack name>-inbox`
   */
  readonly ruleSetName?: string;
  /** How long the activation custom resource keeps its logs. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * The e-mail inbox: an SES receipt rule set with one rule for the request address. The rule
 * requires TLS from the sending server, has SES scan for spam and viruses (the verdicts arrive in
 * the event; `email-intake` quarantines, SES does not drop), stores the raw message in the
 * inbound-mail bucket and then invokes `email-intake` asynchronously.
 *
 * SES may write to the bucket, use its key and invoke the function only for this rule of this
 * account (`aws:SourceAccount` and `aws:SourceArn` in the bucket policy, the key policy and the
 * function's resource policy). The store action is our own because the `aws-ses-actions` S3 action
 * allows any rule of the account to write (aws/aws-cdk#29811).
 *
 * An asynchronous invocation that still fails after Lambda's retries, or outlives the maximum event
 * age, goes to {@link EmailInbox.failedIntakes} (KMS-encrypted with the mail key) instead of being
 * dropped: the message itself stays in the bucket, and the queued event says which one to replay.
 *
 * SES receives only in some regions ({@link SES_RECEIVING_REGIONS}); the construct refuses others,
 * and the rule set must be active before any mail reaches it ({@link EmailInboxProps.activate}).
 */
export class EmailInbox extends Construct {
  readonly ruleSet: ses.ReceiptRuleSet;
  readonly rule: ses.ReceiptRule;
  /** `arn:<partition>:ses:<region>:<account>:receipt-rule-set/<set>:receipt-rule/<rule>`. */
  readonly ruleArn: string;
  /** SES events whose intake failed for good; every message is an alarm (see `OperationsAlarms`). */
  readonly failedIntakes: sqs.Queue;
  /** The custom resource that activates the rule set, when asked to. */
  readonly activation?: cr.AwsCustomResource;

  constructor(scope: Construct, id: string, props: EmailInboxProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = stack.region;
    if (Token.isUnresolved(region) || !SES_RECEIVING_REGIONS.includes(region as (typeof SES_RECEIVING_REGIONS)[number])) {
      throw new Error(
        `EmailInbox: SES receives e-mail in ${SES_RECEIVING_REGIONS.join(' and ')} only (of the EU/EEA regions); ` +
          `this stack's region is ${Token.isUnresolved(region) ? 'not set' : region}`,
      );
    }
    const ruleSetName = props.ruleSetName ?? `${stack.stackName}-inbox`;
    if (!RULE_SET_NAME_PATTERN.test(ruleSetName)) {
      throw new Error(`EmailInbox: "${ruleSetName}" is not a valid SES rule set name`);
    }
    this.ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${ruleSetName}:receipt-rule/${INBOX_RULE_NAME}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    props.mailStore.allowReceiptRule(this.ruleArn);
    // Named `AllowSes` so that the `aws-ses-actions` Lambda action finds it and adds no permission
    // of its own (that one would carry `aws:SourceAccount` only).
    props.intake.addPermission('AllowSes', {
      principal: new iam.ServicePrincipal('ses.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      sourceAccount: Aws.ACCOUNT_ID,
      sourceArn: this.ruleArn,
    });

    this.failedIntakes = new sqs.Queue(this, 'FailedIntakes', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.mailStore.key,
      enforceSSL: true,
      // The longest SQS keeps a message: time for staff to replay it after the alarm.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failedIntakes).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the failure destination of email-intake; it is alarmed and replayed by hand, a queue behind it would hide messages',
    });
    props.intake.configureAsyncInvoke({
      onFailure: { bind: () => ({ destination: this.failedIntakes.queueArn }) },
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
    // Lambda delivers to the failure destination with the function's role.
    props.intake.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.failedIntakes.queueArn] }),
    );
    props.intake.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [props.mailStore.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `sqs.${region}.amazonaws.com` } },
      }),
    );

    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: ruleSetName });
    this.rule = this.ruleSet.addRule('Rule', {
      receiptRuleName: INBOX_RULE_NAME,
      recipients: [props.address],
      enabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      scanEnabled: true,
      actions: [
        new StoreInInboundMailBucket(props.mailStore),
        new actions.Lambda({ function: props.intake, invocationType: actions.LambdaInvocationType.EVENT }),
      ],
    });
    // SES writes a test object when the rule is created: the bucket policy must exist by then.
    this.rule.node.addDependency(props.mailStore.policy);

    if (props.activate === true) {
      const call: cr.AwsSdkCall = {
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: ruleSetName },
        physicalResourceId: cr.PhysicalResourceId.of(`${ruleSetName}-active`),
        logging: cr.Logging.withDataHidden(),
      };
      this.activation = new cr.AwsCustomResource(this, 'ActivateRuleSet', {
        onCreate: call,
        onUpdate: call,
        // Without a name SES deactivates the active rule set, which lets the rule set be deleted.
        onDelete: { service: 'SES', action: 'setActiveReceiptRuleSet', parameters: {}, logging: cr.Logging.withDataHidden() },
        policy: cr.AwsCustomResourcePolicy.fromStatements([
          // SES has no resource-level permissions for receipt rule set activation.
          new iam.PolicyStatement({ actions: ['ses:SetActiveReceiptRuleSet'], resources: ['*'] }),
        ]),
        installLatestAwsSdk: false,
        logGroup: new logs.LogGroup(this, 'ActivateRuleSetLogGroup', {
          retention: props.logRetention,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      });
      // Activate only once the rule exists, so the active set never rejects mail for want of it.
      this.activation.node.addDependency(this.rule);
    }
  }
}

/**
 * The S3 action of the inbox rule: stores the raw message under the bucket's prefix. The
 * permissions are made by {@link InboundMailBucket.allowReceiptRule}, scoped to the rule.
 */
class StoreInInboundMailBucket implements ses.IReceiptRuleAction {
  constructor(private readonly mailStore: InboundMailBucket) {}

  bind(): ses.ReceiptRuleActionConfig {
    return { s3Action: { bucketName: this.mailStore.bucketName, objectKeyPrefix: this.mailStore.prefix } };
  }
}
