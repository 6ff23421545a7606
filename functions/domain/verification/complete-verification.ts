import { isAnswered } from '../lifecycle/request-lifecycle.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import type { PostalAddress, RightsRequest } from '../request/rights-request.js';
import { changeRequest } from './change-request.js';
import type { ResumeDeps } from './verification-deps.js';

/** How the requester was verified, and which customers that makes them. */
export interface VerifiedBy {
  readonly method: 'code' | 'manual';
  /** `requester` for a code; `staff:<name>` for a manual verification. */
  readonly actor: string;
  readonly reason?: string;
  readonly subject: 'customer' | 'address';
  /** The customers proven; replaces the request's candidates (omit for an address). */
  readonly customerIds?: readonly string[];
  /** For a requester without e-mail: the registered name and address letters go to from now on. */
  readonly answerTo?: { readonly name: string; readonly address: PostalAddress };
}

export interface CompletedVerification {
  /** False when the request was already verified by the time this ran (nothing changed). */
  readonly verified: boolean;
  /** The waiting workflow was resumed now. */
  readonly delivered: boolean;
}

/**
 * Records the verification on the request (with an audit entry) and then resumes the workflow
 * step waiting on it. The record comes first and the used task token is removed with it: if the
 * workflow cannot be reached now, its next verification step (reminder, second wait, closure)
 * finds the request verified and goes on to gathering.
 */
export async function completeVerification(
  deps: ResumeDeps,
  first: RightsRequest,
  by: VerifiedBy,
): Promise<CompletedVerification> {
  let taskToken: string | undefined;
  let changed = false;
  await changeRequest(deps, first, async (current, at) => {
    changed = false;
    if (current.verification?.status === 'verified') return undefined;
    if (isAnswered(current.status)) throw new InvalidTransitionError(current.id, current.status, 'verify');
    taskToken = await deps.store.taskToken(current.id);
    changed = true;
    return {
      set: {
        verification: {
          status: 'verified',
          subject: by.subject,
          method: by.method,
          verifiedAt: at,
          ...(by.method === 'manual' ? { verifiedBy: by.actor, reason: by.reason } : {}),
          ...(current.verification?.remindedAt ? { remindedAt: current.verification.remindedAt } : {}),
          ...(by.answerTo ? { answerTo: { name: by.answerTo.name, address: { ...by.answerTo.address } } } : {}),
        },
        ...(by.customerIds ? { customerIds: [...by.customerIds] } : {}),
        updatedAt: at,
      },
      ...(taskToken ? { remove: ['taskToken' as const] } : {}),
      audit: {
        requestId: current.id,
        at,
        event: 'verification.verified',
        actor: by.actor,
        ...(by.reason ? { reason: by.reason } : {}),
        detail: { method: by.method, subject: by.subject, customers: by.customerIds?.length ?? 0 },
      },
    };
  });
  if (!changed) return { verified: false, delivered: false };
  deps.logger.info('verification.verified', { requestId: first.id, method: by.method });
  if (!taskToken) return { verified: true, delivered: false };
  try {
    await deps.callbacks.succeed(taskToken, { verified: true, method: by.method });
    return { verified: true, delivered: true };
  } catch (error) {
    deps.logger.warn('verification.delivery_failed', { requestId: first.id, error: error instanceof Error ? error.name : 'unknown' });
    return { verified: true, delivered: false };
  }
}
