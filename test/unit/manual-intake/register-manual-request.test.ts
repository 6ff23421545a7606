import { describe, expect, it } from 'vitest';
import { osloCalendarDate, statutoryDeadline } from '../../../functions/domain/deadline/index.js';
import {
  registerManualRequest,
  type RegisterManualRequestDeps,
} from '../../../functions/domain/manual-intake/register-manual-request.js';
import { systemAddressCheck } from '../../../functions/domain/request/system-addresses.js';
import { IdempotencyKeyReusedError } from '../../../functions/domain/request/request-errors.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';
import { toOsloIsoString } from '../../../functions/domain/deadline/oslo-calendar-date.js';
import { FakeWorkflowStarter, InMemoryRequestStore } from '../../support/in-memory-request-store.js';
import { REQUESTER, capturingLogger } from '../fixtures/rights-request-fixture.js';

const ACTOR = 'staff:kari.saksbehandler';
const NOTE = 'Brev mottatt i resepsjonen, skannet av Per.';

/** A store whose `appendAudit` fails the first `failures` times, as a throttled table would. */
class FlakyAuditStore extends InMemoryRequestStore {
  constructor(private failures: number) {
    super();
  }

  override async appendAudit(id: string, entry: AuditEntry): Promise<void> {
    if (this.failures-- > 0) throw new Error('ProvisionedThroughputExceededException');
    return super.appendAudit(id, entry);
  }
}

function setUp(options: { readonly now?: string; readonly store?: InMemoryRequestStore } = {}) {
  const store = options.store ?? new InMemoryRequestStore();
  const workflow = new FakeWorkflowStarter();
  const log = capturingLogger('console');
  let ids = 0;
  const deps: RegisterManualRequestDeps = {
    store,
    workflow,
    now: () => new Date(options.now ?? '2026-11-24T08:00:00.000Z'),
    formatInstant: toOsloIsoString,
    receiptDate: (receivedAt) => osloCalendarDate(receivedAt),
    dueDate: (receivedAt) => statutoryDeadline(receivedAt),
    newId: (receiptDate) => `NK-${receiptDate.replaceAll('-', '')}-${String(++ids).padStart(8, '0')}`,
    logger: log.logger,
  };
  return { deps, store, workflow, log };
}

const aForm = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  channel: 'post',
  received_date: '2026-11-03',
  received_time: '10:15',
  intake_note: NOTE,
  name: REQUESTER.name,
  email: REQUESTER.email,
  types: ['erasure'],
  details: 'Ber om at alle opplysninger om meg slettes.',
  language: 'nb',
  ...overrides,
});

describe('registerManualRequest', () => {
  it('counts the due date from the letter’s arrival three weeks ago, not from today', async () => {
    // Prepare: the letter arrived on 3 November; staff register it on 24 November.
    const { deps, store, workflow } = setUp();
    // Act
    const result = await registerManualRequest(deps, { form: aForm(), actor: ACTOR });
    // Assess
    expect(result).toEqual({ ok: true, id: 'NK-20261103-00000001', dueDate: '2026-12-03', created: true });
    expect(await store.get('NK-20261103-00000001')).toMatchObject({
      channel: 'post',
      types: ['erasure'],
      receivedAt: '2026-11-03T10:15:00.000+01:00',
      receiptDate: '2026-11-03',
      dueDate: '2026-12-03',
      requester: { name: REQUESTER.name, email: REQUESTER.email },
      details: 'Ber om at alle opplysninger om meg slettes.',
      status: 'received',
      createdAt: '2026-11-24T08:00:00.000Z',
    });
    expect(workflow.started).toEqual(['NK-20261103-00000001']);
  });

  it.each(['naerkontor@obos.no', 'Personvern+brev@obos.no', 'avsender@obos.no', 'retur@bounce.obos.no'])(
    'refuses the system’s own address %s as the requester’s and writes nothing',
    async (email) => {
      const { deps, store, workflow } = setUp();

      const result = await registerManualRequest(
        { ...deps, isSystemAddress: systemAddressCheck(['avsender@obos.no']) },
        { form: aForm({ email }), actor: ACTOR },
      );

      expect(result).toEqual({ ok: false, errors: [{ field: 'email', message: 'Dette er en av våre egne adresser. Skriv inn din egen e-postadresse.' }] });
      expect(store.size).toBe(0);
      expect(workflow.started).toEqual([]);
    },
  );

  it('records who registered it and, right after, staff’s note on how it arrived', async () => {
    const { deps, store } = setUp();
    await registerManualRequest(deps, { form: aForm({ channel: 'phone' }), actor: ACTOR });
    expect(await store.auditTrail('NK-20261103-00000001')).toEqual([
      expect.objectContaining({
        event: 'request.received',
        actor: ACTOR,
        detail: { channel: 'phone', types: ['erasure'], receivedAt: '2026-11-03T10:15:00.000+01:00' },
      }),
      {
        requestId: 'NK-20261103-00000001',
        at: '2026-11-24T08:00:00.000Z',
        event: 'note.added',
        actor: ACTOR,
        reason: NOTE,
        detail: { source: 'manual_intake', channel: 'phone' },
      },
    ]);
  });

  it('keeps the receipt date in Oslo for a call at 00:30 on the autumn DST Sunday', async () => {
    const { deps, store } = setUp({ now: '2026-11-10T10:00:00.000Z' });
    const result = await registerManualRequest(deps, {
      form: aForm({ channel: 'phone', received_date: '2026-10-25', received_time: '00:30' }),
      actor: ACTOR,
    });
    expect(result).toMatchObject({ ok: true, id: 'NK-20261025-00000001', dueDate: '2026-11-25' });
    expect(await store.get('NK-20261025-00000001')).toMatchObject({ receivedAt: '2026-10-25T00:30:00.000+02:00', receiptDate: '2026-10-25' });
  });

  it('writes nothing and starts nothing when the form has mistakes, and returns them for the page', async () => {
    const { deps, store, workflow } = setUp();
    const result = await registerManualRequest(deps, {
      form: aForm({ received_date: '2026-03-29', received_time: '02:30', types: [] }),
      actor: ACTOR,
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['received_date', 'types']);
    expect(store.size).toBe(0);
    expect(workflow.attempts).toEqual([]);
  });

  it('registers one request, with one note, when the same form is sent twice', async () => {
    const { deps, store } = setUp();
    const first = await registerManualRequest(deps, { form: aForm(), actor: ACTOR, idempotencyKey: 'form-1' });
    const second = await registerManualRequest(deps, { form: aForm(), actor: ACTOR, idempotencyKey: 'form-1' });
    expect(second).toEqual({ ...first, created: false });
    expect(store.size).toBe(1);
    expect((await store.auditTrail('NK-20261103-00000001')).filter((entry) => entry.event === 'note.added')).toHaveLength(1);
  });

  it('writes the note on a retry when the first attempt stored the request but failed to note it', async () => {
    const { deps, store } = setUp({ store: new FlakyAuditStore(1) });
    await expect(registerManualRequest(deps, { form: aForm(), actor: ACTOR, idempotencyKey: 'form-2' })).rejects.toThrow();
    const retry = await registerManualRequest(deps, { form: aForm(), actor: ACTOR, idempotencyKey: 'form-2' });
    expect(retry).toMatchObject({ ok: true, created: false });
    expect((await store.auditTrail('NK-20261103-00000001')).map((entry) => entry.event)).toEqual(['request.received', 'note.added']);
  });

  it('refuses a key already used for a different form', async () => {
    const { deps } = setUp();
    await registerManualRequest(deps, { form: aForm(), actor: ACTOR, idempotencyKey: 'form-3' });
    await expect(
      registerManualRequest(deps, { form: aForm({ types: ['access'] }), actor: ACTOR, idempotencyKey: 'form-3' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('logs identifiers only: no name, address, details or note', async () => {
    const { deps, log } = setUp();
    await registerManualRequest(deps, { form: aForm(), actor: ACTOR });
    const logged = log.lines.join('\n');
    expect(log.events()).toContain('intake.manual_registered');
    for (const personal of [REQUESTER.name, REQUESTER.email, 'slettes', NOTE]) expect(logged).not.toContain(personal);
  });
});
