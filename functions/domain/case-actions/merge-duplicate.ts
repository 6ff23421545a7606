import { isRequestId } from '../request/request-id.js';
import { mergedLetter } from '../letters/merged-letter.js';
import { RequestNotFoundError } from '../request/request-errors.js';
import type { RightsRequest } from '../request/rights-request.js';
import type { CaseActionDeps } from './case-action-deps.js';
import { ClosureReasonInvalidError, MergeIntoSelfError, MergeTargetMergedError } from './case-action-errors.js';
import { MAX_CLOSURE_REASON_LENGTH, closeByStaff, isClosedAs, type StaffClosureResult } from './close-by-staff.js';
import { staffUsername } from './staff-username.js';

export interface MergeDuplicateInput {
  /** The duplicate: it is closed. */
  readonly requestId: string;
  /** The case that goes on and answers both. */
  readonly intoId: string;
  /** `staff:<username>`. */
  readonly actor: string;
  /** Why they are the same matter (internal: recorded on both cases, not sent). */
  readonly reason: string;
}

/**
 * Whether two requests come from the same person as far as we may tell them apart in a letter:
 * the same requester e-mail address, compared case-insensitively.
 */
export const sameRequester = (a: Pick<RightsRequest, 'requester'>, b: Pick<RightsRequest, 'requester'>): boolean =>
  a.requester.email.trim().toLowerCase() === b.requester.email.trim().toLowerCase();

/**
 * Closes a duplicate request as merged into another case that answers both. The duplicate's sender
 * gets a letter (purpose `closure-merged`) naming the other case's reference only when both have
 * the same requester e-mail, so no one learns of another person's case. The duplicate is closed
 * and its waiting workflow step ended as in {@link closeByStaff}; the target's audit trail gets
 * `case.merged_in` once, also when a retry completes an interrupted merge.
 *
 * @throws ClosureReasonInvalidError without a reason (or one over 2000 characters)
 * @throws MergeIntoSelfError when both ids are the same
 * @throws RequestNotFoundError when either request does not exist
 * @throws MergeTargetMergedError when the target was itself merged into another case
 * @throws InvalidTransitionError when the duplicate is not waiting on staff or the requester
 */
export async function mergeDuplicate(deps: CaseActionDeps, input: MergeDuplicateInput): Promise<StaffClosureResult> {
  staffUsername(input.actor);
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_CLOSURE_REASON_LENGTH) throw new ClosureReasonInvalidError(1, MAX_CLOSURE_REASON_LENGTH);
  if (input.requestId === input.intoId) throw new MergeIntoSelfError(input.requestId);
  const [duplicate, target] = await loadBoth(deps, input.requestId, input.intoId);
  if (target.closure?.kind === 'merged') throw new MergeTargetMergedError(target.id, target.closure.mergedInto);

  const result = isClosedAs(duplicate, 'merged', target.id)
    ? { alreadyClosed: true, workflowStopped: false }
    : await closeByStaff(deps, duplicate, {
        kind: 'merged',
        reason,
        actor: input.actor,
        mergedInto: target.id,
        letter: mergedLetter(duplicate, sameRequester(duplicate, target) ? target.id : undefined),
      });
  await recordMergedIn(deps, target.id, duplicate.id, input.actor, reason);
  deps.logger.info('case.merged', { requestId: duplicate.id, intoId: target.id });
  return result;
}

async function loadBoth(deps: CaseActionDeps, requestId: string, intoId: string): Promise<[RightsRequest, RightsRequest]> {
  // A target typed by staff that cannot be a reference is no case (and never reaches the table).
  if (!isRequestId(intoId)) throw new RequestNotFoundError(intoId);
  const found = await deps.store.getMany([requestId, intoId]);
  const duplicate = found.find((request) => request.id === requestId);
  if (!duplicate) throw new RequestNotFoundError(requestId);
  const target = found.find((request) => request.id === intoId);
  if (!target) throw new RequestNotFoundError(intoId);
  return [duplicate, target];
}

/** Adds `case.merged_in` to the target's trail unless an earlier try already did. */
async function recordMergedIn(deps: CaseActionDeps, intoId: string, from: string, actor: string, reason: string): Promise<void> {
  const trail = await deps.store.auditTrail(intoId);
  if (trail.some((entry) => entry.event === 'case.merged_in' && entry.detail?.from === from)) return;
  await deps.store.appendAudit(intoId, {
    requestId: intoId,
    at: deps.now().toISOString(),
    event: 'case.merged_in',
    actor,
    reason,
    detail: { from },
  });
}
