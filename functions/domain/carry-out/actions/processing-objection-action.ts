import { OBJECTED_PURPOSE } from '../../processing-objection/objection-restriction.js';
import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS } from '../../plan/planned-actions.js';

/**
 * An upheld objection to processing (Art. 21(1)): the objected purpose stops for good for every
 * customer id of the subject; the restriction that held while staff assessed becomes this stop.
 */
export async function carryOutProcessingObjection(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  if (!plan.processingObjection) return;
  const actionId = ACTION_IDS.stopPurpose(plan.processingObjection.purpose);
  if (context.isResolved(actionId)) return;
  const at = context.now();
  let changed = 0;
  for (const customerId of plan.customerIds) {
    if ((await deps.purposes.get(customerId, OBJECTED_PURPOSE))?.status === 'stopped') continue;
    await deps.purposes.put({ customerId, purpose: OBJECTED_PURPOSE, status: 'stopped', changedAt: at, source: `rights-request:${context.requestId}` });
    changed += 1;
  }
  await context.resolve(actionId, 'done', { purpose: OBJECTED_PURPOSE, customers: changed, effectiveAt: at });
}
