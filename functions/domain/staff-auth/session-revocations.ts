import { createHash } from 'node:crypto';

/**
 * Sessions ended by signing out. A signed token stays valid until it expires, so the server keeps
 * the ended ones (by hash, never the token) until then and the staff gate refuses them: signing out
 * really ends the session, even for a copy of the token taken earlier.
 */
export interface SessionRevocations {
  revoke(tokenHash: string, until: Date): Promise<void>;
  isRevoked(tokenHash: string): Promise<boolean>;
}

/** How a token is named in the revocation list: SHA-256 of the whole token, hex. */
export const sessionTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The longest a console token lives; kept when the token's own expiry cannot be read. */
const MAX_TOKEN_HOURS = 24;

/** Until when a revocation must be kept: the token's `exp` (read unverified: only a date), else the longest lifetime. */
export function revocationUntil(token: string, now: Date): Date {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof payload.exp === 'number' && payload.exp * 1000 > now.getTime()) {
      return new Date(Math.min(payload.exp * 1000, now.getTime() + MAX_TOKEN_HOURS * 3_600_000));
    }
  } catch {
    // Not a readable JWT: keep it for the longest lifetime.
  }
  return new Date(now.getTime() + MAX_TOKEN_HOURS * 3_600_000);
}
