import * as z from 'zod/mini';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { S3ObjectStore } from '../../adapters/s3/s3-object-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate } from '../../domain/deadline/index.js';
import { storeRestrictionFlags } from '../../domain/restriction/restriction-flags.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { s3Client } from '../../platform/aws-clients/s3.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { consoleDeps, consoleHandler } from '../../wiring/console-wiring.js';
import { mailerFromEnv } from '../../wiring/task-deps.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { CONSOLE_CASE_ACTIONS } from './console-case-actions.js';
import type { ConsoleCaseActionsDeps } from './console-case-actions-deps.js';

const config = parseConfig(
  z.extend(TableConfigSchema, {
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    [ENV.billingTable]: z.string().check(z.minLength(1)),
    [ENV.accessLogTable]: z.string().check(z.minLength(1)),
    [ENV.dataBucket]: z.string().check(z.minLength(3)),
    [ENV.dataBucketEncryption]: z.optional(z.enum(['aws:kms', ''])),
    [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
  }),
);

const customers = new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]);
const deps: ConsoleCaseActionsDeps = {
  ...consoleDeps('console-case-actions'),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
  mailer: mailerFromEnv(),
  callbacks: new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]),
  customers,
  flags: storeRestrictionFlags({
    customers,
    billing: new DynamoDbBillingStore(dynamoDbClient(), config[ENV.billingTable]),
    accessLog: new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]),
  }),
  today: () => osloCalendarDate(new Date()),
};

export const handler = consoleHandler(CONSOLE_CASE_ACTIONS, deps);
