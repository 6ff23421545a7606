import * as z from 'zod/mini';
import { DynamoDbBillingStore } from '../../adapters/dynamodb/dynamodb-billing-store.js';
import { gatherBilling } from '../../domain/gather/gather-billing.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    [ENV.billingTable]: z.string().check(z.minLength(1)),
    ...DataBucketConfigSchema.shape,
  }),
);
const deps = {
  ...storeDeps('gather-billing'),
  billing: new DynamoDbBillingStore(dynamoDbClient(), config[ENV.billingTable]),
  objects: dataObjectStore(config),
};

export const handler = taskHandler('gather-billing', RequestTaskEventSchema, (event) =>
  gatherBilling(deps, event.requestId),
);
