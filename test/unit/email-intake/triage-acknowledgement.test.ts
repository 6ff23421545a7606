import { describe, expect, it } from 'vitest';
import { receiveMail, triageAcknowledgementRequestId } from '../../../functions/domain/intake-mail/receive-mail.js';
import { aMessage, aRecognition, setUp } from './intake-fixture.js';

const UNCERTAIN = aRecognition({ types: ['erasure'], confidence: 0.5 });
const PRIVATE_TEXT = 'Hemmelig tekst om naboen min, Per Persen, og kontonummeret 1234.56.78901';

describe('receiveMail: the acknowledgement of a mail set aside for triage', () => {
  it('answers the sender neutrally: received on which day, staff will look, the one-month clock with its date', async () => {
    const { deps, arrive, mailer, inbox } = setUp();
    const message = aMessage({ subject: `Spørsmål: ${PRIVATE_TEXT}`, ownText: PRIVATE_TEXT });

    await receiveMail(deps, arrive({ message, recognition: UNCERTAIN }, { sesMessageId: 'ses-ack', receiptTimestamp: '2026-11-23T09:15:00.000Z' }));

    expect(mailer.sent).toHaveLength(1);
    const [mail] = mailer.sent;
    expect(mail).toMatchObject({ to: 'ola.nordmann@example.no', purpose: 'triage-acknowledgement', requestId: triageAcknowledgementRequestId('ses-ack'), language: 'nb' });
    expect(mail?.text).toContain('23. november 2026');
    expect(mail?.text).toContain('innen én måned');
    expect(mail?.text).toContain('senest 23. desember 2026');
    expect(mail?.text).toContain('personvernforordningen artikkel 12 nr. 3');
    expect(mail?.text).toContain('saksbehandler ser på den');
    // No echo of what the sender wrote: not the subject, not the text, not their name.
    for (const echoed of ['Per Persen', '1234.56.78901', 'Spørsmål', 'Nordmann']) {
      expect(`${mail?.subject}\n${mail?.text}`).not.toContain(echoed);
    }
    expect(inbox.log.get('ses-ack')).toMatchObject({ outcome: 'triage', autoAnswer: { allowed: true, blockedBy: [] } });
  });

  it('answers in English a mail recognised as English', async () => {
    const { deps, arrive, mailer } = setUp();

    await receiveMail(deps, arrive({ recognition: aRecognition({ types: [], confidence: 0.4, language: 'en', category: 'other' }) }, { sesMessageId: 'ses-en' }));

    expect(mailer.sent[0]?.subject).toBe('We have received your e-mail');
    expect(mailer.sent[0]?.text).toContain('within one month');
  });

  it.each([
    ['an auto-reply', { message: aMessage({ headers: { 'auto-submitted': 'auto-replied' } }) }, 'auto_submitted'],
    ['list mail', { message: aMessage({ headers: { 'list-id': '<news.example.no>' } }) }, 'mailing_list'],
    ['a robot sender', { message: aMessage({ from: { address: 'no-reply@example.no' } }) }, 'system_sender'],
    ['spam by category', { recognition: aRecognition({ types: [], confidence: 0.9, category: 'spam' }) }, 'spam_verdict'],
    ['a newsletter', { recognition: aRecognition({ types: [], confidence: 0.9, category: 'newsletter' }) }, 'mailing_list'],
  ] as const)('sends nothing to %s, and records why', async (_case, mail, blocker) => {
    const { deps, arrive, mailer, inbox } = setUp();

    await receiveMail(deps, arrive({ recognition: UNCERTAIN, ...mail }, { sesMessageId: 'ses-no' }));

    expect(mailer.sent).toEqual([]);
    expect(inbox.log.get('ses-no')).toMatchObject({ outcome: 'triage', autoAnswer: { allowed: false, blockedBy: expect.arrayContaining([blocker]) } });
  });

  it('sends nothing when SES judged the mail spam', async () => {
    const { deps, arrive, mailer } = setUp();

    await receiveMail(deps, arrive({ recognition: UNCERTAIN }, { sesMessageId: 'ses-spam', verdicts: { spam: 'FAIL' } }));

    expect(mailer.sent).toEqual([]);
  });

  it('shares the per-sender limit of three automatic answers a day with the case acknowledgements', async () => {
    const { deps, arrive, mailer, inbox } = setUp();
    for (let i = 0; i < 4; i++) {
      await receiveMail(deps, arrive({ message: aMessage({ messageId: `<m${i}@example.no>` }), recognition: UNCERTAIN }, { sesMessageId: `ses-${i}` }));
    }

    expect(mailer.sent).toHaveLength(3);
    expect(inbox.log.get('ses-3')).toMatchObject({ autoAnswer: { allowed: false, blockedBy: ['rate_limit'] } });
  });

  it('sends one acknowledgement when the same mail is delivered twice or the function is retried', async () => {
    const { deps, arrive, mailer } = setUp();
    const event = arrive({ recognition: UNCERTAIN }, { sesMessageId: 'ses-retry' });

    await receiveMail(deps, event);
    await receiveMail(deps, event);

    expect(mailer.sent).toHaveLength(1);
  });

  it('retried after the mail service failed, sends the recorded acknowledgement', async () => {
    const { deps, arrive, mailer, inbox } = setUp();
    const event = arrive({ recognition: UNCERTAIN }, { sesMessageId: 'ses-fail' });
    mailer.failWith(new Error('SES throttled'), 1);

    await expect(receiveMail(deps, event)).rejects.toThrow('SES throttled');
    await receiveMail(deps, event);

    expect(inbox.triage).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1);
  });
});
