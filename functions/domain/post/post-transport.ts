import type { MailTransport, OutgoingMail } from '../mail/mailer.js';
import { postalMessageId, type PostalLetterStore } from './postal-letter.js';

/**
 * The transport of letters to a person without e-mail: instead of the mail service, the letter is
 * recorded with the case «til utsending per post» (content, address, date). Staff make its PDF in
 * the console, post it and mark it posted; until then the deadline watch does not count it as
 * given. Recording is idempotent on the letter id, so a step run again after a crash records the
 * same letter once.
 */
export class PostTransport implements MailTransport {
  constructor(
    private readonly letters: PostalLetterStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async deliver(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    if (!mail.postal) throw new Error(`letter ${mail.letterId} has no postal address`);
    await this.letters.record({
      requestId: mail.requestId,
      letterId: mail.letterId,
      purpose: mail.purpose,
      recordedAt: this.now().toISOString(),
      subject: mail.subject,
      text: mail.text,
      postal: mail.postal,
    });
    return { messageId: postalMessageId(mail.letterId) };
  }
}

/** Sends a letter with a postal address by post and every other one by e-mail. */
export class PostOrMailTransport implements MailTransport {
  constructor(
    private readonly mail: MailTransport,
    private readonly post: MailTransport,
  ) {}

  deliver(outgoing: OutgoingMail): Promise<{ readonly messageId: string }> {
    return outgoing.postal ? this.post.deliver(outgoing) : this.mail.deliver(outgoing);
  }
}
