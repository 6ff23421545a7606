import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { DynamoDbSessionRevocations } from '../adapters/dynamodb/dynamodb-session-revocations.js';
import { S3ObjectStore } from '../adapters/s3/s3-object-store.js';
import { parseInboundMessageLazily } from '../domain/inbox/parse-inbound-message-lazily.js';
import type { StoreDeps } from '../domain/request/request-store.js';
import { osloCalendarDate } from '../domain/deadline/index.js';
import { isSecureOrigin } from '../domain/staff-auth/index.js';
import { dynamoDbClient } from '../platform/aws-clients/dynamodb.js';
import { s3Client } from '../platform/aws-clients/s3.js';
import { parseConfig } from '../platform/config.js';
import { ENV } from '../platform/env-names.js';
import { observability } from '../platform/observability.js';
import type { ConsoleDeps, ReceivedMailDeps } from '../web/console/console-deps.js';
import { htmlPage } from '../web/console/console-responses.js';
import { renderServerErrorPage } from '../web/console/pages/status-pages.js';
import { serveConsoleRoute, type ConsoleFunction } from '../web/console/serve-console-route.js';
import type { SignInMethod } from '../web/console/sign-in/sign-in-methods.js';
import { errorPageMiddleware } from '../web/error-page-middleware.js';
import { originSecretFromEnv, originVerifyMiddleware } from '../web/origin-verify.js';
import { staffTokenVerifierFromEnv } from './staff-token-verifier.js';
import { storeDeps } from './store-deps.js';

/** The settings every console function reads at cold start: its table, its origin and how staff sign in. */
const ConsoleConfigSchema = z
  .object({
    [ENV.requestsTable]: z.string().check(z.minLength(1)),
    [ENV.publicBaseUrl]: z.url(),
    [ENV.staffTokenAudience]: z.string().check(z.minLength(1)),
    [ENV.consoleSignIn]: z.enum(['cognito', 'local']),
    [ENV.cognitoDomain]: z.optional(z.string()),
  })
  .check(z.refine((env) => env[ENV.consoleSignIn] !== 'cognito' || env[ENV.cognitoDomain], { path: [ENV.cognitoDomain] }));

/**
 * What every console function is built on, once per container: the request store, the staff-token
 * verifier, the revoked sessions (so a signed-out session is refused by every console function, not
 * only by the one that served the sign-out), the sign-in and today's date in Oslo. AWS hands
 * sign-in to Cognito's hosted pages; locally the gateway serves the sign-in page (infra/local/sign-in).
 */
export function consoleDeps(service: string, env: NodeJS.ProcessEnv = process.env): ConsoleDeps & StoreDeps & { readonly today: () => string } {
  const config = parseConfig(ConsoleConfigSchema, env);
  const signIn: SignInMethod =
    config[ENV.consoleSignIn] === 'cognito'
      ? { kind: 'cognito', domain: config[ENV.cognitoDomain]!, clientId: config[ENV.staffTokenAudience] }
      : { kind: 'local' };
  return {
    ...storeDeps(service),
    signIn,
    verifier: staffTokenVerifierFromEnv(env),
    publicBaseUrl: config[ENV.publicBaseUrl],
    secureCookies: isSecureOrigin(config[ENV.publicBaseUrl]),
    revocations: new DynamoDbSessionRevocations(dynamoDbClient(), config[ENV.requestsTable]),
    today: () => osloCalendarDate(new Date()),
  };
}

/**
 * Received mail as the console reads it: raw from the inbox bucket, parsed on first use. Without the
 * inbox (no bucket), there is no received mail to show or to turn into a case.
 */
export function receivedMailDeps(env: NodeJS.ProcessEnv = process.env): ReceivedMailDeps {
  const bucket = parseConfig(z.object({ INBOUND_MAIL_BUCKET: z.optional(z.string().check(z.minLength(3))) }), env).INBOUND_MAIL_BUCKET;
  const inboundMail = bucket === undefined ? undefined : new S3ObjectStore(s3Client, bucket);
  return {
    rawMail: { read: async (key) => (inboundMail === undefined ? undefined : inboundMail.getBytes(key)) },
    parse: parseInboundMessageLazily,
  };
}

/** The Lambda handler of a console function: its front door behind the middleware every HTTP function has. */
export function consoleHandler<D extends ConsoleDeps>(fn: ConsoleFunction<D>, deps: D) {
  return middy((event: APIGatewayProxyEventV2) => serveConsoleRoute(fn, deps, event))
    .use(observability(fn.folder))
    .use(httpHeaderNormalizer())
    .use(originVerifyMiddleware(originSecretFromEnv(), deps.logger))
    .use(errorPageMiddleware(deps.logger, () => htmlPage(500, renderServerErrorPage())));
}
