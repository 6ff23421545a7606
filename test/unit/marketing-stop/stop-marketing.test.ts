import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MarketingStopNotRefusableError } from '../../../functions/domain/request/marketing-stop-rules.js';
import { stopMarketing, type StopMarketingDeps } from '../../../functions/domain/marketing-stop/stop-marketing.js';
import { suppressionKey, WeakSuppressionSecretError } from '../../../functions/domain/marketing-stop/suppression-list.js';
import { closeManifestlyUnfounded } from '../../../functions/domain/case-actions/close-manifestly-unfounded.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { recordDecision } from '../../../functions/domain/workflow/record-decision.js';
import { InMemoryCustomerStore } from '../../support/in-memory-customer-data.js';
import { InMemorySuppressionList } from '../../support/in-memory-marketing-stop-stores.js';
import { FakeMailer, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { caseActionsWith } from '../case-actions/case-actions-fixture.js';
import { aConsent, aProfile, aReservation } from '../customer-data/customer-data-fixture.js';
import { aRightsRequest, capturingLogger, fixedClock, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from '../workflow/workflow-fixture.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac-0123456789';
const NOW = '2026-11-24T08:00:00.000Z';

function stopWorld(request: Partial<RightsRequest>, customers = new InMemoryCustomerStore()) {
  const store = new InMemoryRequestStore().seed(aRightsRequest(request));
  const mailer = new FakeMailer();
  const suppression = new InMemorySuppressionList();
  const deps: StopMarketingDeps = {
    store,
    mailer,
    customers,
    suppression,
    suppressionSecret: SECRET,
    now: fixedClock(NOW).now,
    logger: capturingLogger('stop-marketing').logger,
  };
  return { deps, store, mailer, suppression, customers };
}

/** Kari, registered with newsletter and SMS consents and no reservations yet. */
const kari = () =>
  new InMemoryCustomerStore().seed({
    profiles: [aProfile()],
    consents: [aConsent({ kind: 'newsletter' }), aConsent({ kind: 'sms' }), aConsent({ kind: 'phone', granted: false })],
  });

describe('stopMarketing', () => {
  it.each(['objection', 'consent_withdrawal'] as const)(
    '%s from a customer: every consent off, all four channels reserved, confirmed to the registered address, closed',
    async (type) => {
      const { deps, store, mailer, suppression, customers } = stopWorld({ types: [type] }, kari());

      const result = await stopMarketing(deps, REQUEST_ID);

      expect(result).toEqual({ otherRights: false });
      const latest = await customers.consents('c-0001');
      expect(latest.filter((c) => c.granted)).toEqual([]);
      expect(latest.find((c) => c.kind === 'newsletter')).toMatchObject({ granted: false, source: `rights-request:${REQUEST_ID}` });
      const reservations = await customers.reservations('c-0001');
      expect(reservations.filter((r) => r.reserved).map((r) => r.channel).sort()).toEqual(['email', 'phone', 'post', 'sms']);
      expect(suppression.entries.size).toBe(0);
      expect(mailer.sent.map((mail) => mail.to)).toEqual(['kari.nordmann@example.no']);
      const stored = await store.get(REQUEST_ID);
      expect(stored?.status).toBe('closed');
      expect(stored?.marketingStop).toEqual({ at: NOW, customers: 1, suppressed: false, confirmations: 1 });
      const events = (await store.auditTrail(REQUEST_ID)).map((entry) => entry.event);
      expect(events).toEqual(['marketing.stopped', 'mail.sent', 'status.changed']);
    },
  );

  it('an address that matches no customer goes on the suppression list as an HMAC keyed with the secret, and gets the same letter', async () => {
    const stranger = stopWorld({ types: ['objection'], requester: { name: 'Noen Andre', email: 'Ukjent@Example.NO' } });
    const customer = stopWorld({ types: ['objection'] }, kari());

    await stopMarketing(stranger.deps, REQUEST_ID);
    await stopMarketing(customer.deps, REQUEST_ID);

    const [entry] = [...stranger.suppression.entries.values()];
    const expectedKey = createHmac('sha256', SECRET).update('email:ukjent@example.no').digest('base64url');
    expect(entry).toEqual({ key: expectedKey, kind: 'email', addedAt: NOW, source: `rights-request:${REQUEST_ID}` });
    expect(JSON.stringify(entry)).not.toContain('ukjent');
    expect((await stranger.store.get(REQUEST_ID))?.marketingStop?.suppressed).toBe(true);
    // The confirmation reveals nothing about customer status: the two letters are word for word the same.
    expect(stranger.mailer.sent).toHaveLength(1);
    expect(stranger.mailer.sent[0]?.to).toBe('Ukjent@Example.NO');
    expect(stranger.mailer.sent[0]?.text).toBe(customer.mailer.sent[0]?.text);
    expect(stranger.mailer.sent[0]?.subject).toBe(customer.mailer.sent[0]?.subject);
    expect(stranger.mailer.sent[0]?.text).not.toContain('Noen Andre');
  });

  it('a typed address that is not the registered one gets only the words every requester gets: the customer is confirmed at the registered contact', async () => {
    // Matched by phone only: Kari is the customer, the typed address is someone else's. As with
    // verification codes, the person asking gets the same mail whether the number is a customer's
    // or not, so the absence of a confirmation cannot tell them it is.
    const { deps, mailer, suppression } = stopWorld(
      { types: ['objection'], requester: { name: 'X', email: 'annen@example.no', phone: '934 20 183' } },
      kari(),
    );

    await stopMarketing(deps, REQUEST_ID);

    expect(mailer.sent.map((mail) => mail.to)).toEqual(['annen@example.no', 'kari.nordmann@example.no']);
    expect(mailer.sent[0]?.text).toBe(mailer.sent[1]?.text);
    expect(mailer.sent[0]?.text).not.toContain('Kari');
    expect(new Set(mailer.sent.map((mail) => mail.letterId)).size).toBe(2);
    // The typed address matches no customer, so it is suppressed too.
    expect(suppression.entries.size).toBe(1);
  });

  it('re-run after a failed send, records each confirmation once under its own letter id and mails no address twice', async () => {
    const { deps, mailer, store } = stopWorld(
      { types: ['objection'], requester: { name: 'X', email: 'annen@example.no', phone: '934 20 183' } },
      kari(),
    );
    mailer.failWith(new Error('SES throttled'), 1);

    await expect(stopMarketing(deps, REQUEST_ID)).rejects.toThrow('SES throttled');
    expect((await store.get(REQUEST_ID))?.mailsSent['marketing-stop']).toBeUndefined();
    await stopMarketing(deps, REQUEST_ID);
    await stopMarketing(deps, REQUEST_ID);

    expect(mailer.sent.map((mail) => mail.to)).toEqual(['annen@example.no', 'kari.nordmann@example.no']);
    expect([...mailer.letters.keys()].sort()).toEqual([`${REQUEST_ID} marketing-stop#0`, `${REQUEST_ID} marketing-stop#1`]);
    expect((await store.get(REQUEST_ID))?.marketingStop?.confirmations).toBe(2);
  });

  it('split: the marketing part takes effect, the request stays open for the other rights, and the letter says they follow', async () => {
    const { deps, store, mailer } = stopWorld({ types: ['access', 'objection'] }, kari());

    expect(await stopMarketing(deps, REQUEST_ID)).toEqual({ otherRights: true });

    const stored = await store.get(REQUEST_ID);
    expect(stored?.status).toBe('received');
    expect(stored?.marketingStop?.customers).toBe(1);
    expect(mailer.sent[0]?.text).toContain('Henvendelsen gjaldt også andre ting');
  });

  it('repeated (a re-driven request): nothing is changed, suppressed or mailed twice', async () => {
    const { deps, store, mailer } = stopWorld({ types: ['objection'], requester: { name: 'X', email: 'ukjent@example.no' } });

    await stopMarketing(deps, REQUEST_ID);
    const after = await store.get(REQUEST_ID);
    await stopMarketing(deps, REQUEST_ID);

    expect(mailer.sent).toHaveLength(1);
    expect((await store.get(REQUEST_ID))?.version).toBe(after?.version);
  });

  it('keeps a reservation already in place and withdraws nothing that was not granted', async () => {
    const customers = new InMemoryCustomerStore().seed({ profiles: [aProfile()], reservations: [aReservation({ channel: 'sms' })] });
    const { deps, store } = stopWorld({ types: ['objection'] }, customers);

    await stopMarketing(deps, REQUEST_ID);

    expect((await customers.reservations('c-0001')).find((r) => r.channel === 'sms')?.changedAt).toBe('2021-03-01T10:00:00.000+01:00');
    const stopped = (await store.auditTrail(REQUEST_ID)).find((entry) => entry.event === 'marketing.stopped');
    expect(stopped?.detail).toMatchObject({ consentsWithdrawn: 0, channels: ['email', 'sms', 'phone', 'post'] });
  });

  it('writes the confirmation in English for an English request', async () => {
    const { deps, mailer } = stopWorld({ types: ['consent_withdrawal'], language: 'en' }, kari());
    await stopMarketing(deps, REQUEST_ID);
    expect(mailer.sent[0]?.subject).toBe(`Marketing stopped – reference ${REQUEST_ID}`);
    expect(mailer.sent[0]?.text).toContain('e-mail, text messages, phone calls and addressed post');
  });
});

describe('suppressionKey', () => {
  it('is the same for the same contact however it was typed, and differs with another secret', () => {
    expect(suppressionKey(SECRET, 'email', 'Kari@Example.no ')).toBe(suppressionKey(SECRET, 'email', 'kari@example.no'));
    expect(suppressionKey(SECRET, 'phone', '934 20 183')).toBe(suppressionKey(SECRET, 'phone', '+4793420183'));
    expect(suppressionKey(`${SECRET}x`, 'email', 'kari@example.no')).not.toBe(suppressionKey(SECRET, 'email', 'kari@example.no'));
  });

  it('refuses a short secret', () => {
    expect(() => suppressionKey('short', 'email', 'kari@example.no')).toThrow(WeakSuppressionSecretError);
  });
});

describe('staff cannot refuse a marketing stop', () => {
  it.each(['objection', 'consent_withdrawal'] as const)('recordDecision refuses to reject a request that only asks for %s', async (type) => {
    const { deps, store, callbacks } = workflowWith({ status: 'awaiting_approval', types: [type] }, { taskToken: 't' });

    const attempt = recordDecision(deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: 'staff:ola', reason: 'Ikke grunnlag' });

    await expect(attempt).rejects.toBeInstanceOf(MarketingStopNotRefusableError);
    expect((await store.get(REQUEST_ID))?.decision).toBeUndefined();
    expect(callbacks.attempts).toEqual([]);
  });

  it('a split request may be refused for its other rights once the stop took effect, not before', async () => {
    const before = workflowWith({ status: 'awaiting_approval', types: ['erasure', 'objection'] }, { taskToken: 't' });
    await expect(
      recordDecision(before.deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: 'staff:ola', reason: 'Kan ikke slettes nå' }),
    ).rejects.toBeInstanceOf(MarketingStopNotRefusableError);

    const after = workflowWith(
      { status: 'awaiting_approval', types: ['erasure', 'objection'], marketingStop: { at: NOW, customers: 1, suppressed: false, confirmations: 1 } },
      { taskToken: 't' },
    );
    await recordDecision(after.deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: 'staff:ola', reason: 'Kan ikke slettes nå' });
    expect((await after.store.get(REQUEST_ID))?.decision?.outcome).toBe('rejected');
  });

  it.each(['manifestly_unfounded', 'excessive'] as const)('closing a marketing stop as %s is refused and sends nothing', async (ground) => {
    const { deps, store, mailer } = caseActionsWith([{ status: 'needs_attention', types: ['consent_withdrawal'] }]);

    const attempt = closeManifestlyUnfounded(deps, {
      requestId: REQUEST_ID,
      actor: 'staff:personvernombud',
      ground,
      reason: 'Personen har sendt samme henvendelse tjue ganger i dag.',
    });

    await expect(attempt).rejects.toBeInstanceOf(MarketingStopNotRefusableError);
    expect(mailer.sent).toEqual([]);
    expect((await store.get(REQUEST_ID))?.status).toBe('needs_attention');
  });
});
