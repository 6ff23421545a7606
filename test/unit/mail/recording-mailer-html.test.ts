import { describe, expect, it } from 'vitest';
import type { LetterOutbox, RecordedLetter } from '../../../functions/domain/mail/letter-outbox.js';
import type { MailTransport, OutgoingMail } from '../../../functions/domain/mail/mailer.js';
import { RecordingMailer } from '../../../functions/domain/mail/recording-mailer.js';

class MemoryOutbox implements LetterOutbox {
  readonly letters = new Map<string, RecordedLetter>();
  async get(requestId: string, letterId: string) {
    return this.letters.get(`${requestId}#${letterId}`);
  }
  async record(mail: OutgoingMail, at: string) {
    const key = `${mail.requestId}#${mail.letterId}`;
    const existing = this.letters.get(key);
    if (existing) return existing;
    const recorded: RecordedLetter = { requestId: mail.requestId, letterId: mail.letterId, purpose: mail.purpose, recordedAt: at, mail };
    this.letters.set(key, recorded);
    return recorded;
  }
  async markSent(requestId: string, letterId: string, sent: { messageId: string; sentAt: string }) {
    const key = `${requestId}#${letterId}`;
    const { mail: _dropped, ...rest } = this.letters.get(key)!;
    this.letters.set(key, { ...rest, sent });
  }
}

const MAIL: OutgoingMail = {
  to: 'kari@example.no',
  subject: 'Your request',
  text: 'Hello,\n\nSee https://personvern.example.no/download/NK-20261123-7KQ4M2PX?lang=en',
  language: 'en',
  purpose: 'reply',
  requestId: 'NK-20261123-7KQ4M2PX',
  letterId: 'reply',
};

describe('RecordingMailer: every mail as HTML with a plain-text part', () => {
  it('sends a letter written as text with both parts, the HTML in the letter language', async () => {
    const delivered: OutgoingMail[] = [];
    const transport: MailTransport = { deliver: async (mail) => (delivered.push(mail), { messageId: 'm-1' }) };

    await new RecordingMailer(new MemoryOutbox(), transport).send(MAIL);

    expect(delivered[0]?.text).toBe(MAIL.text);
    expect(delivered[0]?.html).toContain('<html lang="en">');
    expect(delivered[0]?.html).toContain('>Download the copy</a>');
  });

  it('resends a recorded letter with the identical HTML part', async () => {
    const delivered: OutgoingMail[] = [];
    let fail = true;
    const transport: MailTransport = {
      deliver: async (mail) => {
        if (fail) throw new Error('SES down');
        delivered.push(mail);
        return { messageId: 'm-2' };
      },
    };
    const outbox = new MemoryOutbox();
    const mailer = new RecordingMailer(outbox, transport);
    await expect(mailer.send(MAIL)).rejects.toThrow('SES down');
    fail = false;

    await mailer.resend(MAIL.requestId, MAIL.letterId);
    await new RecordingMailer(new MemoryOutbox(), { deliver: async (mail) => (delivered.push(mail), { messageId: 'm-3' }) }).send(MAIL);

    expect(delivered).toHaveLength(2);
    expect(delivered[0]?.html).toBe(delivered[1]?.html);
  });

  it('keeps an HTML part the letter brings itself', async () => {
    const delivered: OutgoingMail[] = [];
    const transport: MailTransport = { deliver: async (mail) => (delivered.push(mail), { messageId: 'm-4' }) };

    await new RecordingMailer(new MemoryOutbox(), transport).send({ ...MAIL, html: '<p>own</p>' });

    expect(delivered[0]?.html).toBe('<p>own</p>');
  });
});
