import { headerValue } from './request-headers.js';
import { readCookie, SESSION_COOKIE, type CookieCarrier } from './session-cookie.js';
import type { StaffGroup, StaffIdentity } from './staff-identity.js';
import { InvalidStaffTokenError, type StaffTokenVerifier } from './token-verifier.js';

/** The outcome of {@link authorizeStaff}: the identity, or the HTTP status to answer with. */
export type StaffAuthorization =
  | { readonly ok: true; readonly identity: StaffIdentity }
  | { readonly ok: false; readonly status: 401 | 403 };

/** Which groups may use a route that requires a group: privacy officers may do all that staff may. */
const ACCEPTED: Readonly<Record<StaffGroup, readonly StaffGroup[]>> = {
  staff: ['staff', 'privacy-officer'],
  'privacy-officer': ['privacy-officer'],
};

/** Whether an identity may use a route that requires `required`. */
export const hasStaffGroup = (identity: StaffIdentity, required: StaffGroup): boolean =>
  identity.groups.some((group) => ACCEPTED[required].includes(group));

/**
 * The gate in front of every console page and console API route: 401 without a valid token,
 * 403 with a valid token but not the group the route requires. Faults other than a bad token
 * (the key set cannot be fetched) are thrown, so they surface as server errors rather than
 * signing everyone out.
 */
export async function authorizeStaff(
  verifier: StaffTokenVerifier,
  request: { readonly token: string | undefined },
  required: StaffGroup,
): Promise<StaffAuthorization> {
  if (!request.token) return { ok: false, status: 401 };
  let identity: StaffIdentity;
  try {
    identity = await verifier.verify(request.token);
  } catch (error) {
    if (error instanceof InvalidStaffTokenError) return { ok: false, status: 401 };
    throw error;
  }
  return hasStaffGroup(identity, required) ? { ok: true, identity } : { ok: false, status: 403 };
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9._-]+)[ ]*$/i;

/**
 * The session token of a request: the session cookie (console pages) or else an
 * `Authorization: Bearer` header (API clients and tests).
 */
export function sessionTokenFrom(event: CookieCarrier): string | undefined {
  const cookie = readCookie(event, SESSION_COOKIE);
  if (cookie !== undefined) return cookie;
  const authorization = headerValue(event.headers, 'authorization');
  return authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
}
