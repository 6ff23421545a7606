import { postalAddressLine } from '../post/postal-address-line.js';
import { isRequestId } from '../request/request-id.js';
import { mergedLetter } from '../letters/merged-letter.js';
import { RequestNotFoundError } from '../request/request-errors.js';
import type { RightsRequest } from '../request/rights-request.js';
import { changeRequest } from '../verification/change-request.js';
import type { CaseActionDeps } from './case-action-deps.js';
import {
  ClosureReasonInvalidError,
  MergeIntoSelfError,
  MergeTargetAnsweredError,
  MergeTargetMergedError,
  MergeWouldLoseRightsError,
  SamePersonNotConfirmedError,
} from './case-action-errors.js';
import { MAX_CLOSURE_REASON_LENGTH, assertClosable, closeByStaff, isClosedAs, type StaffClosureResult } from './close-by-staff.js';
import { canTakeNewRights, mergedCase, rightsOnlyIn, sameRequester, stillAnswers } from './merged-case.js';
import { staffUsername } from '../staff-auth/staff-identity.js';

export interface MergeDuplicateInput {
  /** The duplicate: it is closed. */
  readonly requestId: string;
  /** The case that goes on and answers both. */
  readonly intoId: string;
  /** `staff:<username>`. */
  readonly actor: string;
  /** Why they are the same matter (internal: recorded on both cases, not sent). */
  readonly reason: string;
  /**
   * The staff member confirms the two requesters are the same person. Required when the requests
   * have different e-mail addresses or were verified as different customers; recorded with who.
   */
  readonly samePersonConfirmed?: boolean;
}

/**
 * Merges a duplicate request into another case that answers both, losing nothing (Art. 12(3)):
 * 1. checks, before anything changes: the target still answers (not replied or ended); it can take
 *    every right the duplicate adds (its plan is not made yet, otherwise the added rights would
 *    never be answered: merge the other way instead); the requesters are the same, or staff
 *    confirmed they are the same person; the duplicate may be closed now;
 * 2. the target takes every right of both and the earliest receipt, with the due date recomputed
 *    from it (see {@link mergedCase}), in one change with its `case.merged_in` audit entry;
 * 3. the duplicate is closed with a letter saying which reference, address and date the answer
 *    comes under, and its waiting workflow step ends, as in {@link closeByStaff}.
 * The target changes first: if the duplicate's letter then fails, both cases cover the rights
 * (nothing is lost) and a retry completes the merge without changing the target twice.
 *
 * @throws ClosureReasonInvalidError without a reason (or one over 2000 characters)
 * @throws MergeIntoSelfError when both ids are the same
 * @throws RequestNotFoundError when either request does not exist
 * @throws MergeTargetMergedError when the target was itself merged into another case
 * @throws MergeTargetAnsweredError when the target was answered or has ended
 * @throws MergeWouldLoseRightsError when the target is past planning and lacks a right of the duplicate
 * @throws SamePersonNotConfirmedError when the requesters differ and staff did not confirm the same person
 * @throws InvalidTransitionError when the duplicate is not waiting on staff or the requester
 */
export async function mergeDuplicate(deps: CaseActionDeps, input: MergeDuplicateInput): Promise<StaffClosureResult> {
  staffUsername(input.actor);
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_CLOSURE_REASON_LENGTH) throw new ClosureReasonInvalidError(1, MAX_CLOSURE_REASON_LENGTH);
  if (input.requestId === input.intoId) throw new MergeIntoSelfError(input.requestId);
  const [duplicate, target] = await loadBoth(deps, input.requestId, input.intoId);
  if (target.closure?.kind === 'merged') throw new MergeTargetMergedError(target.id, target.closure.mergedInto);
  const same = sameRequester(duplicate, target);
  if (!same && input.samePersonConfirmed !== true) throw new SamePersonNotConfirmedError(duplicate.id, target.id);

  const repeat = isClosedAs(duplicate, 'merged', target.id);
  const merged = repeat ? target : await mergeIntoTarget(deps, duplicate, target, { ...input, reason, sameRequester: same });
  const result = repeat
    ? { alreadyClosed: true, workflowStopped: false }
    : await closeByStaff(deps, duplicate, {
        kind: 'merged',
        reason,
        actor: input.actor,
        mergedInto: target.id,
        letter: mergedLetter(duplicate, { reference: merged.id, email: merged.requester.email ?? postalAddressLine(merged.requester.postalAddress), dueDate: merged.dueDate }),
      });
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

const alreadyMergedIn = (trail: readonly { event: string; detail?: Record<string, unknown> }[], from: string): boolean =>
  trail.some((entry) => entry.event === 'case.merged_in' && entry.detail?.from === from);

/**
 * Step 2: the target takes the duplicate's rights and earliest receipt, with `case.merged_in`,
 * once. Every check runs on each fresh read, so a target that moved on meanwhile is refused.
 */
async function mergeIntoTarget(
  deps: CaseActionDeps,
  duplicate: RightsRequest,
  target: RightsRequest,
  input: MergeDuplicateInput & { readonly sameRequester: boolean },
): Promise<RightsRequest> {
  if (alreadyMergedIn(await deps.store.auditTrail(target.id), duplicate.id)) return target;
  return changeRequest(deps, target, (current, at) => {
    if (!stillAnswers(current)) throw new MergeTargetAnsweredError(current.id, current.status);
    const missing = rightsOnlyIn(duplicate, current);
    if (missing.length > 0 && !canTakeNewRights(current)) throw new MergeWouldLoseRightsError(current.id, missing);
    assertClosable(duplicate, 'merged');
    const next = mergedCase(current, duplicate);
    const dropsExtension = current.extension !== undefined && next.extension === undefined;
    return {
      set: {
        types: next.types,
        receivedAt: next.receivedAt,
        receiptDate: next.receiptDate,
        dueDate: next.dueDate,
        extended: next.extended,
        ...(next.extension && { extension: next.extension }),
        updatedAt: at,
      },
      ...(dropsExtension && { remove: ['extension' as const] }),
      audit: {
        requestId: current.id,
        at,
        event: 'case.merged_in',
        actor: input.actor,
        reason: input.reason,
        detail: {
          from: duplicate.id,
          // Who vouched that two different requesters are one person (Art. 12(6): the answer goes to them).
          requesterMatch: input.sameRequester ? 'same_requester' : 'confirmed_by_staff',
          ...(!input.sameRequester && { samePersonConfirmedBy: input.actor }),
          ...(next.addedTypes.length > 0 && { addedTypes: next.addedTypes }),
          ...(next.receivedAt !== current.receivedAt && { receivedAt: { from: current.receivedAt, to: next.receivedAt } }),
          ...(next.dueDate !== current.dueDate && { dueDate: { from: current.dueDate, to: next.dueDate } }),
          ...(dropsExtension && { extensionDropped: { at: current.extension?.at } }),
        },
      },
    };
  });
}
