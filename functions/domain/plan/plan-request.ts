import { isBeforeCarryingOut } from '../lifecycle/request-lifecycle.js';
import type * as z from 'zod/mini';
import type { CalendarDate } from '../deadline/index.js';
import {
  GatheredAccessLogSchema,
  GatheredBillingSchema,
  GatheredSubscriptionsSchema,
  type GatheredData,
} from '../gather/gathered-data.js';
import type { GatherSource } from '../gather/gather-step.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../request/request-errors.js';
import type { RightsRequest } from '../request/rights-request.js';
import { OBJECT_KEYS, type ObjectStore } from '../storage/object-store.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';
import { subjectCustomerIds } from '../gather/subject-customer-ids.js';
import { identifiersOf, searchHeldData, type HeldDataStores, type IdentitySearch } from '../identity-search/search-held-data.js';
import { ActionPlanSchema, type ActionPlan } from './action-plan.js';
import { buildPlan } from './build-plan.js';
import { GatheredDataMissingError } from './plan-errors.js';

/** The customer stores' lookups are there to search by every identifier before a plan says nothing is held. */
export interface PlanRequestDeps extends StoreDeps, HeldDataStores {
  readonly objects: ObjectStore;
}

/** What the plan step returns into the execution: a reference and counts, never the plan's data. */
export interface PlanSummary {
  readonly planKey: string;
  readonly needsTwoApprovers: boolean;
  /** Erasure actions (one per category and method). */
  readonly erasures: number;
  /** Groups of kept records (one per category, ground and end date). */
  readonly kept: number;
  readonly refusals: number;
}


const MAX_RECORD_ATTEMPTS = 5;

const summarise = (planKey: string, plan: ActionPlan): PlanSummary => ({
  planKey,
  needsTwoApprovers: plan.needsTwoApprovers,
  erasures: plan.erasures.length,
  kept: plan.kept.length,
  refusals: plan.refusals.length,
});

async function readBundle<S extends z.ZodMiniType>(
  objects: ObjectStore,
  request: RightsRequest,
  source: GatherSource,
  schema: S,
): Promise<z.infer<S>> {
  const key = request.gathered?.[source];
  const stored = key === undefined ? undefined : await objects.getJson(key);
  if (stored === undefined) throw new GatheredDataMissingError(request.id, source);
  return schema.parse(stored);
}

async function readGathered(objects: ObjectStore, request: RightsRequest): Promise<GatheredData> {
  const [subscriptions, billing, accessLog] = await Promise.all([
    readBundle(objects, request, 'subscriptions', GatheredSubscriptionsSchema),
    readBundle(objects, request, 'billing', GatheredBillingSchema),
    readBundle(objects, request, 'access-log', GatheredAccessLogSchema),
  ]);
  return { subscriptions, billing, accessLog };
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean => [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The search before a plan says nothing is held: for a verified requester matched to no customer,
 * every store by every identifier they gave. Not for a request staff already resolved (linked or
 * confirmed no match), whose answer then stands.
 */
async function searchWhenNothingFound(deps: PlanRequestDeps, request: RightsRequest, plan: ActionPlan): Promise<IdentitySearch | undefined> {
  if (plan.customerIds.length > 0 || request.verification?.status !== 'verified') return undefined;
  if (request.identityReview && request.identityReview.status !== 'pending') return undefined;
  return searchHeldData(deps, identifiersOf(request.requester), deps.now().toISOString());
}

/**
 * Workflow step after the three gather branches: builds the action plan from the gathered bundles,
 * writes it to `requests/<id>/plan.json` and records `planKey` with a `plan.built` audit entry
 * (counts only). The status stays as it is (`gathering`); the await-decision step moves it on.
 *
 * Idempotent on the request's recorded state: once a plan is recorded, a re-driven execution gets
 * the same plan back instead of a rebuilt one, so staff never approve one plan and see another
 * carried out.
 *
 * @param today today's date in Europe/Oslo; decides what is still under retention
 */
export async function planRequest(deps: PlanRequestDeps, requestId: string, today: CalendarDate): Promise<PlanSummary> {
  let request = await loadRequest(deps.store, requestId);
  // Once the carrying out started (or the request is answered), the plan can no longer be (re)built.
  if (!isBeforeCarryingOut(request.status)) throw new InvalidTransitionError(requestId, request.status, 'plan');
  const planKey = OBJECT_KEYS.plan(requestId);

  // A plan staff corrected lives under its own key; whichever is recorded is the one in force,
  // unless staff linked the case to a customer since (then the data were gathered again for them).
  if (request.planKey) {
    const stored = ActionPlanSchema.safeParse(await deps.objects.getJson(request.planKey));
    if (stored.success && sameIds(stored.data.customerIds, subjectCustomerIds(request))) return summarise(request.planKey, stored.data);
  }

  const gathered = await readGathered(deps.objects, request);
  const built = buildPlan({ request, gathered, today, builtAt: deps.now().toISOString() });
  const identitySearch = await searchWhenNothingFound(deps, request, built);
  const plan = ActionPlanSchema.parse({ ...built, ...(identitySearch ? { identitySearch } : {}) });
  await deps.objects.putJson(planKey, plan);
  const summary = summarise(planKey, plan);
  const candidates = identitySearch?.candidates ?? [];
  const review = candidates.length > 0 && request.identityReview === undefined;

  for (let attempt = 1; ; attempt += 1) {
    const at = deps.now().toISOString();
    try {
      await deps.store.apply(requestId, {
        expectedVersion: request.version,
        set: {
          planKey,
          ...(review ? { identityReview: { status: 'pending' as const, candidates: candidates.length, at } } : {}),
          updatedAt: at,
        },
        audit: {
          requestId,
          at,
          event: review ? 'identity.partial_match' : 'plan.built',
          actor: 'system:plan',
          detail: {
            erasures: summary.erasures,
            kept: summary.kept,
            refusals: summary.refusals,
            needsTwoApprovers: summary.needsTwoApprovers,
            ...(identitySearch
              ? { searchedBy: identitySearch.identifiers, candidates: candidates.length, matchedBy: [...new Set(candidates.flatMap((c) => c.matchedBy))] }
              : {}),
          },
        },
      });
      break;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= MAX_RECORD_ATTEMPTS) throw error;
      request = await loadRequest(deps.store, requestId);
    }
  }
  deps.logger.info('plan.built', { requestId, ...summary });
  return summary;
}
