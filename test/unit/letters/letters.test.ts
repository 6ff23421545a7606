import { describe, expect, it } from 'vitest';
import { acknowledgementLetter } from '../../../functions/domain/letters/acknowledgement-letter.js';
import { refusalLetter } from '../../../functions/domain/letters/refusal-letter.js';
import type { Letter } from '../../../functions/domain/letters/letter.js';
import { REQUEST_TYPE_LABELS } from '../../../functions/domain/request/request-type-labels.js';
import { LANGUAGES, REQUEST_TYPES, type Language } from '../../../functions/domain/request/request-vocabulary.js';
import { REQUESTER, REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';

const everyRight = (language: Language) => aRightsRequest({ language, types: [...REQUEST_TYPES], dueDate: '2026-12-23' });

describe('acknowledgementLetter', () => {
  it.each([
    ['nb', '23. desember 2026', 'Vi har mottatt henvendelsen din – referanse'],
    ['en', '23 December 2026', 'We have received your request – reference'],
  ] as const)('returns a %s letter with the reference, every right and the due date %s', (language, due, subject) => {
    // Prepare
    const request = everyRight(language);
    // Act
    const letter = acknowledgementLetter(request);
    // Assess
    expect(letter.subject).toBe(`${subject} ${REQUEST_ID}`);
    expect(letter.text).toContain(REQUEST_ID);
    expect(letter.text).toContain(due);
    for (const type of REQUEST_TYPES) expect(letter.text).toContain(REQUEST_TYPE_LABELS[type][language]);
    // The address has not proved itself yet: nothing typed on the form goes to it.
    expect(letter.text).not.toContain(REQUESTER.name);
  });

  it('greets by the typed name only once a code mailed to the address was entered', () => {
    const proven = acknowledgementLetter(
      aRightsRequest({ verification: { status: 'verified', subject: 'address', method: 'code', verifiedAt: '2026-11-23T10:00:00.000Z' } }),
    );

    expect(proven.text.startsWith(`Hei ${REQUESTER.name},`)).toBe(true);
  });

  it('returns only the rights asked for when the request names some of them', () => {
    const letter = acknowledgementLetter(aRightsRequest({ language: 'en', types: ['erasure'] }));

    expect(letter.text).toContain('Erasure of my data');
    expect(letter.text).not.toContain('Access to my data');
  });

  it('returns an English letter with no Norwegian greeting when the language is en', () => {
    const letter = acknowledgementLetter(aRightsRequest({ language: 'en' }));

    expect(letter.text.startsWith('Hello,')).toBe(true);
    expect(letter.text).not.toContain('Hei ');
  });

  it('throws RangeError rather than printing a wrong date when the due date is not a calendar date', () => {
    expect(() => acknowledgementLetter(aRightsRequest({ dueDate: '2026-02-30' }))).toThrow(RangeError);
  });
});

describe('refusalLetter', () => {
  it.each([
    ['nb', 'domstolene'],
    ['en', 'court'],
  ] as const)('returns a %s letter with the reason, Datatilsynet and the right to go to court (%s)', (language, court) => {
    const letter = refusalLetter(aRightsRequest({ language }), 'Vi har ingen opplysninger om deg.');

    expect(letter.text).toContain('Vi har ingen opplysninger om deg.');
    expect(letter.text).toContain('Datatilsynet');
    expect(letter.text).toContain(court);
    expect(letter.subject).toContain(REQUEST_ID);
  });
});

describe('every letter', () => {
  const variants = LANGUAGES.flatMap((language) => {
    const full = aRightsRequest({ language, types: [...REQUEST_TYPES], details: 'Detaljer' });
    const bare = aRightsRequest({ language, types: ['access'], requester: { name: 'A', email: 'a@example.no' } });
    return [full, bare].flatMap((request): [string, Letter][] => [
      [`acknowledgement ${language}`, acknowledgementLetter(request)],
      [`refusal ${language}`, refusalLetter(request, 'Grunn')],
    ]);
  });

  it.each(variants)('returns the %s letter with no undefined or [object Object] when rendered', (_label, letter) => {
    for (const part of [letter.subject, letter.text]) {
      expect(part).not.toContain('undefined');
      expect(part).not.toContain('[object Object]');
      expect(part).not.toContain('null');
      expect(part).not.toContain('NaN');
    }
  });
});
