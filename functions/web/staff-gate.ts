import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import {
  authorizeStaff,
  readCookie,
  SESSION_COOKIE,
  sessionTokenFrom,
  sessionTokenHash,
  type SessionRevocations,
  type StaffIdentity,
  type StaffTokenVerifier,
} from '../domain/staff-auth/index.js';
import { routeByKey } from '../http/routes.js';

/** Who passed the gate, with the token they came with and how (cookie or bearer header). */
export interface StaffCaller {
  readonly identity: StaffIdentity;
  readonly token: string;
  /** True when the token came from the session cookie: such a POST must also prove its CSRF token. */
  readonly viaCookie: boolean;
  /** `staff:<username>`, as audit trails record staff. */
  readonly actor: string;
}

export type StaffGateResult = { readonly ok: true; readonly caller: StaffCaller } | { readonly ok: false; readonly status: 401 | 403 };

/** A route that the table marks `public` was sent through the staff gate: a wiring fault. */
export class NotAStaffRouteError extends Error {
  override readonly name = 'NotAStaffRouteError';
}

/**
 * The check in front of every staff route: the group is the one the shared route table names for
 * the event's route, so what API Gateway routes and what the function demands cannot drift apart.
 * 401 without a valid token (or with one whose session was signed out, when `revocations` is
 * given), 403 with a valid token of a person outside that group.
 */
export async function staffGate(
  verifier: StaffTokenVerifier,
  event: APIGatewayProxyEventV2,
  revocations?: SessionRevocations,
): Promise<StaffGateResult> {
  const route = routeByKey(event.routeKey);
  if (route === undefined || route.auth === 'public') throw new NotAStaffRouteError(`not a staff route: ${event.routeKey}`);
  const carrier = { cookies: event.cookies, headers: event.headers };
  const token = sessionTokenFrom(carrier);
  const result = await authorizeStaff(verifier, { token }, route.auth);
  if (!result.ok) return result;
  // A signed-out session's token is still well signed; the server's list says it has ended.
  if (revocations && (await revocations.isRevoked(sessionTokenHash(token as string)))) return { ok: false, status: 401 };
  return {
    ok: true,
    caller: {
      identity: result.identity,
      token: token as string,
      viaCookie: readCookie(carrier, SESSION_COOKIE) !== undefined,
      actor: `staff:${result.identity.username}`,
    },
  };
}
