import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Headers for every page: no scripts, no framing, no referrer (receipt URLs hold a reference),
 * and no caching of anything that may show a person's request.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export const redirect = (location: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 303,
  headers: { ...SECURITY_HEADERS, location },
  body: '',
});
