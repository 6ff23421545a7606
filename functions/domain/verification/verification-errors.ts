/**
 * Typed failures of identity verification. Messages name identifiers only, never an address or a
 * name, and never whether the requester is a customer.
 *
 * @module
 */

/**
 * The request is already verified (by code or by staff). The workflow's verification states catch
 * it by name and go on to gathering instead of waiting.
 */
export class AlreadyVerifiedError extends Error {
  override readonly name = 'AlreadyVerifiedError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} is already verified`);
  }
}

/** Staff verification must say how identity was confirmed: the audit trail must show why. */
export class VerificationReasonRequiredError extends Error {
  override readonly name = 'VerificationReasonRequiredError';
  constructor() {
    super('a manual verification needs a reason (how the identity was confirmed)');
  }
}

/**
 * The requester matches more customers with different registered addresses than codes may be sent
 * to. Routed to staff (Catch → FlagNeedsAttention), who verify manually and name the customers.
 */
export class AmbiguousRequesterError extends Error {
  override readonly name = 'AmbiguousRequesterError';
  constructor(
    readonly requestId: string,
    readonly destinations: number,
  ) {
    super(`request ${requestId} matches customers with ${destinations} different registered addresses`);
  }
}

/**
 * A customer the request was matched to has no usable registered address any more (deleted or
 * anonymised since), so no code can be sent without using an unregistered address. For staff.
 */
export class NoRegisteredContactError extends Error {
  override readonly name = 'NoRegisteredContactError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} has no registered address left to send a code to`);
  }
}

/** Staff named customers the requester was not matched to. */
export class UnknownVerificationCustomerError extends Error {
  override readonly name = 'UnknownVerificationCustomerError';
  constructor(readonly requestId: string) {
    super(`request ${requestId}: the customer ids given are not among those the requester matched`);
  }
}
