import { z } from 'zod';
import { closeRequest } from '../domain/workflow/close-request.js';
import { storeDeps } from '../shared/task-deps.js';
import { taskHandler } from '../shared/task-handler.js';

const deps = storeDeps('close-request');

const EventSchema = z.object({ requestId: z.string().min(1) });

export const handler = taskHandler('close-request', EventSchema, (event) => closeRequest(deps, event.requestId));
