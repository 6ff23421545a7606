import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { DEFAULT_TIMEOUT_SECONDS } from '../../function-timeouts.js';

/**
 * A Lambda context for a local invocation; handlers read only the request id and remaining time.
 * `timeoutMs` is the function's deployed timeout (see `functionTimeoutSeconds`).
 */
export function lambdaContext(functionName: string, timeoutMs = DEFAULT_TIMEOUT_SECONDS * 1000): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    // Powertools logs this ARN on every line: an account id of one repeated digit would read as a
    // phone number a hostile test typed («00000000») to the log privacy check.
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
