import { flagNeedsAttention } from '../../domain/workflow/flag-needs-attention.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { FlagNeedsAttentionEventSchema } from '../workflow-events.js';

const deps = storeDeps('flag-needs-attention');

export const handler = taskHandler('flag-needs-attention', FlagNeedsAttentionEventSchema, (event) =>
  flagNeedsAttention(deps, event.requestId, event.failure));
