import { describe, expect, it } from 'vitest';
import { SesReceiptEventSchema } from '../../../functions/domain/intake-mail/ses-receipt-event.js';
import { sesEventFor } from '../../../infra/local/emulators/smtp-inbox.js';

const RAW = Buffer.from(
  [
    'Return-Path: <kari@example.no>',
    'Authentication-Results: mx.test; spf=pass smtp.mailfrom=example.no;',
    ' dkim=pass header.d=example.no; dmarc=pass header.from=example.no',
    'From: =?UTF-8?Q?Kari_N=C3=B8rdmann?= <kari@example.no>',
    'To: naerkontor@obos.no',
    'Subject: =?UTF-8?Q?Sp=C3=B8rsm=C3=A5l_om_innsyn?=',
    'Date: Mon, 23 Nov 2026 21:05:00 +0100',
    'Message-ID: <abc@example.no>',
    '',
    'Hei',
    '',
  ].join('\r\n'),
);

describe('sesEventFor (local SMTP inbox)', () => {
  it('builds the SES Lambda-action event SES would send, with decoded common headers and verdicts from Authentication-Results', async () => {
    const event = await sesEventFor({
      raw: RAW,
      messageId: 'localid0000000000000000000000000000000000',
      receivedAt: new Date('2026-11-23T20:05:09.120Z'),
      envelopeSender: 'kari@example.no',
      recipients: ['naerkontor@obos.no'],
      processingTimeMillis: 3,
    });
    const parsed = SesReceiptEventSchema.parse(event);
    const { mail, receipt } = parsed.Records[0]!.ses;
    expect(receipt.timestamp).toBe('2026-11-23T20:05:09.120Z');
    expect(mail.timestamp).toBe('2026-11-23T20:05:09.120Z');
    expect([receipt.spfVerdict.status, receipt.dkimVerdict.status, receipt.dmarcVerdict.status]).toEqual(['PASS', 'PASS', 'PASS']);
    expect(mail.commonHeaders).toMatchObject({
      from: ['Kari Nørdmann <kari@example.no>'],
      to: ['naerkontor@obos.no'],
      subject: 'Spørsmål om innsyn',
      messageId: '<abc@example.no>',
      date: 'Mon, 23 Nov 2026 21:05:00 +0100',
      returnPath: 'kari@example.no',
    });
    expect(mail.headers[1]).toEqual({
      name: 'Authentication-Results',
      value: 'mx.test; spf=pass smtp.mailfrom=example.no; dkim=pass header.d=example.no; dmarc=pass header.from=example.no',
    });
    expect(receipt.action).toMatchObject({ type: 'Lambda', invocationType: 'Event' });
  });

  it('gives GRAY verdicts when no upstream server wrote Authentication-Results', async () => {
    const event = await sesEventFor({
      raw: Buffer.from('From: a@example.no\r\nSubject: x\r\n\r\nbody\r\n'),
      messageId: 'localid1',
      receivedAt: new Date(),
      envelopeSender: '',
      recipients: ['naerkontor@obos.no'],
      processingTimeMillis: 0,
    });
    const { receipt, mail } = SesReceiptEventSchema.parse(event).Records[0]!.ses;
    expect([receipt.spfVerdict.status, receipt.dkimVerdict.status, receipt.dmarcVerdict.status]).toEqual(['GRAY', 'GRAY', 'GRAY']);
    expect(mail.source).toBe('');
  });
});
