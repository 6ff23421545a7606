import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { pageLanguage } from './page-language.js';
import { renderErrorPage } from './error-page.js';
import { errorName, type Logger } from '../platform/logger.js';
import { serverErrorJson } from './json-error-middleware.js';
import { html } from './page-response.js';

const wantsHtml = (event: APIGatewayProxyEventV2): boolean =>
  event.requestContext.http.method === 'GET' ||
  (event.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

/**
 * Turns an unexpected failure into a page a person can act on (HTML form and pages) or a JSON
 * error (API clients), logging only the error's name: never its message or the request.
 */
export function errorPageMiddleware(
  logger: Logger,
  /** A page of the function's own (the staff console's) instead of the public error page. */
  ownPage?: (event: APIGatewayProxyEventV2) => APIGatewayProxyStructuredResultV2,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      logger.error('http.unhandled_error', { error: errorName(request.error), route: request.event.routeKey });
      const event = request.event;
      if (ownPage !== undefined && wantsHtml(event)) {
        request.response = ownPage(event);
        return;
      }
      const language = pageLanguage(event.queryStringParameters?.lang, event.headers['accept-language']);
      request.response = wantsHtml(event)
        ? html(500, renderErrorPage(language, { status: 500 }))
        : serverErrorJson(language);
    },
  };
}
