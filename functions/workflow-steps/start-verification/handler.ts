import * as z from 'zod/mini';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { DynamoDbVerificationStore } from '../../adapters/dynamodb/dynamodb-verification-store.js';
import { startVerification } from '../../domain/verification/start-verification.js';
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
    [ENV.publicBaseUrl]: z.optional(z.url()),
  }),
);
const deps = {
  ...mailDeps('start-verification'),
  customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
  verifications: new DynamoDbVerificationStore(dynamoDbClient(), config[ENV.requestsTable]),
  publicBaseUrl: config[ENV.publicBaseUrl],
};

export const handler = taskHandler('start-verification', RequestTaskEventSchema, (event) =>
  startVerification(deps, event.requestId),
);
