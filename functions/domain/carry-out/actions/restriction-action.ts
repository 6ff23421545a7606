import type { RecordCategory } from '../../plan/action-plan.js';
import { CATEGORY_STORE } from '../../customer-data/customer-records.js';
import type { CarryOutContext } from '../carry-out-context.js';
import { ACTION_IDS } from '../../plan/planned-actions.js';

/**
 * Restriction (Art. 18): every customer id of the subject is flagged storage-only in the stores
 * that hold the restriction's scope (only those categories), or in all three stores when the plan
 * restricts everything (what an erasure keeps). Every consumer of the stores must honour the flag.
 * When the case records a restriction, the same write notes when it took effect.
 */
export async function carryOutRestriction(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  if (!plan.restrict || context.isResolved(ACTION_IDS.restrict)) return;
  const scope: readonly RecordCategory[] | undefined = plan.restriction?.scope;
  const touches = (store: 'customers' | 'billing' | 'accessLog') => !scope || scope.some((category) => CATEGORY_STORE[category] === store);
  const inStore = (store: 'customers' | 'billing') => scope?.filter((category) => CATEGORY_STORE[category] === store);
  for (const customerId of plan.customerIds) {
    if (touches('customers')) await deps.customers.setRestricted(customerId, true, inStore('customers'));
    if (touches('billing')) await deps.billing.setRestricted(customerId, true, inStore('billing'));
    if (touches('accessLog')) await deps.accessLog.setRestricted(customerId, true);
  }
  const at = context.now();
  const recorded = context.request.restriction;
  await context.resolve(
    ACTION_IDS.restrict,
    'done',
    {
      customers: plan.customerIds.length,
      stores: (['customers', 'billing', 'accessLog'] as const).filter(touches).length,
      ...(plan.restriction ? { ground: plan.restriction.ground, scope: plan.restriction.scope.join(',') } : {}),
      effectiveAt: at,
    },
    recorded && !recorded.appliedAt ? { restriction: { ...recorded, appliedAt: at } } : {},
  );
}
