import { describe, expect, it } from 'vitest';
import { MandateActionError, attachMandate, decideMandate } from '../../../functions/domain/representation/mandate-actions.js';
import { MandateDocumentError } from '../../../functions/domain/representation/mandate-document.js';
import { MandateNotAcceptedError } from '../../../functions/domain/request/mandate-rules.js';
import { recordDecision } from '../../../functions/domain/workflow/record-decision.js';
import { FakeTaskCallbacks, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { aRightsRequest, capturingLogger, REQUEST_ID } from '../fixtures/rights-request-fixture.js';
import { InMemoryObjectStore } from '../gather/in-memory-stores.js';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const PDF = Uint8Array.from(Buffer.from('%PDF-1.4\n% a scanned birth certificate\n%%EOF\n'));
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const STAFF = 'staff:kari.saksbehandler';

function world(overrides: Parameters<typeof aRightsRequest>[0] = {}) {
  const store = new InMemoryRequestStore().seed(
    aRightsRequest({
      status: 'awaiting_approval',
      types: ['access'],
      representative: { name: 'Advokat Lund', relation: 'lawyer', email: 'lund@advokat.example' },
      ...overrides,
    }),
    { taskToken: 'task-1' },
  );
  const objects = new InMemoryObjectStore();
  const callbacks = new FakeTaskCallbacks();
  const deps = { store, objects, callbacks, now: () => NOW, logger: capturingLogger().logger };
  return { store, objects, callbacks, deps };
}

const accept = (deps: ReturnType<typeof world>['deps'], overrides: Partial<Parameters<typeof decideMandate>[1]> = {}) =>
  decideMandate(deps, { requestId: REQUEST_ID, actor: STAFF, outcome: 'accepted', scope: ['access'], validUntil: '2027-03-01', note: 'Fullmakt undertegnet av klienten, gjelder innsyn.', ...overrides });

describe('attaching the mandate document', () => {
  it('keeps the document under the case in the bucket and records it for staff to check', async () => {
    const { deps, objects, store } = world();
    await attachMandate(deps, { requestId: REQUEST_ID, actor: STAFF, bytes: PDF });
    const request = (await store.get(REQUEST_ID))!;
    expect(request.mandate).toMatchObject({ status: 'attached', document: { contentType: 'application/pdf', bytes: PDF.length, attachedBy: STAFF } });
    expect(request.mandate!.document!.key.startsWith(`requests/${REQUEST_ID}/`)).toBe(true);
    expect(await objects.getBytes(request.mandate!.document!.key)).toEqual(PDF);
    expect((await store.auditTrail(REQUEST_ID)).filter((entry) => entry.event === 'mandate.attached')).toHaveLength(1);
  });

  it('replaces an accepted mandate with a new document that must be checked again, and removes the old file', async () => {
    const { deps, objects, store } = world();
    await attachMandate(deps, { requestId: REQUEST_ID, actor: STAFF, bytes: PDF });
    const firstKey = (await store.get(REQUEST_ID))!.mandate!.document!.key;
    await accept(deps);
    await attachMandate(deps, { requestId: REQUEST_ID, actor: STAFF, bytes: PNG });
    const mandate = (await store.get(REQUEST_ID))!.mandate!;
    expect(mandate.status).toBe('attached');
    expect(mandate.scope).toBeUndefined();
    expect(await objects.getBytes(firstKey)).toBeUndefined();
  });

  it('refuses an unsupported file and a case without a representative, changing nothing', async () => {
    const { deps, store } = world();
    await expect(attachMandate(deps, { requestId: REQUEST_ID, actor: STAFF, bytes: Uint8Array.from(Buffer.from('hello')) })).rejects.toBeInstanceOf(MandateDocumentError);
    const own = world({ representative: undefined });
    await expect(attachMandate(own.deps, { requestId: REQUEST_ID, actor: STAFF, bytes: PDF })).rejects.toBeInstanceOf(MandateActionError);
    expect((await store.get(REQUEST_ID))!.mandate).toBeUndefined();
  });
});

describe("staff's check of the mandate", () => {
  it('records scope, last valid day, what was checked and who checked it', async () => {
    const { deps, store } = world();
    await attachMandate(deps, { requestId: REQUEST_ID, actor: STAFF, bytes: PDF });
    await accept(deps);
    expect((await store.get(REQUEST_ID))!.mandate).toMatchObject({ status: 'accepted', scope: ['access'], validUntil: '2027-03-01', checkedBy: STAFF });
    const entry = (await store.auditTrail(REQUEST_ID)).find((e) => e.event === 'mandate.accepted');
    expect(entry).toMatchObject({ actor: STAFF, reason: 'Fullmakt undertegnet av klienten, gjelder innsyn.', detail: { relation: 'lawyer', scope: ['access'], validUntil: '2027-03-01' } });
  });

  it.each([
    ['before a document is attached', false, {}, 'document'],
    ['without a note of what was checked', true, { note: 'ok' }, 'note'],
    ['without any right in scope', true, { scope: [] }, 'scope'],
    ['with an unknown right in scope', true, { scope: ['access', 'everything'] }, 'scope'],
    ['with a last valid day in the past', true, { validUntil: '2026-11-30' }, 'valid_until'],
    ['with a last valid day that is not a date', true, { validUntil: '1. mars' }, 'valid_until'],
  ] as const)('is refused %s', async (_case, attached, overrides, field) => {
    const { deps, store } = world();
    if (attached) await attachMandate(deps, { requestId: REQUEST_ID, actor: STAFF, bytes: PDF });
    const before = JSON.stringify(await store.get(REQUEST_ID));
    await expect(accept(deps, overrides as Partial<Parameters<typeof decideMandate>[1]>)).rejects.toMatchObject({ name: 'MandateActionError', field });
    expect(JSON.stringify(await store.get(REQUEST_ID))).toBe(before);
  });
});

describe('approval of a representative request', () => {
  it('is refused until an accepted mandate covers the rights, then resumes the workflow', async () => {
    const { deps, store, callbacks } = world();
    await expect(recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: STAFF })).rejects.toBeInstanceOf(MandateNotAcceptedError);
    await attachMandate(deps, { requestId: REQUEST_ID, actor: STAFF, bytes: PDF });
    await expect(recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: STAFF })).rejects.toMatchObject({ state: 'attached' });
    await accept(deps);
    expect(callbacks.succeeded).toHaveLength(0);
    expect((await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'approved', actor: STAFF })).delivered).toBe(true);
    expect((await store.get(REQUEST_ID))!.decision?.outcome).toBe('approved');
  });

  it('lets staff refuse the request without a mandate (the representative is told why)', async () => {
    const { deps, store } = world();
    await recordDecision(deps, { requestId: REQUEST_ID, outcome: 'rejected', actor: STAFF, reason: 'Vi har ikke mottatt fullmakt.' });
    expect((await store.get(REQUEST_ID))!.decision?.outcome).toBe('rejected');
  });
});
