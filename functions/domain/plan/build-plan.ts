import type { CalendarDate } from '../deadline/index.js';
import type { GatheredData } from '../gather/gathered-data.js';
import { subjectCustomerIds } from '../gather/subject-customer-ids.js';
import { MARKETING_STOP_TYPES, type RequestType } from '../request/request-vocabulary.js';
import type { RightsRequest } from '../request/rights-request.js';
import type { ActionPlan, PlanAdjustment } from './action-plan.js';
import { GatheredDataMismatchError } from './plan-errors.js';
import { NO_ACTIONS, mergePlanParts, type PlanActions, type PlanContext, type PlanPart } from './plan-part.js';
import { planAccess } from './request-types/access.js';
import { planConsentWithdrawal } from './request-types/consent-withdrawal.js';
import { planErasure } from './request-types/erasure.js';
import { planObjection } from './request-types/objection.js';
import { planProcessingObjection } from './request-types/processing-objection.js';
import { planPortability } from './request-types/portability.js';
import { planRectification } from './request-types/rectification.js';
import { planRestriction } from './request-types/restriction.js';

/** The planner of each request type; a request asking for several gets their parts merged. */
export const PLANNERS: Readonly<Record<RequestType, (context: PlanContext) => PlanPart>> = {
  access: planAccess,
  portability: planPortability,
  rectification: planRectification,
  erasure: planErasure,
  restriction: planRestriction,
  objection: planObjection,
  consent_withdrawal: planConsentWithdrawal,
  processing_objection: planProcessingObjection,
};

export interface BuildPlanInput {
  readonly request: RightsRequest;
  readonly gathered: GatheredData;
  /** Today in Europe/Oslo: decides which records are still under retention. */
  readonly today: CalendarDate;
  /** When the plan is built (an instant); defaults to `today`, which keeps the function pure. */
  readonly builtAt?: string;
  /** Staff corrections to apply (a rebuild after staff corrected the plan). */
  readonly adjustments?: readonly PlanAdjustment[];
}

function assertGatheredFor(request: RightsRequest, gathered: GatheredData, customerIds: readonly string[]): void {
  const expected = [...customerIds].sort().join('\n');
  for (const bundle of [gathered.subscriptions, gathered.billing, gathered.accessLog]) {
    if ([...new Set(bundle.customerIds)].sort().join('\n') !== expected) {
      throw new GatheredDataMismatchError(request.id, bundle.source);
    }
  }
}

/**
 * Actions for a requester we hold nothing on (not a customer, or verified only as the owner of an
 * address): nothing to change, refuse or tell anyone; an access or portability answer covers the
 * request itself only.
 */
function noDataActions(request: RightsRequest): PlanActions {
  const wantsCopy = request.types.includes('access') || request.types.includes('portability');
  return {
    ...NO_ACTIONS,
    ...(wantsCopy ? { export: { portable: request.types.includes('portability'), categories: [] } } : {}),
  };
}

/**
 * The types the plan covers: a marketing stop that already took effect on the fast path (recorded
 * as `marketingStop`) is not planned again, so staff approve only the rest.
 */
const plannedTypes = (request: RightsRequest): RequestType[] =>
  request.marketingStop ? request.types.filter((type) => !MARKETING_STOP_TYPES.includes(type)) : [...request.types];

/**
 * The plan for carrying out a verified request, from the data gathered about the requester: per
 * request type what is exported, corrected, erased or kept (and why, until when), which consents and
 * channels change, whether processing is restricted, whom to tell (Art. 19) and what is refused.
 * Pure: the same request, data and date give the same plan.
 *
 * @throws {GatheredDataMismatchError} when a bundle was gathered for other customers than the
 *   request's verified ones
 */
export function buildPlan(input: BuildPlanInput): ActionPlan {
  const { request, gathered, today } = input;
  const customerIds = subjectCustomerIds(request);
  assertGatheredFor(request, gathered, customerIds);
  const adjustments = [...(input.adjustments ?? [])];
  const context: PlanContext = { request, gathered, today, customerIds, adjustments };
  const actions =
    customerIds.length === 0
      ? noDataActions(request)
      : mergePlanParts(
          // A restriction staff set on another right (ground d while an Art. 21(1) objection is
          // weighed) is planned as a restriction too.
          [...plannedTypes(request), ...(request.restriction && !request.types.includes('restriction') ? (['restriction'] as const) : [])].map(
            (type) => PLANNERS[type](context),
          ),
        );
  return {
    requestId: request.id,
    builtAt: input.builtAt ?? today,
    customerIds: [...customerIds],
    ...actions,
    adjustments,
    needsTwoApprovers: actions.erasures.length > 0,
  };
}
