import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS } from '../planned-actions.js';

/**
 * Restriction (Art. 18): every customer id of the subject is flagged storage-only in all three
 * stores (subscription, billing, access log), which every consumer of those stores must honour.
 */
export async function carryOutRestriction(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  if (!plan.restrict || context.isResolved(ACTION_IDS.restrict)) return;
  for (const customerId of plan.customerIds) {
    await deps.customers.setRestricted(customerId, true);
    await deps.billing.setRestricted(customerId, true);
    await deps.accessLog.setRestricted(customerId, true);
  }
  await context.resolve(ACTION_IDS.restrict, 'done', { customers: plan.customerIds.length, stores: 3, effectiveAt: context.now() });
}
