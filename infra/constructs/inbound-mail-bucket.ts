import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { encryptedPrivateBucket } from './encrypted-private-bucket.js';

/**
 * Where SES stores each received message: `inbound/<SES message id>`, the raw MIME as received.
 * `email-intake` reads the object back from the message id in the SES event.
 */
export const INBOUND_MAIL_PREFIX = 'inbound/';

/**
 * The environment `email-intake` reads the stored message with. Kept here until the names join
 * `ENV` in `functions/platform/env-names.ts` (the handler's module), so infra and handler agree.
 */
export const INBOUND_MAIL_ENV = { bucket: 'INBOUND_MAIL_BUCKET', prefix: 'INBOUND_MAIL_PREFIX' } as const;

/**
 * Days a received message is kept. A message that starts a request is the evidence of what was
 * asked and when it reached us (the receipt time starts the one-month deadline, Art. 12(3)); like
 * the gathered data in the request-data bucket it is kept for about a year past the longest
 * (extended) deadline, when complaints to Datatilsynet and follow-up questions come (Art. 5(2)).
 * Most of the inbox is not requests at all (spam, invoices, bookings), and the request record and
 * its audit trail outlive the raw mail in the requests table, so keeping it longer would only
 * keep personal data without a purpose (storage limitation, Art. 5(1)(e)).
 */
export const INBOUND_MAIL_RETENTION_DAYS = 400;

/** Properties of {@link InboundMailBucket}. */
export interface InboundMailBucketProps {
  /**
   * What happens to the bucket and its key when the stack is deleted.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The private bucket SES stores received e-mail in, under {@link INBOUND_MAIL_PREFIX}.
 *
 * Every object is encrypted at rest by S3 with the bucket's own customer-managed key (rotated
 * yearly). SES's own "message encryption" option is deliberately not used: it encrypts on the
 * client side in the S3 encryption-client format, which `email-intake` (AWS SDK for JavaScript v3)
 * cannot read. Public access is blocked, requests without TLS 1.2 are refused, versioning is off
 * (an expired message is really gone) and messages expire after
 * {@link INBOUND_MAIL_RETENTION_DAYS} days.
 *
 * SES gets to write only through {@link InboundMailBucket.allowReceiptRule}, for one receipt rule
 * of this account: the bucket policy and the key policy both carry `aws:SourceAccount` and
 * `aws:SourceArn`, so no other account's or rule's SES deliveries can land here (confused deputy).
 */
export class InboundMailBucket extends Construct {
  /** The bucket. Grant through {@link InboundMailBucket.grantRead}, not `bucket.grant*`. */
  readonly bucket: s3.Bucket;
  /** The customer-managed key of the bucket (and of the inbox's failed-invocation queue). */
  readonly key: kms.Key;
  /** The prefix SES writes under. */
  readonly prefix = INBOUND_MAIL_PREFIX;

  constructor(scope: Construct, id: string, props: InboundMailBucketProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    ({ key: this.key, bucket: this.bucket } = encryptedPrivateBucket(this, {
      keyDescription: 'Encrypts received e-mail (the inbound-mail bucket) and failed e-mail intake events',
      removalPolicy,
      lifecycleRules: [{ id: 'expire-received-mail', prefix: INBOUND_MAIL_PREFIX, expiration: Duration.days(INBOUND_MAIL_RETENTION_DAYS) }],
    }));
    // Unlike the request-data bucket there is no policy refusing uploads that name another key:
    // which encryption headers SES sends is not documented, and such a policy could refuse mail.
    // SES sends none that we rely on; the bucket default (this key) applies.
  }

  /** The bucket's name, for a function's environment. */
  get bucketName(): string {
    return this.bucket.bucketName;
  }

  /** The bucket policy, created with the bucket (`enforceSSL`); a receipt rule must wait for it. */
  get policy(): s3.BucketPolicy {
    const policy = this.bucket.policy;
    if (policy === undefined) throw new Error('InboundMailBucket: the bucket has no policy');
    return policy;
  }

  /**
   * Lets SES store messages under the prefix for one receipt rule of this account: `s3:PutObject`
   * in the bucket policy, and in the key policy the key use S3 makes on SES's behalf
   * (`kms:GenerateDataKey`; `kms:Decrypt` for multipart uploads of large messages, up to 40 MB).
   *
   * @param receiptRuleArn `arn:<partition>:ses:<region>:<account>:receipt-rule-set/<set>:receipt-rule/<rule>`
   */
  allowReceiptRule(receiptRuleArn: string): void {
    const sourceConditions = { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': receiptRuleArn };
    const ses = new iam.ServicePrincipal('ses.amazonaws.com');
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesReceiptRuleToStoreMail',
        principals: [ses],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${INBOUND_MAIL_PREFIX}*`)],
        conditions: { StringEquals: sourceConditions },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesReceiptRuleToEncryptMailThroughS3',
        principals: [ses],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { ...sourceConditions, 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` },
        },
      }),
    );
  }

  /**
   * Grants reading stored messages: `s3:GetObject` under the prefix and `kms:Decrypt` through S3.
   * No listing: a reader knows each key from the SES event (prefix + message id).
   */
  grantRead(grantee: iam.IGrantable): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetObject'],
      resourceArns: [this.bucket.arnForObjects(`${INBOUND_MAIL_PREFIX}*`)],
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }
}
