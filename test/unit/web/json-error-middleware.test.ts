import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../functions/platform/logger.js';
import { jsonErrorMiddleware } from '../../../functions/web/json-error-middleware.js';

type Request = Parameters<NonNullable<ReturnType<typeof jsonErrorMiddleware>['onError']>>[0];

async function answerTo(error: Error): Promise<{ response: APIGatewayProxyStructuredResultV2; logger: Logger }> {
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() } as unknown as Logger;
  const request = { error, event: { routeKey: 'POST /api/staff/requests/{id}/restriction' } as APIGatewayProxyEventV2, response: undefined } as unknown as Request;
  await jsonErrorMiddleware(logger).onError!(request);
  return { response: request.response as APIGatewayProxyStructuredResultV2, logger };
}

describe('the staff API answers an unexpected failure as JSON', () => {
  it('says 503 with Retry-After when a dependency timed out or throttled, so the caller can simply try again', async () => {
    const timeout = new Error('socket timed out');
    timeout.name = 'TimeoutError';
    const { response, logger } = await answerTo(timeout);

    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('5');
    expect(JSON.parse(String(response.body))).toEqual({ errors: [{ field: 'body', message: 'Tjenesten er travel akkurat nå. Se saken og prøv igjen om noen sekunder.' }] });
    expect(logger.warn).toHaveBeenCalledWith('http.dependency_busy', { error: 'TimeoutError', route: 'POST /api/staff/requests/{id}/restriction' });
  });

  it('says 500 for a fault of ours, logging only the error name', async () => {
    const { response, logger } = await answerTo(new TypeError('cannot read x of undefined'));

    expect(response.statusCode).toBe(500);
    expect(response.headers?.['retry-after']).toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith('http.unhandled_error', { error: 'TypeError', route: 'POST /api/staff/requests/{id}/restriction' });
  });
});
