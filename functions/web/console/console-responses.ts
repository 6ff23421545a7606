import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { REGISTER_CSV_CONTENT_TYPE } from '../../domain/case-register/register-csv.js';
import { SECURITY_HEADERS } from '../responses.js';
import { CONSOLE_CONTENT_SECURITY_POLICY } from './pages/layout.js';

/**
 * The console's headers: those of every page, except that the referrer is kept within our own
 * origin. With `no-referrer` a browser sends `Origin: null` on a form post, and the console
 * checks the Origin of every post (against cross-site forgery); other sites still get nothing.
 */
export const CONSOLE_HEADERS = { ...SECURITY_HEADERS, 'referrer-policy': 'same-origin' } as const;

/**
 * A console page: only its own inline stylesheet may load (by hash), nothing may frame it, and
 * nothing is cached, since every page shows personal data. `cookies` become Set-Cookie headers.
 */
export const htmlPage = (statusCode: number, body: string, cookies?: readonly string[]): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...CONSOLE_HEADERS, 'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY, 'content-type': 'text/html; charset=utf-8' },
  body,
  ...(cookies && cookies.length > 0 ? { cookies: [...cookies] } : {}),
});

/** Post/redirect/get: a 303 after a form so reloading the page never repeats the action. */
export const redirect = (location: string, cookies?: readonly string[], statusCode: 302 | 303 = 303): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { ...CONSOLE_HEADERS, location },
  body: '',
  ...(cookies && cookies.length > 0 ? { cookies: [...cookies] } : {}),
});

/** The case register (the only CSV the console serves) as a download; `no-store` like every console answer. */
export const csvDownload = (filename: string, body: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: {
    ...CONSOLE_HEADERS,
    'content-type': REGISTER_CSV_CONTENT_TYPE,
    'content-disposition': `attachment; filename="${filename}"`,
  },
  body,
});
