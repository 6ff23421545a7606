import { createTransport } from 'nodemailer';
import { writeEndpoints } from '../../../infra/local/local-settings.js';
import { runDsr } from '../../support/dsr-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, outbox, startStackFixture, tempDataDir, type StackFixture } from '../../support/local-stack-fixture.js';


let fixture: StackFixture;
let dataDir: string;

beforeAll(async () => {
  fixture = await startStackFixture();
  dataDir = tempDataDir();
  writeEndpoints(dataDir, fixture.stack.environment, fixture.stack.urls);
});

afterAll(async () => {
  await fixture?.stack.stop();
});

const send = (mail: { from: string; to?: string; subject: string; text: string }) =>
  createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
    to: 'naerkontor@obos.no',
    ...mail,
  });

describe('the inbox of npm start', () => {
  it('turns an ordinary mail asking for erasure into a case that starts the workflow', async () => {
    const from = `eva.epost.${Date.now()}@example.no`;

    await send({ from: `Eva Epost <${from}>`, subject: 'Sletting', text: 'Hei!\n\nJeg vil at dere sletter alle opplysningene dere har om meg.\n\nMvh\nEva' });

    const acknowledgement = await eventually(async () => (await outbox(fixture.stack.urls.ses, from))[0], 'acknowledgement', 400);
    const id = /referanse (NK-\d{8}-[0-9A-Z]{8})/.exec(acknowledgement.subject)?.[1];
    const request = await fixture.store.get(id!);
    expect(request).toMatchObject({ channel: 'email', types: ['erasure'], requester: { email: from } });
  });

  it('reads an 8-bit ISO-8859-1 mail as sent: the raw bytes reach the parser, not UTF-8 text', async () => {
    const from = `bjorn.latin.${Date.now()}@example.no`;
    const headers = [
      `From: Bjørn Åsen <${from}>`,
      'To: naerkontor@obos.no',
      'Subject: Sletting',
      `Message-ID: <latin1.${Date.now()}@example.no>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: 8bit',
    ].join('\r\n');
    const body = 'Hei!\r\n\r\nJeg vil at dere sletter alle opplysningene dere har om meg, også dørloggen.\r\n\r\nHilsen Bjørn Åsen\r\n';
    const raw = Buffer.concat([Buffer.from(`${headers.replace('Bjørn Åsen', 'Bjorn Asen')}\r\n\r\n`, 'latin1'), Buffer.from(body, 'latin1')]);

    await createTransport({ host: '127.0.0.1', port: Number(fixture.stack.environment.SMTP_PORT), secure: false, ignoreTLS: true }).sendMail({
      envelope: { from, to: ['naerkontor@obos.no'] },
      raw,
    });

    const acknowledgement = await eventually(async () => (await outbox(fixture.stack.urls.ses, from))[0], 'acknowledgement', 400);
    const id = /referanse (NK-\d{8}-[0-9A-Z]{8})/.exec(acknowledgement.subject)?.[1];
    const request = await fixture.store.get(id!);
    expect(request?.details).toContain('også dørloggen');
    expect(request?.details).not.toContain('\uFFFD');
  });

  it('sets a billing question aside for staff, listed by dsr inbox triage', async () => {
    const subject = `Faktura ${Date.now()}`;
    await send({ from: 'Per Betaler <per.betaler@example.no>', subject, text: 'Hei, jeg har fått to fakturaer for november. Kan dere sjekke?\n\nHilsen Per' });

    const listed = await eventually(async () => {
      const { stdout } = await runDsr(dataDir, 'inbox', 'triage');
      return stdout.includes(subject) ? (JSON.parse(stdout) as { reason: string; subject?: string }[]) : undefined;
    }, 'the triage entry', 40, 250);
    // Not a rights request (or not clearly one): either way staff see it and no case starts.
    expect(['not_a_request', 'uncertain']).toContain(listed.find((entry) => JSON.stringify(entry).includes(subject))?.reason);
    // The sender gets the neutral acknowledgement of a mail set aside (issue 12), echoing nothing they wrote.
    const mails = await eventually(async () => {
      const sent = await outbox(fixture.stack.urls.ses, 'per.betaler@example.no');
      return sent.length > 0 ? sent : undefined;
    }, 'the acknowledgement', 40, 250);
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails[0])).toContain('Vi har fått e-posten din');
    expect(JSON.stringify(mails[0])).not.toContain(subject);
    expect(JSON.stringify(mails[0])).not.toContain('fakturaer for november');
  });

  it('refuses mail for any other recipient', async () => {
    await expect(send({ from: 'a@example.no', to: 'someone@obos.no', subject: 'Hei', text: 'Hei' })).rejects.toThrow(/550/);
  });
});
