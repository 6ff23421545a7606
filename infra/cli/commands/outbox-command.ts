import { CommandError } from '../cli-errors.js';

/** One mail as the local SES (aws-ses-v2-local) stores it. */
interface StoredMail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly at: number;
}

/** `dsr outbox [--to ADDR]`: the mails the local SES holds, as a JSON array, oldest first. */
export async function outboxCommand(sesEndpoint: string, to?: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL('/store', sesEndpoint));
  } catch {
    throw new CommandError(`the local SES at ${sesEndpoint} does not answer; is "npm start" running?`);
  }
  if (!response.ok) throw new CommandError(`the local SES answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  const wanted = to?.toLowerCase();
  const mails = emails
    .filter((mail) => !wanted || mail.destination.to.some((address) => address.toLowerCase() === wanted))
    .map((mail) => ({
      messageId: mail.messageId,
      from: mail.from,
      to: mail.destination.to,
      subject: mail.subject,
      text: mail.body.text,
      html: mail.body.html,
      sentAt: new Date(mail.at * 1000).toISOString(),
    }));
  return JSON.stringify(mails, null, 2);
}
