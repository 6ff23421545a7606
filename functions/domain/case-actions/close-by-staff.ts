import type { Letter } from '../letters/letter.js';
import { transitionChange } from '../lifecycle/apply-transition.js';
import { isClosableByStaff } from '../lifecycle/request-lifecycle.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import type { RightsRequest } from '../request/rights-request.js';
import { changeRequest } from '../verification/change-request.js';
import { sendMailOnce } from '../workflow/send-mail-once.js';
import type { CaseActionDeps } from './case-action-deps.js';
import { OtherClosureLetterSentError } from './case-action-errors.js';
import { stopWaitingWorkflow } from './stop-waiting-workflow.js';

export type Closure = NonNullable<RightsRequest['closure']>;

/** The longest closure reason the request record keeps. */
export const MAX_CLOSURE_REASON_LENGTH = 2000;

/** The `mailsSent` purpose of each closure's letter; at most one of them is ever sent per request. */
export const CLOSURE_PURPOSES = {
  manifestly_unfounded: 'closure-manifestly-unfounded',
  excessive: 'closure-excessive',
  merged: 'closure-merged',
} as const satisfies Record<Closure['kind'], string>;

export interface StaffClosure {
  readonly kind: Closure['kind'];
  readonly reason: string;
  readonly actor: string;
  readonly mergedInto?: string;
  readonly letter: Letter;
}

export interface StaffClosureResult {
  /** The request was closed this way before (a repeated click or a retry); nothing was done now. */
  readonly alreadyClosed: boolean;
  /** A waiting workflow step was ended now (false when none was waiting or it had moved on). */
  readonly workflowStopped: boolean;
}

/** True when the request is already closed exactly as asked, so the action is a repeat. */
export const isClosedAs = (request: RightsRequest, kind: Closure['kind'], mergedInto?: string): boolean =>
  request.status === 'closed' && request.closure?.kind === kind && request.closure.mergedInto === mergedInto;

const actionName = (kind: Closure['kind']): string => (kind === 'merged' ? 'merge' : `close as ${kind}`);

/**
 * Checks, before anything is changed, that staff may close the request this way now: it waits on
 * staff or the requester, and no other closure's letter went out.
 *
 * @throws OtherClosureLetterSentError when another closure's letter already went out
 * @throws InvalidTransitionError when the request is not in a closable status
 */
export function assertClosable(request: RightsRequest, kind: Closure['kind']): void {
  const purpose = CLOSURE_PURPOSES[kind];
  const other = Object.values(CLOSURE_PURPOSES).find((each) => each !== purpose && request.mailsSent[each]);
  if (other) throw new OtherClosureLetterSentError(request.id, other);
  if (!isClosableByStaff(request.status)) throw new InvalidTransitionError(request.id, request.status, actionName(kind));
}

/**
 * Closes a case that staff decided not to carry out, in the order that makes a retry safe:
 * 1. the letter, once (`sendMailOnce`): a mail failure leaves the case open and the workflow waiting;
 * 2. the copies of gathered data are deleted (when an object store is given), as on any closing;
 * 3. status `closed` with the closure and a `case.closed_by_staff` audit entry, the task token
 *    (read in the same attempt) removed;
 * 4. the waiting workflow step, if there was one, ends with `CaseClosedByStaff`.
 * A retry after step 1 finds the letter recorded and does not send it again.
 *
 * @throws OtherClosureLetterSentError when another closure's letter already went out
 * @throws InvalidTransitionError when the request is not (or no longer) in a closable status
 */
export async function closeByStaff(
  deps: CaseActionDeps,
  request: RightsRequest,
  closure: StaffClosure,
): Promise<StaffClosureResult> {
  assertClosable(request, closure.kind);
  const purpose = CLOSURE_PURPOSES[closure.kind];
  const action = actionName(closure.kind);

  const notified = await sendMailOnce(deps, request, purpose, closure.letter, closure.actor);
  const gatheredKeys = Object.values(notified.gathered ?? {});
  if (deps.objects && gatheredKeys.length > 0) await deps.objects.delete(gatheredKeys);
  const deleted = deps.objects ? gatheredKeys.length : 0;

  let taskToken: string | undefined;
  await changeRequest(deps, notified, async (current, at) => {
    if (!isClosableByStaff(current.status)) throw new InvalidTransitionError(current.id, current.status, action);
    taskToken = await deps.store.taskToken(current.id);
    const recorded: Closure = {
      kind: closure.kind,
      reason: closure.reason,
      by: closure.actor,
      at,
      ...(closure.mergedInto ? { mergedInto: closure.mergedInto } : {}),
    };
    return transitionChange(
      current,
      'closed_by_staff',
      {
        actor: closure.actor,
        at,
        reason: closure.reason,
        detail: {
          kind: closure.kind,
          ...(closure.mergedInto ? { mergedInto: closure.mergedInto } : {}),
          noticeMessageId: current.mailsSent[purpose]?.messageId,
          ...(deleted > 0 ? { gatheredCopiesDeleted: deleted } : {}),
        },
      },
      { set: { closure: recorded, ...(deleted > 0 ? { gathered: {} } : {}) }, remove: ['taskToken'] },
    );
  });
  deps.logger.info('case.closed_by_staff', { requestId: request.id, kind: closure.kind });
  const workflowStopped = taskToken ? await stopWaitingWorkflow(deps, request.id, taskToken) : false;
  return { alreadyClosed: false, workflowStopped };
}
