import { canTransition, isAnswered } from '../lifecycle/request-lifecycle.js';
import { verificationCodeLetter } from './verification-letters.js';
import { transitionChange } from '../lifecycle/apply-transition.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import { changeRequest } from './change-request.js';
import { issueCodes, resumeIssuedCodes } from './issue-codes.js';
import { matchRequester } from './registered-contact.js';
import type { CodeSendingDeps } from './verification-deps.js';

const ACTOR = 'system:verification';

/**
 * Workflow step: starts identity verification (Art. 12(6)). Looks the requester up in the
 * subscription store, mails a one-time code to the registered address of the matched customer (or,
 * for a non-customer, to the address they gave, and the request is then about that address only),
 * and records `awaiting_verification` with the matched customer ids.
 *
 * Idempotent: a request already verified (staff may verify first) answers `alreadyVerified: true`
 * and the workflow goes straight on; one already pending sends nothing again.
 *
 * @throws AmbiguousRequesterError when the requester matches too many registered addresses (for staff)
 */
export async function startVerification(deps: CodeSendingDeps, requestId: string): Promise<{ alreadyVerified: boolean }> {
  const request = await loadRequest(deps.store, requestId);
  if (request.verification?.status === 'verified') return { alreadyVerified: true };
  if (isAnswered(request.status)) throw new InvalidTransitionError(requestId, request.status, 'start verification');

  if (request.verification?.status === 'pending') {
    // A re-driven request: the code was sent before; only the status may need putting back.
    await changeRequest(deps, request, (current, at) =>
      canTransition(current.status, 'verification_resumed') && current.verification?.status === 'pending'
        ? transitionChange(current, 'verification_resumed', { actor: ACTOR, at })
        : undefined,
    );
    return { alreadyVerified: false };
  }

  const match = await matchRequester(deps.customers, request);
  // Codes stored for this request while it has no verification yet come from an earlier run of
  // this step that died before recording it: their letters, not new codes, are what may go out.
  const previous = await deps.verifications.get(requestId);
  const issued =
    (await resumeIssuedCodes(deps, request, previous, 'verification-code')) ??
    (await issueCodes(deps, request, match.destinations, previous, { purpose: 'verification-code', letter: verificationCodeLetter }));
  const updated = await changeRequest(deps, request, (current, at) => {
    if (current.verification || isAnswered(current.status)) return undefined;
    return transitionChange(
      current,
      'verification_started',
      { actor: ACTOR, at, detail: { purpose: 'verification-code', codes: issued.messageIds.length, messageIds: [...issued.messageIds] } },
      {
        set: {
          verification: { status: 'pending', subject: match.subject },
          ...(match.subject === 'customer' ? { customerIds: [...match.customerIds] } : {}),
          mailsSent: { ...current.mailsSent, 'verification-code': { messageId: issued.messageIds[0] ?? '', sentAt: issued.at } },
        },
      },
    );
  });
  deps.logger.info('verification.started', { requestId, codes: issued.messageIds.length });
  return { alreadyVerified: updated.verification?.status === 'verified' };
}
