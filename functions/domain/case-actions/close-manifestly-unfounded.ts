import { assertRefusalLeavesMarketingStop } from '../request/marketing-stop-rules.js';
import { unfoundedLetter, type UnfoundedGround } from '../letters/unfounded-letter.js';
import { loadRequest } from '../request/request-store.js';
import type { CaseActionDeps } from './case-action-deps.js';
import { ClosureReasonInvalidError } from './case-action-errors.js';
import { MAX_CLOSURE_REASON_LENGTH, closeByStaff, isClosedAs, type StaffClosureResult } from './close-by-staff.js';
import { staffUsername } from '../staff-auth/staff-identity.js';

/**
 * The shortest reason accepted. It is quoted to the person, and Art. 12(5) makes us carry the
 * burden of showing the request is manifestly unfounded or excessive, so a word or two will not do.
 */
export const MIN_UNFOUNDED_REASON_LENGTH = 20;

export interface CloseManifestlyUnfoundedInput {
  readonly requestId: string;
  /** `staff:<username>`. */
  readonly actor: string;
  readonly ground: UnfoundedGround;
  /** Why, in words for the person: it is quoted in the letter and kept in the audit trail. */
  readonly reason: string;
}

/**
 * Refuses to act on a request that is manifestly unfounded or excessive (Art. 12(5)(b)) and closes
 * it. The person is told the reasons and both remedies without delay (Art. 12(4)) before the case
 * is closed; the reason is recorded on the case and in its audit trail as the evidence Art. 12(5)
 * asks of us. Repeating the action on a case already closed this way does nothing.
 *
 * @throws ClosureReasonInvalidError when the reason is shorter than 20 or longer than 2000 characters
 * @throws InvalidTransitionError when the request is not waiting on staff or the requester
 * @throws OtherClosureLetterSentError when it was already closed, or notified, another way
 * @throws MarketingStopNotRefusableError when the request stops marketing and nothing else is left
 */
export async function closeManifestlyUnfounded(
  deps: CaseActionDeps,
  input: CloseManifestlyUnfoundedInput,
): Promise<StaffClosureResult> {
  staffUsername(input.actor);
  const reason = input.reason.trim();
  if (reason.length < MIN_UNFOUNDED_REASON_LENGTH || reason.length > MAX_CLOSURE_REASON_LENGTH) {
    throw new ClosureReasonInvalidError(MIN_UNFOUNDED_REASON_LENGTH, MAX_CLOSURE_REASON_LENGTH);
  }
  const request = await loadRequest(deps.store, input.requestId);
  if (isClosedAs(request, input.ground)) return { alreadyClosed: true, workflowStopped: false };
  assertRefusalLeavesMarketingStop(request);
  return closeByStaff(deps, request, {
    kind: input.ground,
    reason,
    actor: input.actor,
    letter: unfoundedLetter(request, input.ground, reason),
  });
}
