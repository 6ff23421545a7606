/**
 * Typed failures of the staff console's case actions. Messages name limits and identifiers only,
 * never the text staff wrote (a note or reason may hold personal data).
 */

/** The actor is not `staff:<username>`: only a signed-in staff member acts on a case. */
export class NotStaffActorError extends Error {
  override readonly name = 'NotStaffActorError';
  constructor() {
    super('case actions are taken by a signed-in staff member');
  }
}

/** A note must say something and fit in the audit trail. */
export class NoteTextInvalidError extends Error {
  override readonly name = 'NoteTextInvalidError';
  constructor(readonly max: number) {
    super(`a note needs 1 to ${max} characters`);
  }
}

/** A closure needs a reason of a useful length; for a refusal it is sent to the person. */
export class ClosureReasonInvalidError extends Error {
  override readonly name = 'ClosureReasonInvalidError';
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    super(`the reason needs ${min} to ${max} characters`);
  }
}

/** A request cannot be merged into itself. */
export class MergeIntoSelfError extends Error {
  override readonly name = 'MergeIntoSelfError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} cannot be merged into itself`);
  }
}

/** The target was itself merged away; merge into the case it went to, so no chain of closed cases forms. */
export class MergeTargetMergedError extends Error {
  override readonly name = 'MergeTargetMergedError';
  constructor(
    readonly targetId: string,
    readonly mergedInto: string | undefined,
  ) {
    super(`request ${targetId} is itself merged${mergedInto ? ` into ${mergedInto}` : ''}`);
  }
}

/**
 * A different closure letter was already sent for this request (a retry with another ground or a
 * merge after a refusal); the person must not get two contradicting letters.
 */
export class OtherClosureLetterSentError extends Error {
  override readonly name = 'OtherClosureLetterSentError';
  constructor(
    readonly requestId: string,
    readonly purpose: string,
  ) {
    super(`request ${requestId} already has a ${purpose} letter; close it the same way`);
  }
}
