import { loadPlan, nextPlanKey } from '../plan/load-plan.js';
import { staffUsername } from '../staff-auth/staff-identity.js';
import type { CalendarDate } from '../deadline/index.js';
import { readGatheredData } from '../export/read-gathered.js';
import { disputedCorrectionLetter, restrictionLiftLetter } from '../letters/restriction-texts.js';
import { ActionPlanSchema, type RecordCategory } from '../plan/action-plan.js';
import { buildPlan } from '../plan/build-plan.js';
import { presentCategories } from '../plan/record-refs.js';
import { ConcurrentChangeError, InvalidTransitionError } from '../request/request-errors.js';
import type { Letter } from '../letters/letter.js';
import type { RightsRequest } from '../request/rights-request.js';
import type { ObjectStore } from '../storage/object-store.js';
import { changeRequest } from '../verification/change-request.js';
import { loadRequest } from '../request/request-store.js';
import { sendMailOnce } from '../workflow/send-mail-once.js';
import type { WorkflowDeps } from '../workflow/workflow-deps.js';
import type { StoreDeps } from '../request/request-store.js';
import type { RestrictionFlags } from './restriction-flags.js';
import type { Restriction, RestrictionGround } from './restriction.js';

/** The restriction's scope names a category the case holds no records of. */
export class ScopeNotHeldError extends Error {
  override readonly name = 'ScopeNotHeldError';
  constructor(readonly categories: readonly RecordCategory[]) {
    super(`no records held in: ${categories.join(', ')}`);
  }
}

/** Lifting or disputing needs a reason the person is sent. */
export class RestrictionReasonRequiredError extends Error {
  override readonly name = 'RestrictionReasonRequiredError';
  constructor() {
    super('a reason is required; it is sent to the person');
  }
}

/** There is no applied, unlifted restriction on the case to lift. */
export class NoActiveRestrictionError extends Error {
  override readonly name = 'NoActiveRestrictionError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} has no restriction in force`);
  }
}

/** The mail purposes of the restriction letters (`mailsSent` keys). */
export const RESTRICTION_PURPOSES = { lift: 'restriction-lift-notice', dispute: 'restriction-disputed-correction' } as const;

export interface SetRestrictionInput {
  readonly requestId: string;
  /** `staff:<username>`. */
  readonly actor: string;
  readonly ground: RestrictionGround;
  /** The categories restricted; at least one, each held for the person. */
  readonly scope: readonly RecordCategory[];
  readonly note?: string;
  readonly today: CalendarDate;
}

/**
 * Staff set (or confirm) the ground and scope of a restriction before approving the plan (Art.
 * 18(1)). The plan is rebuilt with them and put in force with the `restriction.set` audit entry in
 * one conditional write, like a plan correction; earlier approvals are void. Any right can carry a
 * restriction this way: an Art. 21(1) objection restricts with ground `d` while staff weigh it.
 *
 * @throws {InvalidTransitionError} unless the request waits for approval without a decision
 * @throws {ScopeNotHeldError} when the scope names categories the person has no records in
 */
export async function setRestriction(deps: StoreDeps & { readonly objects: ObjectStore }, input: SetRestrictionInput): Promise<Restriction> {
  staffUsername(input.actor);
  const request = await loadRequest(deps.store, input.requestId);
  const ensureOpen = (current: RightsRequest): void => {
    if (current.status !== 'awaiting_approval' || current.decision) throw new InvalidTransitionError(current.id, current.status, 'set the restriction');
  };
  ensureOpen(request);
  const [plan, gathered] = await Promise.all([loadPlan(deps.objects, request), readGatheredData(deps.objects, request)]);
  const held = presentCategories(gathered);
  const scope = [...new Set(input.scope)];
  const missing = scope.filter((category) => !held.includes(category));
  if (missing.length > 0 || scope.length === 0) throw new ScopeNotHeldError(missing);

  const at = deps.now().toISOString();
  const note = input.note?.trim() || undefined;
  const restriction: Restriction = { ground: input.ground, scope, setBy: input.actor, setAt: at, ...(note ? { note } : {}) };
  const rebuilt = ActionPlanSchema.parse(
    buildPlan({ request: { ...request, restriction }, gathered, today: input.today, builtAt: at, adjustments: plan.adjustments }),
  );
  const planKey = nextPlanKey(request);
  await deps.objects.putJson(planKey, rebuilt);
  await changeRequest(deps, request, (current, now) => {
    ensureOpen(current);
    if (current.planKey !== request.planKey) throw new ConcurrentChangeError(current.id);
    return {
      set: { restriction, planKey, approvals: [], updatedAt: now },
      audit: {
        requestId: current.id,
        at: now,
        event: 'restriction.set',
        actor: input.actor,
        ...(note ? { reason: note } : {}),
        detail: { ground: restriction.ground, scope: scope.join(','), approvalsReset: current.approvals?.length ?? 0 },
      },
    };
  });
  deps.logger.info('restriction.set', { requestId: request.id, ground: restriction.ground });
  return restriction;
}

export interface LiftRestrictionInput {
  readonly requestId: string;
  readonly actor: string;
  /** Why it is lifted; sent to the person in the notice. */
  readonly reason: string;
}

export interface RestrictionActionDeps extends WorkflowDeps {
  readonly flags: RestrictionFlags;
}

/**
 * Lifts a restriction in force, only after telling the person (Art. 18(3)), in this order, each
 * step safe to repeat: (1) the decision to lift and its reason are recorded on the case
 * (`restriction.lift_decided`); (2) the notice is sent once (`sendMailOnce`, recorded); (3) the
 * flags are cleared in the stores for the scope; (4) `liftedAt` with a `restriction.lifted` entry.
 * A crash anywhere leaves the records restricted until a retry completes it.
 *
 * @throws {RestrictionReasonRequiredError} without a reason
 * @throws {NoActiveRestrictionError} when no applied restriction is in force
 */
export async function liftRestriction(deps: RestrictionActionDeps, input: LiftRestrictionInput): Promise<{ readonly alreadyLifted: boolean }> {
  staffUsername(input.actor);
  const reason = input.reason.trim();
  if (!reason || reason.length > 2000) throw new RestrictionReasonRequiredError();
  let request = await loadRequest(deps.store, input.requestId);
  const restriction = request.restriction;
  if (restriction?.liftedAt) return { alreadyLifted: true };
  if (!restriction?.appliedAt || !request.customerIds?.length) throw new NoActiveRestrictionError(request.id);

  const trail = await deps.store.auditTrail(request.id);
  const decided = [...trail].reverse().find((entry) => entry.event === 'restriction.lift_decided');
  const noticeReason = typeof decided?.reason === 'string' ? decided.reason : reason;
  if (!decided) {
    request = await changeRequest(deps, request, (current, at) => ({
      set: { updatedAt: at },
      audit: { requestId: current.id, at, event: 'restriction.lift_decided', actor: input.actor, reason, detail: { scope: restriction.scope.join(',') } },
    }));
  }
  request = await sendMailOnce(deps, request, RESTRICTION_PURPOSES.lift, restrictionLiftLetter(request, restriction, noticeReason), input.actor);
  for (const customerId of request.customerIds ?? []) await deps.flags.setRestricted(customerId, false, restriction.scope);
  await changeRequest(deps, request, (current, at) =>
    current.restriction?.liftedAt
      ? undefined
      : {
          set: { restriction: { ...restriction, liftedAt: at, liftedBy: input.actor }, updatedAt: at },
          audit: {
            requestId: current.id,
            at,
            event: 'restriction.lifted',
            actor: input.actor,
            reason: noticeReason,
            detail: { scope: restriction.scope.join(','), noticeMessageId: current.mailsSent[RESTRICTION_PURPOSES.lift]?.messageId },
          },
        },
  );
  deps.logger.info('restriction.lifted', { requestId: request.id });
  return { alreadyLifted: false };
}

/** What a disputed correction restricts: the profile, where every correctable field lives. */
export const DISPUTED_CORRECTION_SCOPE: readonly RecordCategory[] = ['profile'];

export interface ApplyRestrictionInput {
  readonly actor: string;
  readonly ground: RestrictionGround;
  readonly scope: readonly RecordCategory[];
  /** Why (internal; also what the letter quotes when it quotes one). */
  readonly note: string;
  /** The letter telling the person, with its `mailsSent` purpose; sent once. */
  readonly letter: { readonly purpose: string; readonly build: (request: RightsRequest, restriction: Restriction) => Letter };
  /** Extra audit detail (identifiers only). */
  readonly detail?: Readonly<Record<string, string | boolean>>;
}

/**
 * Restricts at once, outside the plan (Art. 18(1)(a) while a correction is checked; (d) while an
 * objection is weighed): the restriction is recorded first (`restriction.set`), the person is told
 * once, the stores are flagged for the scope, and `appliedAt` closes it (`restriction.applied`).
 * Each step is safe to repeat; a restriction already in force is left as it is.
 */
export async function applyRestriction(deps: RestrictionActionDeps, first: RightsRequest, input: ApplyRestrictionInput): Promise<RightsRequest> {
  let request = first;
  if (request.restriction?.appliedAt && !request.restriction.liftedAt) return request;
  if (!request.restriction || request.restriction.liftedAt) {
    request = await changeRequest(deps, request, (current, at) => ({
      set: {
        restriction: { ground: input.ground, scope: [...input.scope], setBy: input.actor, setAt: at, note: input.note },
        updatedAt: at,
      },
      audit: {
        requestId: current.id,
        at,
        event: 'restriction.set',
        actor: input.actor,
        reason: input.note,
        detail: { ground: input.ground, scope: input.scope.join(','), ...input.detail },
      },
    }));
  }
  const restriction = request.restriction!;
  request = await sendMailOnce(deps, request, input.letter.purpose, input.letter.build(request, restriction), input.actor);
  for (const customerId of request.customerIds ?? []) await deps.flags.setRestricted(customerId, true, restriction.scope);
  return changeRequest(deps, request, (current, at) =>
    current.restriction?.appliedAt
      ? undefined
      : {
          set: { restriction: { ...restriction, appliedAt: at }, updatedAt: at },
          audit: { requestId: current.id, at, event: 'restriction.applied', actor: input.actor, detail: { ground: restriction.ground, scope: restriction.scope.join(',') } },
        },
  );
}

/**
 * Staff dispute a requested correction (Art. 16) and restrict the contested data while they verify
 * it (Art. 18(1)(a)): ground `a`, the profile, the person told once (see {@link applyRestriction}).
 * The case stays where it is; staff decide the correction afterwards and lift the restriction with
 * notice.
 *
 * @throws {RestrictionReasonRequiredError} without a reason
 * @throws {InvalidTransitionError} unless a rectification case of a customer waits for approval without a decision
 */
export async function disputeCorrection(deps: RestrictionActionDeps, input: LiftRestrictionInput): Promise<void> {
  staffUsername(input.actor);
  const reason = input.reason.trim();
  if (!reason || reason.length > 2000) throw new RestrictionReasonRequiredError();
  const request = await loadRequest(deps.store, input.requestId);
  if (!request.types.includes('rectification') || request.status !== 'awaiting_approval' || request.decision || !request.customerIds?.length) {
    throw new InvalidTransitionError(request.id, request.status, 'dispute the correction');
  }
  await applyRestriction(deps, request, {
    actor: input.actor,
    ground: 'a',
    scope: DISPUTED_CORRECTION_SCOPE,
    note: reason,
    letter: {
      purpose: RESTRICTION_PURPOSES.dispute,
      build: (current, restriction) => disputedCorrectionLetter(current, restriction.scope, restriction.note ?? reason),
    },
    detail: { disputedCorrection: true },
  });
  deps.logger.info('restriction.disputed_correction', { requestId: request.id });
}
