import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import type { StoreDeps } from '../domain/workflow/workflow-deps.js';
import { dynamoDbClient } from '../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../platform/config.js';
import { ENV } from '../platform/env-names.js';
import { createLogger } from '../platform/logger.js';
import { TableConfigSchema } from './workflow-config.js';

/**
 * Dependencies of a workflow step that reads and writes requests; built once at cold start. Kept
 * apart from `mailDeps` so a step that sends no mail never loads the SES client.
 */
export function storeDeps(service: string): StoreDeps {
  const config = parseConfig(TableConfigSchema);
  return {
    store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
    now: () => new Date(),
    logger: createLogger(service),
  };
}
