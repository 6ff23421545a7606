import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';
import { changeRequest } from './change-request.js';
import { AlreadyVerifiedError } from './verification-errors.js';

/**
 * Workflow step (callback): remembers the task token so a correct code or a staff verification can
 * resume the workflow. Called again after the reminder with a new token, which replaces the old.
 *
 * @throws AlreadyVerifiedError when the request was verified before the wait began (the ASL catches
 *   it and goes on to gathering)
 * @throws InvalidTransitionError when the request is not waiting for verification
 */
export async function awaitVerification(deps: StoreDeps, requestId: string, taskToken: string): Promise<{ waiting: true }> {
  const request = await loadRequest(deps.store, requestId);
  const guard = (current: typeof request): void => {
    if (current.verification?.status === 'verified') throw new AlreadyVerifiedError(requestId);
    if (current.verification?.status !== 'pending' || current.status !== 'awaiting_verification') {
      throw new InvalidTransitionError(requestId, current.status, 'await verification');
    }
  };
  guard(request);
  if ((await deps.store.taskToken(requestId)) === taskToken) return { waiting: true };
  await changeRequest(deps, request, (current, at) => {
    guard(current);
    return {
      set: { taskToken, updatedAt: at },
      audit: { requestId, at, event: 'verification.awaiting', actor: 'system:workflow' },
    };
  });
  deps.logger.info('verification.awaiting', { requestId });
  return { waiting: true };
}
