import { DecisionAlreadyRecordedError, InvalidTransitionError } from '../request/request-errors.js';
import type { Status } from '../request/request-vocabulary.js';
import { loadRequest } from './load-request.js';
import type { StoreDeps } from './workflow-deps.js';

const WAITABLE: readonly Status[] = ['received', 'awaiting_verification', 'gathering', 'awaiting_approval', 'needs_attention', 'extended'];

/**
 * Workflow step (callback): remembers the task token so a staff decision can resume the workflow,
 * and moves the request to *awaiting approval* — or to *needs attention* while the search before
 * «we hold nothing» found candidates staff must resolve first. If a decision was recorded before this execution
 * (a re-driven request), it raises {@link DecisionAlreadyRecordedError} and the workflow reads it.
 */
export async function awaitDecision(deps: StoreDeps, requestId: string, taskToken: string): Promise<{ waiting: true }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.decision) throw new DecisionAlreadyRecordedError(requestId);
  if (!WAITABLE.includes(request.status)) throw new InvalidTransitionError(requestId, request.status, 'await decision');
  const at = deps.now().toISOString();
  // Candidates found by another identifier: staff must link the case or confirm no match first.
  const waitsFor: Status = request.identityReview?.status === 'pending' ? 'needs_attention' : 'awaiting_approval';
  await deps.store.apply(requestId, {
    expectedVersion: request.version,
    set: { status: waitsFor, taskToken, updatedAt: at },
    audit: {
      requestId,
      at,
      event: request.status === waitsFor ? 'decision.awaiting_again' : 'status.changed',
      fromStatus: request.status,
      toStatus: waitsFor,
      actor: 'system:workflow',
      ...(waitsFor === 'needs_attention' ? { reason: 'identity_review' } : {}),
    },
  });
  deps.logger.info('decision.awaiting', { requestId });
  return { waiting: true };
}
