import { describe, expect, it } from 'vitest';
import { receiveMail } from '../../../functions/domain/intake-mail/receive-mail.js';
import { messageKey } from '../../../functions/domain/intake-mail/message-identity.js';
import { systemAddressCheck } from '../../../functions/domain/request/system-addresses.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { collect } from './in-memory-inbox-store.js';
import { FakeParseError, PREFIX, RECEIPT_TIMESTAMP, SENDER, aMessage, aRecognition, sesEvent, setUp } from './intake-fixture.js';

describe('receiveMail: a recognised request of the sender’s own', () => {
  it('stores one email case received at the SES receipt time in Oslo, not at processing time, and starts its workflow', async () => {
    // Prepare: SES accepted the mail at 23:40 Oslo time; the function runs three days later.
    const { deps, arrive, requests, workflow, inbox } = setUp({ now: '2026-11-26T09:00:00.000Z' });
    const event = arrive({ message: aMessage(), recognition: aRecognition({ types: ['access', 'erasure'] }) }, { sesMessageId: 'ses-0001' });
    // Act
    const [result] = await receiveMail(deps, event);
    // Assess
    expect(result).toEqual({ inboxId: 'ses-0001', outcome: 'case', caseId: 'NK-20261123-00000001', recorded: true });
    const stored = await requests.get('NK-20261123-00000001');
    expect(stored).toMatchObject({
      channel: 'email',
      types: ['access', 'erasure'],
      receivedAt: '2026-11-23T23:40:00.000+01:00',
      receiptDate: '2026-11-23',
      dueDate: '2026-12-23',
      requester: { name: SENDER.name, email: SENDER.address },
      language: 'nb',
      details: 'Hei, jeg vil gjerne vite hvilke opplysninger dere har om meg.',
      status: 'received',
    });
    expect(workflow.started).toEqual(['NK-20261123-00000001']);
    expect(inbox.log.get('ses-0001')).toMatchObject({
      outcome: 'case',
      caseId: 'NK-20261123-00000001',
      rawKey: `${PREFIX}ses-0001`,
      receivedAt: '2026-11-23T23:40:00.000+01:00',
      autoAnswer: { allowed: true, blockedBy: [] },
    });
    expect(inbox.caseAudit.get('NK-20261123-00000001')).toEqual([
      expect.objectContaining({
        event: 'mail.request_received',
        actor: 'system:email-intake',
        detail: expect.objectContaining({ inboxId: 'ses-0001', rawKey: `${PREFIX}ses-0001`, senderAddressTrusted: true }),
      }),
    ]);
  });

  it('takes the receipt date in Oslo, not in UTC, for a mail that arrived at 00:30 Oslo time', async () => {
    const { deps, arrive, requests } = setUp();
    const event = arrive({}, { sesMessageId: 'ses-0002', receiptTimestamp: '2026-11-30T23:30:00.000Z' });
    const [result] = await receiveMail(deps, event);
    expect(await requests.get(result!.caseId!)).toMatchObject({ receivedAt: '2026-12-01T00:30:00.000+01:00', receiptDate: '2026-12-01' });
  });

  it.each([
    ['nn', 'nn'],
    ['sv', 'nb'],
    ['da', 'nb'],
    ['en', 'en'],
  ] as const)('answers a mail recognised as %s in %s', async (language, letters) => {
    const { deps, arrive, requests } = setUp();
    const [result] = await receiveMail(deps, arrive({ recognition: aRecognition({ language }) }, { sesMessageId: `ses-${language}` }));
    expect((await requests.get(result!.caseId!))?.language).toBe(letters);
  });

  it('cuts the details at the form’s 5000 characters and uses the address when From has no name', async () => {
    const { deps, arrive, requests } = setUp();
    const message = aMessage({ ownText: 'x'.repeat(6000), from: { address: 'Ola.Nordmann@Example.no' } });
    const [result] = await receiveMail(deps, arrive({ message }, { sesMessageId: 'ses-long' }));
    const stored = await requests.get(result!.caseId!);
    expect(stored?.details).toHaveLength(5000);
    expect(stored?.requester).toEqual({ name: 'ola.nordmann@example.no', email: 'ola.nordmann@example.no' });
  });
});

describe('receiveMail: the same Message-ID twice', () => {
  it('makes one case; the second delivery is logged as a duplicate of the first', async () => {
    const { deps, arrive, requests, workflow, inbox } = setUp();
    const message = aMessage({ messageId: '<same@example.no>' });
    const first = await receiveMail(deps, arrive({ message }, { sesMessageId: 'ses-a' }));
    const second = await receiveMail(deps, arrive({ message: { ...message } }, { sesMessageId: 'ses-b', receiptTimestamp: '2026-11-24T08:00:00.000Z' }));
    expect(first[0]?.outcome).toBe('case');
    expect(second[0]).toEqual({ inboxId: 'ses-b', outcome: 'duplicate', caseId: first[0]!.caseId, recorded: true });
    expect(inbox.log.get('ses-b')).toMatchObject({ outcome: 'duplicate', duplicateOf: 'ses-a', caseId: first[0]!.caseId });
    expect(requests.size).toBe(1);
    expect(workflow.started).toHaveLength(1);
  });

  it('finishes a retried delivery with the same outcome and no second case, answer or log line', async () => {
    const { deps, arrive, requests, workflow, inbox } = setUp();
    const event = arrive({}, { sesMessageId: 'ses-retry' });
    const first = await receiveMail(deps, event);
    const retry = await receiveMail(deps, event);
    expect(retry).toEqual([{ ...first[0], recorded: false }]);
    expect(requests.size).toBe(1);
    expect(inbox.entries()).toHaveLength(1);
    // Starting again is harmless (the execution name is the request id), but no second request exists.
    expect(new Set(workflow.started)).toEqual(new Set([first[0]!.caseId]));
  });

  it('resumes a delivery that crashed after the case was stored but before its outcome was written', async () => {
    const { deps, arrive, requests, inbox } = setUp();
    const event = arrive({}, { sesMessageId: 'ses-crash' });
    const record = inbox.recordOutcome.bind(inbox);
    inbox.recordOutcome = async () => {
      throw Object.assign(new Error('connection reset'), { name: 'ECONNRESET' });
    };
    await expect(receiveMail(deps, event)).rejects.toThrow('connection reset');
    inbox.recordOutcome = record;
    const [result] = await receiveMail(deps, event);
    expect(result).toMatchObject({ outcome: 'case', recorded: true });
    expect(requests.size).toBe(1);
  });

  it('keys a mail without Message-ID by its SES id, so its retry is not a second case', async () => {
    const { deps, arrive, requests } = setUp();
    const event = arrive({ message: aMessage({ messageId: undefined }) }, { sesMessageId: 'ses-noid' });
    await receiveMail(deps, event);
    await receiveMail(deps, event);
    expect(requests.size).toBe(1);
  });
});

describe('receiveMail: follow-ups', () => {
  it('attaches a reply naming the first mail in In-Reply-To to its case without restarting the clock', async () => {
    const { deps, arrive, requests, workflow, inbox } = setUp();
    const [first] = await receiveMail(deps, arrive({ message: aMessage({ messageId: '<req-1@example.no>' }) }, { sesMessageId: 'ses-1' }));
    const before = await requests.get(first!.caseId!);
    const reply = aMessage({ messageId: '<reply-1@example.no>', inReplyTo: '<req-1@example.no>', subject: 'Re: Innsyn', ownText: 'Jeg har ikke fått svar.' });

    const [result] = await receiveMail(deps, arrive({ message: reply }, { sesMessageId: 'ses-2', receiptTimestamp: '2026-12-20T10:00:00.000Z' }));

    expect(result).toEqual({ inboxId: 'ses-2', outcome: 'follow_up', caseId: first!.caseId, recorded: true });
    expect(requests.size).toBe(1);
    expect(workflow.started).toEqual([first!.caseId]);
    expect(await requests.get(first!.caseId!)).toEqual(before);
    expect(inbox.caseAudit.get(first!.caseId!)?.at(-1)).toMatchObject({
      event: 'mail.followup_received',
      requestId: first!.caseId,
      detail: expect.objectContaining({ inboxId: 'ses-2', matchedBy: 'message_reference', fromRequester: true, receivedAt: '2026-12-20T11:00:00.000+01:00' }),
    });
    expect(inbox.log.get('ses-2')).toMatchObject({ outcome: 'follow_up', caseId: first!.caseId, followUpMatch: 'message_reference' });
  });

  it('follows a thread through References, also past an earlier follow-up', async () => {
    const { deps, arrive } = setUp();
    const [first] = await receiveMail(deps, arrive({ message: aMessage({ messageId: '<r1@x.no>' }) }, { sesMessageId: 'ses-r1' }));
    await receiveMail(deps, arrive({ message: aMessage({ messageId: '<r2@x.no>', inReplyTo: '<r1@x.no>' }) }, { sesMessageId: 'ses-r2' }));
    // A client that keeps only the last reference still finds the case through the follow-up.
    const third = aMessage({ messageId: '<r3@x.no>', references: ['<r2@x.no>'] });
    const [result] = await receiveMail(deps, arrive({ message: third }, { sesMessageId: 'ses-r3' }));
    expect(result).toMatchObject({ outcome: 'follow_up', caseId: first!.caseId });
  });

  it('attaches a mail whose subject names a stored case reference', async () => {
    const { deps, arrive, requests, inbox } = setUp();
    requests.seed(aRightsRequest({ id: 'NK-20261101-7KQ4M2PX', requester: { name: 'Kari', email: 'kari@example.no' } }));
    const message = aMessage({ messageId: '<other@example.no>', subject: 'SV: Vi har mottatt henvendelsen din – referanse nk-20261101-7kq4m2px' });
    const [result] = await receiveMail(deps, arrive({ message }, { sesMessageId: 'ses-subj' }));
    expect(result).toMatchObject({ outcome: 'follow_up', caseId: 'NK-20261101-7KQ4M2PX' });
    expect(inbox.caseAudit.get('NK-20261101-7KQ4M2PX')?.[0]?.detail).toMatchObject({ matchedBy: 'subject_reference', fromRequester: false });
  });

  it('does not treat a reference to a case that does not exist as a follow-up', async () => {
    const { deps, arrive } = setUp();
    const message = aMessage({ subject: 'Angående NK-20261101-ZZZZZZZZ' });
    const [result] = await receiveMail(deps, arrive({ message }, { sesMessageId: 'ses-nocase' }));
    expect(result?.outcome).toBe('case');
  });

  it('sends a breach reported in reply to our letter to urgent triage, pointing at the case', async () => {
    const { deps, arrive, inbox } = setUp();
    const [first] = await receiveMail(deps, arrive({ message: aMessage({ messageId: '<b1@x.no>' }) }, { sesMessageId: 'ses-b1' }));
    const breach = aMessage({ messageId: '<b2@x.no>', inReplyTo: '<b1@x.no>', ownText: 'Jeg fikk en annen kundes faktura.' });
    const [result] = await receiveMail(deps, arrive({ message: breach, recognition: aRecognition({ types: [], possibleBreach: true }) }, { sesMessageId: 'ses-b2' }));
    expect(result).toMatchObject({ outcome: 'triage', caseId: first!.caseId });
    expect(inbox.triage[0]).toMatchObject({ reason: 'possible_breach', urgent: true, relatedCaseId: first!.caseId });
    expect(inbox.caseAudit.get(first!.caseId!)?.at(-1)).toMatchObject({ event: 'mail.followup_received', detail: expect.objectContaining({ routedTo: 'triage' }) });
  });
});

describe('receiveMail: loop safety', () => {
  const blocked = [
    ['Auto-Submitted: auto-replied', { 'auto-submitted': 'auto-replied' }, 'auto_submitted'],
    ['Auto-Submitted: auto-generated', { 'auto-submitted': 'auto-generated' }, 'auto_submitted'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'precedence_bulk'],
    ['Precedence: junk', { precedence: 'junk' }, 'precedence_bulk'],
    ['Precedence: list', { precedence: 'list' }, 'precedence_bulk'],
    ['a repeated Precedence header', { precedence: 'normal\nbulk' }, 'precedence_bulk'],
    ['List-Id', { 'list-id': '<beboere.example.no>' }, 'mailing_list'],
    ['List-Unsubscribe', { 'list-unsubscribe': '<mailto:u@example.no>' }, 'mailing_list'],
    ['Return-Path: <>', { 'return-path': '<>' }, 'null_return_path'],
    ['Return-Path: <> above an older one', { 'return-path': '<>\n<ola.nordmann@example.no>' }, 'null_return_path'],
    ['an empty Return-Path', { 'return-path': '' }, 'null_return_path'],
    ['X-Auto-Response-Suppress: All', { 'x-auto-response-suppress': 'All' }, 'auto_reply_marker'],
  ] as const;

  it.each(blocked)('stores the case but holds it for staff, with no automatic answer, for %s', async (_, headers, blocker) => {
    const { deps, arrive, requests, workflow, inbox } = setUp();
    const [result] = await receiveMail(deps, arrive({ message: aMessage({ headers }) }, { sesMessageId: 'ses-loop' }));
    expect(result?.outcome).toBe('case');
    expect(workflow.started).toEqual([]);
    expect(await requests.get(result!.caseId!)).toMatchObject({ status: 'needs_attention', channel: 'email' });
    expect(inbox.log.get('ses-loop')?.autoAnswer).toEqual({ allowed: false, blockedBy: [blocker] });
    const trail = await requests.auditTrail(result!.caseId!);
    expect(trail.at(-1)).toMatchObject({ event: 'status.changed', toStatus: 'needs_attention', detail: { autoAnswerBlockedBy: [blocker] } });
  });

  it.each([
    ['MAILER-DAEMON@mx.example.no', 'system_sender'],
    ['postmaster@example.no', 'system_sender'],
    ['no-reply@example.no', 'system_sender'],
  ])('never answers mail from %s automatically', async (address, blocker) => {
    const { deps, arrive, workflow, inbox } = setUp();
    await receiveMail(deps, arrive({ message: aMessage({ from: { address } }) }, { sesMessageId: 'ses-sys' }));
    expect(workflow.started).toEqual([]);
    expect(inbox.log.get('ses-sys')?.autoAnswer?.blockedBy).toContain(blocker);
  });

  it.each([
    'naerkontor@obos.no',
    'Naerkontor+loop@OBOS.no',
    'personvern@obos.no',
    'avsender@obos.no',
    'digest@obos.no',
    'bounce-1234@bounce.obos.no',
    'anything@mail.bounce.example.no',
  ])('makes no case of a request from the system’s own address %s: it goes to staff triage, unanswered', async (address) => {
    const { deps, arrive, requests, workflow, inbox } = setUp();
    const check = systemAddressCheck({ addresses: ['avsender@obos.no', 'digest@obos.no'], domains: ['bounce.example.no'] });

    const [result] = await receiveMail({ ...deps, isSystemAddress: check }, arrive({ message: aMessage({ from: { address } }) }, { sesMessageId: 'ses-own' }));

    expect(result).toMatchObject({ outcome: 'triage', caseId: undefined });
    expect(workflow.started).toEqual([]);
    expect(await collect(requests.listAll())).toEqual([]);
    expect(await inbox.getTriage('ses-own')).toMatchObject({ reason: 'uncertain', note: 'system_address' });
  });

  it('treats an empty envelope sender (a bounce) as a null Return-Path', async () => {
    const { deps, arrive, workflow } = setUp();
    await receiveMail(deps, arrive({}, { sesMessageId: 'ses-bounce', source: '' }));
    expect(workflow.started).toEqual([]);
  });

  it('answers a mail marked Auto-Submitted: no', async () => {
    const { deps, arrive, workflow } = setUp();
    await receiveMail(deps, arrive({ message: aMessage({ headers: { 'auto-submitted': 'no' } }) }, { sesMessageId: 'ses-no' }));
    expect(workflow.started).toHaveLength(1);
  });

  it('holds a case from a mail SES judged spam instead of answering a possibly forged sender', async () => {
    const { deps, arrive, workflow, inbox } = setUp();
    await receiveMail(deps, arrive({}, { sesMessageId: 'ses-spam', verdicts: { spam: 'FAIL' } }));
    expect(workflow.started).toEqual([]);
    expect(inbox.log.get('ses-spam')?.autoAnswer?.blockedBy).toEqual(['spam_verdict']);
  });

  it('keeps a held case held when the delivery is retried', async () => {
    const { deps, arrive, requests, workflow } = setUp();
    const event = arrive({ message: aMessage({ headers: { precedence: 'bulk' } }) }, { sesMessageId: 'ses-held' });
    await receiveMail(deps, event);
    const [again] = await receiveMail(deps, event);
    expect(workflow.started).toEqual([]);
    expect((await requests.get(again!.caseId!))?.status).toBe('needs_attention');
  });
});

describe('receiveMail: automatic answers per sender', () => {
  const request = (n: number) => aMessage({ messageId: `<req-${n}@example.no>`, subject: `Henvendelse ${n}` });

  it('answers at most three mails from one sender in 24 hours and holds the fourth for staff', async () => {
    const { deps, arrive, workflow, inbox, requests } = setUp();
    const results = [];
    for (let n = 1; n <= 4; n++) {
      const at = new Date(Date.parse(RECEIPT_TIMESTAMP) + n * 60 * 60 * 1000).toISOString();
      results.push(...(await receiveMail(deps, arrive({ message: request(n) }, { sesMessageId: `ses-rate-${n}`, receiptTimestamp: at }))));
    }
    expect(results.map((result) => result.outcome)).toEqual(['case', 'case', 'case', 'case']);
    expect(workflow.started).toHaveLength(3);
    expect(inbox.log.get('ses-rate-4')?.autoAnswer).toEqual({ allowed: false, blockedBy: ['rate_limit'] });
    expect((await requests.get(results[3]!.caseId!))?.status).toBe('needs_attention');
  });

  it('answers again once the oldest answer is more than 24 hours old', async () => {
    const { deps, arrive, workflow } = setUp();
    for (let n = 1; n <= 3; n++) await receiveMail(deps, arrive({ message: request(n) }, { sesMessageId: `ses-w-${n}` }));
    const nextDay = new Date(Date.parse(RECEIPT_TIMESTAMP) + 24 * 60 * 60 * 1000 + 1).toISOString();
    await receiveMail(deps, arrive({ message: request(4) }, { sesMessageId: 'ses-w-4', receiptTimestamp: nextDay }));
    expect(workflow.started).toHaveLength(4);
  });

  it('counts senders apart, case-insensitively by address', async () => {
    const { deps, arrive, workflow } = setUp();
    for (let n = 1; n <= 3; n++) await receiveMail(deps, arrive({ message: request(n) }, { sesMessageId: `ses-c-${n}` }));
    await receiveMail(deps, arrive({ message: aMessage({ messageId: '<x@y>', from: { address: 'OLA.NORDMANN@example.no' } }) }, { sesMessageId: 'ses-c-4' }));
    await receiveMail(deps, arrive({ message: aMessage({ messageId: '<z@y>', from: { address: 'kari@example.no' } }) }, { sesMessageId: 'ses-c-5' }));
    expect(workflow.started).toHaveLength(4);
  });
});

describe('receiveMail: quarantine', () => {
  it.each([
    ['UnparseableMessageError', 'unparseable', 'missing_headers'],
    ['MessageTooLargeError', 'too_large', undefined],
  ] as const)('quarantines a mail whose parse throws %s, keeping its raw key', async (errorName, reason, detail) => {
    const { deps, arrive, inbox, requests } = setUp();
    const failure = new FakeParseError(errorName, detail);
    const [result] = await receiveMail(deps, arrive({ unparseable: failure }, { sesMessageId: 'ses-q', subject: 'Hjelp' }));
    expect(result).toEqual({ inboxId: 'ses-q', outcome: 'quarantine', caseId: undefined, recorded: true });
    expect(inbox.quarantine).toEqual([
      expect.objectContaining({ inboxId: 'ses-q', reason, error: errorName, rawKey: `${PREFIX}ses-q`, subject: 'Hjelp', receivedAt: '2026-11-23T23:40:00.000+01:00' }),
    ]);
    expect(inbox.quarantine[0]?.detail).toBe(detail);
    expect(requests.size).toBe(0);
  });

  it('quarantines a mail whose raw object is missing instead of dropping it', async () => {
    const { deps, inbox } = setUp();
    const [result] = await receiveMail(deps, sesEvent({ sesMessageId: 'ses-gone' }));
    expect(result?.outcome).toBe('quarantine');
    expect(inbox.quarantine[0]?.reason).toBe('raw_missing');
  });

  it('quarantines a mail SES found a virus in without parsing it', async () => {
    const { deps, arrive, inbox } = setUp();
    let parsed = false;
    const parse = deps.parse;
    const [result] = await receiveMail(
      { ...deps, parse: async (raw) => ((parsed = true), parse(raw)) },
      arrive({}, { sesMessageId: 'ses-virus', verdicts: { virus: 'FAIL' } }),
    );
    expect(result?.outcome).toBe('quarantine');
    expect(inbox.quarantine[0]?.reason).toBe('virus');
    expect(parsed).toBe(false);
  });
});

describe('receiveMail: triage', () => {
  it.each([
    ['not_a_request', aRecognition({ types: [], category: 'billing', confidence: 0.9 })],
    ['uncertain', aRecognition({ types: ['erasure'], confidence: 0.5 })],
    ['uncertain', aRecognition({ types: [], category: 'other', confidence: 0.4 })],
    ['on_behalf_of_other', aRecognition({ onBehalfOfOther: true })],
    ['third_party', aRecognition({ types: ['access'], confidence: 0.95, onBehalfOfOther: true, thirdParty: true })],
    ['possible_breach', aRecognition({ types: [], possibleBreach: true, category: 'complaint' })],
    ['possible_breach', aRecognition({ onBehalfOfOther: true, possibleBreach: true })],
  ] as const)('lists the mail for staff as %s and starts no case', async (reason, recognition) => {
    const { deps, arrive, inbox, requests, workflow } = setUp();
    const [result] = await receiveMail(deps, arrive({ recognition }, { sesMessageId: 'ses-t' }));
    expect(result).toMatchObject({ outcome: 'triage', recorded: true });
    expect(inbox.triage).toEqual([
      expect.objectContaining({ inboxId: 'ses-t', reason, rawKey: `${PREFIX}ses-t`, recognition, subject: 'Innsyn', from: { ...SENDER } }),
    ]);
    expect(inbox.log.get('ses-t')).toMatchObject({ outcome: 'triage', triageReason: reason });
    expect(requests.size).toBe(0);
    expect(workflow.started).toEqual([]);
  });

  it('marks a possible breach urgent with the Art. 33 72-hour mark, and lists it before older mail', async () => {
    const { deps, arrive, inbox } = setUp();
    const older = aMessage({ messageId: '<older@x.no>' });
    await receiveMail(deps, arrive({ message: older, recognition: aRecognition({ types: [], confidence: 0.9 }) }, { sesMessageId: 'ses-old', receiptTimestamp: '2026-11-20T10:00:00.000Z' }));
    await receiveMail(deps, arrive({ recognition: aRecognition({ types: [], possibleBreach: true }) }, { sesMessageId: 'ses-breach' }));
    const listed = await collect(inbox.listTriage());
    expect(listed.map((entry) => entry.inboxId)).toEqual(['ses-breach', 'ses-old']);
    expect(listed[0]).toMatchObject({ urgent: true, respondBy: '2026-11-26T22:40:00.000Z' });
    expect(listed[1]).toMatchObject({ urgent: false });
    expect(listed[1]?.respondBy).toBeUndefined();
  });

  it('lists a mail for staff as uncertain when recognition itself fails', async () => {
    const { deps, arrive, inbox } = setUp();
    const [result] = await receiveMail(deps, arrive({ recognition: new Error('model missing') }, { sesMessageId: 'ses-rf' }));
    expect(result?.outcome).toBe('triage');
    expect(inbox.triage[0]).toMatchObject({ reason: 'uncertain', note: 'recognition_failed' });
    expect(inbox.triage[0]?.recognition).toBeUndefined();
  });

  it('lists a request without a usable sender address as uncertain', async () => {
    const { deps, arrive, inbox } = setUp();
    const [result] = await receiveMail(deps, arrive({ message: aMessage({ from: undefined }) }, { sesMessageId: 'ses-nofrom' }));
    expect(result?.outcome).toBe('triage');
    expect(inbox.triage[0]).toMatchObject({ reason: 'uncertain', note: 'no_usable_sender' });
  });
});

describe('receiveMail: sender authenticity', () => {
  it('takes in a mail that fails SPF/DKIM/DMARC but marks the case so identity never rests on its sender address', async () => {
    const { deps, arrive, inbox, workflow } = setUp();
    const [result] = await receiveMail(deps, arrive({}, { sesMessageId: 'ses-forged', verdicts: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' } }));
    expect(result?.outcome).toBe('case');
    expect(workflow.started).toHaveLength(1);
    const audit = inbox.caseAudit.get(result!.caseId!) ?? [];
    expect(audit.map((entry) => entry.event)).toEqual(['mail.request_received', 'mail.authentication_failed']);
    expect(audit[0]?.detail).toMatchObject({ spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', senderAddressTrusted: false });
    expect(audit[0]?.reason).toMatch(/identity must not rest on it/);
    expect(inbox.log.get('ses-forged')?.authentication).toEqual({ spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', addressTrusted: false, failed: true });
  });

  it('records unknown (GRAY) verdicts as not trusted but not failed', async () => {
    const { deps, arrive, inbox } = setUp();
    const [result] = await receiveMail(deps, arrive({}, { sesMessageId: 'ses-gray', verdicts: { spf: 'GRAY', dkim: 'GRAY', dmarc: 'GRAY' } }));
    expect(inbox.caseAudit.get(result!.caseId!)?.map((entry) => entry.event)).toEqual(['mail.request_received']);
    expect(inbox.log.get('ses-gray')?.authentication).toMatchObject({ addressTrusted: false, failed: false });
  });
});

describe('receiveMail: accounting and logs', () => {
  it('accounts for every mail exactly once in the log of its Oslo receipt date', async () => {
    const { deps, arrive, inbox } = setUp();
    const message = aMessage({ messageId: '<acc@x.no>' });
    await receiveMail(deps, arrive({ message }, { sesMessageId: 'acc-1' }));
    await receiveMail(deps, arrive({ message: { ...message } }, { sesMessageId: 'acc-2' }));
    await receiveMail(deps, arrive({ message: aMessage({ messageId: '<acc3@x.no>', inReplyTo: '<acc@x.no>' }) }, { sesMessageId: 'acc-3' }));
    await receiveMail(deps, arrive({ message: aMessage({ messageId: '<acc4@x.no>' }), recognition: aRecognition({ types: [] }) }, { sesMessageId: 'acc-4' }));
    await receiveMail(deps, arrive({ unparseable: new FakeParseError('UnparseableMessageError') }, { sesMessageId: 'acc-5' }));
    const log = await collect(inbox.listLog('2026-11-23'));
    expect(log.map((entry) => [entry.inboxId, entry.outcome])).toEqual([
      ['acc-1', 'case'],
      ['acc-2', 'duplicate'],
      ['acc-3', 'follow_up'],
      ['acc-4', 'triage'],
      ['acc-5', 'quarantine'],
    ]);
    expect(inbox.claims.get(messageKey('<acc@x.no>', 'acc-1'))).toMatchObject({ inboxId: 'acc-1', outcome: 'case' });
  });

  it('writes no name, address, subject or text of the mail to the logs', async () => {
    const { deps, arrive, log } = setUp();
    await receiveMail(deps, arrive({}, { sesMessageId: 'ses-pii-1' }));
    await receiveMail(deps, arrive({ message: aMessage({ messageId: '<p2@x>', headers: { precedence: 'bulk' } }) }, { sesMessageId: 'ses-pii-2' }));
    await receiveMail(deps, arrive({ message: aMessage({ messageId: '<p3@x>' }), recognition: aRecognition({ types: [], possibleBreach: true }) }, { sesMessageId: 'ses-pii-3' }));
    const text = log.lines.join('\n');
    expect(log.lines.length).toBeGreaterThan(0);
    for (const secret of [SENDER.name, SENDER.address, 'Innsyn', 'opplysninger', 'example.no']) expect(text).not.toContain(secret);
    expect(log.events()).toEqual(expect.arrayContaining(['intake.recorded', 'intake.case_held', 'intake.possible_breach']));
  });
});
