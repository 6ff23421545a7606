import type { Logger } from '../../platform/logger.js';
import type { TaskCallbacks } from '../request/workflow-starter.js';

/**
 * The error a case action sends to the workflow step waiting on a request it closed. The state
 * machine catches it in its callback states (AwaitVerification*, AwaitDecision) and ends in
 * `ClosedByStaff`, so nothing more is done or sent for the request.
 */
export const CASE_CLOSED_BY_STAFF = 'CaseClosedByStaff';

/**
 * Step Functions' answers when the token no longer belongs to a waiting step: it timed out, the
 * execution ended, or the token is not one Step Functions knows.
 */
const STALE_TOKEN_ERRORS: ReadonlySet<string> = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * True when ending a waiting step failed only because the step is no longer waiting. Matched by
 * the SDK exception's `name` (or the local emulator's `code`), so the domain needs no AWS SDK.
 */
export function isStaleTaskTokenError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = (error as { readonly code?: unknown }).code;
  return STALE_TOKEN_ERRORS.has(error.name) || (typeof code === 'string' && STALE_TOKEN_ERRORS.has(code));
}

/**
 * Ends the workflow step waiting on a request staff closed, with {@link CASE_CLOSED_BY_STAFF}.
 * Returns false when the step had already moved on (nothing to stop); any other failure is thrown,
 * as the workflow would otherwise wait until its step times out.
 */
export async function stopWaitingWorkflow(
  deps: { readonly callbacks: TaskCallbacks; readonly logger: Logger },
  requestId: string,
  taskToken: string,
): Promise<boolean> {
  try {
    await deps.callbacks.fail(taskToken, CASE_CLOSED_BY_STAFF, 'closed by staff');
    return true;
  } catch (error) {
    if (!isStaleTaskTokenError(error)) throw error;
    deps.logger.info('case.workflow_already_moved_on', { requestId, error: error.name });
    return false;
  }
}
