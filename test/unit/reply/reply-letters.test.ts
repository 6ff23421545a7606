import { keptRecordsText } from '../../../functions/domain/letters/kept-records-text.js';
import { describe, expect, it } from 'vitest';
import { approvedReplyLetter, rejectedReplyLetter, type ReplyFacts } from '../../../functions/domain/letters/reply-letters.js';
import { REMEDIES } from '../../../functions/domain/letters/letter.js';
import type { Language } from '../../../functions/domain/request/request-vocabulary.js';
import { CUSTOMER, ACTIVE_CUSTOMER, scenario } from '../carry-out/carry-out-fixture.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';
import { answered, answeredWith } from './reply-fixture.js';

const C = CUSTOMER.customerId;

/** What an access reply must carry about the processing (Art. 15(1)(a)–(h)), per language. */
const ART_15_SUMMARY: Readonly<Record<Language, readonly string[]>> = {
  nb: ['Formål:', 'Kategorier:', 'Mottakere:', 'Lagringstid:', 'Kilde:', 'Rettighetene dine:', 'Datatilsynet', 'Automatiserte avgjørelser:', 'Unloc'],
  nn: ['Føremål:', 'Kategoriar:', 'Mottakarar:', 'Lagringstid:', 'Kjelde:', 'Rettane dine:', 'Datatilsynet', 'Automatiserte avgjerder:', 'Unloc'],
  en: ['Purposes:', 'Categories:', 'Recipients:', 'Storage period:', 'Source:', 'Your rights:', 'Datatilsynet', 'Automated decisions:', 'Unloc'],
};

const LINK = 'https://personvern.example.no/download/NK-20261123-7KQ4M2PX';

describe('approvedReplyLetter: access and portability', () => {
  it.each([
    ['nb', '8. desember 2026'],
    ['en', '8 December 2026'],
  ] as const)('returns a %s letter with the download link, its expiry and the Art. 15 summary, never the data', async (language, expiry) => {
    // Prepare, Act
    const { reply, text } = await answered({ types: ['access'], request: { language } });
    // Assess
    expect(reply.subject).toContain('NK-20261123-7KQ4M2PX');
    expect(text).toContain(`${LINK}?lang=${language}`);
    expect(text).toContain(expiry);
    for (const item of ART_15_SUMMARY[language]) expect(text).toContain(item);
    expect(text).toContain(REMEDIES[language]);
    for (const data of [CUSTOMER.phone, CUSTOMER.street, '2024-00017', 'E-2', 'Flex March']) expect(text).not.toContain(data);
  });

  it('says the data file is machine-readable for taking elsewhere when portability was asked for', async () => {
    const { text } = await answered({ types: ['portability'], request: { language: 'en' } });

    expect(text).toContain('machine-readable');
    expect(text).toContain('Article 20');
  });
});

describe('approvedReplyLetter: the first paragraph', () => {
  const firstParagraph = (text: string): string => text.split('\n\n')[1] ?? '';

  it.each(['nb', 'en'] as const)('says first, in %s, what we did not do and why: the customer relationship and the bookkeeping duty with its last date', async (language) => {
    const { text } = await answered({ types: ['erasure'], held: ACTIVE_CUSTOMER, request: { language } });

    const lead = firstParagraph(text);
    expect(lead).toContain(language === 'nb' ? 'Vi har ikke slettet alt, fordi sletting ikke lar seg kombinere' : 'We have not erased everything, because erasure cannot be combined');
    expect(lead).toContain(language === 'nb' ? 'bokføringsloven § 13' : 'section 13 of the Norwegian Bookkeeping Act');
    expect(lead).toContain(language === 'nb' ? '31. desember 2029' : '31 December 2029');
    expect(lead).toContain(language === 'nb' ? '2 oppføringer (fakturaer og betalinger)' : '2 records (invoices and payments)');
    expect(lead.length).toBeLessThan(600);
  });

  it('says first that everything was done when it was', async () => {
    const { text } = await answered({ types: ['access'] });

    expect(firstParagraph(text)).toBe('Vi har gjort alt du ba om.');
  });

  it('names a refused correction in the first paragraph', async () => {
    const { text } = await answered({
      types: ['rectification'],
      corrections: [{ customerId: CUSTOMER.customerId, field: 'phone', to: 'ikke et nummer' }],
    });

    expect(firstParagraph(text)).toContain('Vi har ikke rettet alt du ba om.');
  });
});

describe('approvedReplyLetter: erasure', () => {
  it.each(['nb', 'en'] as const)('returns a %s letter saying what was erased, what is kept, why and until which date', async (language) => {
    const { text } = await answered({ types: ['erasure'], request: { language } });

    expect(text).toContain(language === 'nb' ? 'Dørhendelser (adgangslogg fra Unloc): 2 oppføringer slettet' : 'Door events (access log from Unloc): 2 records erased');
    expect(text).toContain(language === 'nb' ? 'anonymisert' : 'anonymised');
    // One class per retention rule of bokføringsloven § 13, one end date each.
    expect(text).toContain(language === 'nb' ? 'fem år etter utgangen av regnskapsåret' : 'five years after the end of the financial year');
    expect(text).toContain(language === 'nb' ? 'tre år og seks måneder etter utgangen av' : 'three years and six months');
    expect(text).toContain(
      language === 'nb' ? 'Fakturaer (1 oppføring): oppbevares til og med 31. desember 2029' : 'Invoices (1 record): kept until 31 December 2029 inclusive',
    );
    expect(text).toContain(
      language === 'nb' ? 'Betalinger (1 oppføring): oppbevares til og med 30. juni 2028' : 'Payments (1 record): kept until 30 June 2028 inclusive',
    );
    expect(text).toContain(language === 'nb' ? 'navnet og adressen din' : 'your name and address');
    expect(text).toContain(language === 'nb' ? 'bokføringsforskriften § 5-1-1' : 'section 5-1-1');
    expect(text).toContain(REMEDIES[language]);
    expect(text).not.toContain(CUSTOMER.street);
  });

  it('summarises accounting records of several fiscal years per class with one end date each, not a line per year', () => {
    const letter = keptRecordsText(
      {
        kept: [
          { category: 'invoice', recordIds: ['invoice:a', 'invoice:b'], reason: { nb: '', nn: '', en: '' }, legalBasis: '', until: '2027-12-31', kind: 'legal_obligation', retentionClass: 'primary' },
          { category: 'invoice', recordIds: ['invoice:c'], reason: { nb: '', nn: '', en: '' }, legalBasis: '', until: '2026-12-31', kind: 'legal_obligation', retentionClass: 'primary' },
          { category: 'payment', recordIds: ['payment:p'], reason: { nb: '', nn: '', en: '' }, legalBasis: '', until: '2026-06-30', kind: 'legal_obligation', retentionClass: 'secondary' },
        ],
      },
      'nb',
    ).join('\n');

    const primary = letter.indexOf('fem år');
    const secondary = letter.indexOf('tre år og seks måneder');
    expect(primary).toBeGreaterThanOrEqual(0);
    expect(secondary).toBeGreaterThan(primary);
    expect(letter).toContain('Fakturaer (3 oppføringer): oppbevares senest til og med 31. desember 2027; oppføringene fra tidligere regnskapsår sletter vi før');
    expect(letter).not.toContain('2026-12-31');
    expect(letter).not.toContain('31. desember 2026');
    expect(letter.indexOf('Betalinger (1 oppføring): oppbevares til og med 30. juni 2026')).toBeGreaterThan(secondary);
    expect(letter.match(/fem år/g)).toHaveLength(1);
    expect(letter.match(/til og med/g)).toHaveLength(2);
    expect(letter.match(/•/g)).toHaveLength(2);
  });

  it.each(['nb', 'en'] as const)('returns a %s letter with the reasons and both remedies when the erasure is only partly done', async (language) => {
    const { text } = await answered({ types: ['erasure'], held: ACTIVE_CUSTOMER, request: { language } });

    expect(text).toContain(language === 'nb' ? 'Dette har vi ikke gjort, og hvorfor' : 'What we have not done, and why');
    expect(text).toContain(
      language === 'nb'
        ? 'Vi har ikke slettet alt, fordi sletting ikke lar seg kombinere med et eksisterende kundeforhold'
        : 'We have not erased everything, because erasure cannot be combined with an existing customer relationship',
    );
    expect(text).not.toMatch(/personvernerklæring|privacy (policy|statement)/i);
    expect(text).toContain(language === 'nb' ? 'Så lenge kundeforholdet varer.' : 'As long as the customer relationship lasts.');
    expect(text).toContain('Datatilsynet');
    expect(text).toContain(language === 'nb' ? 'domstolene' : 'court');
  });
});

describe('approvedReplyLetter: rectification', () => {
  it('says which fields were corrected, effective now', async () => {
    const { text } = await answered({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'email', to: 'ny.adresse@example.no' }],
    });

    expect(text).toContain('Vi har rettet e-postadressen din. Rettingen gjelder fra nå.');
    expect(text).not.toContain('ny.adresse@example.no');
  });

  it('gives the reason and both remedies when a correction was refused as stale', async () => {
    const fixture = scenario({
      types: ['rectification'],
      request: { language: 'en' },
      corrections: [{ customerId: C, field: 'phone', to: '+4791234567' }],
    });
    await fixture.data.customers.correctProfile(C, [{ field: 'phone', from: CUSTOMER.phone, to: '+4799999999' }], '2026-11-24T07:50:00.000Z');

    const { text } = await answeredWith(fixture);

    expect(text).toContain('We have not corrected anything.');
    expect(text).toContain('We have not corrected your phone number: the data were changed after we assessed your request');
    expect(text).toContain(REMEDIES.en);
  });
});

describe('approvedReplyLetter: consent, objection and restriction', () => {
  it('says the consent is withdrawn from now', async () => {
    const { text } = await answered({ types: ['consent_withdrawal'] });

    expect(text).toContain('Vi har registrert at du trekker tilbake samtykket til nyhetsbrev på e-post. Det gjelder fra nå.');
  });

  it('says the person is opted out of marketing in every channel from now, and that service messages continue', async () => {
    const { text } = await answered({ types: ['objection'], request: { language: 'en' } });

    expect(text).toContain('You are now opted out of marketing by e-mail, SMS, phone and addressed post. This applies from now.');
    expect(text).toContain('We do not stop important information about your customer relationship');
    expect(text).toContain(REMEDIES.en);
  });

  it('says processing is restricted from now and that the person is told before it is lifted', async () => {
    const { text } = await answered({ types: ['restriction'] });

    expect(text).toContain('Fra nå lagrer vi bare opplysningene om deg');
    expect(text).toContain('Vi gir deg beskjed før begrensningen oppheves.');
  });
});

describe('approvedReplyLetter: recipients (Art. 19)', () => {
  it('names the recipients that were notified', async () => {
    const { text } = await answered({ types: ['restriction'], request: { language: 'en' } });

    expect(text).toContain('Recipients we have notified');
    expect(text).toContain('(Article 19 of the General Data Protection Regulation)');
    expect(text).toContain('Unloc (the access system): restriction');
  });

  it('names a recipient that could not be notified, with the remedies', async () => {
    const { text } = await answered({ types: ['restriction'], recipientAddresses: { unloc: 'privacy@unloc.example' } });

    expect(text).toContain('Unloc (adgangssystemet): begrensning');
    expect(text).toContain('Vi har ennå ikke fått varslet regnskaps- og fakturaleverandøren vår om endringene.');
    expect(text).toContain(REMEDIES.nb);
  });
});

describe('approvedReplyLetter: several types at once', () => {
  it('answers every type asked for in one letter', async () => {
    const { text } = await answered({
      types: ['access', 'rectification', 'erasure', 'objection'],
      corrections: [{ customerId: C, field: 'name', to: 'Kari Olsen' }],
    });

    for (const heading of ['Kopi av opplysningene dine', 'Retting', 'Sletting', 'Reservasjon mot markedsføring', 'Mottakere vi har varslet', 'Om behandlingen av opplysningene dine']) {
      expect(text).toContain(heading);
    }
  });
});

describe('approvedReplyLetter: nothing held', () => {
  it.each([
    ['nb', 'Vi har ingen personopplysninger om deg utover denne henvendelsen'],
    ['en', 'We hold no personal data about you other than this request'],
  ] as const)('confirms in %s that we hold nothing but the request, and no more', async (language, sentence) => {
    const { text } = await answered({
      types: ['access', 'erasure'],
      held: {},
      request: { language, verification: { status: 'verified', subject: 'address' }, customerIds: [] },
    });

    expect(text).toContain(sentence);
    expect(text).not.toContain('/download/');
    expect(text).not.toMatch(/kunde(nummer|referanse)|customer (number|reference)/i);
    expect(text).toContain(REMEDIES[language]);
  });
});

describe('approvedReplyLetter: pure', () => {
  it('names a recipient not yet notified among what was not done', () => {
    const { plan } = scenario({ types: ['restriction'] });
    const facts: ReplyFacts = {
      request: aRightsRequest({ types: ['restriction'], language: 'en' }),
      plan,
      corrections: [],
      recipients: [{ id: 'unloc', name: 'Unloc', customerIds: [C], changes: [{ reason: 'restriction', categories: ['door_event'], fields: [] }], status: 'no_address' }],
    };

    const letter = approvedReplyLetter(facts);

    expect(letter.text).toContain('We have not yet been able to notify Unloc (the access system)');
    expect(letter.text).toContain(REMEDIES.en);
  });
});

describe('rejectedReplyLetter', () => {
  it.each(['nb', 'en'] as const)('returns a %s refusal with the reason and both remedies', (language) => {
    const letter = rejectedReplyLetter(aRightsRequest({ language }), 'Vi kan ikke bekrefte identiteten din.');

    expect(letter.text).toContain('Vi kan ikke bekrefte identiteten din.');
    expect(letter.text).toContain(REMEDIES[language]);
  });
});
