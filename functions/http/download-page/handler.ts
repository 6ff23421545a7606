import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { dynamoDbClient } from '../../platform/aws-clients/dynamodb.js';
import { parseConfig } from '../../platform/config.js';
import { ENV } from '../../platform/env-names.js';
import { errorPageMiddleware } from '../../web/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../../web/origin-verify.js';
import { mailDeps } from '../../wiring/task-deps.js';
import { serveDownloadPage } from './download-page.js';
import { DynamoDbDownloadCodeStore } from '../../adapters/dynamodb/dynamodb-download-code-store.js';
import { observability } from '../../platform/observability.js';
import { DynamoDbDownloadSessionStore } from '../../adapters/dynamodb/dynamodb-download-session-store.js';
import { DataBucketConfigSchema, dataObjectStore } from '../../wiring/data-bucket-config.js';

const config = parseConfig(
  z.object({
    [ENV.requestsTable]: z.string().check(z.minLength(1)),
    ...DataBucketConfigSchema.shape,
  }),
);

const deps = {
  ...mailDeps('download-page'),
  codes: new DynamoDbDownloadCodeStore(dynamoDbClient(), config[ENV.requestsTable]),
  sessions: new DynamoDbDownloadSessionStore(dynamoDbClient(), config[ENV.requestsTable]),
  objects: dataObjectStore(config),
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveDownloadPage(deps, event))
  .use(observability('download-page'))
  .use(httpHeaderNormalizer())
  .use(originVerifyMiddleware(originSecretFromEnv(), deps.logger))
  .use(errorPageMiddleware(deps.logger));
