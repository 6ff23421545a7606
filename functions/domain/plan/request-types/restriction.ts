import type { PlanContext, PlanPart } from '../plan-part.js';
import { recipientsToNotify } from '../recipients.js';
import { presentCategories } from '../record-refs.js';

/**
 * Restriction (Art. 18): the categories staff set as the scope (with the ground) are flagged
 * storage-only in their stores, and each recipient that received any of them is told (Art. 19).
 * Before staff set ground and scope, the plan covers everything held; approval then waits for
 * them (see `recordDecision`).
 */
export function planRestriction(context: PlanContext): PlanPart {
  const held = presentCategories(context.gathered);
  const set = context.request.restriction;
  const scope = set ? held.filter((category) => set.scope.includes(category)) : held;
  return {
    restrict: true,
    ...(set
      ? {
          restriction: {
            ground: set.ground,
            scope: [...set.scope],
            activeSubscription: context.gathered.subscriptions.subscriptions.some((s) => s.status === 'active' || s.status === 'paused'),
          },
        }
      : {}),
    recipientsToNotify: recipientsToNotify('restriction', scope),
  };
}
