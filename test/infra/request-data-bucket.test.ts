import { beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_KEYS } from '../../functions/domain/storage/object-store.js';
import { REQUEST_DATA_PREFIXES, REQUEST_DATA_RETENTION_DAYS } from '../../infra/constructs/request-data-bucket.js';
import { SYNTH_TIMEOUT_MS, synthDsrStack, type SynthesizedDsrStack } from './support/synth-dsr-stack.js';

type Statement = { Effect: string; Action: string | string[]; Condition?: Record<string, Record<string, unknown>>; Principal?: unknown };
type LifecycleRule = { Id?: string; Prefix?: string; Status: string; ExpirationInDays?: number; AbortIncompleteMultipartUpload?: unknown };

describe('request-data bucket', () => {
  let synth: SynthesizedDsrStack;
  let bucket: { Properties: Record<string, unknown>; DeletionPolicy?: string };
  let statements: Statement[];
  let rules: LifecycleRule[];

  beforeAll(() => {
    synth = synthDsrStack();
    const bucketId = synth.logicalId(synth.stack.requestData.bucket);
    bucket = synth.template.toJSON().Resources[bucketId];
    const [policy] = Object.values(synth.template.findResources('AWS::S3::BucketPolicy')).filter(
      (resource) => JSON.stringify(resource.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
    );
    statements = policy?.Properties.PolicyDocument.Statement as Statement[];
    rules = (bucket.Properties.LifecycleConfiguration as { Rules: LifecycleRule[] }).Rules;
  }, SYNTH_TIMEOUT_MS);

  it('is the only bucket of the stack', () => {
    synth.template.resourceCountIs('AWS::S3::Bucket', 1);
  });

  it('encrypts every object with its own rotated customer-managed key and an S3 Bucket Key', () => {
    const keyId = synth.logicalId(synth.stack.requestData.key);
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } },
          BucketKeyEnabled: true,
        },
      ],
    });
    expect(synth.template.findResources('AWS::KMS::Key')[keyId]?.Properties).toMatchObject({ EnableKeyRotation: true });
  });

  it('refuses uploads that ask for another key or algorithm than the bucket’s', () => {
    const keyId = synth.logicalId(synth.stack.requestData.key);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:PutObject',
        Condition: {
          Null: { 's3:x-amz-server-side-encryption': 'false' },
          StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption-aws-kms-key-id': { 'Fn::GetAtt': [keyId, 'Arn'] } },
        },
      }),
    );
  });

  it('blocks all public access and disables ACLs', () => {
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });

  it('refuses requests without TLS, and TLS older than 1.2', () => {
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    );
  });

  it('keeps old versions (AWS Backup needs versioning) one day only, and writes no server access logs', () => {
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(rules).toContainEqual(
      expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 1 }, ExpiredObjectDeleteMarker: true }),
    );
    expect(bucket.Properties.LoggingConfiguration).toBeUndefined();
  });

  it('expires export packages one day after the download window', () => {
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: REQUEST_DATA_PREFIXES.exports, Status: 'Enabled', ExpirationInDays: 15 }),
    );
  });

  it('expires gathered data and plans after the accountability period', () => {
    expect(REQUEST_DATA_RETENTION_DAYS).toBeGreaterThan(92);
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: REQUEST_DATA_PREFIXES.requests, Status: 'Enabled', ExpirationInDays: REQUEST_DATA_RETENTION_DAYS }),
    );
  });

  it('follows the download-window setting', () => {
    const custom = synthDsrStack({ exportDownloadDays: '30' });
    const customRules = (
      custom.template.toJSON().Resources[custom.logicalId(custom.stack.requestData.bucket)].Properties.LifecycleConfiguration as {
        Rules: LifecycleRule[];
      }
    ).Rules;
    expect(customRules).toContainEqual(expect.objectContaining({ Prefix: REQUEST_DATA_PREFIXES.exports, ExpirationInDays: 31 }));
  }, SYNTH_TIMEOUT_MS);

  it('survives stack deletion, with its key', () => {
    expect(bucket).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(synth.template.toJSON().Resources[synth.logicalId(synth.stack.requestData.key)]).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  it('uses the prefixes the object keys of the code use', () => {
    expect(OBJECT_KEYS.plan('r-1').startsWith(REQUEST_DATA_PREFIXES.requests)).toBe(true);
    expect(OBJECT_KEYS.gathered('r-1', 'billing').startsWith(REQUEST_DATA_PREFIXES.requests)).toBe(true);
    expect(OBJECT_KEYS.exportPackage('r-1').startsWith(REQUEST_DATA_PREFIXES.exports)).toBe(true);
    expect(OBJECT_KEYS.exportReport('r-1').startsWith(REQUEST_DATA_PREFIXES.exports)).toBe(true);
  });

  it('outputs the bucket name', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.RequestDataBucketName?.Value).toEqual({ Ref: synth.logicalId(synth.stack.requestData.bucket) });
  });
});
