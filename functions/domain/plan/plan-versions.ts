import type { RightsRequest } from '../request/rights-request.js';
import { OBJECT_KEYS } from '../storage/object-store.js';

/**
 * The key the next version of a request's plan is written under: staff corrections and a
 * restriction's ground and scope each put a rebuilt plan in force under a key of its own
 * (`plan-1.json`, `plan-2.json`, …), so the plan in force changes only in the conditional write
 * that records why, and an interrupted change leaves the previous plan as it was.
 */
export function nextPlanKey(request: Pick<RightsRequest, 'id' | 'planKey'>): string {
  const current = /\/plan-(\d+)\.json$/.exec(request.planKey ?? '');
  return OBJECT_KEYS.correctedPlan(request.id, current ? Number(current[1]) + 1 : 1);
}
