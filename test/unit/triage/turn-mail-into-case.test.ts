import { describe, expect, it } from 'vitest';
import { receiveMail } from '../../../functions/domain/intake-mail/receive-mail.js';
import { IdempotencyKeyReusedError } from '../../../functions/domain/request/request-errors.js';
import { systemAddressCheck } from '../../../functions/domain/request/system-addresses.js';
import { validateSubmission } from '../../../functions/domain/request/request-submission.js';
import {
  TriageAlreadyResolvedError,
  TriageEntryNotFoundError,
  TriageMailMissingError,
} from '../../../functions/domain/triage/triage-errors.js';
import { caseDefaultsFromTriage } from '../../../functions/domain/triage/triage-case-form.js';
import { turnMailIntoCase } from '../../../functions/domain/triage/turn-mail-into-case.js';
import { collect } from '../email-intake/in-memory-inbox-store.js';
import { PREFIX, SENDER, aMessage, aRecognition } from '../email-intake/intake-fixture.js';
import { ACTOR, setUpTriage } from './triage-fixture.js';

const MAIL_TEXT = 'Hei, jeg vil gjerne vite hvilke opplysninger dere har om meg.';

describe('turnMailIntoCase', () => {
  it('makes an e-mail case received at the mail’s original time, with the rights staff chose, and starts it', async () => {
    // Prepare: the mail arrived 23 Nov 23:40 Oslo time; staff handle it on the 26th.
    const { deps, requests, workflow, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t1');
    // Act
    const result = await turnMailIntoCase(deps, { inboxId, form: { types: ['access', 'erasure'] }, actor: ACTOR });
    // Assess
    expect(result).toEqual({ ok: true, id: 'NK-20261123-00000001', dueDate: '2026-12-23', created: true });
    expect(await requests.get('NK-20261123-00000001')).toMatchObject({
      channel: 'email',
      types: ['access', 'erasure'],
      receivedAt: '2026-11-23T23:40:00.000+01:00',
      receiptDate: '2026-11-23',
      dueDate: '2026-12-23',
      requester: { name: SENDER.name, email: SENDER.address },
      language: 'nb',
      details: MAIL_TEXT,
      status: 'received',
    });
    expect((await requests.auditTrail('NK-20261123-00000001'))[0]).toMatchObject({ event: 'request.received', actor: ACTOR });
    expect(workflow.started).toEqual(['NK-20261123-00000001']);
  });

  it('resolves the entry with the case: off the triage list, on the log line, on the case’s trail', async () => {
    const { deps, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t2');
    await turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR });
    const resolution = { outcome: 'case', caseId: 'NK-20261123-00000001', by: ACTOR, at: '2026-11-26T09:00:00.000Z' };
    expect(await collect(inbox.listTriage())).toEqual([]);
    expect(await inbox.getTriage(inboxId)).toMatchObject({ reason: 'uncertain', resolution });
    expect(inbox.log.get(inboxId)).toMatchObject({ outcome: 'triage', resolution });
    expect(inbox.caseAudit.get('NK-20261123-00000001')).toEqual([
      {
        requestId: 'NK-20261123-00000001',
        at: '2026-11-26T09:00:00.000Z',
        event: 'mail.triaged',
        actor: ACTOR,
        detail: { inboxId, rawKey: `${PREFIX}${inboxId}`, triageReason: 'uncertain', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', senderAddressTrusted: true, addressCorrected: false },
      },
    ]);
  });

  it('refuses to make a case with the system’s own address as the requester’s, writing nothing', async () => {
    const { deps, requests, workflow, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-own');

    const result = await turnMailIntoCase(
      { ...deps, isSystemAddress: systemAddressCheck(['avsender@obos.no']) },
      { inboxId, form: { types: ['access'], email: 'avsender+x@obos.no' }, actor: ACTOR },
    );

    expect(result).toEqual({ ok: false, errors: [{ field: 'email', message: 'Dette er en av våre egne adresser. Skriv inn din egen e-postadresse.' }] });
    expect(await collect(requests.listAll())).toEqual([]);
    expect(workflow.started).toEqual([]);
    expect((await inbox.getTriage(inboxId))?.resolution).toBeUndefined();
  });

  it('attaches a later reply to the triaged mail to the new case, without restarting the clock', async () => {
    const { deps, arrive, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t3', { message: aMessage({ messageId: '<asked@example.no>' }) });
    const made = await turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR });
    const reply = arrive(
      { message: aMessage({ messageId: '<reply@example.no>', inReplyTo: '<asked@example.no>', ownText: 'Har dere fått den?' }) },
      { sesMessageId: 'ses-reply', receiptTimestamp: '2026-11-27T08:00:00.000Z' },
    );
    const [followUp] = await receiveMail(deps, reply);
    expect(made.ok && followUp).toMatchObject({ outcome: 'follow_up', caseId: made.ok ? made.id : undefined });
    expect(inbox.log.get('ses-reply')?.followUpMatch).toBe('message_reference');
  });

  it('takes the name from the local part when From has no display name, and staff’s corrections over the mail’s', async () => {
    const { deps, requests, triaged } = setUpTriage();
    const plain = await triaged('ses-t4', { message: aMessage({ messageId: '<t4@example.no>', from: { address: 'Ola.N@Example.no' } }) });
    const corrected = await triaged('ses-t5', { message: aMessage({ messageId: '<t5@example.no>' }), recognition: aRecognition({ confidence: 0.4, language: 'en' }) });

    const first = await turnMailIntoCase(deps, { inboxId: plain, form: { types: ['access'] }, actor: ACTOR });
    const second = await turnMailIntoCase(deps, {
      inboxId: corrected,
      form: { types: ['rectification'], name: 'Ola Kristian Nordmann', email: 'ola.k@example.no', language: 'nb' },
      actor: ACTOR,
    });

    expect(first.ok && (await requests.get(first.id))).toMatchObject({ requester: { name: 'ola.n', email: 'ola.n@example.no' } });
    expect(second.ok && (await requests.get(second.id))).toMatchObject({
      requester: { name: 'Ola Kristian Nordmann', email: 'ola.k@example.no' },
      language: 'nb',
      details: MAIL_TEXT,
    });
  });

  it('offers the mail’s sender, recognised language and suggested rights as the form’s defaults', async () => {
    const { inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t6', { recognition: aRecognition({ types: ['erasure'], confidence: 0.6, language: 'sv' }) });
    const entry = await inbox.getTriage(inboxId);
    expect(entry && caseDefaultsFromTriage(entry)).toEqual({ name: SENDER.name, email: SENDER.address, language: 'nb', types: ['erasure'] });
  });

  it('offers nynorsk as the answer language for a mail recognised as nynorsk', async () => {
    const { inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t6-nn', { recognition: aRecognition({ types: ['access'], confidence: 0.6, language: 'nn' }) });
    const entry = await inbox.getTriage(inboxId);
    expect(entry && caseDefaultsFromTriage(entry)).toMatchObject({ language: 'nn' });
  });

  it('returns the public form’s messages and writes nothing when no right is chosen', async () => {
    const { deps, requests, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t7');
    const result = await turnMailIntoCase(deps, { inboxId, form: { types: [] }, actor: ACTOR });
    const form = validateSubmission({ name: 'x', email: SENDER.address, types: [], language: 'nb' }, 'nb');
    expect(result).toEqual({ ok: false, errors: form.ok ? [] : form.errors });
    expect(requests.size).toBe(0);
    expect(await inbox.getTriage(inboxId)).not.toHaveProperty('resolution');
  });

  it('asks for an address when the mail had no usable sender, and makes the case with the one staff give', async () => {
    const { deps, requests, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t8', {
      message: aMessage({ messageId: '<t8@example.no>', from: undefined }),
      recognition: aRecognition({ confidence: 0.9 }),
    });
    const missing = await turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR });
    expect(missing.ok ? [] : missing.errors.map((error) => error.field)).toEqual(['name', 'email']);
    const made = await turnMailIntoCase(deps, { inboxId, form: { types: ['access'], name: 'Kari', email: 'kari@example.no' }, actor: ACTOR });
    expect(made.ok && (await requests.get(made.id))).toMatchObject({ requester: { name: 'Kari', email: 'kari@example.no' } });
  });

  it('makes one case for a double click, whether the clicks overlap or follow each other', async () => {
    const { deps, requests, workflow, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t9');
    const input = { inboxId, form: { types: ['access'] }, actor: ACTOR };
    const [a, b] = await Promise.all([turnMailIntoCase(deps, input), turnMailIntoCase(deps, input)]);
    const c = await turnMailIntoCase(deps, input);
    expect(requests.size).toBe(1);
    for (const result of [a, b, c]) expect(result).toMatchObject({ ok: true, id: 'NK-20261123-00000001', dueDate: '2026-12-23' });
    expect([a, b, c].filter((result) => result.ok && result.created)).toHaveLength(1);
    expect(inbox.caseAudit.get('NK-20261123-00000001')?.filter((entry) => entry.event === 'mail.triaged')).toHaveLength(1);
    expect(new Set(workflow.started)).toEqual(new Set(['NK-20261123-00000001']));
  });

  it('finishes on a retry after resolving failed: the same case, resolved once, and only then started', async () => {
    const { deps, requests, workflow, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t10');
    const resolve = inbox.resolveTriage.bind(inbox);
    let failures = 1;
    inbox.resolveTriage = async (...args) => {
      if (failures-- > 0) throw new Error('TransactionConflict');
      return resolve(...args);
    };
    const input = { inboxId, form: { types: ['access'] }, actor: ACTOR };
    await expect(turnMailIntoCase(deps, input)).rejects.toThrow('TransactionConflict');
    expect(workflow.started).toEqual([]);
    expect(await turnMailIntoCase(deps, input)).toMatchObject({ ok: true, id: 'NK-20261123-00000001', created: false });
    expect(requests.size).toBe(1);
    expect(workflow.started).toEqual(['NK-20261123-00000001']);
    expect((await inbox.getTriage(inboxId))?.resolution).toMatchObject({ outcome: 'case', caseId: 'NK-20261123-00000001' });
  });

  it('refuses a retry that changes the corrections after the case was stored with others', async () => {
    const { deps, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t11');
    const resolve = inbox.resolveTriage.bind(inbox);
    inbox.resolveTriage = async () => {
      inbox.resolveTriage = resolve;
      throw new Error('TransactionConflict');
    };
    await expect(turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR })).rejects.toThrow();
    await expect(turnMailIntoCase(deps, { inboxId, form: { types: ['erasure'] }, actor: ACTOR })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('refuses a dismissed mail and an unknown one with typed errors', async () => {
    const { deps, inbox, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t12');
    await inbox.resolveTriage(inboxId, { outcome: 'dismissed', reason: 'Faktura' }, 'staff:per', '2026-11-26T08:00:00.000Z');
    await expect(turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR })).rejects.toBeInstanceOf(
      TriageAlreadyResolvedError,
    );
    await expect(turnMailIntoCase(deps, { inboxId: 'ses-none', form: { types: ['access'] }, actor: ACTOR })).rejects.toBeInstanceOf(
      TriageEntryNotFoundError,
    );
  });

  it('stores nothing when the raw mail is gone', async () => {
    const { deps, requests, bucket, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t13');
    bucket.delete(`${PREFIX}${inboxId}`);
    await expect(turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR })).rejects.toBeInstanceOf(
      TriageMailMissingError,
    );
    expect(requests.size).toBe(0);
  });

  it('logs identifiers only: no sender, address or mail text', async () => {
    const { deps, log, triaged } = setUpTriage();
    const inboxId = await triaged('ses-t14');
    await turnMailIntoCase(deps, { inboxId, form: { types: ['access'] }, actor: ACTOR });
    expect(log.events()).toContain('triage.case_created');
    const logged = log.lines.join('\n');
    for (const personal of [SENDER.name, SENDER.address, MAIL_TEXT]) expect(logged).not.toContain(personal);
  });
});

describe('turnMailIntoCase for a mail written on someone else’s behalf', () => {
  it('makes the sender the representative and the person staff name the data subject; the case waits for the mandate', async () => {
    const { deps, requests, triaged } = setUpTriage();
    const inboxId = await triaged('ses-behalf-1');
    const form = { types: ['access'], on_behalf_relation: 'parent', subject_name: 'Lille Nordmann', subject_email: 'lille.nordmann@example.no' };
    const result = await turnMailIntoCase(deps, { inboxId, form, actor: ACTOR });
    expect(result.ok).toBe(true);
    const request = await requests.get(result.ok ? result.id : '');
    expect(request).toMatchObject({
      requester: { name: 'Lille Nordmann', email: 'lille.nordmann@example.no' },
      representative: { name: SENDER.name, relation: 'parent', email: SENDER.address },
      details: MAIL_TEXT,
    });
    expect(request?.mandate).toBeUndefined();
  });

  it('refuses a data subject without a relation, with the error by the relation control, and makes no case', async () => {
    const { deps, requests, triaged } = setUpTriage();
    const inboxId = await triaged('ses-behalf-2');
    const result = await turnMailIntoCase(deps, { inboxId, form: { types: ['access'], subject_name: 'Lille Nordmann', subject_email: 'lille.nordmann@example.no' }, actor: ACTOR });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'on_behalf_relation' }] });
    expect(requests.size).toBe(0);
  });
});
