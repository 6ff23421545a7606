import { describe, expect, it } from 'vitest';
import { SesReceiptEventSchema, rawMailKey } from '../../../functions/domain/intake-mail/ses-receipt-event.js';

/** The Lambda-action event as the SES developer guide shows it (trimmed headers). */
const DOCUMENTED_EVENT = {
  Records: [
    {
      eventSource: 'aws:ses',
      eventVersion: '1.0',
      ses: {
        mail: {
          timestamp: '2019-08-05T21:30:02.028Z',
          source: 'prvs=144d0cba7=sender@example.com',
          messageId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
          destination: ['recipient@example.com'],
          headersTruncated: false,
          headers: [
            { name: 'Return-Path', value: '<prvs=144d0cba7=sender@example.com>' },
            { name: 'Subject', value: 'This is a test' },
          ],
          commonHeaders: {
            returnPath: 'prvs=144d0cba7=sender@example.com',
            from: ['sender@example.com'],
            date: 'Mon, 5 Aug 2019 21:29:57 +0000',
            to: ['recipient@example.com'],
            messageId: '<CAJ5mCYs-EXAMPLE@mail.gmail.com>',
            subject: 'This is a test',
          },
        },
        receipt: {
          timestamp: '2019-08-05T21:30:02.028Z',
          processingTimeMillis: 1205,
          recipients: ['recipient@example.com'],
          spamVerdict: { status: 'PASS' },
          virusVerdict: { status: 'PASS' },
          spfVerdict: { status: 'PASS' },
          dkimVerdict: { status: 'PASS' },
          dmarcVerdict: { status: 'GRAY' },
          action: {
            type: 'Lambda',
            functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:IncomingEmail',
            invocationType: 'Event',
          },
        },
      },
    },
  ],
};

describe('SesReceiptEventSchema', () => {
  it('accepts the event SES documents for a Lambda action', () => {
    const parsed = SesReceiptEventSchema.parse(DOCUMENTED_EVENT);
    expect(parsed.Records[0]?.ses.receipt.timestamp).toBe('2019-08-05T21:30:02.028Z');
    expect(parsed.Records[0]?.ses.mail.commonHeaders.subject).toBe('This is a test');
  });

  it('refuses an event of another action or without verdicts', () => {
    const snsAction = structuredClone(DOCUMENTED_EVENT);
    (snsAction.Records[0]!.ses.receipt as { action: unknown }).action = { type: 'SNS', topicArn: 'arn:aws:sns:x' };
    expect(SesReceiptEventSchema.safeParse(snsAction).success).toBe(false);
    const noVerdict = structuredClone(DOCUMENTED_EVENT) as { Records: { ses: { receipt: Record<string, unknown> } }[] };
    delete noVerdict.Records[0]!.ses.receipt.dmarcVerdict;
    expect(SesReceiptEventSchema.safeParse(noVerdict).success).toBe(false);
  });

  it('refuses a message id that could escape the raw-mail prefix', () => {
    const event = structuredClone(DOCUMENTED_EVENT);
    event.Records[0]!.ses.mail.messageId = '../requests/NK-1/plan.json';
    expect(SesReceiptEventSchema.safeParse(event).success).toBe(false);
  });

  it('names the raw object as the receipt rule’s S3 action stores it', () => {
    expect(rawMailKey('inbound/', 'o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1')).toBe('inbound/o3vrnil0e2ic28trm7dfhrc2v0cnbeccl4nbp0g1');
  });
});
