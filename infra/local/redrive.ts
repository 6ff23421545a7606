import type { RequestStore } from '../../functions/domain/request/request-store.js';
import { CLOSED_STATUSES, TRANSITIONS } from '../../functions/domain/lifecycle/request-lifecycle.js';
import type { Status } from '../../functions/domain/request/request-vocabulary.js';
import type { WorkflowStarter } from '../../functions/domain/request/workflow-starter.js';

/** Requests a failed step handed to staff, or closed ones, wait for no workflow and are left alone. */
const NOT_REDRIVEN: readonly Status[] = [TRANSITIONS.workflow_failed.to, ...CLOSED_STATUSES];

/**
 * The local executor keeps executions in memory, so after a restart every unfinished request is
 * started again. Each step is idempotent on the request's recorded state (mails already sent are
 * not sent again; a recorded decision is used), so the request simply finishes.
 */
export async function redriveOpenRequests(store: RequestStore, workflow: WorkflowStarter): Promise<number> {
  let count = 0;
  for await (const open of store.listOpen()) {
    if (NOT_REDRIVEN.includes(open.status)) continue;
    await workflow.start(open.id);
    count++;
  }
  return count;
}
