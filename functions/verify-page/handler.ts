import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { DynamoDbCustomerStore } from '../adapters/dynamodb/dynamodb-customer-store.js';
import { DynamoDbVerificationStore } from '../adapters/dynamodb/dynamodb-verification-store.js';
import { StepFunctionsWorkflow } from '../adapters/sfn/step-functions-workflow.js';
import { dynamoDbClient } from '../shared/aws-clients/dynamodb.js';
import { sfnClient } from '../shared/aws-clients/sfn.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { errorPageMiddleware } from '../shared/http/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../shared/http/origin-verify.js';
import { mailDeps } from '../shared/task-deps.js';
import { MailConfigSchema } from '../shared/workflow-config.js';
import { serveVerifyPage } from './verify-page.js';
import { observability } from '../shared/observability.js';

const config = parseConfig(
  MailConfigSchema.extend({
    [ENV.customersTable]: z.string().min(1),
    [ENV.stateMachineArn]: z.string().startsWith('arn:'),
    [ENV.publicBaseUrl]: z.url().optional(),
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
