import { DecisionAlreadyRecordedError, InvalidTransitionError } from '../request/request-errors.js';
import type { Status } from '../request/request-vocabulary.js';
import { loadRequest } from './load-request.js';
import type { StoreDeps } from './workflow-deps.js';

const WAITABLE: readonly Status[] = ['received', 'awaiting_verification', 'gathering', 'awaiting_approval', 'needs_attention', 'extended'];

/**
 * Workflow step (callback): remembers the task token so a staff decision can resume the workflow,
 * and moves the request to *awaiting approval*. If a decision was recorded before this execution
 * (a re-driven request), it raises {@link DecisionAlreadyRecordedError} and the workflow reads it.
 */
export async function awaitDecision(deps: StoreDeps, requestId: string, taskToken: string): Promise<{ waiting: true }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.decision) throw new DecisionAlreadyRecordedError(requestId);
  if (!WAITABLE.includes(request.status)) throw new InvalidTransitionError(requestId, request.status, 'await decision');
  const at = deps.now().toISOString();
  await deps.store.apply(requestId, {
    expectedVersion: request.version,
    set: { status: 'awaiting_approval', taskToken, updatedAt: at },
    audit: {
      requestId,
      at,
      event: request.status === 'awaiting_approval' ? 'decision.awaiting_again' : 'status.changed',
      fromStatus: request.status,
      toStatus: 'awaiting_approval',
      actor: 'system:workflow',
    },
  });
  deps.logger.info('decision.awaiting', { requestId });
  return { waiting: true };
}
