import { LANGUAGES } from '../../../functions/domain/request/request-vocabulary.js';
import { describe, expect, it } from 'vitest';
import { mergedLetter } from '../../../functions/domain/letters/merged-letter.js';
import { REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';

const TARGET = 'NK-20261120-0R1G1NAM';
const ANSWER = { reference: TARGET, email: 'kari.privat@example.no', dueDate: '2026-12-21' };

describe('mergedLetter', () => {
  it.each([
    {
      language: 'nb',
      subject: `Henvendelsen din behandles sammen med en annen – referanse ${REQUEST_ID}`,
      greeting: 'Hei,',
      answer: `Vi sender svaret på e-post til ${ANSWER.email} senest 21. desember 2026. Bruk referanse ${TARGET}`,
      closed: `har avsluttet referanse ${REQUEST_ID}`,
      both: 'Alt du ba om i begge henvendelsene, får du svar på.',
    },
    {
      language: 'en',
      subject: `Your request is handled together with another – reference ${REQUEST_ID}`,
      greeting: 'Hello,',
      answer: `We will send the answer by e-mail to ${ANSWER.email} no later than 21 December 2026. Please use reference ${TARGET}`,
      closed: `have closed reference ${REQUEST_ID}`,
      both: 'Everything you asked for in both requests will be answered.',
    },
  ] as const)('returns a $language letter saying which reference, address and date the answer comes under', (expected) => {
    const letter = mergedLetter(aRightsRequest({ language: expected.language }), ANSWER);

    expect(letter.subject).toBe(expected.subject);
    expect(letter.text.startsWith(expected.greeting)).toBe(true);
    expect(letter.text).toContain(expected.answer);
    expect(letter.text).toContain(expected.closed);
    expect(letter.text).toContain(expected.both);
  });

  it.each(LANGUAGES)('gives the %s reader a way to object to the merge and our contact details', (language) => {
    const letter = mergedLetter(aRightsRequest({ language }), ANSWER);

    expect(letter.text).toContain({ nb: 'Mener du at dette er feil', nn: 'Meiner du at dette er feil', en: 'If you think this is a mistake' }[language]);
    expect(letter.text).toContain('naerkontor@obos.no');
    expect(letter.text).toContain('Postboks 6666 St Olavs Plass');
  });

  it.each(LANGUAGES)('renders the %s letter with no undefined or [object Object]', (language) => {
    const letter = mergedLetter(aRightsRequest({ language }), ANSWER);
    for (const part of [letter.subject, letter.text]) {
      for (const broken of ['undefined', '[object Object]', 'null', 'NaN']) expect(part).not.toContain(broken);
    }
  });
});
