import type { S3Client } from '@aws-sdk/client-s3';
import { providedModule } from '../provided-module.js';
import { traced } from '../tracer.js';
import { withoutSdkCallLogging } from './without-sdk-call-logging.js';

let client: S3Client | undefined;

/**
 * The S3 client, created once per process on the first call, which also loads the SDK
 * module: handlers pass this function (not a client) to the adapters, so a cold start loads no
 * S3 code (15–50 ms) until an invocation makes an S3 call. The endpoint comes from the
 * standard `AWS_ENDPOINT_URL_<SERVICE>` variables, which local mode sets, so handlers have no
 * local branch. Traced by the function's X-Ray tracer (`../tracer.ts`) where tracing is on.
 */
export const s3Client = (): S3Client =>
  (client ??= traced(withoutSdkCallLogging(new (providedModule<typeof import('@aws-sdk/client-s3')>('@aws-sdk/client-s3').S3Client)({ forcePathStyle: true }))));
