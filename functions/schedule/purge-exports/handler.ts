import * as z from 'zod/mini';
import { DynamoDbRequestStore } from '../../adapters/dynamodb/dynamodb-request-store.js';
import { REQUEST_ID_PATTERN } from '../../domain/request/request-id.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { createLogger } from '../../platform/logger.js';
import { taskHandler } from '../../platform/task-handler.js';
import { purgeExports } from './purge-exports.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    [ENV.requestsTable]: z.string().check(z.minLength(1)),
    ...DataBucketConfigSchema.shape,
  }),
);
const deps = {
  store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
  objects: dataObjectStore(config),
  logger: createLogger('purge-exports'),
};

/** A scheduled rule's event; `requestIds` narrows the run (e.g. from a future expiry index). */
const EventSchema = z.looseObject({ requestIds: z.optional(z.array(z.string().check(z.regex(REQUEST_ID_PATTERN))).check(z.maxLength(1000))) });

export const handler = taskHandler('purge-exports', EventSchema, (event) => purgeExports(deps, new Date(), event.requestIds));
