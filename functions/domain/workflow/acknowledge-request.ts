import { acknowledgementLetter } from '../letters/acknowledgement-letter.js';
import { stopsMarketing } from '../request/request-vocabulary.js';
import { loadRequest } from './load-request.js';
import { sendMailOnce } from './send-mail-once.js';
import type { WorkflowDeps } from './workflow-deps.js';

/**
 * Which paths of the workflow a request takes, from its types alone: flags, never data, so the
 * execution can carry them.
 */
export interface RequestRoute {
  /** An objection to direct marketing or a consent withdrawal: the fast path stops marketing now. */
  readonly marketingStop: boolean;
  /** An Art. 21(1) objection: the purpose is restricted while staff assess it. */
  readonly processingObjection: boolean;
}

/** Workflow step: mail the requester the reference and due date, and tell the workflow its route. */
export async function acknowledgeRequest(deps: WorkflowDeps, requestId: string): Promise<{ acknowledged: true } & RequestRoute> {
  const request = await loadRequest(deps.store, requestId);
  await sendMailOnce(deps, request, 'acknowledgement', acknowledgementLetter(request), 'system:acknowledge');
  return {
    acknowledged: true,
    marketingStop: stopsMarketing(request.types),
    processingObjection: request.types.includes('processing_objection'),
  };
}
