import { describe, expect, it } from 'vitest';
import { dismissMail } from '../../../functions/domain/triage/dismiss-mail.js';
import { TriageAlreadyResolvedError, TriageEntryNotFoundError } from '../../../functions/domain/triage/triage-errors.js';
import { turnMailIntoCase } from '../../../functions/domain/triage/turn-mail-into-case.js';
import { collect } from '../email-intake/in-memory-inbox-store.js';
import { aRecognition } from '../email-intake/intake-fixture.js';
import { ACTOR, setUpTriage } from './triage-fixture.js';

const REASON = 'Spørsmål om faktura, sendt videre til regnskap.';

describe('dismissMail', () => {
  it('takes the mail off the triage list and keeps the reason, who and when on its log line', async () => {
    const { deps, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-d1', { recognition: aRecognition({ types: [], category: 'billing', confidence: 0.9 }) });
    const result = await dismissMail(deps, { inboxId, reason: `  ${REASON}  `, actor: ACTOR });
    const resolution = { outcome: 'dismissed', reason: REASON, by: ACTOR, at: '2026-11-26T09:00:00.000Z' };
    expect(result).toEqual({ ok: true, resolution });
    expect(await collect(inbox.listTriage())).toEqual([]);
    expect(inbox.log.get(inboxId)).toMatchObject({ outcome: 'triage', triageReason: 'not_a_request', resolution });
    expect(await inbox.getTriage(inboxId)).toMatchObject({ reason: 'not_a_request', resolution });
  });

  it.each([
    ['no reason', undefined],
    ['a blank one', '    '],
    ['two letters', 'ok'],
    ['more than 500 characters', 'x'.repeat(501)],
  ])('asks for a reason of 3–500 characters when given %s, and leaves the entry listed', async (_, reason) => {
    const { deps, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-d2');
    expect(await dismissMail(deps, { inboxId, reason, actor: ACTOR })).toEqual({
      ok: false,
      errors: [{ field: 'reason', message: 'Skriv hvorfor e-posten avvises (3–500 tegn). Begrunnelsen lagres i innboksloggen.' }],
    });
    expect((await collect(inbox.listTriage())).map((entry) => entry.inboxId)).toEqual([inboxId]);
  });

  it('gives the first dismissal back to a double click by the same person, but refuses a colleague’s second decision', async () => {
    const { deps, triaged } = setUpTriage();
    const inboxId = await triaged('ses-d3');
    const first = await dismissMail(deps, { inboxId, reason: REASON, actor: ACTOR });
    expect(await dismissMail(deps, { inboxId, reason: 'Spam', actor: ACTOR })).toEqual(first);
    const colleague = dismissMail(deps, { inboxId, reason: 'Spam', actor: 'staff:per' });
    await expect(colleague).rejects.toBeInstanceOf(TriageAlreadyResolvedError);
    await expect(colleague).rejects.toMatchObject({ resolution: { outcome: 'dismissed', by: ACTOR, reason: REASON } });
  });

  it('refuses to dismiss a mail that became a case, and an unknown mail', async () => {
    const { deps, triaged } = setUpTriage();
    const inboxId = await triaged('ses-d4');
    await turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR });
    await expect(dismissMail(deps, { inboxId, reason: REASON, actor: ACTOR })).rejects.toBeInstanceOf(TriageAlreadyResolvedError);
    await expect(dismissMail(deps, { inboxId: 'ses-none', reason: REASON, actor: ACTOR })).rejects.toBeInstanceOf(TriageEntryNotFoundError);
  });

  it('logs the inbox id only, never the reason', async () => {
    const { deps, log, triaged } = setUpTriage();
    const inboxId = await triaged('ses-d5');
    await dismissMail(deps, { inboxId, reason: REASON, actor: ACTOR });
    expect(log.events()).toContain('triage.dismissed');
    expect(log.lines.join('\n')).not.toContain(REASON);
  });
});
