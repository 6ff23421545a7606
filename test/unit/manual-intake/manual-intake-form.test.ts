import { CSRF_FIELD } from '../../../functions/domain/staff-auth/csrf.js';
import { describe, expect, it } from 'vitest';
import { validateManualIntake } from '../../../functions/domain/manual-intake/manual-intake-form.js';
import { validateSubmission } from '../../../functions/domain/request/request-submission.js';
import { REQUESTER } from '../fixtures/rights-request-fixture.js';

const NOW = new Date('2026-11-24T08:00:00.000Z');

/** The intake page's fields as a form post delivers them (empty fields left out, types a list). */
const aForm = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  channel: 'phone',
  received_date: '2026-11-23',
  received_time: '14:05',
  intake_note: 'Telefon fra kunden til sentralbordet, notert av Kari.',
  name: REQUESTER.name,
  email: REQUESTER.email,
  phone: REQUESTER.phone,
  types: ['access'],
  details: 'Vil vite hva som er lagret om henne.',
  language: 'nb',
  ...overrides,
});

describe('validateManualIntake', () => {
  it('takes nynorsk as the answer language staff chose', () => {
    const result = validateManualIntake(aForm({ language: 'nn' }), NOW);
    expect(result.ok && result.value.submission.language).toBe('nn');
  });

  it('gives the channel, the receipt instant, the trimmed note and the public form’s submission', () => {
    const result = validateManualIntake(aForm({ channel: 'post', intake_note: '  Brev åpnet av resepsjonen.  ', [CSRF_FIELD]: 'token' }), NOW);
    expect(result).toEqual({
      ok: true,
      value: {
        channel: 'post',
        receivedAt: new Date('2026-11-23T13:05:00.000Z'),
        note: 'Brev åpnet av resepsjonen.',
        submission: {
          name: REQUESTER.name,
          email: REQUESTER.email,
          phone: REQUESTER.phone,
          types: ['access'],
          details: 'Vil vite hva som er lagret om henne.',
          language: 'nb',
        },
      },
    });
  });

  it('reports every mistake at once, in page order, under the page’s field names', () => {
    const result = validateManualIntake(
      { channel: 'web', received_date: '2026-13-01', received_time: 'kl 14', name: '', email: 'not-an-address', types: [], language: 'de' },
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual([
      'channel',
      'received_date',
      'received_time',
      'name',
      'email',
      'types',
      'language',
      'intake_note',
    ]);
    expect(result.errors[0]?.message).toBe('Velg om henvendelsen kom på telefon eller i brev.');
  });

  it('uses the public form’s own Norwegian messages for the requester’s fields', () => {
    const requester = { name: REQUESTER.name, email: 'kari@', types: ['access', 'access'], language: 'nb' };
    const result = validateManualIntake({ ...aForm(), phone: undefined, details: undefined, ...requester }, NOW);
    const form = validateSubmission(requester, 'nb');
    expect(result.ok || form.ok).toBe(false);
    if (result.ok || form.ok) return;
    expect(form.errors.map((error) => error.field)).toEqual(['email', 'types']);
    expect(result.errors).toEqual(form.errors);
  });

  it('requires a note on how the request arrived, at most 500 characters', () => {
    for (const intake_note of [undefined, '   ', 'x'.repeat(501)]) {
      const result = validateManualIntake(aForm({ intake_note }), NOW);
      expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['intake_note']);
    }
    expect(validateManualIntake(aForm({ intake_note: 'x'.repeat(500) }), NOW).ok).toBe(true);
  });

  it('refuses a field the page does not have, as the public form does', () => {
    const result = validateManualIntake(aForm({ customerNumber: '123' }), NOW);
    expect(result).toEqual({ ok: false, errors: [{ field: 'customerNumber', message: 'Ukjent felt.' }] });
  });
});

describe('validateManualIntake: a way to answer', () => {
  const postal = { street: 'Bjørkeveien 12 B', postal_code: '0468', city: 'Oslo' };

  it('takes a person with a postal address and no e-mail (an empty e-mail field is none), and one with both', () => {
    const postOnly = validateManualIntake(aForm({ channel: 'post', email: '', ...postal }), NOW);
    expect(postOnly.ok && postOnly.value.submission).toMatchObject({ postalAddress: { street: 'Bjørkeveien 12 B', postalCode: '0468', city: 'Oslo' } });
    expect(postOnly.ok && postOnly.value.submission.email).toBeUndefined();
    const both = validateManualIntake(aForm({ ...postal }), NOW);
    expect(both.ok && both.value.submission).toMatchObject({ email: REQUESTER.email, postalAddress: { postalCode: '0468' } });
  });

  it('refuses a person with neither e-mail nor postal address, even with a phone number, and says what is needed', () => {
    const result = validateManualIntake(aForm({ email: undefined }), NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { field: 'email', message: expect.stringContaining('Oppgi minst én måte å svare på: e-postadresse eller postadresse') },
    ]);
  });

  it('names each missing or wrong part of a postal address next to its field', () => {
    const result = validateManualIntake(aForm({ email: '', street: ' ', postal_code: '12345', city: 'Oslo' }), NOW);
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['street', 'postal_code']);
  });
});
