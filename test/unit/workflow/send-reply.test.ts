import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../../functions/domain/request/request-errors.js';
import type { Decision } from '../../../functions/domain/request/rights-request.js';
import { sendReply } from '../../../functions/domain/workflow/send-reply.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { OBJECT_KEYS } from '../../../functions/domain/storage/object-store.js';
import { InMemoryObjectStore } from '../gather/in-memory-stores.js';
import { workflowWith } from './workflow-fixture.js';

/**
 * An approved answer is written from the request's plan, so the request has one: here the plan for
 * a requester we hold nothing about (the approval letter then confirms that, see test/unit/reply).
 */
function replyWith(...args: Parameters<typeof workflowWith>) {
  const planKey = OBJECT_KEYS.plan(REQUEST_ID);
  const fixture = workflowWith({ planKey, ...args[0] }, args[1]);
  const objects = new InMemoryObjectStore();
  void objects.putJson(planKey, {
    requestId: REQUEST_ID,
    builtAt: '2026-11-24T07:00:00.000Z',
    customerIds: [],
    corrections: [],
    rectificationNeedsStaffInput: false,
    erasures: [],
    kept: [],
    consentChanges: [],
    channelReservations: [],
    restrict: false,
    recipientsToNotify: [],
    refusals: [],
    needsTwoApprovers: false,
  });
  return { ...fixture, deps: { ...fixture.deps, objects } };
}

const approved: Decision = { outcome: 'approved', decidedBy: 'staff:ola', decidedAt: '2026-11-24T07:00:00.000Z' };
const rejected: Decision = {
  outcome: 'rejected',
  decidedBy: 'staff:kari',
  decidedAt: '2026-11-24T07:00:00.000Z',
  reason: 'Vi finner ingen kundeforhold registrert på deg.',
};

describe('sendReply', () => {
  it('returns replied after sending the approval letter and moving the request to replied', async () => {
    // Prepare
    const { deps, store, mailer, at } = replyWith({ status: 'awaiting_approval', decision: approved });
    // Act
    const result = await sendReply(deps, REQUEST_ID, 'approved');
    // Assess
    expect(result).toEqual({ replied: true });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: REQUESTER.email, purpose: 'reply', requestId: REQUEST_ID });
    expect(mailer.sent[0]?.subject).toBe(`Henvendelsen din er behandlet – referanse ${REQUEST_ID}`);
    const stored = await store.get(REQUEST_ID);
    expect(stored?.status).toBe('replied');
    expect(stored?.mailsSent.reply).toEqual({ messageId: 'fake-message-1', sentAt: at });
    expect((await store.auditTrail(REQUEST_ID)).map((e) => [e.event, e.toStatus])).toEqual([
      ['mail.sent', undefined],
      ['status.changed', 'replied'],
    ]);
  });

  it('returns replied after sending a Norwegian refusal with the reason and both remedies when rejected in nb', async () => {
    const { deps, store, mailer } = replyWith({ status: 'awaiting_approval', decision: rejected, language: 'nb' });

    await sendReply(deps, REQUEST_ID, 'rejected');

    const text = mailer.sent[0]?.text ?? '';
    expect(text).toContain(rejected.reason);
    expect(text).toContain('Datatilsynet');
    expect(text).toContain('domstolene');
    expect(text).toContain(REQUEST_ID);
    expect((await store.get(REQUEST_ID))?.status).toBe('rejected');
  });

  it('returns replied after sending an English refusal with the reason and the right to go to court when rejected in en', async () => {
    const { deps, mailer } = replyWith({ status: 'awaiting_approval', decision: rejected, language: 'en' });

    await sendReply(deps, REQUEST_ID, 'rejected');

    const text = mailer.sent[0]?.text ?? '';
    expect(mailer.sent[0]?.subject).toBe(`Answer to your request – reference ${REQUEST_ID}`);
    expect(text).toContain(rejected.reason);
    expect(text).toContain('Datatilsynet');
    expect(text).toContain('court');
  });

  it.each([
    ['approved', rejected],
    ['rejected', approved],
  ] as const)('throws InvalidTransitionError and sends nothing when asked to reply %s against the stored decision', async (outcome, decision) => {
    const { deps, store, mailer } = replyWith({ status: 'awaiting_approval', decision });

    await expect(sendReply(deps, REQUEST_ID, outcome)).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(mailer.attempts).toEqual([]);
    expect((await store.get(REQUEST_ID))?.status).toBe('awaiting_approval');
  });

  it('throws InvalidTransitionError and sends nothing when no decision is recorded', async () => {
    const { deps, mailer } = replyWith({ status: 'awaiting_approval' });

    await expect(sendReply(deps, REQUEST_ID, 'approved')).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(mailer.attempts).toEqual([]);
  });

  it('returns replied without a second mail or audit entry when called again', async () => {
    const { deps, store, mailer } = replyWith({ status: 'awaiting_approval', decision: rejected });
    await sendReply(deps, REQUEST_ID, 'rejected');
    const trail = await store.auditTrail(REQUEST_ID);

    const again = await sendReply(deps, REQUEST_ID, 'rejected');

    expect(again).toEqual({ replied: true });
    expect(mailer.attempts).toHaveLength(1);
    expect(await store.auditTrail(REQUEST_ID)).toEqual(trail);
  });

  it('returns replied and only moves the status when the reply was mailed before a crash', async () => {
    const { deps, store, mailer } = replyWith({
      status: 'awaiting_approval',
      decision: approved,
      mailsSent: { reply: { messageId: 'earlier', sentAt: '2026-11-24T07:30:00.000Z' } },
    });

    await sendReply(deps, REQUEST_ID, 'approved');

    expect(mailer.attempts).toEqual([]);
    const stored = await store.get(REQUEST_ID);
    expect(stored?.status).toBe('replied');
    expect(stored?.mailsSent.reply?.messageId).toBe('earlier');
  });
});
