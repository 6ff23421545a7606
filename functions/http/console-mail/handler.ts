import * as z from 'zod/mini';
import { DynamoDbInboxStore } from '../../adapters/dynamodb/dynamodb-inbox-store.js';
import { DynamoDbPostalLetterStore } from '../../adapters/dynamodb/dynamodb-postal-letter-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate, statutoryDeadline } from '../../domain/deadline/index.js';
import { toOsloIsoString } from '../../domain/deadline/oslo-calendar-date.js';
import { newRequestId } from '../../domain/request/request-id.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { consoleDeps, consoleHandler, receivedMailDeps } from '../../wiring/console-wiring.js';
import { SystemAddressConfigSchema, systemAddressCheckFrom } from '../../wiring/system-address-config.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { CONSOLE_MAIL } from './console-mail.js';
import type { ConsoleMailDeps } from './console-mail-deps.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.extend(TableConfigSchema, {
    ...SystemAddressConfigSchema.shape,
    ...DataBucketConfigSchema.shape,
    [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
  }),
);

const deps: ConsoleMailDeps = {
  ...consoleDeps('console-mail'),
  ...receivedMailDeps(),
  inbox: new DynamoDbInboxStore(dynamoDbClient(), config[ENV.requestsTable]),
  postalLetters: new DynamoDbPostalLetterStore(dynamoDbClient(), config[ENV.requestsTable]),
  objects: dataObjectStore(config),
  workflow: new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]),
  formatInstant: toOsloIsoString,
  receiptDate: (receivedAt: string) => osloCalendarDate(receivedAt),
  dueDate: (receivedAt: string) => statutoryDeadline(receivedAt),
  newId: newRequestId,
  isSystemAddress: systemAddressCheckFrom(config),
};

export const handler = consoleHandler(CONSOLE_MAIL, deps);
