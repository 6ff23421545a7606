import * as z from 'zod/mini';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { DynamoDbProcessingPurposeStore } from '../../adapters/dynamodb/dynamodb-marketing-stop-stores.js';
import { DynamoDbRetentionScheduler } from '../../adapters/dynamodb/dynamodb-retention-scheduler.js';
import { carryOut } from '../../domain/carry-out/carry-out.js';
import { DEFAULT_EXPORT_DOWNLOAD_DAYS } from '../../domain/request/export-window.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { RecipientDirectoryVariable } from '../../wiring/recipient-directory-config.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    [ENV.billingTable]: z.string().check(z.minLength(1)),
    [ENV.accessLogTable]: z.string().check(z.minLength(1)),
    ...DataBucketConfigSchema.shape,
    [ENV.exportDays]: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(90)), DEFAULT_EXPORT_DOWNLOAD_DAYS),
    [ENV.recipientDirectory]: RecipientDirectoryVariable,
  }),
);
const billing = new DynamoDbBillingStore(dynamoDbClient(), config[ENV.billingTable]);
const accessLog = new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]);
const deps = {
  ...storeDeps('carry-out'),
  objects: dataObjectStore(config),
  customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
  billing,
  accessLog,
  // Held records get the tables' TTL attribute, so DynamoDB deletes them when retention ends.
  retention: new DynamoDbRetentionScheduler(billing, accessLog),
  exportDays: config[ENV.exportDays],
  recipients: config[ENV.recipientDirectory],
  purposes: new DynamoDbProcessingPurposeStore(dynamoDbClient(), config[ENV.customersTable]),
};

export const handler = taskHandler('carry-out', RequestTaskEventSchema, (event) =>
  carryOut(deps, event.requestId),
);
