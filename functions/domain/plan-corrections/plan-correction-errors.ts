/**
 * Why a staff correction of a plan was refused. Messages name record references, categories and
 * dates only (references are store keys, not personal data).
 */

/** The request does not ask for erasure, so its plan has nothing to keep or release. */
export class PlanNotCorrectableError extends Error {
  override readonly name = 'PlanNotCorrectableError';
  constructor(readonly requestId: string) {
    super(`the plan of request ${requestId} erases nothing, so nothing can be kept or released`);
  }
}

/** Record references that are not among the records gathered for the request. */
export class UnknownRecordsError extends Error {
  override readonly name = 'UnknownRecordsError';
  constructor(readonly refs: readonly string[]) {
    super(`unknown record(s): ${refs.join(', ')}`);
  }
}

/** A correction names no record. */
export class NoRecordsError extends Error {
  override readonly name = 'NoRecordsError';
  constructor() {
    super('a correction names at least one record');
  }
}

/** Keeping a record needs a ground. */
export class KeepGroundRequiredError extends Error {
  override readonly name = 'KeepGroundRequiredError';
  constructor() {
    super('keeping records needs a ground');
  }
}

/** Keeping a record needs a last day, today or later and at most ten years ahead. */
export class KeepUntilInvalidError extends Error {
  override readonly name = 'KeepUntilInvalidError';
  constructor(
    readonly reason: 'missing' | 'past' | 'too_far',
    readonly latest: string,
  ) {
    super(`the last day to keep is ${reason}`);
  }
}

/** The access log erases a customer's door events only all together: keep all or none. */
export class DoorEventsTogetherError extends Error {
  override readonly name = 'DoorEventsTogetherError';
  constructor() {
    super('door events can only be kept or released all together');
  }
}

/** A release of a hold staff may not lift: the law (bookkeeping) or the contract makes it, or there is none. */
export class NotReleasableError extends Error {
  override readonly name = 'NotReleasableError';
  constructor(readonly refs: readonly string[]) {
    super(`no releasable hold on: ${refs.join(', ')}`);
  }
}
