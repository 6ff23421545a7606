import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { providedModule } from '../provided-module.js';
import { traced } from '../tracer.js';
import { withoutSdkCallLogging } from './without-sdk-call-logging.js';

let client: SESv2Client | undefined;

/**
 * The SES v2 client, created once per process on the first call, which also loads the SDK
 * module: handlers pass this function (not a client) to the adapters, so a cold start loads no
 * SES v2 code (15–50 ms) until an invocation makes an SES call. The endpoint comes from the
 * standard `AWS_ENDPOINT_URL_<SERVICE>` variables, which local mode sets, so handlers have no
 * local branch. Traced by the function's X-Ray tracer (`../tracer.ts`) where tracing is on.
 */
export const sesClient = (): SESv2Client =>
  (client ??= traced(withoutSdkCallLogging(new (providedModule<typeof import('@aws-sdk/client-sesv2')>('@aws-sdk/client-sesv2').SESv2Client)({}))));
