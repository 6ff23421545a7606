import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../../../functions/domain/request/request-submission.js';
import { LANGUAGES, type Language } from '../../../functions/domain/request/request-vocabulary.js';

const minimal = { name: 'Kari Nordmann', email: 'kari@example.no', types: ['access'], language: 'nb' };

const MESSAGES: Record<string, Record<Language, string>> = {
  name: { nb: 'Skriv inn navnet ditt (høyst 200 tegn).', nn: 'Skriv inn namnet ditt (høgst 200 teikn).', en: 'Enter your name (at most 200 characters).' },
  email: { nb: 'Skriv inn en gyldig e-postadresse.', nn: 'Skriv inn ei gyldig e-postadresse.', en: 'Enter a valid e-mail address.' },
  phone: {
    nb: 'Telefonnummeret kan bare ha sifre, mellomrom og eventuelt + foran (5–20 tegn).',
    nn: 'Telefonnummeret kan berre ha siffer, mellomrom og eventuelt + framfor (5–20 teikn).',
    en: 'The phone number may only contain digits, spaces and a leading + (5–20 characters).',
  },
  types: { nb: 'Velg minst én av rettighetene i listen.', nn: 'Vel minst éin av rettane i lista.', en: 'Choose at least one of the rights in the list.' },
  details: { nb: 'Beskrivelsen kan være høyst 5000 tegn.', nn: 'Skildringa kan vere høgst 5000 teikn.', en: 'The description may be at most 5000 characters.' },
  language: { nb: 'Språk må være «nb», «nn» eller «en».', nn: 'Språk må vere «nb», «nn» eller «en».', en: 'Language must be "nb", "nn" or "en".' },
};

describe('validateSubmission', () => {
  it('returns the submission when only the required fields are given', () => {
    // Act
    const result = validateSubmission(minimal, 'nb');
    // Assess
    expect(result).toEqual({ ok: true, value: minimal });
  });

  it('returns every field when a full submission is given', () => {
    const full = {
      ...minimal,
      phone: '+47 934 20 183',
      types: ['access', 'erasure', 'consent_withdrawal'],
      details: 'Jeg vil vite hva dere har lagret om meg.',
      language: 'en',
    };

    const result = validateSubmission(full, 'en');

    expect(result).toEqual({ ok: true, value: full });
  });

  it('returns the e-mail trimmed and lower-cased and the name trimmed when they have spaces and capitals', () => {
    const result = validateSubmission({ ...minimal, name: '  Kari Nordmann ', email: '  Kari.Nordmann@Example.NO  ' }, 'nb');

    expect(result.ok && result.value.email).toBe('kari.nordmann@example.no');
    expect(result.ok && result.value.name).toBe('Kari Nordmann');
  });

  it.each([
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(201) }],
    ['name', { name: 42 }],
    ['email', { email: 'not-an-address' }],
    ['email', { email: '' }],
    ['email', { email: `${'a'.repeat(250)}@example.no` }],
    ['phone', { phone: 'abc' }],
    ['types', { types: ['not-a-right'] }],
    ['types', { types: ['bad', 'worse', 'worst'] }],
    ['types', { types: 'access' }],
    ['details', { details: 'x'.repeat(5001) }],
    ['language', { language: 'de' }],
  ] as const)('returns exactly one %s error in nb and en when given %j', (field, patch) => {
    for (const language of LANGUAGES) {
      const result = validateSubmission({ ...minimal, ...patch }, language);

      expect(result).toEqual({ ok: false, errors: [{ field, message: MESSAGES[field]![language] }] });
    }
  });

  it.each(['name', 'email', 'types', 'language'])('returns an error for %s when that required field is missing', (field) => {
    const raw: Record<string, unknown> = { ...minimal };
    delete raw[field];

    const result = validateSubmission(raw, 'en');

    expect(result).toEqual({ ok: false, errors: [{ field, message: MESSAGES[field]!.en }] });
  });

  it('returns one error per field, each in the requested language, when several fields are wrong', () => {
    const raw = { name: '', email: 'x', phone: '12', types: [], details: 'x'.repeat(5001), language: 'sv' };

    const result = validateSubmission(raw, 'nb');

    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.field).sort()).toEqual(['details', 'email', 'language', 'name', 'phone', 'types']);
    for (const error of errors) expect(error.message).toBe(MESSAGES[error.field]!.nb);
  });

  it('returns each unknown field by name when the submission has fields the schema does not know', () => {
    const result = validateSubmission({ ...minimal, ssn: '01017012345', Name: 'x' }, 'en');

    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'ssn', message: 'Unknown field.' },
        { field: 'Name', message: 'Unknown field.' },
      ],
    });
    expect(validateSubmission({ ...minimal, ssn: '1' }, 'nb')).toEqual({
      ok: false,
      errors: [{ field: 'ssn', message: 'Ukjent felt.' }],
    });
  });

  it('returns a duplicate-types error when a right is chosen twice', () => {
    const nb = validateSubmission({ ...minimal, types: ['access', 'erasure', 'access'] }, 'nb');
    const en = validateSubmission({ ...minimal, types: ['access', 'access'] }, 'en');

    expect(nb).toEqual({ ok: false, errors: [{ field: 'types', message: 'Hver rettighet kan bare velges én gang.' }] });
    expect(en).toEqual({ ok: false, errors: [{ field: 'types', message: 'Each right can be chosen only once.' }] });
  });

  it('returns a types error when no right is chosen', () => {
    const result = validateSubmission({ ...minimal, types: [] }, 'en');

    expect(result).toEqual({ ok: false, errors: [{ field: 'types', message: MESSAGES.types!.en }] });
  });

  it('returns the details when they are exactly 5000 characters, and an error at 5001', () => {
    const atLimit = validateSubmission({ ...minimal, details: 'x'.repeat(5000) }, 'nb');
    const overLimit = validateSubmission({ ...minimal, details: 'x'.repeat(5001) }, 'nb');

    expect(atLimit.ok).toBe(true);
    expect(overLimit).toEqual({ ok: false, errors: [{ field: 'details', message: MESSAGES.details!.nb }] });
  });

  it.each(['+47 934 20 183', '93420183', '+4793420183', '+47 93420183'])(
    'returns the phone number when it is %s',
    (phone) => {
      const result = validateSubmission({ ...minimal, phone }, 'nb');

      expect(result).toEqual({ ok: true, value: { ...minimal, phone } });
    },
  );

  it.each(['abc', '12', '+47 abc 20 183', '++4793420183', '9'.repeat(21)])('returns a phone error when the phone is %s', (phone) => {
    const result = validateSubmission({ ...minimal, phone }, 'en');

    expect(result).toEqual({ ok: false, errors: [{ field: 'phone', message: MESSAGES.phone!.en }] });
  });

  it.each([
    ['a string', 'name=Kari'],
    ['null', null],
    ['nothing', undefined],
    ['an array', [minimal]],
  ])('returns a body error when the submission is %s', (_label, raw) => {
    expect(validateSubmission(raw, 'en')).toEqual({
      ok: false,
      errors: [{ field: 'body', message: 'The request must be a JSON object.' }],
    });
    expect(validateSubmission(raw, 'nb')).toEqual({
      ok: false,
      errors: [{ field: 'body', message: 'Forespørselen må være et JSON-objekt.' }],
    });
  });
});
