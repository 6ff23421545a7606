import type { ObjectStore } from '../storage/object-store.js';
import type { TaskCallbacks } from '../request/workflow-starter.js';
import type { WorkflowDeps } from '../workflow/workflow-deps.js';

/**
 * What the staff console's case actions need: the workflow's deps, the callbacks that end a
 * waiting workflow step, and optionally the object store, so closing a case also deletes the
 * copies of data gathered for it (as the workflow's own closing step does).
 */
export interface CaseActionDeps extends WorkflowDeps {
  readonly callbacks: TaskCallbacks;
  readonly objects?: Pick<ObjectStore, 'delete'>;
}
