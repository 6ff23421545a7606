import * as z from 'zod/mini';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { storeRestrictionFlags } from '../../domain/restriction/restriction-flags.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { consoleDeps, consoleHandler } from '../../wiring/console-wiring.js';
import { mailerFromEnv } from '../../wiring/task-deps.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { CONSOLE_CASE_ACTIONS } from './console-case-actions.js';
import type { ConsoleCaseActionsDeps } from './console-case-actions-deps.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.extend(TableConfigSchema, {
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    [ENV.billingTable]: z.string().check(z.minLength(1)),
    [ENV.accessLogTable]: z.string().check(z.minLength(1)),
    ...DataBucketConfigSchema.shape,
    [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
  }),
);

const customers = new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]);
const deps: ConsoleCaseActionsDeps = {
  ...consoleDeps('console-case-actions'),
  objects: dataObjectStore(config),
  mailer: mailerFromEnv(),
  callbacks: new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]),
  customers,
  flags: storeRestrictionFlags({
    customers,
    billing: new DynamoDbBillingStore(dynamoDbClient(), config[ENV.billingTable]),
    accessLog: new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]),
  }),
};

export const handler = consoleHandler(CONSOLE_CASE_ACTIONS, deps);
