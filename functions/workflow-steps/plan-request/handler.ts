import * as z from 'zod/mini';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { osloCalendarDate } from '../../domain/deadline/index.js';
import { planRequest } from '../../domain/plan/plan-request.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    ...DataBucketConfigSchema.shape,
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    [ENV.billingTable]: z.string().check(z.minLength(1)),
    [ENV.accessLogTable]: z.string().check(z.minLength(1)),
  }),
);
const deps = {
  ...storeDeps('plan-request'),
  objects: dataObjectStore(config),
  // Read only, through keys and the lookup indexes: the search before a plan says nothing is held.
  customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
  billing: new DynamoDbBillingStore(dynamoDbClient(), config[ENV.billingTable]),
  accessLog: new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]),
};

export const handler = taskHandler('plan-request', RequestTaskEventSchema, (event) =>
  planRequest(deps, event.requestId, osloCalendarDate(deps.now())),
);
