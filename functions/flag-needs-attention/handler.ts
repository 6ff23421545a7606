import * as z from 'zod';
import { flagNeedsAttention } from '../domain/workflow/flag-needs-attention.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';

const deps = storeDeps('flag-needs-attention');

const EventSchema = z.object({
  requestId: z.string().min(1),
  failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

export const handler = taskHandler('flag-needs-attention', EventSchema, (event) =>
  flagNeedsAttention(deps, event.requestId, event.failure));
