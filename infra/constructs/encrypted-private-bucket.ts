import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface EncryptedPrivateBucketProps {
  /** What the key protects, for its description in KMS. */
  readonly keyDescription: string;
  /** Expiry rules per prefix; an abort rule for incomplete uploads is always added. */
  readonly lifecycleRules: readonly s3.LifecycleRule[];
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Days S3 keeps an object's replaced or deleted version. Versioning is on only because AWS Backup
 * needs it to back a bucket up; a deletion should still delete, so an old version lives one day
 * (S3 removes it within about a day after that). The daily backups are the recovery copy.
 */
export const NONCURRENT_VERSION_DAYS = 1;

/**
 * A bucket for personal data and its own customer-managed key (rotated yearly): never public,
 * owned by the account alone, TLS 1.2+ only, versioned for AWS Backup with old versions expiring
 * after {@link NONCURRENT_VERSION_DAYS} day (so a deletion really deletes), with every object
 * expiring by a lifecycle rule. Both of the stack's buckets (request data, received
 * mail) are made this way, so hardening one hardens both.
 */
export function encryptedPrivateBucket(scope: Construct, props: EncryptedPrivateBucketProps): { readonly key: kms.Key; readonly bucket: s3.Bucket } {
  const key = new kms.Key(scope, 'Key', {
    description: props.keyDescription,
    enableKeyRotation: true,
    removalPolicy: props.removalPolicy,
  });
  const bucket = new s3.Bucket(scope, 'Bucket', {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    bucketKeyEnabled: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    removalPolicy: props.removalPolicy,
    lifecycleRules: [
      ...props.lifecycleRules,
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      {
        id: 'expire-old-versions',
        noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
        expiredObjectDeleteMarker: true,
      },
    ],
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason:
      'Server access logs would keep every object key (request ids) with the caller for as long as the log bucket keeps it, past the objects themselves; the functions log each read and write by request id, and CloudTrail data events are the documented option',
  });
  return { key, bucket };
}
