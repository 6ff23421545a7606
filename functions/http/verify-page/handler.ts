import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { DynamoDbCustomerStore } from '../../adapters/dynamodb/dynamodb-customer-store.js';
import { DynamoDbVerificationStore } from '../../adapters/dynamodb/dynamodb-verification-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { errorPageMiddleware } from '../../web/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../../web/origin-verify.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { MailConfigSchema } from '../../wiring/workflow-config.js';
import { serveVerifyPage } from './verify-page.js';
import { observability } from '../../platform/observability.js';

const config = parseConfig(
  z.extend(MailConfigSchema, {
    [ENV.customersTable]: z.string().check(z.minLength(1)),
    [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
    [ENV.publicBaseUrl]: z.optional(z.url()),
  }),
);
const deps = {
  ...mailDeps('verify-page'),
  customers: new DynamoDbCustomerStore(dynamoDbClient(), config[ENV.customersTable]),
  verifications: new DynamoDbVerificationStore(dynamoDbClient(), config[ENV.requestsTable]),
  callbacks: new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]),
  publicBaseUrl: config[ENV.publicBaseUrl],
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveVerifyPage(deps, event))
  .use(observability('verify-page'))
  .use(httpHeaderNormalizer())
  .use(originVerifyMiddleware(originSecretFromEnv(), deps.logger))
  .use(errorPageMiddleware(deps.logger));
