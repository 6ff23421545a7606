import { describe, expect, it } from 'vitest';
import {
  UNDELIVERABLE_EVENT,
  UnreadableMailEventError,
  readSesEvent,
  recordDeliveryProblem,
  type DeliveryProblem,
} from '../../../functions/domain/mail/delivery-problem.js';
import { auditEventText } from '../../../functions/http/console-case/pages/audit-event-text.js';
import { REQUESTER, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { workflowWith } from '../workflow/workflow-fixture.js';

const REPLY_MESSAGE_ID = '0100018c-reply-0001';

/** An SES event as the configuration set's SNS destination publishes it. */
const sesEvent = (eventType: string, extra: Record<string, unknown>) =>
  JSON.stringify({
    eventType,
    mail: {
      timestamp: '2026-12-01T10:00:00.000Z',
      source: 'naerkontor@obos.no',
      messageId: REPLY_MESSAGE_ID,
      destination: [REQUESTER.email],
      tags: { request: [REQUEST_ID], purpose: ['reply'], 'ses:configuration-set': ['obos-naerkontor-dsr-prod'] },
    },
    ...extra,
  });

const permanentBounce = sesEvent('Bounce', {
  bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: REQUESTER.email.toUpperCase() }] },
});

const problem = (overrides: Partial<DeliveryProblem> = {}): DeliveryProblem => ({
  kind: 'bounce',
  bounceType: 'Permanent',
  messageId: REPLY_MESSAGE_ID,
  requestId: REQUEST_ID,
  purposeTag: 'reply',
  addresses: [REQUESTER.email],
  ...overrides,
});

describe('readSesEvent', () => {
  it('reads a bounce: message id, request and purpose tags, type and the bounced addresses in lower case', () => {
    expect(readSesEvent(permanentBounce)).toEqual({
      kind: 'bounce',
      messageId: REPLY_MESSAGE_ID,
      requestId: REQUEST_ID,
      purposeTag: 'reply',
      bounceType: 'Permanent',
      addresses: [REQUESTER.email.toLowerCase()],
    });
  });

  it('reads a complaint', () => {
    const complaint = sesEvent('Complaint', { complaint: { complainedRecipients: [{ emailAddress: 'x@example.no' }], complaintFeedbackType: 'abuse' } });
    expect(readSesEvent(complaint)).toMatchObject({ kind: 'complaint', addresses: ['x@example.no'], requestId: REQUEST_ID });
  });

  it('ignores other event types', () => {
    expect(readSesEvent(sesEvent('Delivery', { delivery: { recipients: [REQUESTER.email] } }))).toBeUndefined();
  });

  it('refuses text that is not an SES event, without repeating it', () => {
    expect(() => readSesEvent(`not json ${REQUESTER.email}`)).toThrowError(UnreadableMailEventError);
    expect(() => readSesEvent(JSON.stringify({ hello: REQUESTER.email }))).toThrowError(UnreadableMailEventError);
    try {
      readSesEvent(JSON.stringify({ hello: REQUESTER.email }));
    } catch (error) {
      expect((error as Error).message).not.toContain(REQUESTER.email);
    }
  });
});

describe('recordDeliveryProblem', () => {
  it('flags a replied request whose reply bounced for good, recording mail and address in the request only', async () => {
    const { deps, store, log, at } = workflowWith({
      status: 'replied',
      mailsSent: { reply: { messageId: REPLY_MESSAGE_ID, sentAt: '2026-12-01T10:00:00+01:00' } },
    });
    expect(await recordDeliveryProblem(deps, problem({ purposeTag: undefined }))).toBe('flagged');
    expect((await store.get(REQUEST_ID))?.status).toBe('needs_attention');
    const entry = (await store.auditTrail(REQUEST_ID)).find((audit) => audit.event === UNDELIVERABLE_EVENT);
    expect(entry).toMatchObject({
      at,
      actor: 'system:ses',
      fromStatus: 'replied',
      toStatus: 'needs_attention',
      detail: { kind: 'bounce', purpose: 'reply', messageId: REPLY_MESSAGE_ID, bounceType: 'Permanent', undeliverableAddresses: [REQUESTER.email] },
    });
    expect(entry?.reason).toMatch(/kom ikke fram/);
    expect(log.lines.join('\n')).not.toContain(REQUESTER.email);
    expect(log.lines.join('\n')).toContain('mail.undeliverable');
  });

  it('reopens a closed request: a reply that never arrived is not an answer', async () => {
    const { deps, store } = workflowWith({ status: 'closed' });
    expect(await recordDeliveryProblem(deps, problem())).toBe('flagged');
    expect((await store.get(REQUEST_ID))?.status).toBe('needs_attention');
    const open: string[] = [];
    for await (const item of store.listOpen()) open.push(item.id);
    expect(open).toContain(REQUEST_ID);
  });

  it('flags on a complaint too', async () => {
    const { deps, store } = workflowWith({ status: 'awaiting_verification' });
    expect(await recordDeliveryProblem(deps, problem({ kind: 'complaint', bounceType: undefined, purposeTag: 'acknowledgement' }))).toBe('flagged');
    const entry = (await store.auditTrail(REQUEST_ID)).find((audit) => audit.event === UNDELIVERABLE_EVENT);
    expect(entry?.detail).toMatchObject({ kind: 'complaint', purpose: 'acknowledgement' });
    expect(entry?.reason).toMatch(/søppelpost/);
  });

  it('records the same event once however often SNS delivers it', async () => {
    const { deps, store } = workflowWith({ status: 'replied' });
    expect(await recordDeliveryProblem(deps, problem())).toBe('flagged');
    expect(await recordDeliveryProblem(deps, problem())).toBe('already_recorded');
    expect((await store.auditTrail(REQUEST_ID)).filter((audit) => audit.event === UNDELIVERABLE_EVENT)).toHaveLength(1);
  });

  it('adds a second bounce to a request already flagged without another status change', async () => {
    const { deps, store } = workflowWith({ status: 'needs_attention' });
    const before = (await store.get(REQUEST_ID))?.version;
    expect(await recordDeliveryProblem(deps, problem({ messageId: 'other-message' }))).toBe('recorded');
    expect((await store.get(REQUEST_ID))?.version).toBe(before);
    const entry = (await store.auditTrail(REQUEST_ID)).find((audit) => audit.event === UNDELIVERABLE_EVENT);
    expect(entry).toMatchObject({ detail: { messageId: 'other-message', purpose: 'reply' } });
    expect(entry?.toStatus).toBeUndefined();
  });

  it('reads the request again when the workflow changed it meanwhile, and still flags it', async () => {
    const { deps, store } = workflowWith({ status: 'awaiting_verification' });
    let raced = false;
    const apply = store.apply.bind(store);
    store.apply = async (id, change) => {
      if (!raced) {
        raced = true;
        // The workflow writes first (e.g. storing its task token), so this change is stale.
        await apply(id, { expectedVersion: change.expectedVersion, set: { updatedAt: change.audit.at }, audit: { ...change.audit, event: 'verification.awaiting' } });
      }
      return apply(id, change);
    };
    expect(await recordDeliveryProblem(deps, problem())).toBe('flagged');
    expect(raced).toBe(true);
    expect((await store.get(REQUEST_ID))?.status).toBe('needs_attention');
  });

  it('leaves a transient bounce to SES retries', async () => {
    const { deps, store } = workflowWith({ status: 'replied' });
    expect(await recordDeliveryProblem(deps, problem({ bounceType: 'Transient' }))).toBe('transient_ignored');
    expect((await store.get(REQUEST_ID))?.status).toBe('replied');
  });

  it('logs a problem with mail that belongs to no request (the staff digest) by counts only', async () => {
    const { deps, log } = workflowWith({ status: 'replied' });
    expect(await recordDeliveryProblem(deps, problem({ requestId: 'digest-2026-12-01' }))).toBe('no_request');
    expect(await recordDeliveryProblem(deps, problem({ requestId: undefined }))).toBe('no_request');
    expect(log.lines.join('\n')).not.toContain(REQUESTER.email);
  });
});

describe('the case history line of an undeliverable mail', () => {
  it('says in Norwegian which mail did not arrive, and where it was going', async () => {
    const { deps, store } = workflowWith({ status: 'replied' });
    await recordDeliveryProblem(deps, problem());
    const entry = (await store.auditTrail(REQUEST_ID)).find((audit) => audit.event === UNDELIVERABLE_EVENT);
    expect(entry && auditEventText(entry)).toMatch(new RegExp(`^E-post kom ikke fram: .+ \\(til ${REQUESTER.email.replace('.', '\\.')}\\)$`));
    const complaint = { ...entry!, detail: { ...entry!.detail, kind: 'complaint' } };
    expect(auditEventText(complaint)).toMatch(/^E-post meldt som søppelpost/);
  });
});
