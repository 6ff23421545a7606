import { NotStaffActorError } from './case-action-errors.js';

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
