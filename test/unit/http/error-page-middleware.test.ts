import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { errorPageMiddleware } from '../../../functions/web/error-page-middleware.js';
import { httpEvent, jsonPost } from '../fixtures/http-event-fixture.js';
import { capturingLogger } from '../fixtures/rights-request-fixture.js';
import { lambdaContext } from '../../../infra/local/lambda/lambda-context.js';

const failing = (logger: ReturnType<typeof capturingLogger>['logger']) =>
  middy(async (_event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    throw new TypeError('lookup failed for kari@example.no');
  }).use(errorPageMiddleware(logger));

describe('errorPageMiddleware', () => {
  it('answers a page request with the 500 page in the page language', async () => {
    const { logger } = capturingLogger();

    const response = await failing(logger)(httpEvent({ method: 'GET', path: '/', query: { lang: 'en' } }), lambdaContext('test'));

    expect(response.statusCode).toBe(500);
    expect(response.headers?.['content-type']).toContain('text/html');
    expect(response.body).toContain('lang="en"');
    expect(response.body).not.toContain('kari@example.no');
  });

  it('answers an API client with a JSON error and logs only the error name', async () => {
    const { logger, lines } = capturingLogger();

    const response = await failing(logger)(jsonPost({ name: 'x' }), lambdaContext('test'));

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ errors: [{ field: 'body' }] });
    expect(lines.join('\n')).toContain('TypeError');
    expect(lines.join('\n')).not.toContain('kari@example.no');
  });

  it('answers a page request with the page of the function itself when it has one (the staff console)', async () => {
    const { logger } = capturingLogger();
    const handler = middy(async (_event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
      throw new TypeError('lookup failed for kari@example.no');
    }).use(errorPageMiddleware(logger, () => ({ statusCode: 500, headers: { 'content-type': 'text/html' }, body: '<h1>Konsollfeil</h1>' })));

    const response = await handler(httpEvent({ method: 'GET', path: '/console' }), lambdaContext('test'));

    expect(response).toMatchObject({ statusCode: 500, body: '<h1>Konsollfeil</h1>' });
  });
});
