import { z } from 'zod';
import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { readDecision } from '../domain/workflow/read-decision.js';
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
  logger: createLogger('read-decision'),
};

const EventSchema = z.object({ requestId: z.string().min(1) });

export const handler = taskHandler('read-decision', EventSchema, (event) => readDecision(deps.store, event.requestId));
