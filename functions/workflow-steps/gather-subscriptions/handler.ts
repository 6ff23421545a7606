import * as z from 'zod/mini';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { gatherSubscriptions } from '../../domain/gather/gather-subscriptions.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    ...DataBucketConfigSchema.shape,
  }),
);
const deps = {
  ...storeDeps('gather-subscriptions'),
  customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
  objects: dataObjectStore(config),
};

export const handler = taskHandler('gather-subscriptions', RequestTaskEventSchema, (event) =>
  gatherSubscriptions(deps, event.requestId),
);
