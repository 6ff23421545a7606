import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { DynamoDbRateLimiter } from '../../adapters/dynamodb/dynamodb-rate-limiter.js';
import { DynamoDbRequestStore } from '../../adapters/dynamodb/dynamodb-request-store.js';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.js';
import { osloCalendarDate, statutoryDeadline } from '../../domain/deadline/index.js';
import { newRequestId } from '../../domain/request/request-id.js';
import { toOsloIsoString } from '../../domain/deadline/oslo-calendar-date.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { sfnClient } from '../../platform/aws-clients/sfn.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { errorPageMiddleware } from '../../web/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../../web/origin-verify.js';
import { createLogger } from '../../platform/logger.js';
import { SystemAddressConfigSchema, systemAddressCheckFrom } from '../../wiring/system-address-config.js';
import { createRequest } from './create-request.js';
import { observability } from '../../platform/observability.js';

const LimitSchema = z.array(z.object({ name: z.string().check(z.minLength(1)), max: z.number().check(z.int(), z.positive()), windowSeconds: z.number().check(z.int(), z.positive()) }));
const FormLimitsSchema = z.object({ perRecipient: LimitSchema, perSource: LimitSchema });

const config = parseConfig(
  z.object({
    [ENV.requestsTable]: z.string().check(z.minLength(1)),
    [ENV.stateMachineArn]: z.string().check(z.startsWith('arn:')),
    ...SystemAddressConfigSchema.shape,
    [ENV.formLimits]: z.pipe(z.optional(z.string()), z.transform((raw) => (raw ? FormLimitsSchema.parse(JSON.parse(raw)) : undefined))),
  }),
);
const deps = {
  store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
  workflow: new StepFunctionsWorkflow(sfnClient, config[ENV.stateMachineArn]),
  now: () => new Date(),
  formatInstant: toOsloIsoString,
  receiptDate: (receivedAt: string) => osloCalendarDate(receivedAt),
  dueDate: (receivedAt: string) => statutoryDeadline(receivedAt),
  newId: newRequestId,
  newFormKey: randomUUID,
  limiter: new DynamoDbRateLimiter(dynamoDbClient(), config[ENV.requestsTable]),
  formLimits: config[ENV.formLimits],
  isSystemAddress: systemAddressCheckFrom(config),
  logger: createLogger('create-request'),
};
const logger = deps.logger;

export const handler = middy((event: APIGatewayProxyEventV2) => createRequest(deps, event))
  .use(observability('create-request'))
  .use(httpHeaderNormalizer())
  .use(originVerifyMiddleware(originSecretFromEnv(), logger))
  .use(errorPageMiddleware(logger));
