import { loadPlan } from '../plan/load-plan.js';
import { transitionRequest } from '../lifecycle/apply-transition.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import type { TaskCallbacks } from '../request/workflow-starter.js';
import type { ObjectStore } from '../storage/object-store.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';

/** The case has no open identity review (none was needed, or a colleague resolved it). */
export class IdentityReviewNotPendingError extends Error {
  override readonly name = 'IdentityReviewNotPendingError';
  constructor(readonly requestId: string) {
    super(`request ${requestId} has no open identity review`);
  }
}

/** Staff must say how they confirmed who the person is (or why there is no match). */
export class IdentityReviewReasonRequiredError extends Error {
  override readonly name = 'IdentityReviewReasonRequiredError';
  constructor() {
    super('an identity review is resolved with a reason');
  }
}

/** The customer chosen is not among the candidates the search found for this case. */
export class UnknownCandidateError extends Error {
  override readonly name = 'UnknownCandidateError';
  constructor(readonly requestId: string) {
    super(`the customer is no candidate of request ${requestId}`);
  }
}

export interface ResolveIdentityInput {
  readonly requestId: string;
  /** `staff:<name>`. */
  readonly actor: string;
  readonly reason: string;
}

const MAX_REASON = 2000;

function reasonOf(input: ResolveIdentityInput): string {
  const reason = input.reason?.trim() ?? '';
  if (reason === '' || reason.length > MAX_REASON) throw new IdentityReviewReasonRequiredError();
  return reason;
}

async function pending(deps: StoreDeps, requestId: string) {
  const request = await loadRequest(deps.store, requestId);
  if (request.identityReview?.status !== 'pending') throw new IdentityReviewNotPendingError(requestId);
  if (request.status !== 'needs_attention') throw new InvalidTransitionError(requestId, request.status, 'resolve identity review');
  return request;
}

/**
 * Staff confirm that none of the candidates is the person: the plan (nothing held but the request)
 * goes to approval as it is, and the answer says we hold nothing.
 */
export async function confirmNoMatch(deps: StoreDeps, input: ResolveIdentityInput): Promise<void> {
  const reason = reasonOf(input);
  const request = await pending(deps, input.requestId);
  const at = deps.now().toISOString();
  await transitionRequest(
    deps.store,
    request,
    'identity_no_match',
    { actor: input.actor, at, reason },
    { set: { identityReview: { ...request.identityReview!, status: 'no_match', by: input.actor, reason } } },
  );
}

/**
 * Staff link the case to one of the candidates after confirming who the person is (say, by calling
 * the number registered for the customer): a manual verification as that customer, recorded with
 * who and why. The waiting workflow then gathers the customer's data and makes a new plan.
 *
 * @returns whether the waiting workflow was resumed now
 */
export async function linkToCandidate(
  deps: StoreDeps & { readonly objects: ObjectStore; readonly callbacks: TaskCallbacks },
  input: ResolveIdentityInput & { readonly customerId: string },
): Promise<{ readonly delivered: boolean }> {
  const reason = reasonOf(input);
  const request = await pending(deps, input.requestId);
  const plan = await loadPlan(deps.objects, request);
  if (!plan.identitySearch?.candidates.some((candidate) => candidate.customerId === input.customerId)) {
    throw new UnknownCandidateError(request.id);
  }
  const taskToken = await deps.store.taskToken(request.id);
  const at = deps.now().toISOString();
  await transitionRequest(
    deps.store,
    request,
    'identity_linked',
    { actor: input.actor, at, reason, detail: { customers: 1 } },
    {
      set: {
        customerIds: [input.customerId],
        verification: { status: 'verified', subject: 'customer', method: 'manual', verifiedAt: at, verifiedBy: input.actor, reason },
        identityReview: { ...request.identityReview!, status: 'linked', by: input.actor, reason, customerId: input.customerId },
      },
    },
  );
  if (!taskToken) return { delivered: false };
  try {
    await deps.callbacks.succeed(taskToken, { outcome: 'relinked' });
    return { delivered: true };
  } catch (error) {
    deps.logger.warn('identity.delivery_failed', { requestId: request.id, error: error instanceof Error ? error.name : 'unknown' });
    return { delivered: false };
  }
}
