/**
 * An error worth retrying (throttling, a dropped connection, a concurrent update). The workflow's
 * Retry blocks match the name `TransientError`, so a task throws this to be retried and anything
 * else to be routed to staff.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  constructor(readonly causeName: string) {
    super(`transient failure: ${causeName}`);
  }
}

const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TransactionConflictException',
  'ConcurrentChangeError',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

/** True for AWS SDK errors marked retryable and for the network and throttling errors above. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdk = error as Error & { $retryable?: unknown; code?: string; $metadata?: { httpStatusCode?: number } };
  if (sdk.$retryable) return true;
  if (TRANSIENT_NAMES.has(error.name) || (sdk.code !== undefined && TRANSIENT_NAMES.has(sdk.code))) return true;
  const status = sdk.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}
