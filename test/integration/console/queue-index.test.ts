import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { OPEN_PARTITION, REGISTER_PARTITION, REQUESTS_TABLE_LAYOUT } from '../../../functions/adapters/dynamodb/requests-table-layout.js';
import { readQueuePage, type QueuePage } from '../../../functions/domain/console-queue/queue-page.js';
import { queueRows } from '../../../functions/domain/console-queue/queue-rows.js';
import type { RightsRequest } from '../../../functions/domain/request/rights-request.js';
import { queueBackfillCommand } from '../../../infra/cli/commands/queue-backfill-command.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/emulators/dynamodb-local.js';
import { createRequestsTable } from '../../../infra/local/setup/create-requests-table.js';
import { aRightsRequest } from '../../unit/fixtures/rights-request-fixture.js';

const TODAY = '2026-12-01';
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
/** Items the queue index answered with, per query: what a page cost. */
const queueItemsPerQuery: number[] = [];

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const input = args.input as { IndexName?: string };
      const output = result.output as { Items?: unknown[] };
      if (input.IndexName === REQUESTS_TABLE_LAYOUT.queueIndex.name) queueItemsPerQuery.push(output.Items?.length ?? 0);
      return result;
    },
    { step: 'initialize', name: 'countQueueItems' },
  );
});

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

/** Open cases over the autumn, received with different offsets, some on the same due date. */
function cases(count: number, tag: string): RightsRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 9, 1) + (i % 45) * 86_400_000).toISOString().slice(0, 10);
    const due = new Date(Date.parse(`${day}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    return aRightsRequest({
      id: `NK-${day.replaceAll('-', '')}-${tag}${String(i).padStart(4, '0')}`,
      receivedAt: `${day}T${String(8 + (i % 9)).padStart(2, '0')}:00:00.000${i % 2 === 0 ? '+01:00' : 'Z'}`,
      receiptDate: day,
      dueDate: due,
      status: i % 3 === 0 ? 'awaiting_approval' : 'awaiting_verification',
      channel: i % 4 === 0 ? 'phone' : 'web',
      requester: { name: `Ola Nordmann ${i}`, email: `person.${tag.toLowerCase()}${i}@example.no` },
    });
  });
}

const audit = (request: RightsRequest, event = 'request.received') => ({ requestId: request.id, at: '2026-12-01T09:00:00.000Z', event, actor: 'system' });

async function walk(store: DynamoDbRequestStore, query: Record<string, string> = {}, pageSize = 50): Promise<QueuePage[]> {
  const pages: QueuePage[] = [];
  let after: string | undefined;
  do {
    const page = await readQueuePage(store, TODAY, { ...query, ...(after !== undefined && { after }) }, pageSize);
    pages.push(page);
    after = page.nextCursor;
  } while (after !== undefined && pages.length < 50);
  return pages;
}

const references = (pages: readonly QueuePage[]): string[] => pages.flatMap((page) => page.rows.map((row) => row.reference));

describe('the queue on DynamoDB Local', () => {
  it('pages the open cases in queue order through the sparse index, reading each page’s rows and one more', async () => {
    const table = 'it-queue-pages';
    await createRequestsTable(client, table);
    const store = new DynamoDbRequestStore(client, table);
    const all = cases(130, 'QP');
    for (const request of all) await store.create(request, audit(request));
    // One case extended (a later due date moves it down), one closed (it leaves the index).
    const extended = all[0]!;
    const closed = all[1]!;
    const movedTo = { ...extended, dueDate: '2027-01-29', extended: true, version: 1 };
    await store.apply(extended.id, { expectedVersion: 0, set: { dueDate: movedTo.dueDate, extended: true }, audit: audit(extended, 'deadline.extended') });
    await store.apply(closed.id, { expectedVersion: 0, set: { status: 'closed' }, audit: audit(closed, 'status.changed') });
    const open = [movedTo, ...all.slice(2)];
    queueItemsPerQuery.length = 0;

    const pages = await walk(store);

    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 29]);
    expect(references(pages)).toEqual(queueRows(open, TODAY, {}).rows.map((row) => row.reference));
    expect(references(pages).at(-1)).toBe(extended.id);
    expect(references(pages)).not.toContain(closed.id);
    expect(pages.map((page) => [page.total, page.firstPosition])).toEqual([
      [129, 1],
      [129, 51],
      [129, 101],
    ]);
    expect(queueItemsPerQuery).toEqual([51, 51, 29]);
  });

  it('filters by status and channel across pages, in queue order', async () => {
    const table = 'it-queue-filter';
    await createRequestsTable(client, table);
    const store = new DynamoDbRequestStore(client, table);
    const all = cases(90, 'QF');
    for (const request of all) await store.create(request, audit(request));

    const pages = await walk(store, { status: 'awaiting_approval', channel: 'web' }, 7);

    const expected = queueRows(all, TODAY, { status: 'awaiting_approval', channel: 'web' }).rows.map((row) => row.reference);
    expect(expected.length).toBeGreaterThan(14);
    expect(references(pages)).toEqual(expected);
    expect(pages[0]!.total).toBe(expected.length);
  });

  it('upgrades a table from before the queue index, and queue-backfill puts its open cases in the queue, once', async () => {
    const table = 'it-queue-backfill';
    const { openRequestsIndex: open, allRequestsIndex: register } = REQUESTS_TABLE_LAYOUT;
    // The table as the previous version created it: two indexes, no queue index.
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: open.partitionKey, AttributeType: 'S' },
          { AttributeName: open.sortKey, AttributeType: 'S' },
          { AttributeName: register.partitionKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: open.name,
            KeySchema: [
              { AttributeName: open.partitionKey, KeyType: 'HASH' },
              { AttributeName: open.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...open.nonKeyAttributes] },
          },
          {
            IndexName: register.name,
            KeySchema: [
              { AttributeName: register.partitionKey, KeyType: 'HASH' },
              { AttributeName: register.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    // Items as the previous version wrote them: open ones carry openPk, none carries queue keys.
    const doc = DynamoDBDocumentClient.from(client);
    const old = cases(12, 'QB');
    const closedOld = aRightsRequest({ id: 'NK-20261001-QBCLOSED', status: 'closed', dueDate: '2026-10-31' });
    for (const request of old) {
      await doc.send(new PutCommand({ TableName: table, Item: { pk: `REQUEST#${request.id}`, sk: 'REQUEST', ...request, openPk: OPEN_PARTITION, registerPk: REGISTER_PARTITION } }));
    }
    await doc.send(new PutCommand({ TableName: table, Item: { pk: `REQUEST#${closedOld.id}`, sk: 'REQUEST', ...closedOld, registerPk: REGISTER_PARTITION } }));

    await createRequestsTable(client, table);
    const store = new DynamoDbRequestStore(client, table);
    const before = await readQueuePage(store, TODAY, {});
    const first = JSON.parse(await queueBackfillCommand(client, table));
    const again = JSON.parse(await queueBackfillCommand(client, table));
    const after = await walk(store, {}, 5);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([open.name, register.name, REQUESTS_TABLE_LAYOUT.queueIndex.name].sort());
    expect(before.rows).toEqual([]);
    expect(first).toEqual({ openRequests: 12, updated: 12 });
    expect(again).toEqual({ openRequests: 12, updated: 0 });
    expect(references(after)).toEqual(queueRows(old, TODAY, {}).rows.map((row) => row.reference));
    expect(references(after)).not.toContain(closedOld.id);
  });
});
