import { createHmac, timingSafeEqual } from 'node:crypto';
import { headerValue, type RequestHeaders } from './request-headers.js';

/** The name of the hidden form field (and header) that carries the token. */
export const CSRF_FIELD = 'csrf';

const CONTEXT = 'dsr-console-csrf-v1';

/**
 * The anti-forgery token for a session: an HMAC of a fixed context keyed by the session token.
 * It needs no storage, changes with every sign-in, and another site cannot compute it because it
 * cannot read the HttpOnly session cookie. Put it in a hidden field of every form that changes state.
 */
export function csrfToken(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update(CONTEXT).digest('base64url');
}

/** Whether two secrets are the same, compared in constant time; absent or empty is never equal. */
export function sameSecret(expected: string | undefined, submitted: string | undefined): boolean {
  if (!expected || typeof submitted !== 'string') return false;
  const left = Buffer.from(expected, 'utf8');
  const right = Buffer.from(submitted, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether a submitted token belongs to this session; compared in constant time. */
export function checkCsrf(sessionToken: string, submitted: string | undefined): boolean {
  return Boolean(sessionToken) && sameSecret(csrfToken(sessionToken), submitted);
}

/**
 * A second check for state-changing requests: the browser says the request came from our own
 * origin. `Origin` must be absent or equal to `expectedOrigin`, and `Sec-Fetch-Site` absent or
 * `same-origin`. Absent headers pass, because older browsers and non-browser clients do not send
 * them; the CSRF token still has to match.
 */
export function sameOriginPost(headers: RequestHeaders, expectedOrigin: string): boolean {
  const origin = headerValue(headers, 'origin');
  if (origin !== undefined && origin !== new URL(expectedOrigin).origin) return false;
  const site = headerValue(headers, 'sec-fetch-site');
  return site === undefined || site === 'same-origin';
}
