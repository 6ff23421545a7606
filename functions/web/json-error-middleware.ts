import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Language } from '../domain/request/request-vocabulary.js';
import { errorName, type Logger } from '../platform/logger.js';
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

/**
 * Turns an unexpected failure of a JSON-only API (the staff API, staff-facing and so in bokmål)
 * into a JSON error, logging only the error's name. Kept apart from the page version so an API
 * function does not carry the public pages in its bundle.
 */
export function jsonErrorMiddleware(logger: Logger): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      logger.error('http.unhandled_error', { error: errorName(request.error), route: request.event.routeKey });
      request.response = serverErrorJson('nb');
    },
  };
}
