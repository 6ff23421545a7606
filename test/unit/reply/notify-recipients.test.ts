import { describe, expect, it } from 'vitest';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import { CarryOutIncompleteError } from '../../../functions/domain/carry-out/carry-out-errors.js';
import { RecipientAddressesSchema } from '../../../functions/domain/recipients/recipient-addresses.js';
import { notifyRecipients } from '../../../functions/domain/workflow/notify-recipients.js';
import { REQUESTER } from '../fixtures/rights-request-fixture.js';
import { ALL_ADDRESSES, CUSTOMER, auditOf, scenario } from '../carry-out/carry-out-fixture.js';

const C = CUSTOMER.customerId;

describe('notifyRecipients', () => {
  it('sends each recipient one Norwegian notice with what changed and the customer reference, and records it', async () => {
    // Prepare
    const { deps, store, request, mailer } = scenario({ types: ['erasure'] });
    await carryOut(deps, request.id);
    // Act
    const summary = await notifyRecipients(deps, request.id);
    // Assess
    expect(summary).toEqual({ notified: 3, notNotified: 0 });
    expect(mailer.sent.map((mail) => mail.to).sort()).toEqual(Object.values(ALL_ADDRESSES).sort());
    const invoicing = mailer.sent.find((mail) => mail.to === ALL_ADDRESSES.invoicing);
    expect(invoicing?.subject).toContain(`kundereferanse ${C}`);
    expect(invoicing?.text).toContain('Sletting (personvernforordningen artikkel 17)');
    expect(invoicing?.text).toContain('Begrensning (personvernforordningen artikkel 18)');
    expect(invoicing?.text).toContain('«Fakturaer»');
    expect(invoicing?.text).toContain(request.id);
    const stored = await store.get(request.id);
    expect(stored?.carriedOut).toMatchObject({ 'notify:unloc': expect.any(String), 'notify:invoicing': expect.any(String) });
    expect(stored?.mailsSent['recipient-notice-unloc']).toBeDefined();
    expect((await auditOf(store, request.id, 'recipient.notified')).map((e) => e.detail?.recipient).sort()).toEqual(['email_platform', 'invoicing', 'unloc']);
  });

  it('tells the invoicing provider exactly what to erase and what to keep, restricted, until which date', async () => {
    const { deps, request, mailer } = scenario({ types: ['erasure'] });
    await carryOut(deps, request.id);

    await notifyRecipients(deps, request.id);

    const text = mailer.sent.find((mail) => mail.to === ALL_ADDRESSES.invoicing)?.text ?? '';
    const eraseAt = text.indexOf('Slett nå:');
    const keepAt = text.indexOf('Behold, begrenset til formålet');
    expect(eraseAt).toBeGreaterThanOrEqual(0);
    expect(keepAt).toBeGreaterThan(eraseAt);
    // The old invoice and its payment go now; the profile is emptied down to the reference.
    expect(text.slice(eraseAt, keepAt)).toContain('«Fakturaer» (1 oppføring): 2019-00003.');
    expect(text.slice(eraseAt, keepAt)).toContain('«Betalinger» (1 oppføring): P-0.');
    expect(text.slice(eraseAt, keepAt)).toContain('fjern navn, e-post, telefon, adresse');
    // The recent invoice stays five years, its payment three and a half, each with its date.
    expect(text.slice(keepAt)).toContain('«Fakturaer» (1 oppføring, bokføringsplikt): 2024-00017. Behold dem til og med 31. desember 2029');
    expect(text.slice(keepAt)).toContain('«Betalinger» (1 oppføring, bokføringsplikt): P-1. Behold dem til og med 30. juni 2028');
    expect(text).toContain('kjøperens navn og adresse');
    expect(text).toContain('bokføringsforskriften § 5-1-1');
  });

  it('puts no personal data beyond the customer reference in a notice', async () => {
    const { deps, request, mailer } = scenario({
      types: ['rectification', 'erasure'],
      corrections: [{ customerId: C, field: 'email', to: 'ny.adresse@example.no' }],
    });
    await carryOut(deps, request.id);

    await notifyRecipients(deps, request.id);

    const notices = mailer.sent.map((mail) => `${mail.subject}\n${mail.text}`).join('\n');
    for (const value of [CUSTOMER.name, CUSTOMER.email, CUSTOMER.phone, CUSTOMER.street, 'ny.adresse@example.no', REQUESTER.email]) {
      expect(notices).not.toContain(value);
    }
    expect(notices).toContain('e-postadresse er rettet hos oss');
  });

  it('sends no second notice when run again', async () => {
    const { deps, store, request, mailer } = scenario({ types: ['restriction'] });
    await carryOut(deps, request.id);
    await notifyRecipients(deps, request.id);
    const trail = await store.auditTrail(request.id);

    await notifyRecipients(deps, request.id);

    expect(mailer.attempts).toHaveLength(trail.filter((e) => e.event === 'recipient.notified').length);
    expect(await store.auditTrail(request.id)).toEqual(trail);
  });

  it('records a recipient without a configured address as not notified, once, with the reason', async () => {
    const { deps, store, request, mailer } = scenario({ types: ['restriction'], recipientAddresses: {} });
    await carryOut(deps, request.id);

    const summary = await notifyRecipients(deps, request.id);
    await notifyRecipients(deps, request.id);

    expect(summary.notified).toBe(0);
    expect(mailer.attempts).toEqual([]);
    const skipped = await auditOf(store, request.id, 'recipient.not_notified');
    expect(skipped.map((e) => e.detail)).toEqual(
      expect.arrayContaining([{ recipient: 'unloc', reason: 'no_address' }, { recipient: 'invoicing', reason: 'no_address' }]),
    );
    expect(skipped).toHaveLength(summary.notNotified);
  });

  it('tells no recipient about a correction that was refused', async () => {
    const { deps, store, request, mailer, data } = scenario({
      types: ['rectification'],
      corrections: [{ customerId: C, field: 'phone', to: '+4791234567' }],
    });
    await data.customers.correctProfile(C, [{ field: 'phone', from: CUSTOMER.phone, to: '+4799999999' }], '2026-11-24T07:50:00.000Z');
    await carryOut(deps, request.id);

    await notifyRecipients(deps, request.id);

    expect(mailer.attempts).toEqual([]);
    expect((await auditOf(store, request.id, 'recipient.not_notified')).every((e) => e.detail?.reason === 'nothing_changed')).toBe(true);
  });

  it('tells the newsletter platform of a corrected e-mail address, and of nothing else corrected in the profile', async () => {
    const email = scenario({ types: ['rectification'], corrections: [{ customerId: C, field: 'email', to: 'ny.adresse@example.no' }] });
    await carryOut(email.deps, email.request.id);
    await notifyRecipients(email.deps, email.request.id);
    const phone = scenario({ types: ['rectification'], corrections: [{ customerId: C, field: 'phone', to: '+4791234567' }] });
    await carryOut(phone.deps, phone.request.id);
    await notifyRecipients(phone.deps, phone.request.id);

    expect(email.mailer.sent.find((mail) => mail.to === ALL_ADDRESSES.email_platform)?.text).toContain('e-postadresse er rettet hos oss');
    expect(phone.mailer.sent.map((mail) => mail.to)).not.toContain(ALL_ADDRESSES.email_platform);
    expect(phone.mailer.sent.map((mail) => mail.to)).toContain(ALL_ADDRESSES.unloc);
  });

  it('tells the newsletter platform to erase the e-mail address when the profile is erased', async () => {
    const { deps, request, mailer } = scenario({ types: ['erasure'] });
    await carryOut(deps, request.id);

    await notifyRecipients(deps, request.id);

    expect(mailer.sent.find((mail) => mail.to === ALL_ADDRESSES.email_platform)?.text).toContain('E-postadressen til kunden');
  });

  it('throws CarryOutIncompleteError and sends nothing before the plan is carried out', async () => {
    const { deps, request, mailer } = scenario({ types: ['erasure'] });

    await expect(notifyRecipients(deps, request.id)).rejects.toBeInstanceOf(CarryOutIncompleteError);
    expect(mailer.attempts).toEqual([]);
  });
});

describe('RecipientAddressesSchema', () => {
  it('returns the map of recipient ids to addresses', () => {
    expect(RecipientAddressesSchema.parse('{"unloc":"privacy@unloc.example"}')).toEqual({ unloc: 'privacy@unloc.example' });
  });

  it.each([
    ['an unknown recipient id', '{"unlock":"privacy@unloc.example"}'],
    ['an invalid address', '{"unloc":"not an address"}'],
    ['text that is not JSON', 'unloc=privacy@unloc.example'],
  ])('fails on %s', (_case, value) => {
    expect(RecipientAddressesSchema.safeParse(value).success).toBe(false);
  });
});
