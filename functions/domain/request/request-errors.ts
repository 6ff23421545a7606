import type { RightsRequest } from './rights-request.js';

/** Typed failures of request handling. Messages name identifiers only, never personal data. */
export class RequestNotFoundError extends Error {
  override readonly name = 'RequestNotFoundError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} not found`);
  }
}

/**
 * Another writer changed the request first; safe to retry from a fresh read. `current` is the
 * request as it stood when the change was refused, when the store learnt it with the refusal
 * (DynamoDB hands the item back with a failed condition): a retry can build on it without a read.
 */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
  constructor(
    readonly requestId: string,
    readonly current?: RightsRequest,
  ) {
    super(`request ${requestId} changed concurrently`);
  }
}

/** The request is not in a status that allows the step. */
export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    readonly requestId: string,
    readonly from: string,
    readonly action: string,
  ) {
    super(`request ${requestId} in status ${from} does not allow ${action}`);
  }
}

/** A staff decision already exists; the workflow reads it instead of waiting for a new one. */
export class DecisionAlreadyRecordedError extends Error {
  override readonly name = 'DecisionAlreadyRecordedError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} already has a decision`);
  }
}

/** The same Idempotency-Key was sent with a different body. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super('idempotency key reused with a different request body');
  }
}
