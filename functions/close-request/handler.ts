import { z } from 'zod';
import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { closeRequest } from '../domain/workflow/close-request.js';
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
  logger: createLogger('close-request'),
};

const EventSchema = z.object({ requestId: z.string().min(1) });

export const handler = taskHandler('close-request', EventSchema, (event) => closeRequest(deps, event.requestId));
