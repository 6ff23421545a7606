import { z } from 'zod';
import { sendReply } from '../domain/workflow/send-reply.js';
import { mailDeps } from '../shared/task-deps.js';
import { taskHandler } from '../shared/task-handler.js';

const deps = mailDeps('send-reply');

const EventSchema = z.object({ requestId: z.string().min(1), outcome: z.enum(['approved', 'rejected']) });

export const handler = taskHandler('send-reply', EventSchema, (event) => sendReply(deps, event.requestId, event.outcome));
