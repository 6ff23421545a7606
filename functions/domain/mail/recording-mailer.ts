import type { LetterOutbox, RecordedLetter } from './letter-outbox.js';
import { renderLetterHtml } from './letter-html.js';
import type { MailTransport, Mailer, OutgoingMail } from './mailer.js';

/**
 * Every mail goes as HTML with a plain-text part: a letter written as text gets its HTML rendered
 * from that text. The rendering is pure, so a resent recorded letter is the identical letter.
 */
export const withHtmlPart = (mail: OutgoingMail): OutgoingMail =>
  mail.html ? mail : { ...mail, html: renderLetterHtml({ subject: mail.subject, text: mail.text, language: mail.language }) };

/**
 * The {@link Mailer} every function uses: record, then send, then mark sent. A process that dies
 * after recording sends the recorded letter on its next try; one that dies after the mail service
 * accepted the letter but before marking it sends the identical letter once more. Either way no
 * one receives two different letters for one letter id (a second one-time code, say). Every mail
 * leaves with an HTML part ({@link withHtmlPart}).
 */
export class RecordingMailer implements Mailer {
  constructor(
    private readonly outbox: LetterOutbox,
    private readonly transport: MailTransport,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    const recorded = await this.outbox.record(mail, this.now().toISOString());
    return this.sendRecorded(recorded);
  }

  async resend(requestId: string, letterId: string): Promise<{ readonly messageId: string } | undefined> {
    const recorded = await this.outbox.get(requestId, letterId);
    return recorded && this.sendRecorded(recorded);
  }

  private async sendRecorded(recorded: RecordedLetter): Promise<{ readonly messageId: string }> {
    if (recorded.sent) return { messageId: recorded.sent.messageId };
    if (!recorded.mail) throw new Error(`letter ${recorded.letterId} has neither content nor a send`);
    const { messageId } = await this.transport.deliver(withHtmlPart(recorded.mail));
    await this.outbox.markSent(recorded.requestId, recorded.letterId, { messageId, sentAt: this.now().toISOString() });
    return { messageId };
  }
}
