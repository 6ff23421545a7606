import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The one X-Ray tracer of a function (Powertools for AWS Lambda). It names itself after
 * `POWERTOOLS_SERVICE_NAME`, which CDK sets to the function's folder, and is off wherever
 * `POWERTOOLS_TRACE_ENABLED` is `false` (local mode, tests): there is no X-Ray daemon to send to.
 * SDK clients are wrapped with it in `aws-clients/`, so each AWS call is a subsegment.
 */
export const tracer = new Tracer();
