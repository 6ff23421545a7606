import { describe, expect, it } from 'vitest';
import { REMEDIES } from '../../../functions/domain/letters/letter.js';
import {
  unverifiedClosureLetter,
  verificationCodeLetter,
  verificationReminderLetter,
  verifyPageLink,
} from '../../../functions/domain/verification/verification-letters.js';
import type { OutgoingMail } from '../../../functions/domain/mail/mailer.js';
import { LANGUAGES } from '../../../functions/domain/request/request-vocabulary.js';
import { closeUnverified } from '../../../functions/domain/verification/close-unverified.js';
import { resendCode } from '../../../functions/domain/verification/resend-code.js';
import { sendVerificationReminder } from '../../../functions/domain/verification/send-verification-reminder.js';
import { startVerification } from '../../../functions/domain/verification/start-verification.js';
import { EMAIL_LIKE } from '../web-form/page-inspection.js';
import { REQUESTER, REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { BASE_URL, MINUTE, REGISTERED_ELSEWHERE, STRANGER_EMAIL, aProfile, codeIn, verificationWorld } from './verification-fixture.js';

const LINK = `${BASE_URL}/verify/${REQUEST_ID}?lang=nb`;

describe('verifyPageLink', () => {
  it('returns the absolute link with the language, without a double slash', () => {
    expect(verifyPageLink(`${BASE_URL}/`, REQUEST_ID, 'en')).toBe(`${BASE_URL}/verify/${REQUEST_ID}?lang=en`);
  });

  it('returns a relative link when no public base URL is configured', () => {
    expect(verifyPageLink(undefined, REQUEST_ID, 'nb')).toBe(`/verify/${REQUEST_ID}?lang=nb`);
  });
});

describe('verification letters', () => {
  it.each([
    ['nb', 'Engangskode for henvendelsen din', 'Engangskoden din er: 123456', '30 minutter', 'se bort fra'],
    ['en', 'Your one-time code', 'Your one-time code is: 123456', '30 minutes', 'ignore this e-mail'],
  ] as const)('returns a %s code mail with the code, its validity, the link and "ignore if not you"', (language, subject, code, valid, ignore) => {
    const link = verifyPageLink(BASE_URL, REQUEST_ID, language);

    const letter = verificationCodeLetter(aRightsRequest({ language }), { code: '123456', link, name: 'Registrert Navn' });

    expect(letter.subject).toBe(`${subject} – ${language === 'nb' ? 'referanse' : 'reference'} ${REQUEST_ID}`);
    for (const part of [code, valid, ignore, link, 'Registrert Navn']) expect(letter.text).toContain(part);
    expect(letter.text).not.toContain(REQUESTER.name);
  });

  it.each(LANGUAGES)('returns a %s reminder with the new code and the 11 days left', (language) => {
    const letter = verificationReminderLetter(aRightsRequest({ language }), { code: '654321', link: LINK });

    expect(letter.text).toContain(': 654321');
    expect(letter.text).toContain({ nb: '11 dager', nn: '11 dagar', en: '11 days' }[language]);
  });

  it.each(LANGUAGES)('returns a %s closure letter saying why, that a new request can be sent, and both remedies', (language) => {
    const letter = unverifiedClosureLetter(aRightsRequest({ language }), BASE_URL);

    expect(letter.text).toContain(REMEDIES[language]);
    expect(letter.text).toContain(REQUEST_ID);
    expect(letter.text).toContain({ nb: 'ikke fått bekreftet', nn: 'ikkje fått stadfesta', en: 'not been able to confirm' }[language]);
    expect(letter.text).toContain({ nb: 'ny henvendelse når som helst', nn: 'ny førespurnad når som helst', en: 'new request at any time' }[language]);
    expect(letter.text).toContain(`${BASE_URL}/`);
  });

  it('holds no personal data beyond the requester\'s own name', () => {
    const request = aRightsRequest({
      requester: { ...REQUESTER, phone: '+47 912 34 567' },
      details: 'Jeg heter egentlig noe annet',
    });
    const letters = [
      verificationCodeLetter(request, { code: '123456', link: LINK }),
      verificationReminderLetter(request, { code: '123456', link: LINK }),
      unverifiedClosureLetter(request, BASE_URL),
    ];
    for (const letter of letters) {
      const text = `${letter.subject}\n${letter.text}`;
      expect(text).not.toContain(REQUESTER.email);
      expect(text).not.toContain('912 34 567');
      expect(text).not.toContain(request.details!);
      expect((text.match(EMAIL_LIKE) ?? []).filter((address) => address !== 'naerkontor@obos.no')).toEqual([]);
    }
  });
});

/** Mail texts with the code blanked, for comparing a customer's mails with a non-customer's. */
const withoutCodes = (mails: readonly OutgoingMail[]) =>
  mails.map((mail) => ({ subject: mail.subject, purpose: mail.purpose, text: mail.text.replace(/: \d{6}$/gm, ': ######') }));

describe('what a requester receives', () => {
  it("gives the person asking the same mails whether the phone they typed is a customer's or not, and the customer nothing they typed", async () => {
    const typed = { name: 'Mallory Fremmed', email: STRANGER_EMAIL };
    const customer = verificationWorld({ requester: { ...typed, phone: '934 20 183' } }, { profiles: [aProfile({ email: REGISTERED_ELSEWHERE })] });
    const stranger = verificationWorld({ requester: { ...typed, phone: '+47 400 00 000' } }, { profiles: [aProfile({ email: REGISTERED_ELSEWHERE })] });
    for (const world of [customer, stranger]) {
      await startVerification(world.deps, REQUEST_ID);
      world.advance(MINUTE);
      await resendCode(world.deps, REQUEST_ID);
      await sendVerificationReminder(world.deps, REQUEST_ID);
      await closeUnverified(world.deps, REQUEST_ID);
    }
    const toAsker = (world: typeof customer) => world.mailer.sent.filter((mail) => mail.to === STRANGER_EMAIL);

    expect(toAsker(customer)).toHaveLength(4);
    expect(withoutCodes(toAsker(customer))).toEqual(withoutCodes(toAsker(stranger)));
    const toCustomer = customer.mailer.sent.filter((mail) => mail.to === REGISTERED_ELSEWHERE);
    expect(toCustomer).toHaveLength(3);
    for (const mail of toCustomer) expect(mail.text.startsWith(`Hei ${REQUESTER.name},`)).toBe(true);
    for (const mail of [...customer.mailer.sent, ...stranger.mailer.sent]) expect(mail.text).not.toContain('Mallory');
    expect(codeIn(customer.mailer.sent[0]!.text)).toMatch(/^\d{6}$/);
  });
});
