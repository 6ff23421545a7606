import { describe, expect, it } from 'vitest';
import { mergedLetter } from '../../../functions/domain/letters/merged-letter.js';
import { REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';

const TARGET = 'NK-20261120-0R1G1NAM';

describe('mergedLetter', () => {
  it.each([
    {
      language: 'nb',
      subject: `Henvendelsen din behandles sammen med en annen – referanse ${REQUEST_ID}`,
      greeting: 'Hei,',
      answer: `Du får svaret på begge under referanse ${TARGET}`,
    },
    {
      language: 'en',
      subject: `Your request is handled together with another – reference ${REQUEST_ID}`,
      greeting: 'Hello,',
      answer: `You will receive our answer to both under reference ${TARGET}`,
    },
  ] as const)('returns a $language letter naming both references when the target is given', (expected) => {
    const letter = mergedLetter(aRightsRequest({ language: expected.language }), TARGET);

    expect(letter.subject).toBe(expected.subject);
    expect(letter.text.startsWith(expected.greeting)).toBe(true);
    expect(letter.text).toContain(REQUEST_ID);
    expect(letter.text).toContain(expected.answer);
    expect(letter.text).toContain('naerkontor@obos.no');
  });

  it.each([
    { language: 'nb', unnamed: 'en henvendelse vi allerede behandler', contact: 'Mener du at dette er feil' },
    { language: 'en', unnamed: 'a request we are already handling', contact: 'If you think this is a mistake' },
  ] as const)('returns a $language letter naming no other case when the target is left out', (expected) => {
    const letter = mergedLetter(aRightsRequest({ language: expected.language }));

    expect(letter.text).toContain(expected.unnamed);
    expect(letter.text).toContain(expected.contact);
    expect(letter.text).toContain(REQUEST_ID);
    expect(letter.text).not.toMatch(/NK-\d{8}-(?!7KQ4M2PX)/);
  });

  it.each(['nb', 'en'] as const)('tells the %s reader the case under this reference is closed and gives our contact details', (language) => {
    const letter = mergedLetter(aRightsRequest({ language }));

    expect(letter.text).toContain(language === 'en' ? `have closed reference ${REQUEST_ID}` : `har avsluttet referanse ${REQUEST_ID}`);
    expect(letter.text).toContain('OBOS Nærkontor AS');
    expect(letter.text).toContain('Postboks 6666 St Olavs Plass');
  });

  it.each(['nb', 'en'] as const)('renders the %s letter with no undefined or [object Object]', (language) => {
    for (const letter of [mergedLetter(aRightsRequest({ language })), mergedLetter(aRightsRequest({ language }), TARGET)]) {
      for (const part of [letter.subject, letter.text]) {
        for (const broken of ['undefined', '[object Object]', 'null', 'NaN']) expect(part).not.toContain(broken);
      }
    }
  });
});
