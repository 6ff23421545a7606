import { awaitDecision } from '../../domain/workflow/await-decision.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { TokenTaskEventSchema } from '../workflow-events.js';

const deps = storeDeps('await-decision');

export const handler = taskHandler('await-decision', TokenTaskEventSchema, (event) => awaitDecision(deps, event.requestId, event.taskToken));
