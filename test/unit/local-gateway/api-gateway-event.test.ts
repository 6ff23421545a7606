import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiGatewayEvent } from '../../../infra/local/gateway/api-gateway-event.js';

interface FakeRequest {
  url?: string;
  method?: string;
  headers?: Record<string, string | string[] | undefined>;
  remoteAddress?: string;
}

/** The parts of an IncomingMessage the event builder reads. */
const incoming = ({ url = '/', method = 'GET', headers = {}, remoteAddress = '127.0.0.1' }: FakeRequest): IncomingMessage =>
  ({ url, method, headers, httpVersion: '1.1', socket: { remoteAddress } }) as unknown as IncomingMessage;

const NOW = new Date('2026-11-24T08:00:00.000Z');

describe('apiGatewayEvent', () => {
  it('returns a 2.0 event with route, path and request context when given a request', () => {
    // Prepare
    const request = incoming({ url: '/receipt/NK-1?lang=en', headers: { host: 'localhost:3000', 'user-agent': 'curl/8' } });
    // Act
    const event = apiGatewayEvent(request, Buffer.alloc(0), { routeKey: 'GET /receipt/{id}', pathParameters: { id: 'NK-1' } }, NOW);
    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /receipt/{id}',
      rawPath: '/receipt/NK-1',
      rawQueryString: 'lang=en',
      pathParameters: { id: 'NK-1' },
      queryStringParameters: { lang: 'en' },
      body: undefined,
      isBase64Encoded: false,
      requestContext: {
        domainName: 'localhost:3000',
        routeKey: 'GET /receipt/{id}',
        stage: '$default',
        timeEpoch: NOW.getTime(),
        http: { method: 'GET', path: '/receipt/NK-1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8' },
      },
    });
  });

  it('returns repeated query parameters joined by commas', () => {
    const event = apiGatewayEvent(incoming({ url: '/?types=access&lang=en&types=erasure' }), Buffer.alloc(0), { routeKey: 'GET /' }, NOW);

    expect(event.queryStringParameters).toEqual({ types: 'access,erasure', lang: 'en' });
    expect(event.rawQueryString).toBe('types=access&lang=en&types=erasure');
  });

  it('returns no query parameters when the URL has none', () => {
    const event = apiGatewayEvent(incoming({ url: '/' }), Buffer.alloc(0), { routeKey: 'GET /' }, NOW);

    expect(event.queryStringParameters).toBeUndefined();
    expect(event.rawQueryString).toBe('');
  });

  it('returns cookies split out and no cookie header when the request has cookies', () => {
    const event = apiGatewayEvent(incoming({ headers: { cookie: 'a=1; b=2;  c=3' } }), Buffer.alloc(0), { routeKey: 'GET /' }, NOW);

    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('returns no cookies when the request has none', () => {
    const event = apiGatewayEvent(incoming({}), Buffer.alloc(0), { routeKey: 'GET /' }, NOW);

    expect(event.cookies).toBeUndefined();
  });

  it('returns multi-valued headers joined by commas', () => {
    const event = apiGatewayEvent(incoming({ headers: { 'x-forwarded-for': ['10.0.0.1', '10.0.0.2'], accept: 'text/html' } }), Buffer.alloc(0), { routeKey: 'GET /' }, NOW);

    expect(event.headers).toEqual({ 'x-forwarded-for': '10.0.0.1,10.0.0.2', accept: 'text/html' });
  });

  it.each(['application/json', 'application/x-www-form-urlencoded; charset=utf-8', 'text/plain'])(
    'returns a %s body as text when it is textual',
    (contentType) => {
      const body = Buffer.from('name=Bjørn', 'utf8');

      const event = apiGatewayEvent(incoming({ method: 'POST', headers: { 'content-type': contentType } }), body, { routeKey: 'POST /api/requests' }, NOW);

      expect(event.body).toBe('name=Bjørn');
      expect(event.isBase64Encoded).toBe(false);
    },
  );

  it('returns a binary body base64-encoded when the content type is not textual', () => {
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80]);

    const event = apiGatewayEvent(incoming({ method: 'POST', headers: { 'content-type': 'application/octet-stream' } }), bytes, { routeKey: 'POST /api/requests' }, NOW);

    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64').equals(bytes)).toBe(true);
  });

  it('returns a body without a content type base64-encoded', () => {
    const event = apiGatewayEvent(incoming({ method: 'POST' }), Buffer.from('{}'), { routeKey: 'POST /api/requests' }, NOW);

    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(Buffer.from('{}').toString('base64'));
  });
});
