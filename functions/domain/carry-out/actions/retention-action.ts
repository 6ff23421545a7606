import type { CarryOutContext } from '../carry-out-context.js';
import { categoryRecords, idOfRef, toRef } from '../held-records.js';
import { ACTION_IDS, retentionGroups } from '../../plan/planned-actions.js';
import { isSchedulable } from '../retention-scheduler.js';

/**
 * Records kept after an erasure request with an end date (bokføringsloven § 13) are marked for
 * deletion when it passes (`deleteAfter`, through the {@link RetentionScheduler}), per customer.
 * A kept category whose store has no expiry is recorded as needing staff follow-up instead.
 */
export async function carryOutRetention(context: CarryOutContext): Promise<void> {
  const { plan, deps } = context;
  for (const group of retentionGroups(plan)) {
    const actionId = ACTION_IDS.retain(group.category, group.until);
    if (context.isResolved(actionId)) continue;
    const category = group.category;
    if (!isSchedulable(category)) {
      deps.logger.warn('retention.manual_follow_up', { requestId: context.requestId, category });
      await context.resolve(actionId, 'done', { category, until: group.until, scheduled: 0, manualFollowUp: true });
      continue;
    }
    const kept = new Set(group.recordIds.map((id) => toRef(category, id)));
    const records = categoryRecords(deps, category);
    let scheduled = 0;
    for (const customerId of plan.customerIds) {
      const refs = [...(await records.held(customerId))].filter((ref) => kept.has(ref));
      if (refs.length === 0) continue;
      scheduled += await deps.retention.scheduleDeletion(
        customerId,
        category,
        refs.map((ref) => idOfRef(category, ref)),
        group.until,
      );
    }
    await context.resolve(actionId, 'done', { category, until: group.until, kept: kept.size, scheduled });
  }
}
