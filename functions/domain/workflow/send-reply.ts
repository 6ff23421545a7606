import { approvalLetter, refusalLetter } from '../letters/decision-letter.js';
import { InvalidTransitionError } from '../request/request-errors.js';
import { loadRequest } from './load-request.js';
import { sendMailOnce } from './send-mail-once.js';
import type { WorkflowDeps } from './workflow-deps.js';

/**
 * Workflow step: answers the requester according to the recorded staff decision. The outcome the
 * workflow passes must match the stored one, so a stale execution cannot send the wrong answer.
 */
export async function sendReply(
  deps: WorkflowDeps,
  requestId: string,
  outcome: 'approved' | 'rejected',
): Promise<{ replied: true }> {
  let request = await loadRequest(deps.store, requestId);
  const decision = request.decision;
  if (!decision || decision.outcome !== outcome) {
    throw new InvalidTransitionError(requestId, request.status, `reply ${outcome}`);
  }
  const letter = outcome === 'approved' ? approvalLetter(request) : refusalLetter(request, decision.reason ?? '');
  request = await sendMailOnce(deps, request, 'reply', letter, 'system:reply');
  const status = outcome === 'approved' ? 'replied' : 'rejected';
  if (request.status !== status) {
    const at = deps.now().toISOString();
    await deps.store.apply(requestId, {
      expectedVersion: request.version,
      set: { status, updatedAt: at },
      audit: { requestId, at, event: 'status.changed', fromStatus: request.status, toStatus: status, actor: 'system:reply' },
    });
  }
  return { replied: true };
}
