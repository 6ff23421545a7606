import * as z from 'zod';
import { readDecision } from '../domain/workflow/read-decision.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';

const deps = storeDeps('read-decision');

const EventSchema = z.object({ requestId: z.string().min(1) });

export const handler = taskHandler('read-decision', EventSchema, (event) => readDecision(deps.store, event.requestId));
