import { unverifiedClosureLetter } from './verification-letters.js';
import { transitionChange } from '../lifecycle/apply-transition.js';
import { canTransition } from '../lifecycle/request-lifecycle.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import { sendMailOnce } from '../workflow/send-mail-once.js';
import type { WorkflowDeps } from '../workflow/workflow-deps.js';
import { changeRequest } from './change-request.js';
import { AlreadyVerifiedError } from './verification-errors.js';

const ACTOR = 'system:verification';

/**
 * Workflow step after 14 days (`CLOSE_AFTER_DAYS`) without verification: marks the request
 * `unverified` first (so a code entered from now on is refused and nothing is disclosed), mails the
 * closure letter with the Art. 12(4) remedies, then closes it. Each part is skipped when already
 * done, so the step can be repeated.
 *
 * @throws AlreadyVerifiedError when the requester was verified at the last moment (the ASL catches
 *   it and goes on to gathering)
 */
export async function closeUnverified(
  deps: WorkflowDeps & { readonly publicBaseUrl?: string },
  requestId: string,
): Promise<{ closed: true }> {
  let request = await loadRequest(deps.store, requestId);
  if (request.status === 'closed') return { closed: true };
  if (request.verification?.status === 'verified') throw new AlreadyVerifiedError(requestId);
  if (request.status !== 'unverified' && !canTransition(request.status, 'verification_failed')) {
    throw new InvalidTransitionError(requestId, request.status, 'close unverified');
  }
  request = await changeRequest(deps, request, (current, at) => {
    if (current.verification?.status === 'verified') throw new AlreadyVerifiedError(requestId);
    if (current.status === 'unverified') return undefined;
    return transitionChange(current, 'verification_failed', { actor: ACTOR, at, reason: 'identity not confirmed in time' }, { remove: ['taskToken'] });
  });
  request = await sendMailOnce(deps, request, 'unverified-closure', unverifiedClosureLetter(request, deps.publicBaseUrl), ACTOR);
  await changeRequest(deps, request, (current, at) =>
    current.status === 'closed' ? undefined : transitionChange(current, 'unverified_closed', { actor: ACTOR, at }),
  );
  deps.logger.info('verification.closed_unverified', { requestId });
  return { closed: true };
}
