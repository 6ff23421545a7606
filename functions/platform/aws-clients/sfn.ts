import type { SFNClient } from '@aws-sdk/client-sfn';
import { providedModule } from '../provided-module.js';
import { traced } from '../tracer.js';
import { withoutSdkCallLogging } from './without-sdk-call-logging.js';

let client: SFNClient | undefined;

/**
 * The Step Functions client, created once per process on the first call, which also loads the SDK
 * module: handlers pass this function (not a client) to the adapters, so a cold start loads no
 * Step Functions code (15–50 ms) until an invocation makes a Step Functions call. The endpoint comes from the
 * standard `AWS_ENDPOINT_URL_<SERVICE>` variables, which local mode sets, so handlers have no
 * local branch. Traced by the function's X-Ray tracer (`../tracer.ts`) where tracing is on.
 */
export const sfnClient = (): SFNClient =>
  (client ??= traced(withoutSdkCallLogging(new (providedModule<typeof import('@aws-sdk/client-sfn')>('@aws-sdk/client-sfn').SFNClient)({}))));
