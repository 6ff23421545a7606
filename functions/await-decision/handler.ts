import { z } from 'zod';
import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { awaitDecision } from '../domain/workflow/await-decision.js';
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
  logger: createLogger('await-decision'),
};

const EventSchema = z.object({ requestId: z.string().min(1), taskToken: z.string().min(1) });

export const handler = taskHandler('await-decision', EventSchema, (event) => awaitDecision(deps, event.requestId, event.taskToken));
