import { describe, expect, it } from 'vitest';
import { downloadCodeLetter } from '../../../functions/domain/export/download-code-letter.js';
import { REQUESTER } from '../fixtures/rights-request-fixture.js';
import { answered } from '../reply/reply-fixture.js';
import { downloadable } from './download-fixture.js';

const DAY = 24 * 60 * 60_000;
/** A person who wrote a letter and has no e-mail: every answer goes by post. */
const BY_POST = {
  request: { channel: 'post' as const, requester: { name: REQUESTER.name, phone: REQUESTER.phone, postalAddress: { street: 'Kirkeveien 12', postalCode: '0368', city: 'Oslo' } } },
};

describe('the machine-readable copy for a requester without e-mail (portability by post)', () => {
  it('says on the download page that the code comes by post, and sends it as a letter to the postal address', async () => {
    const { submit, open, mailer, id } = await downloadable(BY_POST);

    expect((await open()).body).toContain('vi sender den i posten til adressen vi har for deg');
    const { page } = await submit({ action: 'send-code' });

    expect(page.body).toContain('Vi sender en ny engangskode til deg i posten.');
    const letter = mailer.sent.filter((mail) => mail.purpose === 'download-code').at(-1)!;
    expect(letter.to).toBe(`post:${id}`);
    expect(letter.postal?.recipient.address.street).toBe('Kirkeveien 12');
    expect(letter.text).toContain('Den virker til og med 8. desember 2026.');
    expect(letter.text).toContain('dette brevet');
    expect(letter.text).not.toContain('minutter');
  });

  it('takes the code from the letter days later (the post takes time) and hands out the JSON file', async () => {
    const { submit, open, lastCode, advance } = await downloadable(BY_POST);
    await submit({ action: 'send-code' });
    const code = lastCode();
    advance(6 * DAY);

    const { page } = await submit({ code, file: 'data' });
    const file = await open({ file: 'data' });

    expect(page.statusCode).toBe(200);
    expect(file.statusCode).toBe(200);
    expect(file.headers?.['content-type']).toContain('application/json');
    expect(JSON.parse(file.body ?? '')).toHaveProperty('schemaVersion');
  });

  it('still ends a code by post with the download window, and keeps the few tries of a mailed code', async () => {
    const { submit, lastCode, advance } = await downloadable(BY_POST);
    await submit({ action: 'send-code' });
    const code = lastCode();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await submit({ code: wrong, file: 'data' });

    const { page } = await submit({ code, file: 'data' });
    advance(20 * DAY);
    const { page: late } = await submit({ code, file: 'data' });

    expect(page.body).not.toContain('Koden er godtatt');
    expect(late.statusCode).toBe(410);
  });

  it('keeps the 15 minutes of a code sent by e-mail', async () => {
    const { submit, lastCode, advance } = await downloadable();
    await submit({ action: 'send-code' });
    const code = lastCode();
    advance(20 * 60_000);

    const { page } = await submit({ code, file: 'data' });

    expect(page.body).toContain('Koden er ikke lenger gyldig');
  });

  it('writes the code letter by post in nynorsk and English too', () => {
    const request = { id: 'NK-20261123-7KQ4M2PX', requester: { name: 'Kari Nordmann' } };
    expect(downloadCodeLetter({ ...request, language: 'nn' }, '123456', { byPost: { lastDay: '2026-12-08' } }).text).toContain('Han verkar til og med 8. desember 2026.');
    expect(downloadCodeLetter({ ...request, language: 'en' }, '123456', { byPost: { lastDay: '2026-12-08' } }).text).toContain('it works until 8 December 2026 inclusive');
  });
});

describe('the reply by post to a portability request', () => {
  const byPost = (types: ('access' | 'portability')[], language: 'nb' | 'nn' | 'en' = 'nb') =>
    answered({ types, request: { ...BY_POST.request, language } });

  it('prints the copy and points to the download page for the machine-readable file, its code coming by post', async () => {
    const { reply, request } = await byPost(['portability']);

    expect(reply.to).toBe(`post:${request.id}`);
    expect(reply.postal?.reportKey).toBeDefined();
    expect(reply.text).toContain('Kopien følger med dette brevet som en utskrevet rapport');
    expect(reply.text).toContain('Et brev kan ikke bære en fil, så den strukturerte og maskinlesbare filen (JSON) ligger klar på nedlastingssiden:');
    expect(reply.text).toContain(`/download/${request.id}`);
    expect(reply.text).toContain('Den sender vi deg i posten');
  });

  it('says the same in nynorsk and English', async () => {
    expect((await byPost(['portability'], 'nn')).text).toContain('Eit brev kan ikkje bere ei fil');
    expect((await byPost(['portability'], 'en')).text).toContain('A letter cannot carry a file');
  });

  it('sends an access request by post the printed copy only, with no download page', async () => {
    const { reply, request } = await byPost(['access']);

    expect(reply.text).toContain('Kopien følger med dette brevet');
    expect(reply.text).not.toContain(`/download/${request.id}`);
  });
});
