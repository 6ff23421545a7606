import type { ActionPlan, KeptRecords } from '../../../functions/domain/plan/action-plan.js';
import { ActionPlanSchema } from '../../../functions/domain/plan/action-plan.js';
import { buildPlan } from '../../../functions/domain/plan/build-plan.js';
import type { RequestType } from '../../../functions/domain/request/request-vocabulary.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { gatheredData, type HeldData } from '../gather/customer-data-fixture.js';
import { VERIFIED } from '../gather/gather-fixture.js';

export const TODAY = '2026-11-24';

/** The plan for a verified customer asking for `types`, validated against the plan schema. */
export function planFor(
  types: RightsRequest['types'] | RequestType,
  held: HeldData = {},
  options: { readonly request?: Partial<RightsRequest>; readonly today?: string } = {},
): ActionPlan {
  const request = aRightsRequest({
    ...VERIFIED,
    status: 'gathering',
    types: typeof types === 'string' ? [types] : types,
    ...(held.customerIds ? { customerIds: [...held.customerIds] } : {}),
    ...options.request,
  });
  return ActionPlanSchema.parse(
    buildPlan({ request, gathered: gatheredData(held), today: options.today ?? TODAY, builtAt: '2026-11-24T08:00:00.000Z' }),
  );
}

/** The kept group of `category` holding `ref`. */
export const keptWith = (plan: ActionPlan, ref: string): KeptRecords | undefined =>
  plan.kept.find((group) => group.recordIds.includes(ref));

/** How each record is handled: `erase:<method>` or `keep:<kind>[:<until>]`. */
export function outcomes(plan: ActionPlan): Record<string, string> {
  const result: Record<string, string> = {};
  for (const action of plan.erasures) for (const ref of action.recordIds) result[ref] = `erase:${action.method}`;
  for (const group of plan.kept) {
    for (const ref of group.recordIds) result[ref] = `keep:${group.kind}${group.until ? `:${group.until}` : ''}`;
  }
  return result;
}
