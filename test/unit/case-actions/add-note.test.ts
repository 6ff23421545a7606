import { describe, expect, it } from 'vitest';
import { addNote } from '../../../functions/domain/case-actions/add-note.js';
import { NoteTextInvalidError } from '../../../functions/domain/case-actions/case-action-errors.js';
import { NotStaffActorError } from '../../../functions/domain/staff-auth/staff-identity.js';
import { RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import { REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { caseActionsWith } from './case-actions-fixture.js';

describe('addNote', () => {
  it('appends the trimmed text as a note.added entry without changing the request', async () => {
    // Prepare
    const { deps, store, at } = caseActionsWith([{ status: 'awaiting_approval', version: 4 }]);
    // Act
    const result = await addNote(deps, { requestId: REQUEST_ID, actor: 'staff:anne', text: '  Ringte kunden, venter svar.\n' });
    // Assess
    expect(result).toEqual({ at });
    expect(await store.auditTrail(REQUEST_ID)).toEqual([
      { requestId: REQUEST_ID, at, event: 'note.added', actor: 'staff:anne', reason: 'Ringte kunden, venter svar.' },
    ]);
    expect(await store.get(REQUEST_ID)).toMatchObject({ version: 4, status: 'awaiting_approval' });
  });

  it('adds a note to a closed case', async () => {
    const { deps, store } = caseActionsWith([{ status: 'closed' }]);

    await addNote(deps, { requestId: REQUEST_ID, actor: 'staff:anne', text: 'Kunden ringte om saken etter at den var lukket.' });

    expect((await store.auditTrail(REQUEST_ID)).map((entry) => entry.event)).toEqual(['note.added']);
  });

  it.each([
    ['empty', '   \n '],
    ['over 2000 characters', 'x'.repeat(2001)],
  ])('refuses a note that is %s and records nothing', async (_label, text) => {
    const { deps, store } = caseActionsWith([{}]);

    await expect(addNote(deps, { requestId: REQUEST_ID, actor: 'staff:anne', text })).rejects.toThrow(NoteTextInvalidError);
    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });

  it('accepts exactly 2000 characters', async () => {
    const { deps, store } = caseActionsWith([{}]);

    await addNote(deps, { requestId: REQUEST_ID, actor: 'staff:anne', text: 'x'.repeat(2000) });

    expect((await store.auditTrail(REQUEST_ID))[0]?.reason).toHaveLength(2000);
  });

  it('refuses a system actor and an unknown request', async () => {
    const { deps } = caseActionsWith([{}]);

    await expect(addNote(deps, { requestId: REQUEST_ID, actor: 'system:workflow', text: 'Notat' })).rejects.toThrow(NotStaffActorError);
    await expect(addNote(deps, { requestId: 'NK-20261123-NOSUCH00', actor: 'staff:anne', text: 'Notat' })).rejects.toThrow(
      RequestNotFoundError,
    );
  });

  it('keeps the note text out of the log', async () => {
    const { deps, log } = caseActionsWith([{}]);

    await addNote(deps, { requestId: REQUEST_ID, actor: 'staff:anne', text: 'Kari sa at hun flytter til Bergen.' });

    expect(log.events()).toEqual(['case.note_added']);
    expect(log.lines.join('\n')).not.toContain('Bergen');
  });
});
