import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ENV } from '../platform/env-names.js';
import type { Logger } from '../platform/logger.js';

/**
 * The header CloudFront adds to every request it forwards to the API's origin domain, carrying a
 * secret from Secrets Manager. CloudFront replaces a header of that name sent by a viewer, so only
 * requests that passed the edge (and its WAF rules) carry the right value.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** Shorter secrets are refused as configuration errors: the stack generates 64 characters. */
const MIN_SECRET_LENGTH = 32;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a request came through the edge: its {@link ORIGIN_VERIFY_HEADER} equals the secret,
 * compared in constant time (over digests, so neither length nor content leaks by timing).
 */
export function cameThroughEdge(headers: APIGatewayProxyEventV2['headers'], secret: string): boolean {
  const sent = headers[ORIGIN_VERIFY_HEADER];
  return typeof sent === 'string' && timingSafeEqual(digest(sent), digest(secret));
}

/**
 * The origin secret from `ORIGIN_VERIFY_SECRET`, or undefined where no edge stands in front (local
 * mode, a stage without a domain). A value too short to be the generated secret stops cold start.
 */
export function originSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const secret = env[ENV.originVerifySecret];
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${ENV.originVerifySecret} must be at least ${MIN_SECRET_LENGTH} characters`);
  return secret;
}

/**
 * Refuses (403, before the handler runs or anything is read) every request that did not come
 * through CloudFront, so `origin.<domain>` cannot be used to go around the WAF's rate limits,
 * challenge and managed rules. Without a secret (no edge) it lets everything through.
 */
export function originVerifyMiddleware(
  secret: string | undefined,
  logger: Logger,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: async (request) => {
      if (secret === undefined || cameThroughEdge(request.event.headers ?? {}, secret)) return undefined;
      logger.warn('http.origin_refused', { route: request.event.routeKey });
      return { statusCode: 403, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Forbidden' };
    },
  };
}
