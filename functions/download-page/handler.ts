import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { S3ObjectStore } from '../adapters/s3/s3-object-store.js';
import { dynamoDbClient } from '../shared/aws-clients/dynamodb.js';
import { s3Client } from '../shared/aws-clients/s3.js';
import { parseConfig } from '../shared/config.js';
import { ENV } from '../shared/env-names.js';
import { errorPageMiddleware } from '../shared/http/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../shared/http/origin-verify.js';
import { mailDeps } from '../shared/task-deps.js';
import { serveDownloadPage } from './download-page.js';
import { DynamoDbDownloadCodeStore } from '../adapters/dynamodb/dynamodb-download-code-store.js';
import { observability } from '../shared/observability.js';
import { DynamoDbDownloadSessionStore } from '../adapters/dynamodb/dynamodb-download-session-store.js';

const config = parseConfig(
  z.object({
    [ENV.requestsTable]: z.string().min(1),
    [ENV.dataBucket]: z.string().min(1),
    [ENV.dataBucketEncryption]: z.enum(['aws:kms', '']).optional(),
  }),
);

const deps = {
  ...mailDeps('download-page'),
  codes: new DynamoDbDownloadCodeStore(dynamoDbClient(), config[ENV.requestsTable]),
  sessions: new DynamoDbDownloadSessionStore(dynamoDbClient(), config[ENV.requestsTable]),
  objects: new S3ObjectStore(s3Client, config[ENV.dataBucket], config[ENV.dataBucketEncryption] || undefined),
};

export const handler = middy((event: APIGatewayProxyEventV2) => serveDownloadPage(deps, event))
  .use(observability('download-page'))
  .use(httpHeaderNormalizer())
  .use(originVerifyMiddleware(originSecretFromEnv(), deps.logger))
  .use(errorPageMiddleware(deps.logger));
