import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from './load-request.js';
import type { StoreDeps } from './workflow-deps.js';

/** Workflow step: closes an answered request. Closing twice is a no-op. */
export async function closeRequest(deps: StoreDeps, requestId: string): Promise<{ closed: true }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.status === 'closed') return { closed: true };
  if (!request.mailsSent.reply) throw new InvalidTransitionError(requestId, request.status, 'close');
  const at = deps.now().toISOString();
  await deps.store.apply(requestId, {
    expectedVersion: request.version,
    set: { status: 'closed', updatedAt: at },
    remove: ['taskToken'],
    audit: { requestId, at, event: 'status.changed', fromStatus: request.status, toStatus: 'closed', actor: 'system:workflow' },
  });
  deps.logger.info('request.closed', { requestId });
  return { closed: true };
}
