/**
 * Typed failures of the customer-data stores, so domain code can catch them without importing
 * an adapter. Messages name identifiers and field names only, never the values (personal data).
 */
/** A cursor that this read did not hand out (forged, truncated, or from another customer). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('the pagination cursor is not one this read handed out');
  }
}

/** The customer has no profile to change. */
export class CustomerNotFoundError extends Error {
  override readonly name = 'CustomerNotFoundError';
  constructor(readonly customerId: string) {
    super(`customer ${customerId} has no profile`);
  }
}

/**
 * A correction's `from` no longer matches the stored value (someone changed it since the plan
 * was approved, or the profile was anonymised): nothing was changed.
 */
export class StaleCorrectionError extends Error {
  override readonly name = 'StaleCorrectionError';
  constructor(
    readonly customerId: string,
    readonly fields: readonly string[],
  ) {
    super(`profile of customer ${customerId} no longer holds the expected ${fields.join(', ')}`);
  }
}

/** A correction's new value is not acceptable for its field (e.g. not a phone number). */
export class InvalidCorrectionError extends Error {
  override readonly name = 'InvalidCorrectionError';
  constructor(readonly field: string) {
    super(`the corrected ${field} is not valid`);
  }
}
