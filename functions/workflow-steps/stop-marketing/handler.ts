import * as z from 'zod/mini';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { DynamoDbSuppressionList } from '../../adapters/dynamodb/dynamodb-marketing-stop-stores.js';
import { MIN_SUPPRESSION_SECRET_LENGTH } from '../../domain/marketing-stop/suppression-list.js';
import { stopMarketing } from '../../domain/marketing-stop/stop-marketing.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { RequestTaskEventSchema } from '../workflow-events.js';

const config = parseConfig(
  z.extend(TableConfigSchema, {
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    [ENV.suppressionSecret]: z.string().check(z.minLength(MIN_SUPPRESSION_SECRET_LENGTH)),
  }),
);
const deps = {
  ...mailDeps('stop-marketing'),
  customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
  suppression: new DynamoDbSuppressionList(dynamoDbClient(), config[ENV.customersTable]),
  suppressionSecret: config[ENV.suppressionSecret],
};

export const handler = taskHandler('stop-marketing', RequestTaskEventSchema, (event) =>
  stopMarketing(deps, event.requestId),
);
