import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailTransport, OutgoingMail } from '../../domain/mail/mailer.js';
import { providedModule } from '../../platform/provided-module.js';

/** The name people see as the sender. */
export const SENDER_NAME = 'OBOS Nærkontor';

/**
 * `"OBOS Nærkontor" <address>` as a mail header may carry it: the name as an RFC 2047 encoded
 * word (it has «æ»), the address as configured. An address that already has a name is kept.
 */
export function senderWithName(address: string, name = SENDER_NAME): string {
  if (address.includes('<')) return address;
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`;
}

/**
 * SES v2 adapter of {@link MailTransport}; the sender address is fixed by configuration and goes
 * out with the name {@link SENDER_NAME}. Functions wrap it in a `RecordingMailer`, so a letter is
 * recorded (and given its HTML part) before it reaches SES. Takes a client or the function that
 * makes it (`sesClient`): the SES SDK module loads with the first letter, not at start-up.
 */
export class SesMailer implements MailTransport {
  constructor(
    private readonly clientOrFactory: SESv2Client | (() => SESv2Client),
    private readonly fromAddress: string,
    private readonly configurationSet?: string,
  ) {}

  private get client(): SESv2Client {
    return typeof this.clientOrFactory === 'function' ? this.clientOrFactory() : this.clientOrFactory;
  }

  async deliver(mail: OutgoingMail): Promise<{ messageId: string }> {
    const { SendEmailCommand } = providedModule<typeof import('@aws-sdk/client-sesv2')>('@aws-sdk/client-sesv2');
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: senderWithName(this.fromAddress),
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
