import type { PlanContext, PlanPart } from '../plan-part.js';
import { recordCounts } from '../record-refs.js';

/**
 * Access (Art. 15): a copy of everything held. Every category is listed with its count, zero
 * included, so the answer also confirms what we do not hold (Art. 15(1) "whether or not").
 */
export function planAccess(context: PlanContext): PlanPart {
  const categories = [...recordCounts(context.gathered)].map(([category, records]) => ({ category, records }));
  return { export: { portable: false, categories } };
}
