import { InvalidTransitionError } from '../request/request-errors.js';
import type { RequestStore } from '../request/request-store.js';
import { loadRequest } from '../request/request-store.js';

/** Workflow step: the decision already recorded on the request, for a re-driven execution. */
export async function readDecision(store: RequestStore, requestId: string): Promise<{ outcome: 'approved' | 'rejected' }> {
  const request = await loadRequest(store, requestId);
  if (!request.decision) throw new InvalidTransitionError(requestId, request.status, 'read decision');
  return { outcome: request.decision.outcome };
}
