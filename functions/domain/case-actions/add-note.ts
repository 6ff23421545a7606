import type { RequestStore } from '../request/request-store.js';
import type { StoreDeps } from '../request/request-store.js';
import { NoteTextInvalidError } from './case-action-errors.js';
import { staffUsername } from '../staff-auth/staff-identity.js';

export const MAX_NOTE_LENGTH = 2000;

export interface AddNoteInput {
  readonly requestId: string;
  /** `staff:<username>`. */
  readonly actor: string;
  readonly text: string;
}

/**
 * Adds a staff note to the case's audit trail (event `note.added`, the text as its reason). Notes
 * are allowed in any status, closed included, and change nothing else: `appendAudit` leaves the
 * version alone, so a note never makes a running workflow step lose its write.
 *
 * @throws NoteTextInvalidError when the trimmed text is empty or longer than 2000 characters
 * @throws RequestNotFoundError when there is no such request
 */
export async function addNote(
  deps: Pick<StoreDeps, 'now' | 'logger'> & { readonly store: Pick<RequestStore, 'appendAudit'> },
  input: AddNoteInput,
): Promise<{ readonly at: string }> {
  staffUsername(input.actor);
  const text = input.text.trim();
  if (!text || text.length > MAX_NOTE_LENGTH) throw new NoteTextInvalidError(MAX_NOTE_LENGTH);
  const at = deps.now().toISOString();
  await deps.store.appendAudit(input.requestId, {
    requestId: input.requestId,
    at,
    event: 'note.added',
    actor: input.actor,
    reason: text,
  });
  deps.logger.info('case.note_added', { requestId: input.requestId });
  return { at };
}
