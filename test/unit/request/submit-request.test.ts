import { describe, expect, it, vi } from 'vitest';
import { IdempotencyKeyReusedError } from '../../../functions/domain/request/request-errors.js';
import type { RequestSubmission } from '../../../functions/domain/request/request-submission.js';
import { submitRequest, type SubmitRequestDeps } from '../../../functions/domain/request/submit-request.js';
import { FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { REQUESTER, capturingLogger } from '../fixtures/rights-request-fixture.js';

const submission: RequestSubmission = {
  name: REQUESTER.name,
  email: REQUESTER.email,
  phone: REQUESTER.phone,
  types: ['access', 'portability'],
  details: 'Jeg ønsker en kopi av det dere har om meg.',
  language: 'nb',
};

const NOW = new Date('2026-11-23T20:05:09.120Z');

function setUp(overrides: Partial<SubmitRequestDeps> = {}) {
  const store = new InMemoryRequestStore();
  const workflow = new FakeWorkflowStarter();
  const log = capturingLogger('create-request');
  let counter = 0;
  const deps: SubmitRequestDeps = {
    store,
    workflow,
    now: () => NOW,
    formatInstant: vi.fn(() => '2026-11-23T21:05:09.120+01:00'),
    receiptDate: vi.fn((receivedAt: string) => receivedAt.slice(0, 10)),
    dueDate: vi.fn(() => '2026-12-23'),
    newId: vi.fn((receiptDate: string) => `NK-${receiptDate.replaceAll('-', '')}-${String(++counter).padStart(8, 'A')}`),
    logger: log.logger,
    ...overrides,
  };
  return { deps, store, workflow, log };
}

describe('submitRequest', () => {
  it('returns a new id and stores a received request with the injected due date when submitted', async () => {
    // Prepare
    const { deps, store, workflow } = setUp();
    // Act
    const result = await submitRequest(deps, { submission, channel: 'web', actor: 'requester' });
    // Assess
    expect(result).toEqual({ id: 'NK-20261123-AAAAAAA1', dueDate: '2026-12-23', created: true });
    const stored = await store.get(result.id);
    expect(stored).toMatchObject({
      id: result.id,
      channel: 'web',
      status: 'received',
      version: 0,
      types: ['access', 'portability'],
      receivedAt: '2026-11-23T21:05:09.120+01:00',
      receiptDate: '2026-11-23',
      dueDate: '2026-12-23',
      extended: false,
      requester: { name: REQUESTER.name, email: REQUESTER.email, phone: REQUESTER.phone },
      language: 'nb',
      details: submission.details,
      createdAt: NOW.toISOString(),
      mailsSent: {},
    });
    expect(deps.formatInstant).toHaveBeenCalledWith(NOW);
    expect(deps.dueDate).toHaveBeenCalledWith('2026-11-23T21:05:09.120+01:00');
    expect(workflow.started).toEqual([result.id]);
  });

  it('returns after writing a request.received audit entry by the given actor when submitted', async () => {
    const { deps, store } = setUp();

    const { id } = await submitRequest(deps, { submission, channel: 'web', actor: 'requester' });

    expect(await store.auditTrail(id)).toEqual([
      {
        requestId: id,
        at: NOW.toISOString(),
        event: 'request.received',
        toStatus: 'received',
        actor: 'requester',
        detail: { channel: 'web', types: ['access', 'portability'], receivedAt: '2026-11-23T21:05:09.120+01:00' },
      },
    ]);
  });

  it('returns the first id with created:false and starts the workflow again when the key and submission repeat', async () => {
    const { deps, store, workflow } = setUp();
    const input = { submission, channel: 'web' as const, actor: 'requester', idempotencyKey: 'form-key-1' };

    const first = await submitRequest(deps, input);
    const second = await submitRequest(deps, input);

    expect(second).toEqual({ id: first.id, dueDate: first.dueDate, created: false });
    expect(first.created).toBe(true);
    expect(store.size).toBe(1);
    expect(await store.auditTrail(first.id)).toHaveLength(1);
    expect(workflow.started).toEqual([first.id, first.id]);
  });

  it('returns the stored due date, not a newly computed one, when the key repeats', async () => {
    const dueDate = vi.fn<(receivedAt: string) => string>().mockReturnValueOnce('2026-12-23').mockReturnValue('2027-01-04');
    const { deps } = setUp({ dueDate });
    const input = { submission, channel: 'web' as const, actor: 'requester', idempotencyKey: 'form-key-1' };

    await submitRequest(deps, input);
    const repeated = await submitRequest(deps, input);

    expect(repeated.dueDate).toBe('2026-12-23');
  });

  it('throws IdempotencyKeyReusedError and stores nothing new when the key repeats with a different submission', async () => {
    const { deps, store, workflow } = setUp();
    await submitRequest(deps, { submission, channel: 'web', actor: 'requester', idempotencyKey: 'form-key-1' });

    const reuse = submitRequest(deps, {
      submission: { ...submission, types: ['erasure'] },
      channel: 'web',
      actor: 'requester',
      idempotencyKey: 'form-key-1',
    });

    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(store.size).toBe(1);
    expect(workflow.started).toHaveLength(1);
  });

  it('throws IdempotencyKeyReusedError when the key repeats with a different staff receipt time', async () => {
    const { deps } = setUp();
    const input = { submission, channel: 'phone' as const, actor: 'staff:ola', idempotencyKey: 'k' };
    await submitRequest(deps, { ...input, receivedAt: '2026-11-20T09:00:00.000+01:00' });

    const reuse = submitRequest(deps, { ...input, receivedAt: '2026-11-20T10:00:00.000+01:00' });

    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('returns two different requests when the same key is used on different channels', async () => {
    const { deps, store } = setUp();

    const web = await submitRequest(deps, { submission, channel: 'web', actor: 'requester', idempotencyKey: 'k' });
    const email = await submitRequest(deps, { submission, channel: 'email', actor: 'requester', idempotencyKey: 'k' });

    expect(email.id).not.toBe(web.id);
    expect(email.created).toBe(true);
    expect(store.size).toBe(2);
  });

  it('returns two different requests when no idempotency key is given', async () => {
    const { deps, store } = setUp();

    const first = await submitRequest(deps, { submission, channel: 'web', actor: 'requester' });
    const second = await submitRequest(deps, { submission, channel: 'web', actor: 'requester' });

    expect(second.id).not.toBe(first.id);
    expect(store.size).toBe(2);
    expect(store.idempotencyRecords()).toEqual([]);
  });

  it('returns an idempotency record that hides the raw key and expires after 24 hours when a key is given', async () => {
    const { deps, store } = setUp();

    await submitRequest(deps, { submission, channel: 'web', actor: 'requester', idempotencyKey: 'form-key-1' });

    const [record] = store.idempotencyRecords();
    expect(record?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record?.keyHash).not.toContain('form-key-1');
    expect(record?.expiresAt).toBe(Math.floor(NOW.getTime() / 1000) + 24 * 60 * 60);
  });

  it('returns the id and keeps the request when starting the workflow fails, logging no personal data', async () => {
    const { deps, store, workflow, log } = setUp();
    const failure = new Error(`could not start for ${REQUESTER.email} (${REQUESTER.name})`);
    failure.name = 'ServiceUnavailableException';
    workflow.failWith(failure);

    const result = await submitRequest(deps, { submission, channel: 'web', actor: 'requester' });

    expect(result.created).toBe(true);
    expect(await store.get(result.id)).toBeDefined();
    const failed = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.event === 'workflow.start_failed');
    expect(failed).toMatchObject({ level: 'error', requestId: result.id, error: 'ServiceUnavailableException' });
    for (const line of log.lines) {
      expect(line).not.toContain(REQUESTER.name);
      expect(line).not.toContain(REQUESTER.email);
      expect(line).not.toContain('Nordmann');
      expect(line).not.toContain(submission.details!);
    }
  });

  it('returns created:false and starts the workflow when a retry follows a failed start', async () => {
    const { deps, workflow } = setUp();
    workflow.failWith(new Error('down'), 1);
    const input = { submission, channel: 'web' as const, actor: 'requester', idempotencyKey: 'k' };

    const first = await submitRequest(deps, input);
    const retry = await submitRequest(deps, input);

    expect(retry).toMatchObject({ id: first.id, created: false });
    expect(workflow.started).toEqual([first.id]);
  });

  it('returns after logging request.created with identifiers and counts only when a request is stored', async () => {
    const { deps, log } = setUp();

    const { id } = await submitRequest(deps, { submission, channel: 'web', actor: 'requester' });

    const created = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.event === 'request.created');
    expect(created).toMatchObject({ requestId: id, channel: 'web', types: 2 });
    expect(log.lines.join('\n')).not.toContain(REQUESTER.email);
  });

  it('returns a request keeping the staff-given receipt time, which drives the receipt and due dates', async () => {
    const dueDate = vi.fn(() => '2026-12-21');
    const { deps, store } = setUp({ dueDate });
    const receivedAt = '2026-11-20T23:40:00.000+01:00';

    const result = await submitRequest(deps, { submission, channel: 'post', actor: 'staff:ola', receivedAt });

    const stored = await store.get(result.id);
    expect(stored).toMatchObject({ receivedAt, receiptDate: '2026-11-20', dueDate: '2026-12-21', channel: 'post' });
    expect(result.id).toBe('NK-20261120-AAAAAAA1');
    expect(deps.receiptDate).toHaveBeenCalledWith(receivedAt);
    expect(dueDate).toHaveBeenCalledWith(receivedAt);
    expect(deps.formatInstant).not.toHaveBeenCalled();
    expect((await store.auditTrail(result.id))[0]?.actor).toBe('staff:ola');
  });
});
