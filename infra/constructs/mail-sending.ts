import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Bounce rate (share of sends) above which the alarm fires; SES reviews an account from 5 %. */
export const BOUNCE_RATE_THRESHOLD = 0.05;
/** Complaint rate above which the alarm fires; SES reviews an account from 0.1 %. */
export const COMPLAINT_RATE_THRESHOLD = 0.001;

/** Properties of {@link MailSending}. */
export interface MailSendingProps {
  /** The domain SES sends from (the From address's domain or a parent), e.g. `obos.no`. */
  readonly identityDomain: string;
  /** The custom MAIL FROM domain, a subdomain of the identity, e.g. `bounce.obos.no`. */
  readonly mailFromDomain: string;
  /** The configuration set's name, unique per account and region (it carries the stage). */
  readonly configurationSetName: string;
}

/**
 * Sending mail through SES the way a production sender must: the domain identity with Easy DKIM
 * (2048-bit keys SES rotates) and a custom MAIL FROM domain so SPF aligns for DMARC; a
 * configuration set used on every send (each function is given its name, and the identity uses it
 * by default) that requires TLS, keeps reputation metrics and suppresses addresses that bounced
 * or complained; and bounce and complaint events published to an encrypted topic for the
 * `mail-events` function ({@link MailSending.deliverEventsTo}).
 */
export class MailSending extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** Bounce and complaint events (they name recipients, so the topic is KMS-encrypted). */
  readonly events: sns.Topic;
  /** Events the `mail-events` function could not take after its retries. */
  readonly failedEvents: sqs.Queue;
  readonly bounceRateAlarm: cloudwatch.Alarm;
  readonly complaintRateAlarm: cloudwatch.Alarm;
  /** The key of the events topic (SES may use it to publish). */
  readonly eventsKey: kms.Key;

  constructor(scope: Construct, id: string, props: MailSendingProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.identityDomain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
      dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
      mailFromDomain: props.mailFromDomain,
      // Without the MAIL FROM records SES would fall back to amazonses.com and break alignment;
      // refusing to send makes the missing DNS visible at once.
      mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.REJECT_MESSAGE,
    });

    this.eventsKey = new kms.Key(this, 'EventsKey', {
      description: 'Encrypts SES bounce and complaint events (they name recipients)',
      enableKeyRotation: true,
    });
    this.eventsKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.events = new sns.Topic(this, 'Events', {
      displayName: 'OBOS Nærkontor rights requests: SES bounces and complaints',
      masterKey: this.eventsKey,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(this.events),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    this.failedEvents = new sqs.Queue(this, 'FailedEvents', {
      // SSE-SQS: the functions and SNS need no key permission to put a failed event here.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    Validations.of(this.failedEvents).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the mail-events subscription and function; it is alarmed',
    });

    const reputation = (metricName: string): cloudwatch.Metric =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    this.bounceRateAlarm = new cloudwatch.Alarm(this, 'BounceRate', {
      alarmDescription: `SES bounce rate is above ${BOUNCE_RATE_THRESHOLD * 100} %: SES reviews the account at 5 % and may pause sending. See the bounced cases (needs attention).`,
      metric: reputation('Reputation.BounceRate'),
      threshold: BOUNCE_RATE_THRESHOLD,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.complaintRateAlarm = new cloudwatch.Alarm(this, 'ComplaintRate', {
      alarmDescription: `SES complaint rate is above ${COMPLAINT_RATE_THRESHOLD * 100} %: SES reviews the account at 0.1 % and may pause sending.`,
      metric: reputation('Reputation.ComplaintRate'),
      threshold: COMPLAINT_RATE_THRESHOLD,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    new CfnOutput(this, 'MailFromDomain', {
      value: props.mailFromDomain,
      description: `Publish MX 10 feedback-smtp.<region>.amazonses.com and TXT "v=spf1 include:amazonses.com ~all" for this name`,
    });
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: 'Easy DKIM: publish this CNAME in the sending domain',
      });
    });
  }

  /** `arn:...:ses:<region>:<account>:configuration-set/<name>`, which a send with the set must be allowed on. */
  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /**
   * Delivers bounce and complaint events to the function. An event SNS could not hand over, or
   * the function still failed after Lambda's two retries, lands in {@link failedEvents} (alarmed):
   * a bounced reply must not be lost silently.
   */
  deliverEventsTo(fn: lambda.Function): void {
    this.events.addSubscription(new LambdaSubscription(fn, { deadLetterQueue: this.failedEvents }));
    // Only SendMessage (SqsDestination would also grant GetQueueUrl and GetQueueAttributes).
    fn.configureAsyncInvoke({ onFailure: { bind: () => ({ destination: this.failedEvents.queueArn }) }, retryAttempts: 2 });
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.failedEvents.queueArn] }));
  }

  get alarms(): readonly cloudwatch.Alarm[] {
    return [this.bounceRateAlarm, this.complaintRateAlarm];
  }
}
