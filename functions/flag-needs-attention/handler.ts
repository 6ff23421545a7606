import { z } from 'zod';
import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { flagNeedsAttention } from '../domain/workflow/flag-needs-attention.js';
import { dynamoDbClient } from '../shared/aws-clients.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { createLogger } from '../shared/logger.js';
import { taskHandler } from '../shared/task-handler.js';
import { TableConfigSchema } from '../shared/workflow-config.js';

const config = parseConfig(TableConfigSchema);
const deps = {
  store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
  now: () => new Date(),
  logger: createLogger('flag-needs-attention'),
};

const EventSchema = z.object({
  requestId: z.string().min(1),
  failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

export const handler = taskHandler('flag-needs-attention', EventSchema, (event) =>
  flagNeedsAttention(deps, event.requestId, event.failure));
