import { describe, expect, it } from 'vitest';
import { ConcurrentChangeError, RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';
import {
  FakeMailer,
  FakeTaskCallbacks,
  FakeWorkflowStarter,
  InMemoryRequestStore,
  TransactionCanceledError,
} from '../../support/in-memory-request-store.js';
import { REQUEST_ID, aRightsRequest } from '../fixtures/rights-request-fixture.js';

const received = (requestId = REQUEST_ID, at = '2026-11-23T20:05:09.120Z'): AuditEntry => ({
  requestId,
  at,
  event: 'request.received',
  toStatus: 'received',
  actor: 'requester',
});

const key = (keyHash: string, bodyHash = 'body-1') => ({ keyHash, bodyHash, expiresAt: 1_800_000_000 });

describe('InMemoryRequestStore.create', () => {
  it('returns created:true and stores the request with its first audit entry when the id is new', async () => {
    // Prepare
    const store = new InMemoryRequestStore();
    // Act
    const result = await store.create(aRightsRequest(), received());
    // Assess
    expect(result).toEqual({ created: true });
    expect(await store.get(REQUEST_ID)).toEqual(aRightsRequest());
    expect((await store.auditTrail(REQUEST_ID)).map((entry) => entry.event)).toEqual(['request.received']);
  });

  it('returns the first request id and body hash when the idempotency key was used before', async () => {
    const store = new InMemoryRequestStore();
    await store.create(aRightsRequest(), received(), key('k1', 'body-1'));

    const result = await store.create(
      aRightsRequest({ id: 'NK-20261123-AAAAAAAA' }),
      received('NK-20261123-AAAAAAAA'),
      key('k1', 'body-2'),
    );

    expect(result).toEqual({ created: false, existingRequestId: REQUEST_ID, bodyHash: 'body-1' });
    expect(await store.get('NK-20261123-AAAAAAAA')).toBeUndefined();
    expect(await store.auditTrail('NK-20261123-AAAAAAAA')).toEqual([]);
    expect(store.size).toBe(1);
  });

  it('throws when the request id already exists and no idempotency record answers for it', async () => {
    const store = new InMemoryRequestStore();
    await store.create(aRightsRequest(), received());

    await expect(store.create(aRightsRequest(), received())).rejects.toBeInstanceOf(TransactionCanceledError);
    await expect(store.create(aRightsRequest(), received(), key('fresh'))).rejects.toBeInstanceOf(TransactionCanceledError);
    expect(await store.auditTrail(REQUEST_ID)).toHaveLength(1);
    expect(store.idempotencyRecords()).toEqual([]);
  });

  it('returns created:true again when the key has expired and TTL removed it', async () => {
    const store = new InMemoryRequestStore();
    await store.create(aRightsRequest(), received(), key('k1'));
    store.expireIdempotencyKeys(1_800_000_001);

    const result = await store.create(aRightsRequest({ id: 'NK-20261123-BBBBBBBB' }), received('NK-20261123-BBBBBBBB'), key('k1'));

    expect(result).toEqual({ created: true });
  });

  it('returns a copy that cannot change the stored request when the caller mutates it', async () => {
    const store = new InMemoryRequestStore();
    const request = aRightsRequest();
    await store.create(request, received());

    request.requester.name = 'Changed';
    const read = await store.get(REQUEST_ID);
    read!.types.push('portability');

    expect((await store.get(REQUEST_ID))?.requester.name).toBe('Kari Nordmann');
    expect((await store.get(REQUEST_ID))?.types).toEqual(['access', 'erasure']);
  });
});

describe('InMemoryRequestStore.apply', () => {
  it('returns the request with the version incremented and the change applied when the version matches', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest({ version: 3 }));

    const updated = await store.apply(REQUEST_ID, {
      expectedVersion: 3,
      set: { status: 'awaiting_approval', updatedAt: '2026-11-24T08:00:00.000Z', details: undefined },
      audit: { requestId: REQUEST_ID, at: '2026-11-24T08:00:00.000Z', event: 'status.changed', actor: 'system:workflow' },
    });

    expect(updated.version).toBe(4);
    expect(updated.status).toBe('awaiting_approval');
    expect(updated.updatedAt).toBe('2026-11-24T08:00:00.000Z');
    expect(await store.get(REQUEST_ID)).toEqual(updated);
    expect((await store.auditTrail(REQUEST_ID)).map((entry) => entry.event)).toEqual(['status.changed']);
  });

  it('returns the attribute unchanged when the change sets it to undefined', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest({ details: 'Gjelder leiligheten' }));

    const updated = await store.apply(REQUEST_ID, {
      expectedVersion: 0,
      set: { details: undefined },
      audit: { requestId: REQUEST_ID, at: '2026-11-24T08:00:00.000Z', event: 'noop', actor: 'test' },
    });

    expect(updated.details).toBe('Gjelder leiligheten');
  });

  it('throws ConcurrentChangeError and writes neither change nor audit when the version moved on', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest({ version: 2 }));

    const attempt = store.apply(REQUEST_ID, {
      expectedVersion: 1,
      set: { status: 'closed' },
      audit: { requestId: REQUEST_ID, at: '2026-11-24T08:00:00.000Z', event: 'status.changed', actor: 'test' },
    });

    await expect(attempt).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect((await store.get(REQUEST_ID))?.status).toBe('received');
    expect((await store.get(REQUEST_ID))?.version).toBe(2);
    expect(await store.auditTrail(REQUEST_ID)).toEqual([]);
  });

  it('throws RequestNotFoundError when the request does not exist', async () => {
    const store = new InMemoryRequestStore();

    const attempt = store.apply('NK-20261123-CCCCCCCC', {
      expectedVersion: 0,
      set: { status: 'closed' },
      audit: { requestId: 'NK-20261123-CCCCCCCC', at: '2026-11-24T08:00:00.000Z', event: 'x', actor: 'test' },
    });

    await expect(attempt).rejects.toBeInstanceOf(RequestNotFoundError);
    expect(await store.auditTrail('NK-20261123-CCCCCCCC')).toEqual([]);
  });

  it('returns the task token separately from the request when a change sets and later removes it', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest());
    const audit: AuditEntry = { requestId: REQUEST_ID, at: '2026-11-24T08:00:00.000Z', event: 'x', actor: 'test' };

    const withToken = await store.apply(REQUEST_ID, { expectedVersion: 0, set: { taskToken: 'token-1' }, audit });
    const tokenWhileSet = await store.taskToken(REQUEST_ID);
    await store.apply(REQUEST_ID, { expectedVersion: 1, set: {}, remove: ['taskToken'], audit });

    expect(tokenWhileSet).toBe('token-1');
    expect(withToken).not.toHaveProperty('taskToken');
    expect(await store.taskToken(REQUEST_ID)).toBeUndefined();
  });
});

describe('InMemoryRequestStore.auditTrail', () => {
  it('returns entries in time order, then in order of writing, when written out of order', async () => {
    const store = new InMemoryRequestStore();
    await store.create(aRightsRequest(), received(REQUEST_ID, '2026-11-23T21:05:09.120+01:00'));
    const entry = (event: string, at: string): AuditEntry => ({ requestId: REQUEST_ID, at, event, actor: 'test' });
    await store.apply(REQUEST_ID, { expectedVersion: 0, set: {}, audit: entry('later', '2026-11-25T00:00:00.000Z') });
    await store.apply(REQUEST_ID, { expectedVersion: 1, set: {}, audit: entry('earlier', '2026-11-24T00:00:00.000Z') });
    await store.apply(REQUEST_ID, { expectedVersion: 2, set: {}, audit: entry('earlier-too', '2026-11-24T01:00:00.000+01:00') });

    const events = (await store.auditTrail(REQUEST_ID)).map((e) => e.event);

    expect(events).toEqual(['request.received', 'earlier', 'earlier-too', 'later']);
  });
});

describe('InMemoryRequestStore.listOpen', () => {
  it('returns the requests not closed, oldest receipt first, when some are closed', async () => {
    const store = new InMemoryRequestStore()
      .seed(aRightsRequest({ id: 'NK-20261124-AAAAAAAA', receivedAt: '2026-11-24T10:00:00.000+01:00', status: 'replied' }))
      .seed(aRightsRequest({ id: 'NK-20261120-BBBBBBBB', receivedAt: '2026-11-20T10:00:00.000+01:00', status: 'closed' }))
      .seed(aRightsRequest({ id: 'NK-20261122-CCCCCCCC', receivedAt: '2026-11-22T10:00:00.000+01:00', status: 'needs_attention' }));

    const open: { id: string; status: string }[] = [];
    for await (const entry of store.listOpen()) open.push({ id: entry.id, status: entry.status });

    expect(open).toEqual([
      { id: 'NK-20261122-CCCCCCCC', status: 'needs_attention' },
      { id: 'NK-20261124-AAAAAAAA', status: 'replied' },
    ]);
  });

  it('returns the list without a request when a change closed it', async () => {
    const store = new InMemoryRequestStore().seed(aRightsRequest({ status: 'replied' }));

    await store.apply(REQUEST_ID, {
      expectedVersion: 0,
      set: { status: 'closed' },
      audit: { requestId: REQUEST_ID, at: '2026-11-24T08:00:00.000Z', event: 'status.changed', actor: 'test' },
    });
    const open: string[] = [];
    for await (const entry of store.listOpen()) open.push(entry.id);

    expect(open).toEqual([]);
  });
});

describe('FakeMailer', () => {
  it('returns distinct message ids for distinct letters and records the mails', async () => {
    const mailer = new FakeMailer();
    const mail = { to: 'a@example.no', subject: 's', text: 't', purpose: 'p', requestId: REQUEST_ID, letterId: 'p#1' };

    const first = await mailer.send(mail);
    const second = await mailer.send({ ...mail, letterId: 'p#2' });

    expect(first.messageId).not.toBe(second.messageId);
    expect(mailer.sent).toHaveLength(2);
  });

  it('sends a letter id once, with its first content, however often it is sent', async () => {
    const mailer = new FakeMailer();
    const mail = { to: 'a@example.no', subject: 's', text: 'first', purpose: 'p', requestId: REQUEST_ID, letterId: 'p' };

    const first = await mailer.send(mail);
    const again = await mailer.send({ ...mail, text: 'second' });

    expect(again).toEqual(first);
    expect(mailer.sent.map((each) => each.text)).toEqual(['first']);
  });

  it('throws the given error and records nothing as sent when told to fail once', async () => {
    const mailer = new FakeMailer();
    const mail = { to: 'a@example.no', subject: 's', text: 't', purpose: 'p', requestId: REQUEST_ID, letterId: 'p' };
    mailer.failWith(new Error('ses down'), 1);

    await expect(mailer.send(mail)).rejects.toThrow('ses down');
    await mailer.send(mail);

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.attempts).toHaveLength(2);
  });
});

describe('FakeWorkflowStarter and FakeTaskCallbacks', () => {
  it('returns after recording the call when not told to fail', async () => {
    const workflow = new FakeWorkflowStarter();
    const callbacks = new FakeTaskCallbacks();

    await workflow.start(REQUEST_ID);
    await callbacks.succeed('token-1', { outcome: 'approved' });

    expect(workflow.started).toEqual([REQUEST_ID]);
    expect(callbacks.succeeded).toEqual([{ taskToken: 'token-1', output: { outcome: 'approved' } }]);
  });

  it('throws and records only the attempt when told to fail', async () => {
    const workflow = new FakeWorkflowStarter();
    const callbacks = new FakeTaskCallbacks();
    workflow.failWith(new Error('sfn down'));
    callbacks.failWith(new Error('sfn down'));

    await expect(workflow.start(REQUEST_ID)).rejects.toThrow('sfn down');
    await expect(callbacks.succeed('token-1', {})).rejects.toThrow('sfn down');

    expect(workflow.started).toEqual([]);
    expect(workflow.attempts).toEqual([REQUEST_ID]);
    expect(callbacks.succeeded).toEqual([]);
    expect(callbacks.attempts).toHaveLength(1);
  });
});
