import { loadPlan, nextPlanKey } from '../plan/load-plan.js';
import { addMonthsClamped, compareCalendarDates, parseCalendarDate, type CalendarDate } from '../deadline/index.js';
import { readGatheredData } from '../export/read-gathered.js';
import { ActionPlanSchema, type ActionPlan, type PlanAdjustment, type StaffKeepGround } from '../plan/action-plan.js';
import { buildPlan } from '../plan/build-plan.js';
import { heldRecords } from '../plan/record-refs.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../request/request-errors.js';
import type { RightsRequest } from '../request/rights-request.js';
import { staffUsername } from '../staff-auth/staff-identity.js';
import type { ObjectStore } from '../storage/object-store.js';
import { changeRequest } from '../verification/change-request.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';
import {
  DoorEventsTogetherError,
  KeepGroundRequiredError,
  KeepUntilInvalidError,
  NoRecordsError,
  NotReleasableError,
  PlanNotCorrectableError,
  UnknownRecordsError,
} from './plan-correction-errors.js';

/** The furthest ahead staff may set a hold: beyond it a hold is a decision for a new case. */
export const MAX_KEEP_YEARS = 10;

export interface CorrectPlanInput {
  readonly requestId: string;
  /** `staff:<username>`. */
  readonly actor: string;
  readonly action: PlanAdjustment['action'];
  /**
   * Record references as the plan shows them (`invoice:2024-00017`), or `<category>:*` for every
   * record of a category gathered for the request.
   */
  readonly records: readonly string[];
  /** Keep: the ground (a legal claim, or bookkeeping for records the rules did not see as such). */
  readonly ground?: StaffKeepGround;
  /** Keep: the last day (Oslo calendar date) the records are kept. */
  readonly until?: string;
  /** Why, for the audit trail (internal). */
  readonly note?: string;
  /** Today in Europe/Oslo: holds end today or later, and retention is judged on it. */
  readonly today: CalendarDate;
}

export interface CorrectPlanDeps extends StoreDeps {
  readonly objects: ObjectStore;
}

export interface CorrectPlanResult {
  readonly planKey: string;
  readonly records: number;
  /** Erasure approvals given for the previous plan, now void. */
  readonly approvalsReset: number;
}

/** Statuses staff correct a plan in: it is built and waiting for them, with no decision yet. */
const CORRECTABLE = 'awaiting_approval';

/** Expands `<category>:*` and checks every reference against the gathered records. */
function resolveRecords(requested: readonly string[], known: ReadonlyMap<string, string>): string[] {
  const refs = new Set<string>();
  const unknown: string[] = [];
  for (const raw of requested.map((ref) => ref.trim()).filter(Boolean)) {
    if (raw.endsWith(':*')) {
      const category = raw.slice(0, -2);
      const all = [...known].filter(([, c]) => c === category).map(([ref]) => ref);
      if (all.length === 0) unknown.push(raw);
      all.forEach((ref) => refs.add(ref));
    } else if (known.has(raw)) refs.add(raw);
    else unknown.push(raw);
  }
  if (unknown.length > 0) throw new UnknownRecordsError(unknown);
  if (refs.size === 0) throw new NoRecordsError();
  return [...refs];
}

function checkUntil(until: string | undefined, today: CalendarDate): string {
  const latest = addMonthsClamped(today, MAX_KEEP_YEARS * 12);
  if (!until) throw new KeepUntilInvalidError('missing', latest);
  try {
    parseCalendarDate(until);
  } catch {
    throw new KeepUntilInvalidError('missing', latest);
  }
  if (compareCalendarDates(until, today) < 0) throw new KeepUntilInvalidError('past', latest);
  if (compareCalendarDates(until, latest) > 0) throw new KeepUntilInvalidError('too_far', latest);
  return until;
}

/** Holds staff may release: a claim hold the rules made, or a hold staff set earlier. */
function checkReleasable(plan: ActionPlan, refs: readonly string[]): void {
  const holds = new Map(plan.kept.flatMap((group) => group.recordIds.map((ref) => [ref, group] as const)));
  const refused = refs.filter((ref) => {
    const hold = holds.get(ref);
    return !hold || !(hold.kind === 'legal_claim' || hold.setBy !== undefined);
  });
  if (refused.length > 0) throw new NotReleasableError(refused);
}

/**
 * A staff correction of an erasure plan before approval (issue: staff can correct the plan): keep
 * records the rules would erase, on a ground and until a date, or release a claim hold or an earlier
 * staff hold that no longer applies. The plan is rebuilt from the gathered data with all corrections
 * so far, written under a new key, and put in force in one conditional write with its audit entry
 * (`plan.corrected`); approvals given for the previous plan are void and reset in that write, since
 * the approvers did not see this plan. A crash before that write leaves the previous plan in force.
 *
 * @throws {InvalidTransitionError} unless the request waits for approval without a decision
 * @throws {PlanNotCorrectableError} when the request does not ask for erasure
 * @throws {UnknownRecordsError | NoRecordsError | DoorEventsTogetherError} for the records named
 * @throws {KeepGroundRequiredError | KeepUntilInvalidError} for a keep without ground or with a bad date
 * @throws {NotReleasableError} for a release of a hold the law or the contract makes, or of no hold
 */
export async function correctPlan(deps: CorrectPlanDeps, input: CorrectPlanInput): Promise<CorrectPlanResult> {
  staffUsername(input.actor);
  const request = await loadRequest(deps.store, input.requestId);
  const ensureCorrectable = (current: RightsRequest): void => {
    if (current.status !== CORRECTABLE || current.decision) throw new InvalidTransitionError(current.id, current.status, 'correct the plan');
  };
  ensureCorrectable(request);
  if (!request.types.includes('erasure')) throw new PlanNotCorrectableError(request.id);

  const [plan, gathered] = await Promise.all([loadPlan(deps.objects, request), readGatheredData(deps.objects, request)]);
  const known = new Map(heldRecords(gathered).map((record) => [record.ref, record.category] as const));
  const refs = resolveRecords(input.records, known);
  const doorEvents = [...known].filter(([, category]) => category === 'door_event').map(([ref]) => ref);
  const namedDoorEvents = refs.filter((ref) => known.get(ref) === 'door_event');
  if (namedDoorEvents.length > 0 && namedDoorEvents.length < doorEvents.length) throw new DoorEventsTogetherError();

  const at = deps.now().toISOString();
  const note = input.note?.trim() || undefined;
  let adjustment: PlanAdjustment;
  if (input.action === 'keep') {
    if (!input.ground) throw new KeepGroundRequiredError();
    const until = checkUntil(input.until, input.today);
    adjustment = { action: 'keep', recordIds: refs, ground: input.ground, until, by: input.actor, at, ...(note ? { note } : {}) };
  } else {
    checkReleasable(plan, refs);
    adjustment = { action: 'release', recordIds: refs, by: input.actor, at, ...(note ? { note } : {}) };
  }

  const adjustments = [...plan.adjustments, adjustment];
  const corrected = ActionPlanSchema.parse(buildPlan({ request, gathered, today: input.today, builtAt: at, adjustments }));
  const planKey = nextPlanKey(request);
  await deps.objects.putJson(planKey, corrected);

  const previousKey = request.planKey;
  let approvalsReset = 0;
  await changeRequest(deps, request, (current, now) => {
    ensureCorrectable(current);
    // Another correction was put in force since this one read the plan: build on that one instead.
    if (current.planKey !== previousKey) throw new ConcurrentChangeError(current.id);
    approvalsReset = current.approvals?.length ?? 0;
    return {
      set: { planKey, approvals: [], updatedAt: now },
      audit: {
        requestId: current.id,
        at: now,
        event: 'plan.corrected',
        actor: input.actor,
        ...(note ? { reason: note } : {}),
        detail: {
          action: adjustment.action,
          records: refs.length,
          categories: [...new Set(refs.map((ref) => known.get(ref)))].join(','),
          ...(adjustment.action === 'keep' ? { ground: adjustment.ground, until: adjustment.until } : {}),
          kept: corrected.kept.reduce((sum, group) => sum + group.recordIds.length, 0),
          erased: corrected.erasures.reduce((sum, group) => sum + group.recordIds.length, 0),
          approvalsReset,
        },
      },
    };
  });
  deps.logger.info('plan.corrected', { requestId: request.id, action: adjustment.action, records: refs.length });
  return { planKey, records: refs.length, approvalsReset };
}
