import * as z from 'zod/mini';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { gatherAccessLog } from '../../domain/gather/gather-access-log.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { s3Client } from '../../platform/aws-clients/s3.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { RequestTaskEventSchema } from '../workflow-events.js';

const config = parseConfig(
  z.object({
    [ENV.accessLogTable]: z.string().check(z.minLength(1)),
    [ENV.dataBucket]: z.string().check(z.minLength(1)),
    [ENV.dataBucketEncryption]: z.optional(z.enum(['aws:kms', ''])),
  }),
);
const deps = {
  ...storeDeps('gather-access-log'),
  accessLog: new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
};

export const handler = taskHandler('gather-access-log', RequestTaskEventSchema, (event) =>
  gatherAccessLog(deps, event.requestId),
);
