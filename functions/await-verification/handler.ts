import * as z from 'zod';
import { awaitVerification } from '../domain/verification/await-verification.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';

const deps = storeDeps('await-verification');

const EventSchema = z.object({ requestId: z.string().min(1), taskToken: z.string().min(1) });

export const handler = taskHandler('await-verification', EventSchema, (event) =>
  awaitVerification(deps, event.requestId, event.taskToken),
);
