import * as z from 'zod/mini';
import { DynamoDbProcessingPurposeStore } from '../../adapters/dynamodb/dynamodb-marketing-stop-stores.js';
import { liftAfterOverride, restrictWhileAssessing } from '../../domain/processing-objection/objection-restriction.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { storeDeps } from '../../wiring/store-deps.js';
import { taskHandler } from '../../platform/task-handler.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { RestrictProcessingEventSchema } from '../workflow-events.js';

const config = parseConfig(z.extend(TableConfigSchema, { [ENV.customersTable]: z.string().check(z.minLength(1)) }));
const deps = {
  ...storeDeps('restrict-processing'),
  purposes: new DynamoDbProcessingPurposeStore(dynamoDbClient(), config[ENV.customersTable]),
};

/** `restrict` while staff assess an Art. 21(1) objection; `lift` after it was overridden and the person told. */
export const handler = taskHandler(
  'restrict-processing',
  RestrictProcessingEventSchema,
  (event): Promise<{ restricted: number } | { lifted: number }> =>
    event.action === 'restrict' ? restrictWhileAssessing(deps, event.requestId) : liftAfterOverride(deps, event.requestId),
);
