import * as z from 'zod/mini';
import { DynamoDbInboxStore } from '../../adapters/dynamodb/dynamodb-inbox-store.js';
import { DynamoDbPostalLetterStore } from '../../adapters/dynamodb/dynamodb-postal-letter-store.js';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate, statutoryDeadline } from '../../domain/deadline/index.js';
import { toOsloIsoString } from '../../domain/deadline/oslo-calendar-date.js';
import { newRequestId } from '../../domain/request/request-id.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { s3Client } from '../../platform/aws-clients/s3.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { consoleDeps, consoleHandler, receivedMailDeps } from '../../wiring/console-wiring.js';
import { SystemAddressConfigSchema, systemAddressCheckFrom } from '../../wiring/system-address-config.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { CONSOLE_MAIL } from './console-mail.js';
import type { ConsoleMailDeps } from './console-mail-deps.js';

const config = parseConfig(
  z.extend(TableConfigSchema, {
    ...SystemAddressConfigSchema.shape,
    [ENV.dataBucket]: z.string().check(z.minLength(3)),
    [ENV.dataBucketEncryption]: z.optional(z.enum(['aws:kms', ''])),
    [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
  }),
);

const deps: ConsoleMailDeps = {
  ...consoleDeps('console-mail'),
  ...receivedMailDeps(),
  inbox: new DynamoDbInboxStore(dynamoDbClient(), config[ENV.requestsTable]),
  postalLetters: new DynamoDbPostalLetterStore(dynamoDbClient(), config[ENV.requestsTable]),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
  workflow: new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]),
  formatInstant: toOsloIsoString,
  receiptDate: (receivedAt: string) => osloCalendarDate(receivedAt),
  dueDate: (receivedAt: string) => statutoryDeadline(receivedAt),
  newId: newRequestId,
  today: () => osloCalendarDate(new Date()),
  isSystemAddress: systemAddressCheckFrom(config),
};

export const handler = consoleHandler(CONSOLE_MAIL, deps);
