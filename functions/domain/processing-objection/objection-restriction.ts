import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';
import type { ObjectablePurpose, ProcessingPurposeStore } from './processing-purpose-store.js';

export interface ObjectionRestrictionDeps extends StoreDeps {
  readonly purposes: ProcessingPurposeStore;
}

/** The one purpose the privacy policy bases on legitimate interest («Analyse/utvikling»). */
export const OBJECTED_PURPOSE: ObjectablePurpose = 'analytics';
const ACTOR = 'system:objection';

/**
 * Workflow step of the Art. 21(1) path, before staff assess: the objected purpose is restricted
 * for the verified subject while the objection is weighed (Art. 18(1)(d)). A customer whose
 * objection was upheld earlier stays stopped.
 */
export async function restrictWhileAssessing(deps: ObjectionRestrictionDeps, requestId: string): Promise<{ restricted: number }> {
  const request = await loadRequest(deps.store, requestId);
  if (!request.types.includes('processing_objection')) throw new InvalidTransitionError(requestId, request.status, 'restrict for an objection');
  let restricted = 0;
  const at = deps.now().toISOString();
  for (const customerId of request.customerIds ?? []) {
    const current = await deps.purposes.get(customerId, OBJECTED_PURPOSE);
    if (current?.status === 'restricted' || current?.status === 'stopped') continue;
    await deps.purposes.put({ customerId, purpose: OBJECTED_PURPOSE, status: 'restricted', ground: 'd', changedAt: at, source: `rights-request:${requestId}` });
    restricted += 1;
  }
  if (restricted > 0) {
    await deps.store.appendAudit(requestId, {
      requestId,
      at,
      event: 'processing.restricted',
      actor: ACTOR,
      detail: { purpose: OBJECTED_PURPOSE, ground: 'd', customers: restricted },
    });
  }
  deps.logger.info('processing.restricted', { requestId, customers: restricted });
  return { restricted };
}

/**
 * Workflow step after an overridden objection (a refusal): the restriction is lifted, only once
 * the person has been told so with the reasons (Art. 18(3)), i.e. after the refusal was sent.
 *
 * @throws {InvalidTransitionError} unless the objection was refused and the refusal sent
 */
export async function liftAfterOverride(deps: ObjectionRestrictionDeps, requestId: string): Promise<{ lifted: number }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.decision?.outcome !== 'rejected' || !request.mailsSent.reply) {
    throw new InvalidTransitionError(requestId, request.status, 'lift the objection restriction');
  }
  const at = deps.now().toISOString();
  let lifted = 0;
  for (const customerId of request.customerIds ?? []) {
    // Only a pending restriction is lifted: a stop upheld by another request stays a stop.
    if ((await deps.purposes.get(customerId, OBJECTED_PURPOSE))?.status !== 'restricted') continue;
    await deps.purposes.put({ customerId, purpose: OBJECTED_PURPOSE, status: 'active', changedAt: at, source: `rights-request:${requestId}` });
    lifted += 1;
  }
  if (lifted > 0) {
    await deps.store.appendAudit(requestId, {
      requestId,
      at,
      event: 'processing.restriction_lifted',
      actor: ACTOR,
      detail: { purpose: OBJECTED_PURPOSE, customers: lifted },
    });
  }
  deps.logger.info('processing.restriction_lifted', { requestId, customers: lifted });
  return { lifted };
}
