import { awaitVerification } from '../domain/verification/await-verification.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';
import { TokenTaskEventSchema } from '../shared/workflow-events.js';

const deps = storeDeps('await-verification');

export const handler = taskHandler('await-verification', TokenTaskEventSchema, (event) =>
  awaitVerification(deps, event.requestId, event.taskToken),
);
