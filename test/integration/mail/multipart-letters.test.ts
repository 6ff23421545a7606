import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { simpleParser } from 'mailparser';
import { DynamoDbInboxStore } from '../../../functions/adapters/dynamodb/dynamodb-inbox-store.js';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, outbox, postRequest, startStackFixture, type OutboxMail, type StackFixture } from '../../support/local-stack-fixture.js';

let fixture: StackFixture;

beforeAll(async () => {
  fixture = await startStackFixture();
});

afterAll(async () => {
  await fixture?.stack.stop();
});

/** The mail as it would go over the wire: the local SES composes its MIME from what we sent. */
async function rawMime(mail: OutboxMail): Promise<string> {
  const response = await fetch(new URL(`/get-emlContent?messageId=${encodeURIComponent(mail.messageId)}`, fixture.stack.urls.ses));
  const { body } = (await response.json()) as { body: { data: number[] } };
  return Buffer.from(body.data).toString('utf8');
}

describe('letters through the local stack', () => {
  it('go as multipart/alternative with a plain-text and an HTML part, from «OBOS Nærkontor»', async () => {
    const email = `multi.del.${Date.now()}@example.no`;
    const response = await postRequest(fixture.stack.urls.app, { name: 'Mia Multi', email, types: ['access'], language: 'en' });
    expect(response.status).toBe(202);

    const mail = await eventually(async () => (await outbox(fixture.stack.urls.ses, email))[0], 'acknowledgement', 400);
    const raw = await rawMime(mail);
    const parsed = await simpleParser(raw);

    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);
    expect(parsed.from?.value[0]).toMatchObject({ name: 'OBOS Nærkontor', address: 'naerkontor@obos.no' });
    expect(parsed.text).toContain(String(response.json.id));
    expect(parsed.html).toContain('<html lang="en">');
    expect(parsed.html).toContain('role="presentation"');
    expect(parsed.html).toContain(String(response.json.id));
  });

  it('acknowledge a mail set aside for triage, neutrally and as HTML with text, and not an auto-reply', async () => {
    const from = `usikker.${Date.now()}@example.no`;
    const robot = `fravaer.${Date.now()}@example.no`;
    const transport = createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true });
    const privateWords = 'naboen min Per Persen';

    await transport.sendMail({ from, to: 'naerkontor@obos.no', subject: 'Et spørsmål', text: `Hei, kan dere si noe om ${privateWords} og hva dere gjør med slikt?` });
    await transport.sendMail({
      from: robot,
      to: 'naerkontor@obos.no',
      subject: 'Fravær',
      text: `Hei, kan dere si noe om ${privateWords} og hva dere gjør med slikt?`,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });

    const ack = await eventually(async () => (await outbox(fixture.stack.urls.ses, from))[0], 'triage acknowledgement', 400);
    expect(ack.subject).toBe('Vi har fått e-posten din');
    expect(ack.body.text).toContain('innen én måned');
    expect(ack.body.text).not.toContain('Per Persen');
    const parsed = await simpleParser(await rawMime(ack));
    expect(parsed.html).toContain('<html lang="nb">');
    expect(parsed.text).toContain('saksbehandler');
    // The auto-reply was taken in (logged), but got nothing back.
    await eventually(async () => {
      const inbox = new DynamoDbInboxStore(new DynamoDBClient({}), fixture.stack.environment.REQUESTS_TABLE_NAME!);
      for await (const entry of inbox.listTriage()) if (entry.from?.address === robot) return true;
      return undefined;
    }, 'the auto-reply in triage', 400);
    expect(await outbox(fixture.stack.urls.ses, robot)).toEqual([]);
  });
});
