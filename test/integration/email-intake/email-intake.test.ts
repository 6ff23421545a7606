import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';
import { osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import { INBOX_ADDRESS, collect, startIntakeHarness, type IntakeHarness } from './intake-harness.js';
import { parseInboundMessage } from '../../../functions/domain/inbox/parse-inbound-message.js';
import { recognise } from '../../../functions/domain/inbox/recognise.js';

let harness: IntakeHarness;

beforeAll(async () => {
  harness = await startIntakeHarness({ parse: (raw) => parseInboundMessage(raw), recognise });
});

afterAll(async () => {
  await harness?.stop();
});

let sequence = 0;
/** A unique sender and Message-ID per test, so tests never meet in the rate limit or dedupe. */
const unique = (label: string) => {
  sequence += 1;
  return { from: `person.${label}.${sequence}@example.no`, messageId: `<${label}.${sequence}.${Date.now()}@example.no>` };
};

/** The delivery (SES event and result) the inbox made for a mail, by its Message-ID. */
const deliveryOf = (messageId: string) => {
  const delivery = harness.delivered.find((entry) => entry.event.Records[0]?.ses.mail.commonHeaders?.messageId === messageId);
  if (!delivery) throw new Error(`no delivery for ${messageId}`);
  return { ...delivery, mail: delivery.result.mails[0]!, record: delivery.event.Records[0]! };
};

describe('e-mail intake over SMTP → S3 → handler → DynamoDB', () => {
  it('makes a case from a request, received at the SMTP receipt time, with the raw mail kept in S3', async () => {
    // Prepare
    const { from, messageId } = unique('request');
    const before = Date.now();
    // Act
    const info = await harness.transport.sendMail({
      from: `Kari Nordmann <${from}>`,
      to: INBOX_ADDRESS,
      subject: 'Innsyn',
      text: 'Hei! Jeg ber om innsyn i opplysningene dere har om meg.',
      messageId,
    });
    const after = Date.now();
    // Assess
    expect(info.accepted).toEqual([INBOX_ADDRESS]);
    const { mail, record } = deliveryOf(messageId);
    expect(mail.outcome).toBe('case');
    const receiptTime = Date.parse(record.ses.receipt.timestamp);
    expect(receiptTime).toBeGreaterThanOrEqual(before);
    expect(receiptTime).toBeLessThanOrEqual(after);
    const stored = await harness.requests.get(mail.caseId!);
    expect(stored).toMatchObject({
      channel: 'email',
      types: ['access'],
      receivedAt: toOsloIsoString(new Date(record.ses.receipt.timestamp)),
      requester: { name: 'Kari Nordmann', email: from },
      language: 'nb',
      status: 'received',
    });
    expect(harness.workflow.started).toContain(mail.caseId);
    const trail = await harness.requests.auditTrail(mail.caseId!);
    expect(trail.map((entry) => entry.event)).toEqual(['request.received', 'mail.request_received']);
    const raw = await harness.s3.send(new GetObjectCommand({ Bucket: harness.bucket, Key: `inbound/${mail.inboxId}` }));
    const text = await raw.Body!.transformToString();
    expect(text).toMatch(/^Return-Path: <.+>\r\nReceived: from /);
    expect(text).toContain('Jeg ber om innsyn');
    const log = await collect(harness.inbox.listLog(osloCalendarDate(stored!.receivedAt)));
    expect(log).toContainEqual(expect.objectContaining({ inboxId: mail.inboxId, outcome: 'case', caseId: mail.caseId }));
  });

  it('refuses another recipient with 550 and takes nothing in', async () => {
    const { from, messageId } = unique('stranger');
    const count = harness.delivered.length;
    await expect(
      harness.transport.sendMail({ from, to: 'someone.else@obos.no', subject: 'Innsyn', text: 'innsyn', messageId }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(harness.delivered).toHaveLength(count);
  });

  it('accepts the request address among several recipients and rejects the others', async () => {
    const { from, messageId } = unique('mixed');
    const info = await harness.transport.sendMail({
      from,
      to: [INBOX_ADDRESS, 'other@obos.no'],
      subject: 'Innsyn',
      text: 'Hei! Jeg ber om innsyn i opplysningene dere har om meg.',
      messageId,
    });
    expect(info.accepted).toEqual([INBOX_ADDRESS]);
    expect(info.rejected).toEqual(['other@obos.no']);
    expect(deliveryOf(messageId).record.ses.receipt.recipients).toEqual([INBOX_ADDRESS]);
  });

  it('lists a mail that is not a request for staff triage', async () => {
    const { from, messageId } = unique('booking');
    await harness.transport.sendMail({ from, to: INBOX_ADDRESS, subject: 'Booking av møterom', text: 'Kan jeg flytte bookingen min fra tirsdag til onsdag?', messageId });
    const { mail } = deliveryOf(messageId);
    expect(mail.outcome).toBe('triage');
    const triage = await collect(harness.inbox.listTriage());
    expect(triage).toContainEqual(
      expect.objectContaining({ inboxId: mail.inboxId, reason: 'not_a_request', urgent: false, rawKey: `inbound/${mail.inboxId}`, from: { address: from } }),
    );
  });

  it('lists a possible breach first, urgent, with its 72-hour mark', async () => {
    const { from, messageId } = unique('breach');
    await harness.transport.sendMail({ from, to: INBOX_ADDRESS, subject: 'Feil faktura', text: 'Jeg har fått en annen kundes faktura i posten.', messageId });
    const { mail, record } = deliveryOf(messageId);
    const [first] = await collect(harness.inbox.listTriage());
    expect(first).toMatchObject({ inboxId: mail.inboxId, reason: 'possible_breach', urgent: true });
    expect(Date.parse(first!.respondBy!) - Date.parse(record.ses.receipt.timestamp)).toBe(72 * 60 * 60 * 1000);
  });

  it('quarantines raw bytes that are not an e-mail, keeping them in S3', async () => {
    const count = harness.delivered.length;
    await harness.transport.sendMail({
      envelope: { from: 'robot@example.no', to: [INBOX_ADDRESS] },
      raw: Buffer.from('\u0000\u0001\u0002 this is not a mail at all\r\n'),
    });
    const mail = harness.delivered[count]!.result.mails[0]!;
    expect(mail.outcome).toBe('quarantine');
    const quarantine = await collect(harness.inbox.listQuarantine());
    expect(quarantine).toContainEqual(expect.objectContaining({ inboxId: mail.inboxId, reason: 'unparseable', error: 'UnparseableMessageError', detail: 'not_a_mail' }));
    const raw = await harness.s3.send(new GetObjectCommand({ Bucket: harness.bucket, Key: `inbound/${mail.inboxId}` }));
    expect(await raw.Body!.transformToString()).toContain('this is not a mail at all');
  });

  it('makes one case of the same Message-ID sent twice and logs the second as a duplicate', async () => {
    const { from, messageId } = unique('twice');
    const mail = { from, to: INBOX_ADDRESS, subject: 'Slett meg', text: 'Slett alt dere har om meg.', messageId };
    await harness.transport.sendMail(mail);
    const first = harness.delivered.at(-1)!.result.mails[0]!;
    await harness.transport.sendMail(mail);
    const second = harness.delivered.at(-1)!.result.mails[0]!;
    expect(first.outcome).toBe('case');
    expect(second).toMatchObject({ outcome: 'duplicate', caseId: first.caseId });
    expect(second.inboxId).not.toBe(first.inboxId);
    const stored = await harness.requests.get(first.caseId!);
    const log = await collect(harness.inbox.listLog(osloCalendarDate(stored!.receivedAt)));
    expect(log.find((entry) => entry.inboxId === second.inboxId)).toMatchObject({ outcome: 'duplicate', duplicateOf: first.inboxId });
    expect(harness.workflow.started.filter((id) => id === first.caseId)).toHaveLength(1);
  });

  it('attaches replies to the case, by In-Reply-To and by the reference in the subject, without moving the due date', async () => {
    const { from, messageId } = unique('thread');
    await harness.transport.sendMail({ from, to: INBOX_ADDRESS, subject: 'Innsyn', text: 'Hei! Jeg ber om innsyn i opplysningene dere har om meg.', messageId });
    const { mail } = deliveryOf(messageId);
    const before = await harness.requests.get(mail.caseId!);

    const reply = unique('reply');
    await harness.transport.sendMail({
      from,
      to: INBOX_ADDRESS,
      subject: 'Re: Innsyn',
      text: 'Jeg har ikke fått svar ennå.\n\n> Jeg vil ha innsyn.',
      messageId: reply.messageId,
      inReplyTo: messageId,
      references: [messageId],
    });
    const bySubject = unique('subject');
    await harness.transport.sendMail({
      from,
      to: INBOX_ADDRESS,
      subject: `SV: Vi har mottatt henvendelsen din – referanse ${mail.caseId}`,
      text: 'Takk.',
      messageId: bySubject.messageId,
    });

    expect(deliveryOf(reply.messageId).mail).toMatchObject({ outcome: 'follow_up', caseId: mail.caseId });
    expect(deliveryOf(bySubject.messageId).mail).toMatchObject({ outcome: 'follow_up', caseId: mail.caseId });
    const after = await harness.requests.get(mail.caseId!);
    expect(after).toEqual(before);
    const followUps = (await harness.requests.auditTrail(mail.caseId!)).filter((entry) => entry.event === 'mail.followup_received');
    expect(followUps.map((entry) => [entry.detail?.inboxId, entry.detail?.matchedBy])).toEqual([
      [deliveryOf(reply.messageId).mail.inboxId, 'message_reference'],
      [deliveryOf(bySubject.messageId).mail.inboxId, 'subject_reference'],
    ]);
  });

  it('never answers an auto-submitted mail: it is listed for staff, not made a case', async () => {
    const { from, messageId } = unique('auto');
    const starts = harness.workflow.started.length;
    await harness.transport.sendMail({
      from,
      to: INBOX_ADDRESS,
      subject: 'Innsyn',
      text: 'Hei! Jeg ber om innsyn i opplysningene dere har om meg.',
      messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const { mail } = deliveryOf(messageId);
    expect(mail.outcome).toBe('triage');
    expect(harness.workflow.started).toHaveLength(starts);
  });

  it('holds a request sent with an empty envelope sender for staff instead of answering it', async () => {
    const { from, messageId } = unique('nullsender');
    await harness.transport.sendMail({
      from,
      to: INBOX_ADDRESS,
      envelope: { from: '', to: [INBOX_ADDRESS] },
      subject: 'Innsyn',
      text: 'Hei! Jeg ber om innsyn i opplysningene dere har om meg.',
      messageId,
    });
    const { mail, record } = deliveryOf(messageId);
    expect(record.ses.mail.source).toBe('');
    expect(mail.outcome).toBe('case');
    expect(harness.workflow.started).not.toContain(mail.caseId);
    expect((await harness.requests.get(mail.caseId!))?.status).toBe('needs_attention');
  });

  it('answers at most three requests from one sender a day and holds the fourth for staff', async () => {
    const sender = unique('flood').from;
    const cases: string[] = [];
    for (let n = 0; n < 4; n++) {
      const { messageId } = unique('flood');
      await harness.transport.sendMail({
        from: sender,
        to: INBOX_ADDRESS,
        subject: 'Innsyn',
        text: 'Hei! Jeg ber om innsyn i opplysningene dere har om meg.',
        messageId,
      });
      cases.push(deliveryOf(messageId).mail.caseId!);
    }
    expect(cases.map((id) => harness.workflow.started.includes(id))).toEqual([true, true, true, false]);
    expect((await harness.requests.get(cases[3]!))?.status).toBe('needs_attention');
  });

  it('takes in a mail failing DMARC and marks its case as not resting on the sender address', async () => {
    const { from, messageId } = unique('forged');
    await harness.transport.sendMail({
      from,
      to: INBOX_ADDRESS,
      subject: 'Innsyn',
      text: 'Hei! Jeg ber om innsyn i opplysningene dere har om meg.',
      messageId,
      headers: { 'Authentication-Results': 'mx.test; spf=fail smtp.mailfrom=example.no; dkim=none; dmarc=fail header.from=example.no' },
    });
    const { mail, record } = deliveryOf(messageId);
    expect(record.ses.receipt.dmarcVerdict.status).toBe('FAIL');
    const events = (await harness.requests.auditTrail(mail.caseId!)).map((entry) => entry.event);
    expect(events).toEqual(['request.received', 'mail.request_received', 'mail.authentication_failed']);
  });

  it('refuses a mail over 10 MB with 552 and stores nothing', async () => {
    const count = harness.delivered.length;
    const line = `${'x'.repeat(998)}\r\n`;
    const raw = Buffer.from(`From: big@example.no\r\nSubject: stor\r\n\r\n${line.repeat(Math.ceil((10.5 * 1024 * 1024) / line.length))}`);
    await expect(harness.transport.sendMail({ envelope: { from: 'big@example.no', to: [INBOX_ADDRESS] }, raw })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(harness.delivered).toHaveLength(count);
  });
});
