import { describe, expect, it } from 'vitest';
import { recognise } from '../../../functions/domain/inbox/recognise.js';
import { routeRecognition } from '../../../functions/domain/intake-mail/route-recognition.js';
import { validateManualIntake } from '../../../functions/domain/manual-intake/manual-intake-form.js';
import { letterDestination } from '../../../functions/domain/post/letter-recipient.js';
import { withOnBehalfNote } from '../../../functions/domain/letters/on-behalf-note.js';
import { representationFormErrors, withRepresentation } from '../../../functions/domain/request/representative-form.js';
import { validateSubmission } from '../../../functions/domain/request/request-submission.js';
import type { Mandate } from '../../../functions/domain/request/representative.js';
import { LANGUAGES } from '../../../functions/domain/request/request-vocabulary.js';
import { aMessage } from '../inbox/inbound-message-fixture.js';
import { aRightsRequest } from '../fixtures/rights-request-fixture.js';

const GUARDIAN = { name: 'Verge Vik', relation: 'guardian', email: 'verge.vik@example.no' } as const;
const noSystem = { isSystemAddress: () => false };

describe('a submission on behalf of someone else', () => {
  it('keeps the data subject as requester and the representative beside them', () => {
    const result = validateSubmission({ name: 'Per Pleietrengende', email: 'per@example.no', types: ['access'], language: 'nb', representative: GUARDIAN }, 'nb', noSystem);
    expect(result).toMatchObject({ ok: true, value: { name: 'Per Pleietrengende', email: 'per@example.no', representative: GUARDIAN } });
  });

  it.each([
    ['a representative the answer cannot reach', { representative: { name: 'A', relation: 'lawyer' } }, 'representative'],
    ['an unknown relation', { representative: { ...GUARDIAN, relation: 'neighbour' } }, 'representative'],
    ['a representative writing from our own address', { representative: { ...GUARDIAN, email: 'naerkontor@obos.no' } }, 'representative'],
    ['a data subject with neither e-mail nor postal address', { email: undefined }, 'email'],
  ])('refuses %s, saying where', (_case, overrides, field) => {
    const raw = { name: 'Per Pleietrengende', email: 'per@example.no', types: ['access'], language: 'nn', representative: GUARDIAN, ...overrides };
    const result = validateSubmission(raw, 'nn', { isSystemAddress: (address) => address === 'naerkontor@obos.no' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toContain(field);
  });

  it('reads the web form: the asker becomes the representative, the subject_* fields the data subject', () => {
    const fields = withRepresentation({ name: 'Mor Moe', email: 'mor@example.no', phone: '+4791234567', on_behalf_relation: 'parent', subject_name: 'Lille Moe', subject_email: 'lille@example.no', types: ['access'], language: 'en' });
    expect(fields).toEqual({ name: 'Lille Moe', email: 'lille@example.no', types: ['access'], language: 'en', representative: { name: 'Mor Moe', relation: 'parent', email: 'mor@example.no', phone: '+4791234567' } });
    expect(withRepresentation({ name: 'Kari', email: 'kari@example.no' })).toEqual({ name: 'Kari', email: 'kari@example.no' });
  });

  it('refuses a filled-in on-behalf part without a relation, with the error by the relation control', () => {
    const fields = withRepresentation({ name: 'Mor Moe', email: 'mor@example.no', subject_name: 'Lille Moe', subject_email: 'lille@example.no', types: ['access'], language: 'nb' });
    const result = validateSubmission(fields, 'nb', noSystem);
    expect(result.ok).toBe(false);
    expect(representationFormErrors(result.ok ? [] : result.errors, 'nb').map((error) => error.field)).toEqual(['on_behalf_relation']);
  });

  it('takes a representative at staff intake, the other fields being the data subject', () => {
    const form = { channel: 'post', received_date: '2026-11-30', received_time: '10:00', intake_note: 'Brev fra advokat.', name: 'Klient Klausen', email: 'klient@example.no', types: ['access'], language: 'nb', rep_relation: 'lawyer', rep_name: 'Advokat Berg', rep_street: 'Advokatveien 2', rep_postal_code: '0150', rep_city: 'Oslo' };
    const result = validateManualIntake(form, new Date('2026-12-01T09:00:00Z'), noSystem);
    expect(result).toMatchObject({ ok: true, value: { submission: { name: 'Klient Klausen', representative: { name: 'Advokat Berg', relation: 'lawyer', postalAddress: { street: 'Advokatveien 2', postalCode: '0150', city: 'Oslo' } } } } });
    const missing = validateManualIntake({ ...form, rep_relation: '' }, new Date('2026-12-01T09:00:00Z'), noSystem);
    expect(missing.ok ? [] : missing.errors.map((error) => error.field)).toContain('rep_relation');
  });
});

describe('letters of a representative request', () => {
  const request = aRightsRequest({ requester: { name: 'Lille Moe', email: 'lille@example.no' }, representative: { name: 'Mor Moe', relation: 'parent', email: 'mor@example.no' }, types: ['access'] });

  it('go to the representative: by e-mail, or by post when they gave only an address', () => {
    expect(letterDestination(request, new Date()).to).toBe('mor@example.no');
    const byPost = letterDestination({ ...request, representative: { name: 'Mor Moe', relation: 'parent', postalAddress: { street: 'Moeveien 1', postalCode: '0150', city: 'Oslo' } } }, new Date());
    expect(byPost.postal?.recipient).toEqual({ name: 'Mor Moe', address: { street: 'Moeveien 1', postalCode: '0150', city: 'Oslo' } });
  });

  it.each(LANGUAGES)('say in %s whose data it is and that they go on that person’s behalf, asking for the mandate until it is accepted', (language) => {
    const letter = { subject: 'S', text: `${language === 'en' ? 'Hello,' : 'Hei,'}\n\nBody.` };
    const before = withOnBehalfNote({ ...request, language }, letter, '2026-12-01');
    expect(before.text.startsWith(letter.text.split('\n')[0]!)).toBe(true);
    expect(before.text).toContain('Lille Moe');
    expect(before.text).toContain({ nb: 'på vegne av', nn: 'på vegner av', en: 'on behalf of' }[language]);
    expect(before.text).toContain({ nb: 'fullmakt', nn: 'fullmakt', en: 'mandate' }[language]);
    const mandate: Mandate = { status: 'accepted', document: { key: 'k', contentType: 'application/pdf', bytes: 1, sha256: 'a'.repeat(64), attachedBy: 's', attachedAt: '2026-11-30T10:00:00.000+01:00' }, scope: ['access'], validUntil: '2027-01-01' };
    const after = withOnBehalfNote({ ...request, language, mandate }, letter, '2026-12-01');
    expect(after.text).toContain('Lille Moe');
    expect(after.text).not.toContain({ nb: 'trenger vi en skriftlig fullmakt', nn: 'treng vi ei skriftleg fullmakt', en: 'we need a written mandate' }[language]);
    expect(withOnBehalfNote({ ...request, representative: undefined, language }, letter, '2026-12-01')).toEqual(letter);
  });
});

describe('mail written for someone else', () => {
  it('sends an employer asking for an employee’s door log to staff as not the employee’s own request', () => {
    const recognition = recognise(aMessage({ ownText: 'Hei. Vi er arbeidsgiver for Ola Hansen og ber om innsyn i adgangsloggen hans for oktober, til en personalsak.' }));
    expect(recognition).toMatchObject({ thirdParty: true, employer: true });
    expect(routeRecognition(recognition)).toEqual({ to: 'triage', reason: 'third_party' });
  });

  it('sends a parent asking on behalf of a child to staff for the mandate, never straight to a case', () => {
    const recognition = recognise(aMessage({ ownText: 'Hei, jeg skriver på vegne av datteren min og ber om innsyn i alle opplysninger dere har om henne.' }));
    expect(recognition.onBehalfOfOther).toBe(true);
    expect(routeRecognition(recognition)).toEqual({ to: 'triage', reason: 'on_behalf_of_other' });
  });
});
