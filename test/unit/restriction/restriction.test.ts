import { describe, expect, it } from 'vitest';
import { carryOut } from '../../../functions/domain/carry-out/carry-out.js';
import { loadPlan } from '../../../functions/domain/plan/load-plan.js';
import { readAllPages } from '../../../functions/domain/gather/read-all-pages.js';
import { approvedReplyLetter } from '../../../functions/domain/letters/reply-letters.js';
import {
  NoActiveRestrictionError,
  RESTRICTION_PURPOSES,
  RestrictionReasonRequiredError,
  ScopeNotHeldError,
  disputeCorrection,
  liftRestriction,
  setRestriction,
} from '../../../functions/domain/restriction/restriction-actions.js';
import { storeRestrictionFlags } from '../../../functions/domain/restriction/restriction-flags.js';
import { RestrictionNotSetError, recordDecision } from '../../../functions/domain/workflow/record-decision.js';
import { FakeTaskCallbacks } from '../../support/in-memory-request-store.js';
import { ACTIVE_CUSTOMER, TODAY, auditOf, scenario } from '../carry-out/carry-out-fixture.js';

const C = 'C-1001';

function waiting(types: Parameters<typeof scenario>[0]['types'] = ['restriction'], held = ACTIVE_CUSTOMER) {
  const world = scenario({ types, held, request: { decision: undefined, approvals: [] } });
  return { ...world, actionDeps: { ...world.deps, flags: storeRestrictionFlags(world.data) } };
}

async function approve(world: ReturnType<typeof waiting>): Promise<void> {
  await recordDecision({ ...world.deps, callbacks: new FakeTaskCallbacks() }, { requestId: world.request.id, outcome: 'approved', actor: 'staff:per' });
}

describe('restriction: ground and scope', () => {
  it('is approved only after staff set ground and scope', async () => {
    const world = waiting();

    await expect(approve(world)).rejects.toThrow(RestrictionNotSetError);
  });

  it('restricts only the scope and notes when it took effect; the reply explains what stops, continues and what it means for the subscription', async () => {
    const world = waiting();
    await setRestriction(world.deps, { requestId: world.request.id, actor: 'staff:kari', ground: 'a', scope: ['profile'], today: TODAY });
    await approve(world);

    await carryOut(world.deps, world.request.id);

    expect((await world.data.customers.getProfile(C))?.restricted).toBe(true);
    expect((await world.data.customers.subscriptions(C)).every((s) => !s.restricted)).toBe(true);
    expect((await readAllPages((c) => world.data.billing.invoices(C, c))).every((i) => !i.restricted)).toBe(true);
    expect((await readAllPages((c) => world.data.accessLog.events(C, c))).every((e) => !e.restricted)).toBe(true);
    const stored = await world.store.get(world.request.id);
    expect(stored?.restriction).toMatchObject({ ground: 'a', scope: ['profile'], setBy: 'staff:kari', appliedAt: expect.any(String) });
    expect((await auditOf(world.store, world.request.id, 'restriction.set'))[0]?.detail).toMatchObject({ ground: 'a', scope: 'profile' });
    const plan = await loadPlan(world.deps.objects, stored!);
    expect(plan.recipientsToNotify.map((r) => `${r.id}:${r.categories.join('+')}`)).toEqual(['unloc:profile', 'invoicing:profile', 'email_platform:profile']);
    const text = approvedReplyLetter({ request: stored!, plan, corrections: [], recipients: [] }).text;
    expect(text).toContain('artikkel 18 nr. 1 bokstav a');
    expect(text).toContain('Begrensningen gjelder profil og kontaktopplysninger');
    expect(text).toContain('Dette stopper:');
    expect(text).toContain('Dette fortsetter:');
    expect(text).toContain('rettskrav');
    expect(text).toContain('Abonnementet ditt: Du har et aktivt abonnement');
    expect(text).toContain('før begrensningen oppheves');
  });

  it('says an active subscription goes on unchanged when the scope leaves out what it needs', async () => {
    const world = waiting();
    await setRestriction(world.deps, { requestId: world.request.id, actor: 'staff:kari', ground: 'c', scope: ['invoice', 'payment'], today: TODAY });
    const plan = await loadPlan(world.deps.objects, (await world.store.get(world.request.id))!);

    const text = approvedReplyLetter({ request: { ...world.request, language: 'en' }, plan, corrections: [], recipients: [] }).text;

    expect(text).toContain('Article 18(1)(c)');
    expect(text).toContain('The restriction does not cover what your subscription needs');
  });

  it('refuses a scope the person has no records in, and can be called with ground d on another right', async () => {
    const world = waiting(['objection']);

    await expect(
      setRestriction(world.deps, { requestId: world.request.id, actor: 'staff:kari', ground: 'd', scope: ['door_event', 'service_note', 'consent'], today: TODAY }),
    ).resolves.toMatchObject({ ground: 'd' });
    const plan = await loadPlan(world.deps.objects, (await world.store.get(world.request.id))!);
    expect(plan.restrict).toBe(true);
    expect(plan.restriction).toMatchObject({ ground: 'd', scope: ['door_event', 'service_note', 'consent'] });

    const empty = waiting(['restriction'], { ...ACTIVE_CUSTOMER, events: [] });
    await expect(
      setRestriction(empty.deps, { requestId: empty.request.id, actor: 'staff:kari', ground: 'a', scope: ['door_event'], today: TODAY }),
    ).rejects.toThrow(ScopeNotHeldError);
  });
});

describe('restriction: lifting with notice (Art. 18(3))', () => {
  it('sends the notice first, then clears the flags, and records both; a repeat does nothing', async () => {
    const world = waiting();
    await setRestriction(world.deps, { requestId: world.request.id, actor: 'staff:kari', ground: 'a', scope: ['profile', 'door_event'], today: TODAY });
    await approve(world);
    await carryOut(world.deps, world.request.id);

    await liftRestriction(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: 'Vi har kontrollert opplysningene, og de er riktige.' });

    expect(world.mailer.sent.map((m) => m.purpose)).toEqual([RESTRICTION_PURPOSES.lift]);
    expect(world.mailer.sent[0]?.text).toContain('artikkel 18 nr. 3');
    expect(world.mailer.sent[0]?.text).toContain('Vi har kontrollert opplysningene, og de er riktige.');
    expect((await world.data.customers.getProfile(C))?.restricted).toBe(false);
    expect((await readAllPages((c) => world.data.accessLog.events(C, c))).every((e) => !e.restricted)).toBe(true);
    const events = (await world.store.auditTrail(world.request.id)).map((e) => e.event);
    expect(events.indexOf('restriction.lift_decided')).toBeLessThan(events.indexOf('mail.sent'));
    expect(events.indexOf('mail.sent')).toBeLessThan(events.indexOf('restriction.lifted'));
    expect((await world.store.get(world.request.id))?.restriction?.liftedBy).toBe('staff:kari');

    await expect(liftRestriction(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: 'Igjen.' })).resolves.toEqual({ alreadyLifted: true });
    expect(world.mailer.sent).toHaveLength(1);
  });

  it('leaves everything restricted when the notice cannot be sent', async () => {
    const world = waiting();
    await setRestriction(world.deps, { requestId: world.request.id, actor: 'staff:kari', ground: 'a', scope: ['profile'], today: TODAY });
    await approve(world);
    await carryOut(world.deps, world.request.id);
    world.mailer.failWith(new Error('SES down'));

    await expect(liftRestriction(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: 'Kontrollert.' })).rejects.toThrow('SES down');

    expect((await world.data.customers.getProfile(C))?.restricted).toBe(true);
    expect((await world.store.get(world.request.id))?.restriction?.liftedAt).toBeUndefined();
  });

  it('refuses without a reason, and when nothing is restricted', async () => {
    const world = waiting();

    await expect(liftRestriction(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: ' ' })).rejects.toThrow(RestrictionReasonRequiredError);
    await expect(liftRestriction(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: 'Ok.' })).rejects.toThrow(NoActiveRestrictionError);
  });
});

describe('restriction: a disputed correction (Art. 18(1)(a))', () => {
  it('restricts the profile while staff verify, tells the person once, and can then be lifted with notice', async () => {
    const world = waiting(['rectification']);

    await disputeCorrection(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: 'Adressen stemmer med folkeregisteret.' });
    await disputeCorrection(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: 'Adressen stemmer med folkeregisteret.' });

    expect((await world.data.customers.getProfile(C))?.restricted).toBe(true);
    expect(world.mailer.sent.map((m) => m.purpose)).toEqual([RESTRICTION_PURPOSES.dispute]);
    expect(world.mailer.sent[0]?.text).toContain('artikkel 18 nr. 1 bokstav a');
    expect((await world.store.get(world.request.id))?.restriction).toMatchObject({ ground: 'a', scope: ['profile'], appliedAt: expect.any(String) });

    await liftRestriction(world.actionDeps, { requestId: world.request.id, actor: 'staff:kari', reason: 'Rettingen er gjort.' });
    expect((await world.data.customers.getProfile(C))?.restricted).toBe(false);
  });
});
