import { isAnswered } from '../lifecycle/request-lifecycle.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import { completeVerification } from './complete-verification.js';
import { matchRequester, registeredPostalRecipient } from './registered-contact.js';
import type { CustomerLookup, ResumeDeps } from './verification-deps.js';
import {
  AlreadyVerifiedError,
  UnknownVerificationCustomerError,
  VerificationReasonRequiredError,
} from './verification-errors.js';

export interface VerifyManuallyInput {
  /** `staff:<name>`, as the audit trail records staff. */
  readonly actor: string;
  /** How the identity was confirmed (e.g. "called the registered number, confirmed subscription details"). */
  readonly reason: string;
  /**
   * The customers staff confirmed the requester is, among those the request matched; all of them
   * when omitted. An empty list verifies the requester as the owner of the given address only.
   */
  readonly customerIds?: readonly string[];
}

export interface VerifyManuallyResult {
  readonly subject: 'customer' | 'address';
  /** The waiting workflow was resumed now (false when it is not waiting yet or could not be reached). */
  readonly delivered: boolean;
}

/**
 * Staff verification (e.g. by phone to the registered number when the code cannot be used), with
 * the reason recorded in the request and its audit trail. Works before the workflow has started
 * verification too: the workflow then finds the request verified and goes straight on.
 *
 * @throws VerificationReasonRequiredError without a reason
 * @throws AlreadyVerifiedError when the request is verified already
 * @throws UnknownVerificationCustomerError when `customerIds` names a customer the request did not match
 */
export async function verifyManually(
  deps: ResumeDeps & { readonly customers: CustomerLookup },
  requestId: string,
  input: VerifyManuallyInput,
): Promise<VerifyManuallyResult> {
  const reason = input.reason?.trim() ?? '';
  if (!reason) throw new VerificationReasonRequiredError();
  const request = await loadRequest(deps.store, requestId);
  if (request.verification?.status === 'verified') throw new AlreadyVerifiedError(requestId);
  if (isAnswered(request.status)) throw new InvalidTransitionError(requestId, request.status, 'verify');

  const candidates = request.verification
    ? request.customerIds ?? []
    : (await matchRequester(deps.customers, request, { maxDestinations: Number.POSITIVE_INFINITY })).customerIds;
  if (input.customerIds?.some((id) => !candidates.includes(id))) throw new UnknownVerificationCustomerError(requestId);
  const customerIds = [...new Set(input.customerIds ?? candidates)].sort();
  const subject = customerIds.length > 0 ? 'customer' : 'address';

  // Staff confirmed the person against the customer's record: a letter goes to the address in
  // that record, not to one typed on the request (a stranger could have typed their own).
  const answerTo = subject === 'customer' ? await registeredPostalRecipient(deps.customers, request, customerIds) : undefined;
  const result = await completeVerification(deps, request, {
    method: 'manual',
    actor: input.actor,
    reason,
    subject,
    ...(subject === 'customer' ? { customerIds } : {}),
    ...(answerTo ? { answerTo } : {}),
  });
  if (!result.verified) throw new AlreadyVerifiedError(requestId);
  return { subject, delivered: result.delivered };
}
