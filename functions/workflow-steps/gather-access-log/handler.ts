import * as z from 'zod/mini';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { gatherAccessLog } from '../../domain/gather/gather-access-log.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    [ENV.accessLogTable]: z.string().check(z.minLength(1)),
    ...DataBucketConfigSchema.shape,
  }),
);
const deps = {
  ...storeDeps('gather-access-log'),
  accessLog: new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]),
  objects: dataObjectStore(config),
};

export const handler = taskHandler('gather-access-log', RequestTaskEventSchema, (event) =>
  gatherAccessLog(deps, event.requestId),
);
