import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Language } from '../domain/request/request-vocabulary.js';
import { errorName, type Logger } from '../platform/logger.js';
import { isTransient } from '../platform/transient-error.js';
import { json } from './responses.js';

/** The JSON error for a failure on our side, in the caller's language. */
const SERVER_ERROR: Readonly<Record<Language, string>> = {
  nb: 'Noe gikk galt hos oss. Prøv igjen.',
  nn: 'Noko gjekk gale hos oss. Prøv igjen.',
  en: 'Something went wrong on our side. Please try again.',
};

/** The 500 answer an API client gets, in `language`. */
export const serverErrorJson = (language: Language): APIGatewayProxyStructuredResultV2 =>
  json(500, { errors: [{ field: 'body', message: SERVER_ERROR[language] }] });

/** A dependency (DynamoDB, S3, Step Functions) throttled or timed out: worth the same call again soon. */
const BUSY = 'Tjenesten er travel akkurat nå. Se saken og prøv igjen om noen sekunder.';

/**
 * Turns an unexpected failure of a JSON-only API (the staff API, staff-facing and so in bokmål)
 * into a JSON error, logging only the error's name: 503 with Retry-After when a dependency was
 * busy (throttling, a timeout: the caller may simply try again), 500 for a fault of ours. Kept
 * apart from the page version so an API function does not carry the public pages in its bundle.
 */
export function jsonErrorMiddleware(logger: Logger): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      if (isTransient(request.error)) {
        logger.warn('http.dependency_busy', { error: errorName(request.error), route: request.event.routeKey });
        const busy = json(503, { errors: [{ field: 'body', message: BUSY }] });
        request.response = { ...busy, headers: { ...busy.headers, 'retry-after': '5' } };
        return;
      }
      logger.error('http.unhandled_error', { error: errorName(request.error), route: request.event.routeKey });
      request.response = serverErrorJson('nb');
    },
  };
}
