import { DecisionAlreadyRecordedError, InvalidTransitionError } from '../request/request-errors.js';
import { transitionRequest } from '../lifecycle/apply-transition.js';
import { canTransition } from '../lifecycle/request-lifecycle.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';

/**
 * Workflow step (callback): remembers the task token so a staff decision can resume the workflow,
 * and moves the request to *awaiting approval* — or to *needs attention* while the search before
 * «we hold nothing» found candidates staff must resolve first. If a decision was recorded before this execution
 * (a re-driven request), it raises {@link DecisionAlreadyRecordedError} and the workflow reads it.
 */
export async function awaitDecision(deps: StoreDeps, requestId: string, taskToken: string): Promise<{ waiting: true }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.decision) throw new DecisionAlreadyRecordedError(requestId);
  // Candidates found by another identifier: staff must link the case or confirm no match first.
  const identityReview = request.identityReview?.status === 'pending';
  const event = identityReview ? 'identity_review_awaited' : 'decision_awaited';
  if (!canTransition(request.status, event)) throw new InvalidTransitionError(requestId, request.status, 'await decision');
  const at = deps.now().toISOString();
  await transitionRequest(
    deps.store,
    request,
    event,
    { actor: 'system:workflow', at, ...(identityReview ? { reason: 'identity_review' } : {}) },
    { set: { taskToken } },
  );
  deps.logger.info('decision.awaiting', { requestId });
  return { waiting: true };
}
