import { acknowledgementLetter } from '../letters/acknowledgement-letter.js';
import { otherThanMarketingStop, stopsMarketing } from '../request/request-vocabulary.js';
import { loadRequest } from '../request/request-store.js';
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

/**
 * Workflow step: mail the requester the reference and due date, and tell the workflow its route.
 * A request that only stops marketing gets no receipt: its confirmation follows within seconds,
 * carries the reference and goes to the registered contact, never to an unverified address in the
 * words of whoever typed it.
 */
export async function acknowledgeRequest(deps: WorkflowDeps, requestId: string): Promise<{ acknowledged: true } & RequestRoute> {
  const request = await loadRequest(deps.store, requestId);
  const onlyStopsMarketing = stopsMarketing(request.types) && otherThanMarketingStop(request.types).length === 0;
  if (!onlyStopsMarketing) await sendMailOnce(deps, request, 'acknowledgement', acknowledgementLetter(request), 'system:acknowledge');
  return {
    acknowledged: true,
    marketingStop: stopsMarketing(request.types),
    processingObjection: request.types.includes('processing_objection'),
  };
}
