import { readDecision } from '../domain/workflow/read-decision.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';
import { RequestTaskEventSchema } from '../shared/workflow-events.js';

const deps = storeDeps('read-decision');

export const handler = taskHandler('read-decision', RequestTaskEventSchema, (event) => readDecision(deps.store, event.requestId));
