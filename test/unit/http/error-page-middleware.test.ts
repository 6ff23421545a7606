import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { errorPageMiddleware } from '../../../functions/shared/http/error-page-middleware.js';
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
});
