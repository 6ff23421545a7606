import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { SesMailer } from '../../../functions/adapters/ses/ses-mailer.js';

/** An SES client that records the commands it is sent instead of calling AWS. */
function recordingClient(): { client: SESv2Client; sent: SendEmailCommand[] } {
  const sent: SendEmailCommand[] = [];
  const client = new SESv2Client({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  client.send = (async (command: SendEmailCommand) => {
    sent.push(command);
    return { MessageId: `message-${sent.length}` };
  }) as unknown as SESv2Client['send'];
  return { client, sent };
}

const mail = { to: 'kari@example.no', subject: 'Kvittering', text: 'Hei', purpose: 'acknowledgement', letterId: 'acknowledgement', requestId: 'NK-20261201-ABCDEFGH' } as const;

describe('SesMailer', () => {
  it('names the configuration set on every send and tags it with the request and the purpose', async () => {
    const { client, sent } = recordingClient();
    const mailer = new SesMailer(client, 'naerkontor@obos.no', 'obos-naerkontor-dsr-prod');
    expect(await mailer.deliver(mail)).toEqual({ messageId: 'message-1' });
    await mailer.deliver({ ...mail, purpose: 'reply' });
    expect(sent.map((command) => command.input.ConfigurationSetName)).toEqual(['obos-naerkontor-dsr-prod', 'obos-naerkontor-dsr-prod']);
    expect(sent[0]?.input.EmailTags).toEqual([
      { Name: 'purpose', Value: 'acknowledgement' },
      { Name: 'request', Value: 'NK-20261201-ABCDEFGH' },
    ]);
    // The sender shows as «OBOS Nærkontor» (RFC 2047 encoded word: the name has «æ»).
    expect(sent[0]?.input.FromEmailAddress).toBe(`=?UTF-8?B?${Buffer.from('OBOS Nærkontor').toString('base64')}?= <naerkontor@obos.no>`);
  });
});
