import { canTransition } from '../lifecycle/request-lifecycle.js';
import { transitionRequest } from '../lifecycle/apply-transition.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';

export interface WorkflowFailure {
  readonly Error?: string;
  readonly Cause?: string;
}

/**
 * Workflow step on any failure: marks the request *needs attention* so staff see it. Only the
 * error's name is recorded: a cause text may carry data from the request.
 */
export async function flagNeedsAttention(
  deps: StoreDeps,
  requestId: string,
  failure: WorkflowFailure | undefined,
): Promise<{ flagged: true }> {
  const request = await loadRequest(deps.store, requestId);
  const error = (failure?.Error ?? 'Unknown').slice(0, 120);
  // Already flagged, or closed (nothing left to look at): nothing to do.
  if (!canTransition(request.status, 'workflow_failed')) return { flagged: true };
  const at = deps.now().toISOString();
  await transitionRequest(
    deps.store,
    request,
    'workflow_failed',
    { actor: 'system:workflow', at, reason: `workflow failure: ${error}`, detail: { error } },
    { remove: ['taskToken'] },
  );
  deps.logger.warn('request.needs_attention', { requestId, error });
  return { flagged: true };
}
