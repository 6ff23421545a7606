import { isValidCorrection } from '../customer-data/correction-value.js';
import { assertRefusalLeavesMarketingStop } from '../request/marketing-stop-rules.js';
import type { Decision, RightsRequest } from '../request/rights-request.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import type { TaskCallbacks } from '../request/workflow-starter.js';
import { osloCalendarDate } from '../deadline/index.js';
import { assertMandateAllowsApproval } from '../request/mandate-rules.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';

/** A staff decision must give a reason when it refuses: the requester is owed it (Art. 12(4)). */
export class ReasonRequiredError extends Error {
  override readonly name = 'ReasonRequiredError';
  constructor() {
    super('a rejection needs a reason');
  }
}

/** The second approval of an erasure must come from someone else than the first. */
export class SameApproverError extends Error {
  override readonly name = 'SameApproverError';
  constructor() {
    super('an erasure needs a second, different approver');
  }
}

/** Approving a rectification needs the corrections staff checked; the request is free text. */
export class CorrectionsRequiredError extends Error {
  override readonly name = 'CorrectionsRequiredError';
  constructor(readonly detail: string) {
    super(`corrections required: ${detail}`);
  }
}

/**
 * An Art. 21(1) objection is decided by weighing the person's grounds against ours: staff must
 * write that balancing down whichever way it goes, and it is quoted to the person.
 */
export class BalancingReasonRequiredError extends Error {
  override readonly name = 'BalancingReasonRequiredError';
  constructor() {
    super('an objection to processing (Art. 21(1)) is decided with a written balancing reason');
  }
}

/** The shortest balancing reason accepted: it must say something about the weighing. */
export const MIN_BALANCING_REASON_LENGTH = 20;

function assertBalancingReason(request: Pick<RightsRequest, 'types'>, reason: string | undefined): void {
  if (!request.types.includes('processing_objection')) return;
  if (!reason || reason.length < MIN_BALANCING_REASON_LENGTH) throw new BalancingReasonRequiredError();
}

/** A restriction is approved only once staff set (or confirmed) its ground and scope (Art. 18(1)). */
export class RestrictionNotSetError extends Error {
  override readonly name = 'RestrictionNotSetError';
  constructor() {
    super('set the ground and scope of the restriction before approving it');
  }
}

export interface CorrectionInput {
  readonly field: 'name' | 'email' | 'phone' | 'address';
  readonly to: unknown;
  /** Needed only when the requester matches several customers. */
  readonly customerId?: string;
}

export interface RecordDecisionInput {
  readonly requestId: string;
  readonly outcome: Decision['outcome'];
  readonly actor: string;
  readonly reason?: string;
  readonly corrections?: readonly CorrectionInput[];
}

export interface RecordDecisionResult {
  /** The workflow was resumed now. */
  readonly delivered: boolean;
  /** An erasure approval was recorded and waits for a second, different approver. */
  readonly awaitingSecondApprover?: boolean;
}

/** Erasure cannot be undone, so it needs two people (four-eyes principle). */
export const needsTwoApprovers = (request: Pick<RightsRequest, 'types'>): boolean => request.types.includes('erasure');

function resolveCorrections(request: RightsRequest, input: RecordDecisionInput): Decision['corrections'] {
  if (input.outcome !== 'approved' || !request.types.includes('rectification')) return undefined;
  if (!input.corrections?.length) throw new CorrectionsRequiredError('approve a rectification with the corrections to make');
  const customers = request.customerIds ?? [];
  return input.corrections.map((correction) => {
    const customerId = correction.customerId ?? (customers.length === 1 ? customers[0] : undefined);
    if (!customerId || !customers.includes(customerId)) {
      throw new CorrectionsRequiredError(
        customers.length === 0 ? 'the requester has no customer record to correct' : 'name the customer id of each correction',
      );
    }
    // Checked here as well as at the API, so no entry point can approve a value the carry-out would refuse.
    if (!isValidCorrection(correction.field, correction.to)) throw new CorrectionsRequiredError(`the new ${correction.field} is not a valid value`);
    return { customerId, field: correction.field, to: correction.to };
  });
}

/**
 * Records a staff decision on the request (with who and why, in the audit trail) and resumes the
 * waiting workflow. The record comes first: if the workflow cannot be reached now, a re-driven
 * execution finds the decision and goes on from it. An erasure is approved only by a second,
 * different person; the first approval is recorded and waits. A marketing stop is never refused
 * ({@link assertRefusalLeavesMarketingStop}); an Art. 21(1) objection is upheld (approved) or
 * overridden (rejected) only with a written balancing reason.
 *
 * @throws {MarketingStopNotRefusableError} when a rejection would refuse a marketing stop
 * @throws {BalancingReasonRequiredError} when an Art. 21(1) objection is decided without a reason
 * @throws {MandateNotAcceptedError} when a representative's request is approved without an accepted mandate covering it
 */
export async function recordDecision(
  deps: StoreDeps & { readonly callbacks: TaskCallbacks },
  input: RecordDecisionInput,
): Promise<RecordDecisionResult> {
  const reason = input.reason?.trim() || undefined;
  if (input.outcome === 'rejected' && !reason) throw new ReasonRequiredError();
  const request = await loadRequest(deps.store, input.requestId);
  if (input.outcome === 'rejected') assertRefusalLeavesMarketingStop(request);
  assertBalancingReason(request, reason);
  if (request.status !== 'awaiting_approval' || request.decision) {
    throw new InvalidTransitionError(request.id, request.status, `decide ${input.outcome}`);
  }
  if (input.outcome === 'approved' && request.types.includes('restriction') && !request.restriction) throw new RestrictionNotSetError();
  // Asked on someone's behalf: nothing is carried out for the representative without an accepted mandate.
  if (input.outcome === 'approved') assertMandateAllowsApproval(request, osloCalendarDate(deps.now()));
  const corrections = resolveCorrections(request, input);
  const at = deps.now().toISOString();
  const approvals = request.approvals ?? [];

  if (input.outcome === 'approved' && needsTwoApprovers(request) && approvals.length === 0) {
    await deps.store.apply(request.id, {
      expectedVersion: request.version,
      set: { approvals: [{ by: input.actor, at, reason }], updatedAt: at },
      audit: { requestId: request.id, at, event: 'decision.first_approval', actor: input.actor, reason },
    });
    return { delivered: false, awaitingSecondApprover: true };
  }
  if (input.outcome === 'approved' && approvals.some((approval) => approval.by === input.actor)) throw new SameApproverError();

  const taskToken = await deps.store.taskToken(request.id);
  const decision: Decision = { outcome: input.outcome, decidedBy: input.actor, decidedAt: at, reason, corrections };
  await deps.store.apply(request.id, {
    expectedVersion: request.version,
    set: {
      decision,
      ...(input.outcome === 'approved' ? { approvals: [...approvals, { by: input.actor, at, reason }] } : {}),
      updatedAt: at,
    },
    audit: {
      requestId: request.id,
      at,
      event: `decision.${input.outcome}`,
      actor: input.actor,
      reason,
      ...(corrections ? { detail: { corrections: corrections.length } } : {}),
    },
  });
  if (!taskToken) return { delivered: false };
  try {
    await deps.callbacks.succeed(taskToken, { outcome: input.outcome });
    return { delivered: true };
  } catch (error) {
    deps.logger.warn('decision.delivery_failed', { requestId: request.id, error: error instanceof Error ? error.name : 'unknown' });
    return { delivered: false };
  }
}
