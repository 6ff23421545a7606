import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { StepFunctionsWorkflow } from '../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate } from '../domain/deadline/index.js';
import { sfnClient } from '../shared/aws-clients/sfn.js';
import { dynamoDbClient } from '../shared/aws-clients/dynamodb.js';
import { DynamoDbSessionRevocations } from '../adapters/dynamodb/dynamodb-session-revocations.js';
import { TableConfigSchema } from '../shared/workflow-config.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { errorPageMiddleware } from '../shared/http/error-page-middleware.js';
import { staffTokenVerifierFromEnv } from '../shared/staff-token-verifier.js';
import { mailDeps } from '../shared/task-deps.js';
import { serveStaffApi } from './staff-api.js';

const config = parseConfig(
  z.object({
    [ENV.stateMachineArn]: z.string().startsWith('arn:'),
    [ENV.publicBaseUrl]: z.url().optional(),
  }),
);
const deps = {
  ...mailDeps('staff-api'),
  callbacks: new StepFunctionsWorkflow(sfnClient(), config[ENV.stateMachineArn]),
  today: () => osloCalendarDate(new Date()),
  verifier: staffTokenVerifierFromEnv(),
  publicBaseUrl: config[ENV.publicBaseUrl],
  revocations: new DynamoDbSessionRevocations(dynamoDbClient(), parseConfig(TableConfigSchema)[ENV.requestsTable]),
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveStaffApi(deps, event))
  .use(httpHeaderNormalizer())
  .use(errorPageMiddleware(deps.logger));
