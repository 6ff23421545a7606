import type { PlanContext, PlanPart } from '../plan-part.js';
import { recipientsToNotify } from '../recipients.js';
import { presentCategories } from '../record-refs.js';

/**
 * Restriction (Art. 18): everything held is flagged storage-only in every store, and each recipient
 * that received any of it is told (Art. 19).
 */
export function planRestriction(context: PlanContext): PlanPart {
  return { restrict: true, recipientsToNotify: recipientsToNotify('restriction', presentCategories(context.gathered)) };
}
