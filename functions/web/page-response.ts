import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CONTENT_SECURITY_POLICY } from './page-shell.js';
import { SECURITY_HEADERS } from './responses.js';

/**
 * A public page. Pages allow exactly their own inline stylesheet (by hash) and nothing else. Apart
 * from `responses.ts` because the policy's hash needs the page stylesheet, which an API-only
 * function (the staff API) should not carry.
 */
export const html = (statusCode: number, body: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: {
    ...SECURITY_HEADERS,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'content-type': 'text/html; charset=utf-8',
  },
  body,
});
