import { subjectCustomerIds } from '../gather/subject-customer-ids.js';
import type { RightsRequest } from '../request/rights-request.js';
import { OBJECT_KEYS, type ObjectStore } from '../storage/object-store.js';
import { ActionPlanSchema, type ActionPlan } from './action-plan.js';
import { PlanNotFoundError, PlanSubjectMismatchError } from './plan-errors.js';

/**
 * The approved plan of the request, read from the bucket and checked against the request: it must
 * be this request's plan and act only on customers the requester was verified as.
 *
 * @throws {PlanNotFoundError} when no plan is recorded or stored
 * @throws {PlanSubjectMismatchError} when the plan is another request's or names other customers
 */
export async function loadPlan(objects: ObjectStore, request: RightsRequest): Promise<ActionPlan> {
  if (!request.planKey) throw new PlanNotFoundError(request.id);
  const parsed = ActionPlanSchema.safeParse(await objects.getJson(request.planKey));
  if (!parsed.success) throw new PlanNotFoundError(request.id);
  const plan = parsed.data;
  const verified = new Set(subjectCustomerIds(request));
  if (plan.requestId !== request.id || plan.customerIds.some((id) => !verified.has(id))) {
    throw new PlanSubjectMismatchError(request.id);
  }
  return plan;
}

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
