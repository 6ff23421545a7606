/**
 * The Cognito groups the console knows. `staff` handles requests; `privacy-officer` (personvernombud)
 * also decides what only the privacy officer may decide. Any other group a token carries is ignored,
 * so a group added in Cognito by mistake grants nothing here.
 */
export const STAFF_GROUPS = ['staff', 'privacy-officer'] as const;

/** One of {@link STAFF_GROUPS}. */
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/** A signed-in staff member, as every console page and API route sees them. */
export interface StaffIdentity {
  /** The Cognito username (or the local user's name); recorded in the audit trail as `staff:<username>`. */
  readonly username: string;
  /** Only the groups the console knows; may be empty (signed in, but allowed nothing). */
  readonly groups: readonly StaffGroup[];
}

/**
 * The usernames the audit trail accepts (the same rule as `staffActor`): no spaces, quotes or
 * separators, so an actor string can never be confused with another field.
 */
export const STAFF_USERNAME_PATTERN = /^[\w.@+-]{1,100}$/;

export const isStaffGroup = (value: unknown): value is StaffGroup =>
  typeof value === 'string' && (STAFF_GROUPS as readonly string[]).includes(value);

/**
 * Builds a {@link StaffIdentity} from untrusted values (token claims, the local users file):
 * `undefined` when the username is not a valid audit-trail name; unknown groups are dropped and
 * duplicates removed.
 */
export function toStaffIdentity(username: unknown, groups: unknown): StaffIdentity | undefined {
  if (typeof username !== 'string' || !STAFF_USERNAME_PATTERN.test(username)) return undefined;
  const known = Array.isArray(groups) ? groups.filter(isStaffGroup) : [];
  return { username, groups: [...new Set(known)] };
}

/** The actor is not `staff:<username>`: only a signed-in staff member acts on a case. */
export class NotStaffActorError extends Error {
  override readonly name = 'NotStaffActorError';
  constructor() {
    super('case actions are taken by a signed-in staff member');
  }
}

const STAFF_ACTOR = /^staff:(.{1,100})$/s;

/**
 * The username in an actor string `staff:<username>`, as the staff API records who acted.
 *
 * @throws NotStaffActorError for a system actor or an empty or over-long username
 */
export function staffUsername(actor: string): string {
  const username = STAFF_ACTOR.exec(actor)?.[1]?.trim();
  if (!username) throw new NotStaffActorError();
  return username;
}
