import { acknowledgementLetter } from '../letters/acknowledgement-letter.js';
import { loadRequest } from './load-request.js';
import { sendMailOnce } from './send-mail-once.js';
import type { WorkflowDeps } from './workflow-deps.js';

/** Workflow step: mail the requester the reference and due date. */
export async function acknowledgeRequest(deps: WorkflowDeps, requestId: string): Promise<{ acknowledged: true }> {
  const request = await loadRequest(deps.store, requestId);
  await sendMailOnce(deps, request, 'acknowledgement', acknowledgementLetter(request), 'system:acknowledge');
  return { acknowledged: true };
}
