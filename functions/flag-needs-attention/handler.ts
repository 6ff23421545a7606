import { flagNeedsAttention } from '../domain/workflow/flag-needs-attention.js';
import { storeDeps } from '../shared/store-deps.js';
import { taskHandler } from '../shared/task-handler.js';
import { FlagNeedsAttentionEventSchema } from '../shared/workflow-events.js';

const deps = storeDeps('flag-needs-attention');

export const handler = taskHandler('flag-needs-attention', FlagNeedsAttentionEventSchema, (event) =>
  flagNeedsAttention(deps, event.requestId, event.failure));
