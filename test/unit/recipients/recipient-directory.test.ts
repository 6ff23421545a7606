import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECIPIENT_DIRECTORY,
  RecipientDirectoryError,
  describeRecipient,
  parseRecipientDirectory,
} from '../../../functions/domain/recipients/recipient-directory.js';
import { recipientsOf } from '../../../functions/domain/letters/art15-information.js';

const register = DEFAULT_RECIPIENT_DIRECTORY.filter((recipient) => ['unloc', 'invoicing', 'email_platform'].includes(recipient.id));
const withRecipient = (extra: Record<string, unknown>): string => JSON.stringify([...register, extra]);

describe('parseRecipientDirectory', () => {
  it('gives the default directory when the setting is empty', () => {
    expect(parseRecipientDirectory(undefined)).toBe(DEFAULT_RECIPIENT_DIRECTORY);
    expect(parseRecipientDirectory('  ')).toBe(DEFAULT_RECIPIENT_DIRECTORY);
  });

  it('accepts a recipient in a third country with its safeguard', () => {
    const directory = parseRecipientDirectory(
      withRecipient({
        id: 'crm',
        name: 'Example Inc.',
        role: { nb: 'kundeservice', nn: 'kundeservice', en: 'customer service' },
        country: 'GB',
        categories: ['service_note'],
        safeguard: { kind: 'adequacy', reference: 'Commission decision 2021/1772' },
      }),
    );
    expect(directory.map((recipient) => recipient.id)).toContain('crm');
  });

  it.each([
    ['text that is not JSON', 'unloc=Unloc AS', /not valid JSON/],
    ['a recipient outside the EEA without a safeguard', withRecipient({ id: 'us_tool', name: 'Tool Inc.', role: { nb: 'verktøy', nn: 'verktøy', en: 'tool' }, country: 'US', categories: ['profile'] }), /safeguard/],
    ['a register recipient left out', JSON.stringify(register.filter((recipient) => recipient.id !== 'unloc')), /unloc/],
    ['the same id twice', JSON.stringify([...register, register[0]]), /appears twice/],
    ['a name that is no text, in English words', withRecipient({ id: 'x', name: 42, role: { nb: 'x', nn: 'x', en: 'x' }, country: 'NO', categories: ['profile'] }), /name: Invalid input: expected string, received number/],
    ['a country that is no ISO code', withRecipient({ id: 'x', name: 'X AS', role: { nb: 'x', nn: 'x', en: 'x' }, country: 'Norway', categories: ['profile'] }), /country/],
  ])('refuses %s, naming the problem', (_case, json, message) => {
    expect(() => parseRecipientDirectory(json)).toThrow(RecipientDirectoryError);
    expect(() => parseRecipientDirectory(json)).toThrow(message);
  });
});

describe('the recipients named in letters and copies', () => {
  it('names each recipient of a category with its role and country, and the safeguard of a transfer outside the EEA', () => {
    const platform = DEFAULT_RECIPIENT_DIRECTORY.find((recipient) => recipient.id === 'email_platform')!;
    expect(describeRecipient(platform, 'nb')).toContain(platform.name);
    expect(describeRecipient(platform, 'nb')).toContain('USA');
    expect(describeRecipient(platform, 'nb')).toContain('artikkel 45');
    expect(describeRecipient(platform, 'en')).toContain('Article 45');
    const unloc = DEFAULT_RECIPIENT_DIRECTORY.find((recipient) => recipient.id === 'unloc')!;
    expect(describeRecipient(unloc, 'nb')).toBe('Unloc AS, adgangssystemet til lokalene (appen og dørene), Norge.');
  });

  it('lists the payment providers among the recipients of payments', () => {
    const names = recipientsOf('payment', 'en').join('\n');
    for (const recipient of DEFAULT_RECIPIENT_DIRECTORY.filter((r) => r.categories.includes('payment'))) expect(names).toContain(recipient.name);
    expect(names).toContain('Vipps MobilePay AS');
  });

  it('names the parties the privacy statement names: the OBOS group (with access to the customer register) and Unloc', () => {
    const profile = recipientsOf('profile', 'nn').join('\n');
    expect(profile).toContain('OBOS BBL, eig Nærkontoret; utvalde medarbeidarar i OBOS-konsernet har tilgang til kunderegisteret, Noreg.');
    expect(recipientsOf('subscription', 'en').join('\n')).toContain('OBOS BBL');
    expect(recipientsOf('door_event', 'nb').join('\n')).toContain('Unloc AS');
  });

  it('states for every default recipient outside the EEA the safeguard, in every language', () => {
    const abroad = DEFAULT_RECIPIENT_DIRECTORY.filter((recipient) => recipient.country !== 'NO');
    expect(abroad.length).toBeGreaterThan(0);
    for (const recipient of abroad) {
      for (const language of ['nb', 'nn', 'en'] as const) expect(describeRecipient(recipient, language)).toContain(recipient.safeguard!.reference);
    }
  });

  it('lists the newsletter platform among the recipients of the profile (it holds the e-mail address)', () => {
    expect(recipientsOf('profile', 'nb').join('\n')).toContain('Mailchimp');
  });
});
