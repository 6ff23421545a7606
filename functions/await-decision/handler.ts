import * as z from 'zod';
import { awaitDecision } from '../domain/workflow/await-decision.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';

const deps = storeDeps('await-decision');

const EventSchema = z.object({ requestId: z.string().min(1), taskToken: z.string().min(1) });

export const handler = taskHandler('await-decision', EventSchema, (event) => awaitDecision(deps, event.requestId, event.taskToken));
