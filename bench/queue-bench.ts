import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbRequestStore } from '../functions/adapters/dynamodb/dynamodb-request-store.js';
import { OPEN_PARTITION, REGISTER_PARTITION, REQUEST_SK, REQUESTS_TABLE_LAYOUT, queueIndexKeys, requestPk, subjectPk } from '../functions/adapters/dynamodb/requests-table-layout.js';
import { subjectLookupKeys } from '../functions/domain/request/request-store.js';
import { nearestRankPercentile } from '../functions/domain/case-register/percentile.js';
import { statutoryDeadline } from '../functions/domain/deadline/index.js';
import type { RightsRequest } from '../functions/domain/request/rights-request.js';
import { REQUEST_TYPES, type Status } from '../functions/domain/request/request-vocabulary.js';
import { ENV } from '../functions/platform/env-names.js';
import type { LocalStack } from '../infra/local/local-stack.js';
import { localStaffToken } from '../test/support/staff-token.js';

export interface QueueAtScaleFigures {
  readonly openCases: number;
  readonly seedSeconds: number;
  /** Reading the open-requests index once, whole, from the bench process: the floor under every page. */
  readonly indexReadMillis: number;
  readonly pages: readonly { readonly page: string; readonly medianMillis: number; readonly p90Millis: number; readonly bytes: number; readonly rows: number }[];
}

const STATUSES_SEEN: readonly Status[] = ['awaiting_verification', 'awaiting_approval', 'gathering', 'needs_attention', 'extended'];

/** A synthetic open case as the intake writes it (request item only; the queue never reads audit entries). */
function openCase(index: number, now: Date): RightsRequest {
  const received = new Date(now.getTime() - (index % 80) * 86_400_000 - index * 1000);
  const receivedAt = received.toISOString();
  const receiptDate = receivedAt.slice(0, 10);
  const types = index % 5 === 0 ? (['access', 'erasure'] as const) : ([REQUEST_TYPES[index % REQUEST_TYPES.length]!] as const);
  return {
    id: `NK-${receiptDate.replaceAll('-', '')}-Q${String(index).padStart(7, '0')}`,
    channel: index % 4 === 0 ? 'email' : 'web',
    types: [...types],
    receivedAt,
    receiptDate,
    dueDate: statutoryDeadline(receivedAt),
    extended: false,
    requester: { name: `Benk Person ${index}`, email: `benk.person.${index}@example.no` },
    language: 'nb',
    details: 'Jeg vil vite hva dere har lagret om meg, og be dere slette det dere ikke trenger.',
    status: STATUSES_SEEN[index % STATUSES_SEEN.length]!,
    version: 3,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    mailsSent: { acknowledgement: { messageId: `bench-${index}`, sentAt: receivedAt } },
    ...(index % 5 === 0 && { approvals: [{ by: 'staff:benk', at: receivedAt }] }),
  };
}

/** Writes `count` open cases straight into the requests table, 25 items to a batch, as the create path shapes them. */
async function seedOpenCases(tableName: string, count: number, now: Date): Promise<void> {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
  const batches: Record<string, unknown>[][] = [];
  // Each request item with the lookup key of its address, as `create` writes them.
  const items = Array.from({ length: count }, (_, index) => openCase(index, now)).flatMap((request) => [
    { pk: requestPk(request.id), sk: REQUEST_SK, ...request, openPk: OPEN_PARTITION, ...queueIndexKeys(request), [REQUESTS_TABLE_LAYOUT.allRequestsIndex.partitionKey]: REGISTER_PARTITION },
    ...subjectLookupKeys({ emails: [request.requester.email!], customerIds: [] }).map((key) => ({ pk: subjectPk(key), sk: requestPk(request.id), requestId: request.id })),
  ]);
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  const writeOne = async (items: Record<string, unknown>[]): Promise<void> => {
    let pending: unknown[] = items.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = result.UnprocessedItems?.[tableName] ?? [];
    }
  };
  for (let next = 0; next < batches.length; ) {
    await Promise.all(batches.slice(next, next + 8).map(writeOne));
    next += 8;
  }
}

/**
 * The queue with many open cases (`BENCH_QUEUE_OPEN`, default 10,000): seeds them straight into
 * DynamoDB Local, then loads the queue's first page, a later page and a filtered page as a signed-in
 * staff member would, and reports each page's size and time (median and 90th percentile).
 */
export async function queueAtScale(stack: LocalStack, openCases: number, rounds = 10): Promise<QueueAtScaleFigures> {
  const seedStarted = performance.now();
  await seedOpenCases(stack.environment[ENV.requestsTable]!, openCases, new Date());
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const store = new DynamoDbRequestStore(new DynamoDBClient({}), stack.environment[ENV.requestsTable]!);
  const indexStarted = performance.now();
  for await (const _ of store.listOpen());
  const indexReadMillis = Number((performance.now() - indexStarted).toFixed(1));
  const headers = { authorization: `Bearer ${localStaffToken(stack.environment, 'kari.saksbehandler', ['staff'])}` };
  const load = async (path: string): Promise<{ millis: number; body: string }> => {
    const started = performance.now();
    const response = await fetch(`${stack.urls.app}${path}`, { headers });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return { millis: performance.now() - started, body };
  };
  const first = await load('/console');
  const next = /href="(\/console\?after=[^"]+)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
  if (!next) throw new Error('the queue has no next page with thousands of open cases');
  const pages: QueueAtScaleFigures['pages'][number][] = [];
  const later = [
    '/console',
    next,
    '/console?status=awaiting_approval&type=erasure',
    `/console?q=${encodeURIComponent(`benk.person.${Math.floor(openCases / 2)}@example.no`)}`,
    '/console?q=Person%2042',
  ];
  for (const page of later) {
    const times: number[] = [];
    let body = '';
    for (let round = 0; round < rounds + 2; round++) {
      const loaded = await load(page);
      if (round >= 2) times.push(loaded.millis); // two warm-up rounds
      body = loaded.body;
    }
    pages.push({
      page: page.startsWith('/console?after=') ? '/console?after=… (page 2)' : page,
      medianMillis: Number((nearestRankPercentile(times, 50) ?? 0).toFixed(1)),
      p90Millis: Number((nearestRankPercentile(times, 90) ?? 0).toFixed(1)),
      bytes: Buffer.byteLength(body),
      rows: (body.match(/<tr>\s*<th scope="row"><a href="\/console\/requests\//g) ?? []).length,
    });
  }
  return { openCases, seedSeconds: Number(seedSeconds.toFixed(1)), indexReadMillis, pages };
}

/** The figures as the bench prints them. */
export function queueAtScaleLines(figures: QueueAtScaleFigures): string[] {
  return [
    `Staff queue with ${figures.openCases.toLocaleString('en-US')} open cases in DynamoDB Local (seeded in ${figures.seedSeconds} s; the open-requests index read whole once: ${figures.indexReadMillis} ms; median / 90th percentile)`,
    ...figures.pages.map(
      (page) =>
        `  ${page.page.padEnd(48)} ${page.medianMillis.toFixed(1).padStart(7)} ms / ${page.p90Millis.toFixed(1).padStart(7)} ms  (${Math.round(page.bytes / 1024)} KiB, ${page.rows} rows)`,
    ),
    '',
    `BENCH_QUEUE ${JSON.stringify(figures)}`,
    '',
  ];
}
