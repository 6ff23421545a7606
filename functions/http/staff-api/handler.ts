import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate } from '../../domain/deadline/index.js';
import { DynamoDbAccessLogStore } from '../../adapters/dynamodb/dynamodb-access-log-store.js';
import { DynamoDbBillingStore } from '../../adapters/dynamodb/dynamodb-billing-store.js';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { storeRestrictionFlags } from '../../domain/restriction/restriction-flags.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { DynamoDbSessionRevocations } from '../../adapters/dynamodb/dynamodb-session-revocations.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { jsonErrorMiddleware } from '../../web/json-error-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../../web/origin-verify.js';
import { staffTokenVerifierFromEnv } from '../../wiring/staff-token-verifier.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { serveStaffApi } from './staff-api.js';
import { observability } from '../../platform/observability.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
    ...DataBucketConfigSchema.shape,
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    [ENV.billingTable]: z.string().check(z.minLength(1)),
    [ENV.accessLogTable]: z.string().check(z.minLength(1)),
    [ENV.publicBaseUrl]: z.optional(z.url()),
  }),
);
const deps = {
  ...mailDeps('staff-api'),
  callbacks: new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]),
  flags: storeRestrictionFlags({
    customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
    billing: new DynamoDbBillingStore(dynamoDbClient(), config[ENV.billingTable]),
    accessLog: new DynamoDbAccessLogStore(dynamoDbClient(), config[ENV.accessLogTable]),
  }),
  objects: dataObjectStore(config),
  today: () => osloCalendarDate(new Date()),
  verifier: staffTokenVerifierFromEnv(),
  publicBaseUrl: config[ENV.publicBaseUrl],
  revocations: new DynamoDbSessionRevocations(dynamoDbClient(), parseConfig(TableConfigSchema)[ENV.requestsTable]),
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveStaffApi(deps, event))
  .use(observability('staff-api'))
  .use(httpHeaderNormalizer())
  .use(originVerifyMiddleware(originSecretFromEnv(), deps.logger))
  .use(jsonErrorMiddleware(deps.logger));
