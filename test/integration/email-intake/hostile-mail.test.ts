import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_OUTCOMES } from '../../../functions/domain/intake-mail/inbox-entries.js';
import { parseInboundMessage } from '../../../functions/domain/inbox/parse-inbound-message.js';
import { recognise } from '../../../functions/domain/inbox/recognise.js';
import { osloCalendarDate } from '../../../functions/domain/deadline/index.js';
import { INBOX_ADDRESS, collect, startIntakeHarness, type IntakeHarness } from './intake-harness.js';

/** The repo's list of hostile strings (markup, injections, control and bidi characters, lone surrogates, oversize). */
const HOSTILE: string[] = JSON.parse(readFileSync(new URL('../../fixtures/hostile-strings.json', import.meta.url), 'utf8'));

let harness: IntakeHarness;
beforeAll(async () => {
  harness = await startIntakeHarness({ parse: (raw) => parseInboundMessage(raw), recognise });
});
afterAll(async () => harness?.stop());

let sequence = 0;
const nextSender = () => `hostile.${++sequence}.${Date.now()}@example.no`;

/** Sends raw MIME over SMTP as a mail server would; the SMTP answer must be 250 (taken in). */
async function sendRaw(what: string, raw: string | Buffer, envelopeFrom = nextSender()): Promise<void> {
  const count = harness.delivered.length;
  const info = await harness.transport.sendMail({ envelope: { from: envelopeFrom, to: [INBOX_ADDRESS] }, raw }).catch((error: Error) => {
    throw new Error(`${what}: the inbox refused or dropped it (${error.message})`);
  });
  expect(info.accepted, what).toEqual([INBOX_ADDRESS]);
  expect(harness.delivered.length, `${what}: handed to the intake once`).toBe(count + 1);
}

/**
 * Every mail handed to the intake ended as one outcome, is on the inbox log, and a case outcome
 * names a stored case: nothing crashed, nothing was lost.
 */
async function expectEveryMailAccountedFor(fromIndex: number): Promise<void> {
  const deliveries = harness.delivered.slice(fromIndex);
  const dates = new Set(deliveries.map(({ event }) => osloCalendarDate(event.Records[0]!.ses.receipt.timestamp)));
  const logged = new Map<string, string>();
  for (const date of dates) for (const entry of await collect(harness.inbox.listLog(date))) logged.set(entry.inboxId, entry.outcome);
  for (const { event, result } of deliveries) {
    const [mail] = result.mails;
    const subject = event.Records[0]!.ses.mail.commonHeaders?.subject?.slice(0, 40);
    expect(INBOX_OUTCOMES, `outcome of «${subject}»`).toContain(mail!.outcome);
    expect(logged.get(mail!.inboxId), `log entry of «${subject}»`).toBe(mail!.outcome);
    if (mail!.outcome === 'case') expect(await harness.requests.get(mail!.caseId!), `case of «${subject}»`).toBeDefined();
  }
}

const CRLF = '\r\n';
const mime = (headers: readonly string[], body: string): string => [...headers, '', body].join(CRLF);

describe('inbound mail fed hostile content', { timeout: 300_000 }, () => {
  it('takes in every hostile subject, display name and body as a case, triage or quarantine', async () => {
    const start = harness.delivered.length;
    for (const [index, value] of HOSTILE.entries()) {
      const from = nextSender();
      await harness.transport.sendMail({
        from: { name: value, address: from },
        to: INBOX_ADDRESS,
        subject: `${value} innsyn`,
        text: `Jeg ber om innsyn. ${value}`,
        html: `<p>Jeg ber om innsyn.</p><script>alert(${index})</script><img src=x onerror=alert(1)>${value}`,
        messageId: `<hostile.${index}.${Date.now()}@example.no>`,
      });
    }
    expect(harness.delivered.length - start).toBe(HOSTILE.length);
    await expectEveryMailAccountedFor(start);
  });

  it('takes in hostile From headers, raw encoded words and control bytes without losing the mail', async () => {
    const start = harness.delivered.length;
    const fromHeaders = [
      'From: <script>alert(1)</script>',
      'From: "=?utf-8?B?PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==?=" <evil@example.no>',
      'From: =?utf-8?Q?=00=01=02?= <nul@example.no>',
      'From: <<>>@@example..no',
      'From: naerkontor@obos.no',
      'From: "Kari" <kari@example.no>, "Ola" <ola@example.no>',
      `From: ${'a'.repeat(5000)}@example.no`,
      'From: "\u202eonhcaxe@irak" <bidi@example.no>',
      'From: undefined',
      'From: ',
    ];
    for (const [index, from] of fromHeaders.entries()) {
      await sendRaw(from.slice(0, 40), mime([from, `To: ${INBOX_ADDRESS}`, 'Subject: Innsyn', `Message-ID: <from.${index}.${Date.now()}@x>`], 'Jeg ber om innsyn i opplysningene om meg.'));
    }
    await sendRaw('no headers at all', `${CRLF}Jeg ber om innsyn.`);
    await sendRaw('NUL bytes in the header', Buffer.from(`From: a\u0000b@example.no${CRLF}Subject: In\u0000nsyn${CRLF}${CRLF}innsyn${CRLF}`, 'latin1'));
    await sendRaw(
      'broken encoded words',
      mime(['From: =?x-unknown?Q?Kari?= <k1@example.no>', 'Subject: =?utf-8?B?####?= =?utf-8?Q?=FF=FE?= =?iso-2022-jp?B?GyRCJDMbKEI?='], 'innsyn'),
    );
    await expectEveryMailAccountedFor(start);
  });

  it('takes in broken charsets and transfer encodings', async () => {
    const start = harness.delivered.length;
    const bodies: [string, string[], string][] = [
      ['unknown charset', ['Content-Type: text/plain; charset=x-no-such-charset'], 'Jeg ber om innsyn.'],
      ['utf-7', ['Content-Type: text/plain; charset=utf-7'], '+ADw-script+AD4-alert(1)+ADw-/script+AD4- innsyn'],
      ['invalid base64', ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], '!!!!not base64@@@@\r\n===='],
      ['invalid quoted-printable', ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], 'innsyn =ZZ =\r\n=F'],
      ['unknown transfer encoding', ['Content-Type: text/plain', 'Content-Transfer-Encoding: x-uuencode-9'], 'innsyn'],
      ['bad UTF-8 bytes', ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'], '\u00ff\u00fe\u00c3 innsyn \u00ed\u00a0\u0080'],
      ['html only with script', ['Content-Type: text/html; charset=utf-8'], '<html><body onload=alert(1)><script>document.write(1)</script><p>Slett meg</p></body></html>'],
      ['multipart without boundary', ['Content-Type: multipart/mixed'], 'innsyn'],
      ['multipart with unclosed boundary', ['Content-Type: multipart/alternative; boundary="b1"'], '--b1\r\nContent-Type: text/plain\r\n\r\ninnsyn\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>'],
      ['content type garbage', ['Content-Type: ;;;===""""; charset'], 'innsyn'],
    ];
    for (const [what, headers, body] of bodies) {
      const raw = Buffer.from(mime([`From: ${nextSender()}`, `To: ${INBOX_ADDRESS}`, `Subject: ${what}`, 'MIME-Version: 1.0', ...headers], body), 'latin1');
      await sendRaw(what, raw);
    }
    await expectEveryMailAccountedFor(start);
  });

  it('takes in deeply nested multiparts, many parts and an oversized text under the size limit', async () => {
    const start = harness.delivered.length;
    const depth = 200;
    let nested = 'Content-Type: text/plain\r\n\r\nJeg ber om innsyn.';
    for (let level = depth; level > 0; level--) nested = `Content-Type: multipart/mixed; boundary="n${level}"\r\n\r\n--n${level}\r\n${nested}\r\n--n${level}--`;
    await sendRaw('200 nested multiparts', [`From: ${nextSender()}`, `To: ${INBOX_ADDRESS}`, 'Subject: Dypt', 'MIME-Version: 1.0', nested].join(CRLF));

    const parts = Array.from({ length: 2000 }, (_, index) => `--m\r\nContent-Type: application/octet-stream; name="f${index}.bin"\r\nContent-Disposition: attachment\r\n\r\nx`).join(CRLF);
    await sendRaw('2,000 parts', mime([`From: ${nextSender()}`, `To: ${INBOX_ADDRESS}`, 'Subject: Mange', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="m"'], `${parts}\r\n--m--`));

    const line = `${'innsyn '.repeat(120)}\r\n`;
    await sendRaw('8 MB of text', mime([`From: ${nextSender()}`, `To: ${INBOX_ADDRESS}`, 'Subject: Lang'], line.repeat(Math.floor((8 * 1024 * 1024) / line.length))));
    await sendRaw('a 200 kB subject', mime([`From: ${nextSender()}`, `To: ${INBOX_ADDRESS}`, `Subject: ${'Innsyn '.repeat(30_000)}`], 'innsyn'));
    await sendRaw('5,000 headers', mime([`From: ${nextSender()}`, `To: ${INBOX_ADDRESS}`, 'Subject: Hoder', ...Array.from({ length: 5000 }, (_, i) => `X-H${i}: ${i}`)], 'innsyn'));
    await expectEveryMailAccountedFor(start);
  });

  it('takes the same SES delivery handed to the intake twice (a retried invocation) as one outcome, one case and one log line', async () => {
    const messageId = `<redelivered.${Date.now()}@example.no>`;
    await harness.transport.sendMail({ from: nextSender(), to: INBOX_ADDRESS, subject: 'Sletting', text: 'Slett alt dere har om meg.', messageId });
    const first = harness.delivered.at(-1)!;
    // A start again names the same execution (the request id), which Step Functions takes as the one already running.
    const executions = () => new Set(harness.workflow.started).size;
    const started = executions();

    const again = await harness.redeliver(first.event);

    expect(first.result.mails[0]?.outcome).toBe('case');
    expect(again.mails).toEqual([{ ...first.result.mails[0], recorded: false }]);
    expect(executions()).toBe(started);
    const caseId = first.result.mails[0]!.caseId!;
    const trail = await harness.requests.auditTrail(caseId);
    expect(trail.map((entry) => entry.event)).toEqual(['request.received', 'mail.request_received']);
    const cases = (await collect(harness.requests.listAll())).filter((request) => request.requester.email === first.event.Records[0]!.ses.mail.source);
    expect(cases.map((request) => request.id)).toEqual([caseId]);
  });
});
