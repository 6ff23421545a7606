import { describe, expect, it } from 'vitest';
import { ConcurrentChangeError, RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { isTransient } from '../../../functions/platform/transient-error.js';

const named = (name: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error('boom'), { name }, extra);

describe('isTransient', () => {
  it.each(['ThrottlingException', 'ProvisionedThroughputExceededException', 'TransactionConflictException', 'TimeoutError', 'ServiceUnavailable'])(
    'returns true when the error is named %s',
    (name) => {
      expect(isTransient(named(name))).toBe(true);
    },
  );

  it('returns true when the error is a ConcurrentChangeError', () => {
    expect(isTransient(new ConcurrentChangeError('NK-1'))).toBe(true);
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'])('returns true when a network error has code %s', (code) => {
    expect(isTransient(named('Error', { code }))).toBe(true);
  });

  it('returns true when the SDK marks the error retryable', () => {
    expect(isTransient(named('SomethingNew', { $retryable: { throttling: false } }))).toBe(true);
  });

  it.each([500, 502, 503])('returns true when the service answered %i', (status) => {
    expect(isTransient(named('UnknownError', { $metadata: { httpStatusCode: status } }))).toBe(true);
  });

  it.each([400, 404, 409])('returns false when the service answered %i', (status) => {
    expect(isTransient(named('ValidationException', { $metadata: { httpStatusCode: status } }))).toBe(false);
  });

  it.each([
    ['a domain error', new RequestNotFoundError('NK-1')],
    ['a plain error', new Error('x')],
    ['a condition failure', named('ConditionalCheckFailedException', { $metadata: { httpStatusCode: 400 } })],
    ['an object shaped like an error', { name: 'ThrottlingException', message: 'x' }],
    ['a string', 'ThrottlingException'],
    ['undefined', undefined],
  ])('returns false when given %s', (_label, error) => {
    expect(isTransient(error)).toBe(false);
  });
});
