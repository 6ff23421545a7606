import { SESv2Client } from '@aws-sdk/client-sesv2';
import { traced } from '../tracer.js';
import { withoutSdkCallLogging } from './without-sdk-call-logging.js';

let client: SESv2Client | undefined;

/**
 * The SES v2 client, created once per process. The endpoint comes from the standard
 * `AWS_ENDPOINT_URL_<SERVICE>` variables, which local mode sets, so handlers have no local branch.
 * Traced by the function's X-Ray tracer (`../tracer.ts`). One module per client: a function loads (at cold start) only the SDK clients it imports.
 */
export const sesClient = (): SESv2Client => (client ??= traced(withoutSdkCallLogging(new SESv2Client({}))));
