import { loadRequest } from './load-request.js';
import type { StoreDeps } from './workflow-deps.js';

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
  if (request.status === 'needs_attention' || request.status === 'closed') return { flagged: true };
  const at = deps.now().toISOString();
  await deps.store.apply(requestId, {
    expectedVersion: request.version,
    set: { status: 'needs_attention', updatedAt: at },
    remove: ['taskToken'],
    audit: {
      requestId,
      at,
      event: 'status.changed',
      fromStatus: request.status,
      toStatus: 'needs_attention',
      actor: 'system:workflow',
      reason: `workflow failure: ${error}`,
      detail: { error },
    },
  });
  deps.logger.warn('request.needs_attention', { requestId, error });
  return { flagged: true };
}
