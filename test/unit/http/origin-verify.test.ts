import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENV } from '../../../functions/platform/env-names.js';
import { ORIGIN_VERIFY_HEADER, cameThroughEdge, originSecretFromEnv } from '../../../functions/web/origin-verify.js';
import { httpEvent } from '../fixtures/http-event-fixture.js';

const SECRET = 'Gq7cW1x0zYb9Lk2Mv8Nt3Rp6Sd4Fh5Jw0Ae1Ui7Oy2Tr9Eq4Wp3Zs8Xc6Vb5Nm1'.slice(0, 64);

/** The real web-form handler as Lambda loads it, with the environment the stack gives it. */
async function webFormHandler(secret: string | undefined) {
  vi.resetModules();
  vi.stubEnv(ENV.requestsTable, 'requests');
  vi.stubEnv('AWS_REGION', 'eu-north-1');
  if (secret !== undefined) vi.stubEnv(ENV.originVerifySecret, secret);
  const { handler } = await import('../../../functions/http/web-form/handler.js');
  return (headers: Record<string, string>) =>
    handler(httpEvent({ method: 'GET', routeKey: 'GET /', path: '/', headers }), {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a request that went around CloudFront to origin.<domain>', () => {
  it('is refused with 403 before the handler runs, while the same request through the edge gets the form', async () => {
    const call = await webFormHandler(SECRET);

    const direct = await call({});
    const forged = await call({ [ORIGIN_VERIFY_HEADER]: `${SECRET.slice(0, -1)}x` });
    const throughEdge = await call({ [ORIGIN_VERIFY_HEADER]: SECRET });

    expect(direct.statusCode).toBe(403);
    expect(direct.body).toBe('Forbidden');
    expect(forged.statusCode).toBe(403);
    expect(throughEdge.statusCode).toBe(200);
    expect(throughEdge.body).toContain('<form');
  });

  it('is served where no edge stands in front (local mode, a stage without a domain): no secret, no check', async () => {
    const call = await webFormHandler(undefined);

    expect((await call({})).statusCode).toBe(200);
  });
});

describe('cameThroughEdge and originSecretFromEnv', () => {
  it('accepts only the exact secret, whatever the length of what was sent', () => {
    expect(cameThroughEdge({ [ORIGIN_VERIFY_HEADER]: SECRET }, SECRET)).toBe(true);
    for (const sent of ['', 'x', SECRET.toUpperCase(), `${SECRET} `, SECRET.repeat(2)]) {
      expect(cameThroughEdge({ [ORIGIN_VERIFY_HEADER]: sent }, SECRET), sent).toBe(false);
    }
    expect(cameThroughEdge({}, SECRET)).toBe(false);
  });

  it('treats an unset or empty secret as no edge, and refuses one too short to be the generated secret', () => {
    expect(originSecretFromEnv({})).toBeUndefined();
    expect(originSecretFromEnv({ [ENV.originVerifySecret]: '' })).toBeUndefined();
    expect(originSecretFromEnv({ [ENV.originVerifySecret]: SECRET })).toBe(SECRET);
    expect(() => originSecretFromEnv({ [ENV.originVerifySecret]: 'short' })).toThrow(/at least 32/);
  });
});
