/** Typed failures of carrying out a plan. Messages name identifiers and counts only. */

/** After erasing, a re-query still found planned records: the erasure is not proven. */
export class ErasureNotProvenError extends Error {
  override readonly name = 'ErasureNotProvenError';
  constructor(
    readonly requestId: string,
    readonly category: string,
    readonly remaining: number,
  ) {
    super(`erasure of ${category} for request ${requestId} left ${remaining} record(s)`);
  }
}

/** The plan asks for an erasure method the store cannot perform for the category. */
export class UnsupportedErasureError extends Error {
  override readonly name = 'UnsupportedErasureError';
  constructor(
    readonly category: string,
    readonly method: string,
  ) {
    super(`cannot ${method} records of category ${category}`);
  }
}

/**
 * The plan erases part of a category the store can only erase whole (door events) while keeping
 * another part: carrying it out would delete kept records.
 */
export class ErasurePlanConflictError extends Error {
  override readonly name = 'ErasurePlanConflictError';
  constructor(readonly category: string) {
    super(`the plan both erases and keeps ${category} records, which the store can only erase together`);
  }
}

/** A later step found planned actions not yet carried out: it must not report them as done. */
export class CarryOutIncompleteError extends Error {
  override readonly name = 'CarryOutIncompleteError';
  constructor(
    readonly requestId: string,
    readonly pending: number,
  ) {
    super(`${pending} planned action(s) of request ${requestId} are not carried out yet`);
  }
}
