import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { RequestNotFoundError } from '../../../functions/domain/request/request-errors.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { createRequestsTable } from '../../../infra/local/setup/create-requests-table.js';
import { aRightsRequest } from '../../unit/fixtures/rights-request-fixture.js';

const TABLE = 'it-request-store-console';
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
let store: DynamoDbRequestStore;

const received = (requestId: string): AuditEntry => ({
  requestId,
  at: '2026-11-23T21:05:09.120+01:00',
  event: 'request.received',
  toStatus: 'received',
  actor: 'requester',
});

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await createRequestsTable(client, TABLE);
  store = new DynamoDbRequestStore(client, TABLE);
});

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

describe('DynamoDbRequestStore reads and notes for the staff console', () => {
  it('appendAudit adds an entry to the trail without changing the request or its version', async () => {
    await store.create(aRightsRequest({ id: 'NK-A1' }), received('NK-A1'));
    await store.appendAudit('NK-A1', { requestId: 'NK-A1', at: '2026-11-24T09:00:00.000+01:00', event: 'note.added', actor: 'staff:kari', reason: 'Ringte kunden' });

    const trail = await store.auditTrail('NK-A1');
    expect(trail.map((entry) => entry.event)).toEqual(['request.received', 'note.added']);
    expect(trail[1]).toMatchObject({ actor: 'staff:kari', reason: 'Ringte kunden' });
    expect((await store.get('NK-A1'))?.version).toBe(0);
  });

  it('appendAudit refuses an unknown request and an entry of another request, writing nothing', async () => {
    await expect(
      store.appendAudit('NK-NONE', { requestId: 'NK-NONE', at: '2026-11-24T09:00:00.000+01:00', event: 'note.added', actor: 'staff:kari' }),
    ).rejects.toBeInstanceOf(RequestNotFoundError);
    expect(await store.auditTrail('NK-NONE')).toEqual([]);
    await expect(
      store.appendAudit('NK-A1', { requestId: 'NK-OTHER', at: '2026-11-24T09:00:00.000+01:00', event: 'note.added', actor: 'staff:kari' }),
    ).rejects.toThrow();
  });

  it('getMany returns the existing requests in the order asked, skipping unknown ids, beyond one 100-key batch', async () => {
    const ids = Array.from({ length: 130 }, (_, i) => `NK-B${String(i).padStart(3, '0')}`);
    for (const id of ids) await store.create(aRightsRequest({ id }), received(id));
    const asked = ['NK-B129', 'NK-MISSING', ...ids.slice(0, 120), 'NK-B005'];

    const found = await store.getMany(asked);
    expect(found.map((request) => request.id)).toEqual(asked.filter((id) => id !== 'NK-MISSING'));
  });

  it('listAll yields every request, open and closed, and no audit or idempotency items', async () => {
    await store.create(aRightsRequest({ id: 'NK-C1' }), received('NK-C1'), { keyHash: 'k-c1', bodyHash: 'b', expiresAt: 4_102_444_800 });
    await store.apply('NK-C1', {
      expectedVersion: 0,
      set: { status: 'closed' },
      audit: { requestId: 'NK-C1', at: '2026-11-24T09:00:00.000+01:00', event: 'status.changed', fromStatus: 'received', toStatus: 'closed', actor: 'system' },
    });

    const all: string[] = [];
    for await (const request of store.listAll()) all.push(`${request.id}:${request.status}`);
    expect(all).toContain('NK-C1:closed');
    expect(all).toContain('NK-A1:received');
    expect(all).toHaveLength(1 + 130 + 1);
  });
});
