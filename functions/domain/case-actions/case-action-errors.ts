/**
 * Typed failures of the staff console's case actions. Messages name limits and identifiers only,
 * never the text staff wrote (a note or reason may hold personal data).
 */

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

/**
 * The target has been answered or has ended (replied, closed, refused, unverified): merging into it
 * would leave the duplicate's request without an answer.
 */
export class MergeTargetAnsweredError extends Error {
  override readonly name = 'MergeTargetAnsweredError';
  constructor(
    readonly targetId: string,
    readonly status: string,
  ) {
    super(`request ${targetId} has status ${status} and answers nothing more`);
  }
}

/**
 * The duplicate asks for rights the target does not, and the target's plan is already made (or
 * being made): the added rights would never be planned or answered. Merging the other way, or
 * handling both cases, loses nothing.
 */
export class MergeWouldLoseRightsError extends Error {
  override readonly name = 'MergeWouldLoseRightsError';
  constructor(
    readonly targetId: string,
    readonly missingTypes: readonly string[],
  ) {
    super(`request ${targetId} is past planning and lacks ${missingTypes.join(', ')}`);
  }
}

/**
 * The two cases have different requesters (another e-mail address, or verified as different
 * customers); staff must confirm they are the same person before the answer to one goes to the other.
 */
export class SamePersonNotConfirmedError extends Error {
  override readonly name = 'SamePersonNotConfirmedError';
  constructor(
    readonly requestId: string,
    readonly intoId: string,
  ) {
    super(`requests ${requestId} and ${intoId} have different requesters; confirm they are the same person`);
  }
}
