import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageTooLargeError, UnparseableMessageError } from '../../../functions/domain/inbox/inbound-message-errors.js';
import { parseInboundMessage } from '../../../functions/domain/inbox/parse-inbound-message.js';
import { rawMail } from './inbound-message-fixture.js';

const PERSONAL = 'Kari Nordmann';

async function parseError(raw: Buffer | string, limits = {}): Promise<unknown> {
  try {
    await parseInboundMessage(raw, limits);
  } catch (error) {
    return error;
  }
  throw new Error('expected parseInboundMessage to throw');
}

describe('parseInboundMessage', () => {
  it('returns the envelope fields, subject decoded, addresses plain', async () => {
    const message = await parseInboundMessage(
      rawMail('Hei, jeg ber om innsyn.', {
        From: '=?UTF-8?Q?Kari_Nordmann?= <kari.nordmann@example.no>',
        To: 'naerkontor@obos.no, "Ola" <ola@example.no>',
        'Reply-To': 'kari.privat@example.no',
        Subject: '=?UTF-8?Q?Innsynsbegj=C3=A6ring?=',
        'In-Reply-To': '<b@obos.no>',
        References: '<a@obos.no> <b@obos.no>',
      }),
    );

    expect(message).toMatchObject({
      messageId: '<test-1@example.no>',
      inReplyTo: '<b@obos.no>',
      references: ['<a@obos.no>', '<b@obos.no>'],
      subject: 'Innsynsbegjæring',
      from: { address: 'kari.nordmann@example.no', name: 'Kari Nordmann' },
      replyTo: 'kari.privat@example.no',
      to: ['naerkontor@obos.no', 'ola@example.no'],
      date: '2026-11-16T09:00:00.000Z',
      ownText: 'Hei, jeg ber om innsyn.',
      quotedText: '',
      signature: '',
      attachments: [],
    });
  });

  it('lower-cases header names, unfolds and decodes values, and joins a repeated header with newlines', async () => {
    const message = await parseInboundMessage(
      rawMail('Hei', {
        Received: 'from a by b;\r\n\tMon, 16 Nov 2026 10:00:00 +0100',
        'Auto-Submitted': 'auto-replied',
        'X-Note': '=?iso-8859-1?Q?V=E6r_s=E5_snill?=',
      }).replace('Received: from a', 'Received: from z by y\r\nReceived: from a'),
    );

    expect(message.headers['auto-submitted']).toBe('auto-replied');
    expect(message.headers['x-note']).toBe('Vær så snill');
    expect(message.headers.received).toBe('from z by y\nfrom a by b; Mon, 16 Nov 2026 10:00:00 +0100');
    expect(Object.keys(message.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('keeps a header named __proto__ as an ordinary key', async () => {
    const message = await parseInboundMessage(rawMail('Hei').replace('From:', '__proto__: polluted\r\nFrom:'));

    expect(Object.getPrototypeOf(message.headers)).toBe(Object.prototype);
    expect(message.headers.__proto__).toBe('polluted');
  });

  it('splits own text, quoted reply and signature', async () => {
    const message = await parseInboundMessage(
      rawMail('Takk!\n\nMvh\nKari\n\nDen tor. 10. des. 2026 kl. 07:45 skrev OBOS Nærkontor <naerkontor@obos.no>:\n> Slett meg fra alle systemene deres.'),
    );

    expect(message.ownText).toBe('Takk!');
    expect(message.signature).toBe('Mvh\nKari');
    expect(message.quotedText).toContain('> Slett meg');
  });

  it('reads the text from the HTML part when the mail has no text part', async () => {
    const message = await parseInboundMessage(
      rawMail('<html><body><p>Hei!</p><p>Jeg vil ha <b>innsyn</b> &amp; en kopi.</p><p>Vennlig hilsen<br>Maria</p></body></html>', {
        'Content-Type': 'text/html; charset=utf-8',
      }),
    );

    expect(message.ownText).toBe('Hei!\n\nJeg vil ha innsyn & en kopi.');
    expect(message.signature).toBe('Vennlig hilsen\nMaria');
  });

  it('prefers the text part over the HTML part of a multipart/alternative mail', async () => {
    const raw = rawMail(
      '--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSlett meg (tekst)\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Slett meg (html)</p>\r\n--alt--\r\n',
      { 'Content-Type': 'multipart/alternative; boundary="alt"' },
    );

    expect((await parseInboundMessage(raw)).ownText).toBe('Slett meg (tekst)');
  });

  it('lists attachments by name, type and size and never reads them as text', async () => {
    const raw = rawMail(
      '--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSe vedlegg.\r\n--mix\r\nContent-Type: text/plain; name="notat.txt"\r\nContent-Disposition: attachment; filename="notat.txt"\r\n\r\nslett meg og gi meg innsyn\r\n--mix\r\nContent-Type: application/pdf; name="fullmakt.pdf"\r\nContent-Disposition: attachment; filename="fullmakt.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--mix--\r\n',
      { 'Content-Type': 'multipart/mixed; boundary="mix"' },
    );

    const message = await parseInboundMessage(raw);

    expect(message.ownText).toBe('Se vedlegg.');
    expect(message.attachments).toEqual([
      { filename: 'notat.txt', contentType: 'text/plain', size: expect.any(Number) },
      { filename: 'fullmakt.pdf', contentType: 'application/pdf', size: 9 },
    ]);
  });

  it('accepts a Buffer and a string alike', async () => {
    const raw = rawMail('Hei, slett meg.');

    expect(await parseInboundMessage(Buffer.from(raw))).toEqual(await parseInboundMessage(raw));
  });

  it('throws MessageTooLargeError for raw mail past the raw limit, naming sizes only', async () => {
    const error = await parseError(rawMail(`${PERSONAL} `.repeat(200)), { maxRawBytes: 1000 });

    expect(error).toBeInstanceOf(MessageTooLargeError);
    expect(error).toMatchObject({ part: 'raw', limitBytes: 1000 });
    expect((error as Error).message).not.toContain(PERSONAL);
  });

  it('throws MessageTooLargeError when the own text is past its limit, not when only the quote is long', async () => {
    const longQuote = rawMail(`Takk!\n\nOn 1 Dec 2026, at 10:00, OBOS <n@obos.no> wrote:\n${'> sitat\n'.repeat(5000)}`);

    await expect(parseInboundMessage(longQuote, { maxOwnTextBytes: 1000 })).resolves.toMatchObject({ ownText: 'Takk!' });
    expect(await parseError(rawMail('ord '.repeat(400)), { maxOwnTextBytes: 1000 })).toMatchObject({ name: 'MessageTooLargeError', part: 'own_text' });
  });

  it('has 10 MB raw and 50 kB own text as default limits', async () => {
    expect(await parseError('x'.repeat(10 * 1024 * 1024 + 1))).toMatchObject({ part: 'raw', limitBytes: 10 * 1024 * 1024 });
    expect(await parseError(rawMail('ord '.repeat(13_000)))).toMatchObject({ part: 'own_text', limitBytes: 50 * 1024 });
  });

  it.each([
    ['empty', ''],
    ['empty', '  \r\n\r\n  '],
    ['not_a_mail', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['missing_headers', `Hei\n\nJeg heter ${PERSONAL} og vil ha innsyn.`],
    [
      'broken_multipart',
      rawMail(`--wrong\r\nContent-Type: text/plain\r\n\r\n${PERSONAL} vil slettes\r\n--wrong--\r\n`, { 'Content-Type': 'multipart/mixed; boundary="right"' }),
    ],
    ['undecodable_body', rawMail('//79/f79/f79/f79/f79/f79/f79/f79/f79AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8A', { 'Content-Transfer-Encoding': 'base64' })],
  ])('throws UnparseableMessageError (%s) for malformed input, with no mail content in the message', async (reason, raw) => {
    const error = await parseError(raw);

    expect(error).toBeInstanceOf(UnparseableMessageError);
    expect(error).toMatchObject({ reason });
    expect((error as Error).message).toBe(`inbound message cannot be parsed: ${reason}`);
  });

  it('reads what it can of a mail with missing From and Date, an unterminated multipart, or Latin-1 bytes declared UTF-8', async () => {
    const noFrom = `To: naerkontor@obos.no\r\nSubject: innsyn\r\n\r\nJeg ber om innsyn.`;
    const unterminated = rawMail('--p\r\nContent-Type: text/plain\r\n\r\nRett fødselsdatoen min.\r\n', { 'Content-Type': 'multipart/mixed; boundary="p"' });
    const latin1 = Buffer.from(rawMail('Jeg ønsker å slette kontoen min.'), 'latin1');

    expect(await parseInboundMessage(noFrom)).toMatchObject({ ownText: 'Jeg ber om innsyn.', subject: 'innsyn' });
    expect((await parseInboundMessage(noFrom)).from).toBeUndefined();
    expect((await parseInboundMessage(unterminated)).ownText).toBe('Rett fødselsdatoen min.');
    expect((await parseInboundMessage(latin1)).ownText).toContain('slette kontoen min');
  });

  it('never throws anything but the two typed errors, whatever bytes arrive', async () => {
    const mailish = fc.string().map((body) => rawMail(body));
    const mutated = fc.tuple(fc.constantFrom(rawMail('Hei, slett meg.', { 'Content-Type': 'multipart/mixed; boundary="b"' }), rawMail('<p>x</p>', { 'Content-Type': 'text/html' })), fc.uint8Array({ maxLength: 64 }), fc.nat(400)).map(
      ([raw, noise, at]) => Buffer.concat([Buffer.from(raw).subarray(0, at), Buffer.from(noise), Buffer.from(raw).subarray(at)]),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.uint8Array().map((bytes) => Buffer.from(bytes)), mailish, mutated), async (raw) => {
        try {
          await parseInboundMessage(raw);
        } catch (error) {
          expect(error instanceof UnparseableMessageError || error instanceof MessageTooLargeError).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws UnparseableMessageError for input that is neither a Buffer nor a string', async () => {
    expect(await parseError(undefined as unknown as string)).toMatchObject({ reason: 'empty' });
  });
});
