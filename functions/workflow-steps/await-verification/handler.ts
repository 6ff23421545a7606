import { awaitVerification } from '../../domain/verification/await-verification.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { TokenTaskEventSchema } from '../workflow-events.js';

const deps = storeDeps('await-verification');

export const handler = taskHandler('await-verification', TokenTaskEventSchema, (event) =>
  awaitVerification(deps, event.requestId, event.taskToken),
);
