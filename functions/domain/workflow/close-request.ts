import type { ObjectStore } from '../storage/object-store.js';
import { transitionRequest } from '../lifecycle/apply-transition.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';

export type CloseRequestDeps = StoreDeps & { readonly objects?: Pick<ObjectStore, 'delete'> };

/**
 * Workflow step: closes an answered request. The copies of the stores gathered for it are
 * deleted now — the answer is given and the export package has its own expiry — so no personal
 * data is kept longer than the request needs; the plan stays as the record of what was done.
 * Closing twice is a no-op.
 */
export async function closeRequest(deps: CloseRequestDeps, requestId: string): Promise<{ closed: true }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.status === 'closed') return { closed: true };
  if (!request.mailsSent.reply) throw new InvalidTransitionError(requestId, request.status, 'close');
  const gatheredKeys = Object.values(request.gathered ?? {});
  if (gatheredKeys.length > 0 && deps.objects) await deps.objects.delete(gatheredKeys);
  const deleted = deps.objects ? gatheredKeys.length : 0;
  const at = deps.now().toISOString();
  await transitionRequest(
    deps.store,
    request,
    'workflow_closed',
    { actor: 'system:workflow', at, ...(deleted > 0 ? { detail: { gatheredCopiesDeleted: deleted } } : {}) },
    { set: deleted > 0 ? { gathered: {} } : {}, remove: ['taskToken'] },
  );
  deps.logger.info('request.closed', { requestId });
  return { closed: true };
}
