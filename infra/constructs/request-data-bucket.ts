import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { encryptedPrivateBucket } from './encrypted-private-bucket.js';

/**
 * The top-level prefixes of the bucket (see `OBJECT_KEYS` in `functions/domain/storage/object-store.ts`):
 * `requests/<id>/` holds what was gathered and the plan, `exports/<id>/` the export package the
 * requester downloads. Grants are scoped to one of them.
 */
export const REQUEST_DATA_PREFIXES = { requests: 'requests/', exports: 'exports/' } as const;

export type RequestDataPrefix = (typeof REQUEST_DATA_PREFIXES)[keyof typeof REQUEST_DATA_PREFIXES];

/**
 * Days `requests/` objects (gathered data, plans) are kept. The longest deadline is three months
 * after receipt (Art. 12(3), extended); what was gathered and planned then shows, for about a year
 * after the answer, what the requester was told and why (accountability, Art. 5(2)), which is when
 * complaints to Datatilsynet and follow-up questions come. After that the copies serve no purpose
 * and expire (storage limitation, Art. 5(1)(e)); the audit trail in the requests table remains.
 */
export const REQUEST_DATA_RETENTION_DAYS = 400;

/**
 * How much of one prefix a function may touch:
 * - `read`: `s3:GetObject` under the prefix, `s3:ListBucket` restricted to the prefix, and
 *   `kms:Decrypt` through S3.
 * - `readWrite`: `read` plus `s3:PutObject` and `kms:GenerateDataKey` through S3.
 * - `readWriteDelete`: `readWrite` plus `s3:DeleteObject` (versioning is off, so no version actions).
 * - `listDelete`: `s3:ListBucket` restricted to the prefix and `s3:DeleteObject` under it, for a
 *   job that removes objects without reading them (no key use at all).
 */
export type RequestDataAccess = 'read' | 'readWrite' | 'readWriteDelete' | 'listDelete';

/** Object actions per {@link RequestDataAccess} level (on `<bucket>/<prefix>*`). */
export const REQUEST_DATA_OBJECT_ACTIONS: Readonly<Record<RequestDataAccess, readonly string[]>> = {
  read: ['s3:GetObject'],
  readWrite: ['s3:GetObject', 's3:PutObject'],
  readWriteDelete: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
  listDelete: ['s3:DeleteObject'],
};

/** KMS actions S3 performs with the bucket key on the caller's behalf, per level. */
export const REQUEST_DATA_KEY_ACTIONS: Readonly<Record<RequestDataAccess, readonly string[]>> = {
  read: ['kms:Decrypt'],
  readWrite: ['kms:Decrypt', 'kms:GenerateDataKey'],
  readWriteDelete: ['kms:Decrypt', 'kms:GenerateDataKey'],
  listDelete: [],
};

/** Properties of {@link RequestDataBucket}. */
export interface RequestDataBucketProps {
  /** Days an export package can be downloaded; `exports/` objects expire one day later. */
  readonly exportDownloadDays: number;
  /**
   * What happens to the bucket and its key when the stack is deleted.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The private bucket for request data: gathered data and plans under `requests/`, export packages
 * under `exports/`. Personal data never travel in the execution payload; steps pass keys to it.
 *
 * Every object is encrypted with the bucket's customer-managed key (rotated yearly; an S3 Bucket
 * Key keeps KMS calls few): uploads get it as the bucket default, and a bucket policy refuses any
 * upload that asks for a different key or algorithm. Public access is blocked, requests without
 * TLS 1.2 are refused, old versions (kept for AWS Backup) expire after a day, and objects expire by
 * prefix: exports after the download window plus one day, request data after
 * {@link REQUEST_DATA_RETENTION_DAYS} days. No server access logs: CloudTrail data events can be
 * enabled if ever needed, and access logs would copy request ids into another bucket.
 */
export class RequestDataBucket extends Construct {
  /** The bucket. Grant through {@link RequestDataBucket.grantAccess}, not `bucket.grant*`. */
  readonly bucket: s3.Bucket;
  /** The customer-managed key that encrypts every object. */
  readonly key: kms.Key;
  /** Days an export package can be downloaded. */
  readonly exportDownloadDays: number;

  constructor(scope: Construct, id: string, props: RequestDataBucketProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.exportDownloadDays = props.exportDownloadDays;

    ({ key: this.key, bucket: this.bucket } = encryptedPrivateBucket(this, {
      keyDescription: 'Encrypts the GDPR request-data bucket (gathered data, plans, export packages)',
      removalPolicy,
      lifecycleRules: [
        {
          id: 'expire-exports-after-download-window',
          prefix: REQUEST_DATA_PREFIXES.exports,
          expiration: Duration.days(props.exportDownloadDays + 1),
        },
        {
          id: 'expire-request-data',
          prefix: REQUEST_DATA_PREFIXES.requests,
          expiration: Duration.days(REQUEST_DATA_RETENTION_DAYS),
        },
      ],
    }));

    // Without this, an upload that sends `x-amz-server-side-encryption: aws:kms` but no key id is
    // encrypted with the AWS-managed `aws/s3` key instead of the bucket's key.
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyUploadsWithAnotherKey',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: {
          Null: { 's3:x-amz-server-side-encryption': 'false' },
          StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption-aws-kms-key-id': this.key.keyArn },
        },
      }),
    );
  }

  /** The bucket's name, for a function's environment. */
  get bucketName(): string {
    return this.bucket.bucketName;
  }

  /**
   * Grants one {@link RequestDataAccess} level under one prefix: object actions on
   * `<bucket>/<prefix>*`, listing only with `s3:prefix` under it, and the key use S3 makes on the
   * grantee's behalf.
   */
  grantAccess(grantee: iam.IGrantable, access: RequestDataAccess, prefix: RequestDataPrefix): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: [...REQUEST_DATA_OBJECT_ACTIONS[access]],
      resourceArns: [this.bucket.arnForObjects(`${prefix}*`)],
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
      }),
    );
    const keyActions = REQUEST_DATA_KEY_ACTIONS[access];
    if (keyActions.length > 0) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: [...keyActions],
          resources: [this.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    }
  }
}
