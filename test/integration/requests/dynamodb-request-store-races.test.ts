import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAuditChain } from '../../../functions/adapters/dynamodb/dynamodb-audit-chain.js';
import { DynamoDbRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { verifyAuditChain } from '../../../functions/domain/audit/audit-chain.js';
import { ConcurrentChangeError } from '../../../functions/domain/request/request-errors.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { createRequestsTable } from '../../../infra/local/setup/create-requests-table.js';
import { aRightsRequest } from '../../unit/fixtures/rights-request-fixture.js';

const TABLE = 'it-request-store-races';
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
/** GetItem calls made through `client`. */
let reads = 0;

const entry = (requestId: string, event: AuditEntry['event'], at: string): AuditEntry => ({ requestId, at, event, actor: 'system:test' });

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetItemCommand') reads += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countReads' },
  );
  await createRequestsTable(client, TABLE);
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

/** The case's trail is one unbroken chain of `entries` entries ending at the recorded head. */
async function expectOneChain(id: string, entries: number): Promise<void> {
  const stored = await new DynamoDbAuditChain(client, TABLE).read(id);
  expect(verifyAuditChain(stored.links, stored.head)).toMatchObject({ ok: true, entries });
}

describe('DynamoDbRequestStore when two writers race on one request', () => {
  it('refuses the late change with the request as the other writer left it, without reading it again', async () => {
    const id = 'NK-RACE1';
    const first = new DynamoDbRequestStore(client, TABLE);
    const second = new DynamoDbRequestStore(client, TABLE);
    await first.create(aRightsRequest({ id }), { ...entry(id, 'request.received', '2026-12-07T10:00:00.000Z'), toStatus: 'received' });
    // Both writers hold the request at version 0; the first changes it.
    const seen = await second.get(id);
    await first.apply(id, { expectedVersion: 0, set: { updatedAt: '2026-12-07T10:01:00.000Z' }, audit: entry(id, 'note.added', '2026-12-07T10:01:00.000Z') });

    const readsBefore = reads;
    const refusal = await second
      .apply(id, { expectedVersion: seen!.version, set: { updatedAt: '2026-12-07T10:02:00.000Z' }, audit: entry(id, 'note.added', '2026-12-07T10:02:00.000Z') })
      .then(() => undefined, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConcurrentChangeError);
    expect((refusal as ConcurrentChangeError).current).toMatchObject({ id, version: 1, updatedAt: '2026-12-07T10:01:00.000Z' });
    expect(reads - readsBefore).toBe(0);

    // The retry builds on what the refusal carried, and the trail stays one chain.
    const current = (refusal as ConcurrentChangeError).current!;
    await second.apply(id, { expectedVersion: current.version, set: { updatedAt: '2026-12-07T10:02:00.000Z' }, audit: entry(id, 'note.added', '2026-12-07T10:02:00.000Z') });
    expect(reads - readsBefore).toBe(0);
    const trail = await first.auditTrail(id);
    expect(trail.map((item) => item.at)).toEqual(['2026-12-07T10:00:00.000Z', '2026-12-07T10:01:00.000Z', '2026-12-07T10:02:00.000Z']);
    expect((await first.get(id))?.version).toBe(2);
    await expectOneChain(id, 3);
  });

  it('chains after an entry appended meanwhile (the head moved, the version did not) without a read', async () => {
    const id = 'NK-RACE2';
    const store = new DynamoDbRequestStore(client, TABLE);
    const other = new DynamoDbRequestStore(client, TABLE);
    await store.create(aRightsRequest({ id }), { ...entry(id, 'request.received', '2026-12-07T10:00:00.000Z'), toStatus: 'received' });
    await store.get(id);
    await other.appendAudit(id, entry(id, 'note.added', '2026-12-07T10:01:00.000Z'));

    const readsBefore = reads;
    const after = await store.apply(id, { expectedVersion: 0, set: { updatedAt: '2026-12-07T10:02:00.000Z' }, audit: entry(id, 'note.added', '2026-12-07T10:02:00.000Z') });
    expect(after.version).toBe(1);
    expect(reads - readsBefore).toBe(0);
    await expectOneChain(id, 3);
  });
});
