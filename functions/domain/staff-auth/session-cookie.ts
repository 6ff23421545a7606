import { headerValue, type RequestHeaders } from './request-headers.js';

/** The cookie that carries a console session: the staff member's ID token. */
export const SESSION_COOKIE = 'dsr_session';

/** The parts of an HTTP API event (payload 2.0) that carry cookies. */
export interface CookieCarrier {
  /** API Gateway v2 moves the `Cookie` header into this array, one `name=value` per entry. */
  readonly cookies?: readonly string[];
  readonly headers: RequestHeaders;
}

export interface SessionCookieOptions {
  /** Add `Secure`; false only for plain-HTTP localhost (see {@link isSecureOrigin}). */
  readonly secure: boolean;
  /** Should match the token's lifetime, so the browser drops the cookie when the token expires. */
  readonly maxAgeSeconds: number;
}

/** Characters of a JWT; anything else would break out of the cookie's value. */
const COOKIE_VALUE = /^[A-Za-z0-9._-]+$/;

const attributes = (secure: boolean): string => `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;

/**
 * The `Set-Cookie` value that starts a session. HttpOnly keeps the token from page scripts;
 * SameSite=Strict keeps the browser from sending it with a request another site starts (the first
 * line of defence against cross-site request forgery, with `csrf.ts` the second).
 */
export function sessionCookie(token: string, options: SessionCookieOptions): string {
  if (!COOKIE_VALUE.test(token)) throw new TypeError('a session token must be a JWT');
  if (!Number.isInteger(options.maxAgeSeconds) || options.maxAgeSeconds <= 0) {
    throw new RangeError('a session cookie needs a positive whole number of seconds');
  }
  return `${SESSION_COOKIE}=${token}; ${attributes(options.secure)}; Max-Age=${options.maxAgeSeconds}`;
}

/** The `Set-Cookie` value that ends a session (sign-out), with the attributes it was set with. */
export function clearSessionCookie(options: { readonly secure: boolean }): string {
  return `${SESSION_COOKIE}=; ${attributes(options.secure)}; Max-Age=0`;
}

function fromPairs(pairs: Iterable<string>, name: string): string | undefined {
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    const unquoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
    if (unquoted !== '') return unquoted;
  }
  return undefined;
}

/**
 * A cookie's value from an HTTP API event: from `event.cookies` (API Gateway v2) or from a raw
 * `Cookie` header (the local gateway, tests). `undefined` when absent or empty.
 */
export function readCookie(event: CookieCarrier, name: string): string | undefined {
  const fromArray = event.cookies ? fromPairs(event.cookies.flatMap((entry) => entry.split(';')), name) : undefined;
  if (fromArray !== undefined) return fromArray;
  const header = headerValue(event.headers, 'cookie');
  return header === undefined ? undefined : fromPairs(header.split(';'), name);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether cookies for this base URL must be `Secure`. Only plain-HTTP loopback (local mode) is
 * not; anything else, including a URL that does not parse, is treated as secure, so a mistake
 * fails closed (the browser refuses the cookie) rather than sending a session in clear text.
 */
export function isSecureOrigin(baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return true;
  }
  return !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}
