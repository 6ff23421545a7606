import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailTransport, OutgoingMail } from '../../domain/mail/mailer.js';

/**
 * SES v2 adapter of {@link MailTransport}; the sender address is fixed by configuration. Functions
 * wrap it in a `RecordingMailer`, so a letter is recorded before it reaches SES.
 */
export class SesMailer implements MailTransport {
  constructor(
    private readonly client: SESv2Client,
    private readonly fromAddress: string,
    private readonly configurationSet?: string,
  ) {}

  async deliver(mail: OutgoingMail): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [mail.to] },
        ConfigurationSetName: this.configurationSet,
        EmailTags: [
          { Name: 'purpose', Value: mail.purpose },
          { Name: 'request', Value: mail.requestId.replace(/[^A-Za-z0-9_-]/g, '_') },
        ],
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: mail.text, Charset: 'UTF-8' },
              ...(mail.html ? { Html: { Data: mail.html, Charset: 'UTF-8' } } : {}),
            },
          },
        },
      }),
    );
    return { messageId: result.MessageId ?? 'unknown' };
  }
}
