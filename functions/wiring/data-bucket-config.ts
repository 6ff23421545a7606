import * as z from 'zod/mini';
import { S3ObjectStore } from '../adapters/s3/s3-object-store.js';
import { s3Client } from '../platform/aws-clients/s3.js';
import { ENV } from '../platform/env-names.js';

/**
 * The settings naming the request-data bucket (plans, gathered copies, exports, mandate documents),
 * read by every function that keeps a request's data: the bucket (S3 names are at least three
 * characters) and, optionally, the server-side encryption its uploads ask for (unset in AWS, so the
 * bucket's own KMS key applies; see `DsrFunction.bindDataBucket`).
 */
export const DataBucketConfigSchema = z.object({
  [ENV.dataBucket]: z.string().check(z.minLength(3)),
  [ENV.dataBucketEncryption]: z.optional(z.enum(['aws:kms', ''])),
});
export type DataBucketConfig = z.infer<typeof DataBucketConfigSchema>;

/** The request-data bucket as an object store, from the parsed settings (the S3 client loads on first use). */
export const dataObjectStore = (config: DataBucketConfig): S3ObjectStore =>
  new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined);
