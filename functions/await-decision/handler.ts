import { awaitDecision } from '../domain/workflow/await-decision.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';
import { TokenTaskEventSchema } from '../shared/workflow-events.js';

const deps = storeDeps('await-decision');

export const handler = taskHandler('await-decision', TokenTaskEventSchema, (event) => awaitDecision(deps, event.requestId, event.taskToken));
