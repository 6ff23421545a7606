import { readDecision } from '../../domain/workflow/read-decision.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';

const deps = storeDeps('read-decision');

export const handler = taskHandler('read-decision', RequestTaskEventSchema, (event) => readDecision(deps.store, event.requestId));
