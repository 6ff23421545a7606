import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { DynamoDbRequestStore } from '../adapters/dynamodb/dynamodb-request-store.js';
import { dynamoDbClient } from '../shared/aws-clients.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { TableConfigSchema } from '../shared/workflow-config.js';
import { serveWebForm } from './web-form.js';

const config = parseConfig(TableConfigSchema);
const deps = {
  store: new DynamoDbRequestStore(dynamoDbClient(), config[ENV.requestsTable]),
  newFormKey: randomUUID,
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveWebForm(deps, event))
  .use(httpHeaderNormalizer())
  .use(httpErrorHandler({ fallbackMessage: 'Internal error' }));
