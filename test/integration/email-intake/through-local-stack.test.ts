import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, outbox, startStackFixture, type StackFixture } from '../../support/local-stack-fixture.js';

let fixture: StackFixture;

beforeAll(async () => {
  fixture = await startStackFixture();
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

  it('refuses mail for any other recipient', async () => {
    await expect(send({ from: 'a@example.no', to: 'someone@obos.no', subject: 'Hei', text: 'Hei' })).rejects.toThrow(/550/);
  });
});
