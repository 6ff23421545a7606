import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { DynamoDbRequestStore } from '../../adapters/dynamodb/dynamodb-request-store.js';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { ENV } from '../../platform/env-names.js';
import { errorPageMiddleware } from '../../web/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../../web/origin-verify.js';
import { TableConfigSchema } from '../../wiring/workflow-config.js';
import { serveWebForm } from './web-form.js';
import { observability } from '../../platform/observability.js';

const config = parseConfig(TableConfigSchema);
const logger = createLogger('web-form');
const deps = {
  store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
  newFormKey: randomUUID,
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveWebForm(deps, event))
  .use(observability('web-form'))
  .use(httpHeaderNormalizer())
  .use(originVerifyMiddleware(originSecretFromEnv(), logger))
  .use(errorPageMiddleware(logger));
