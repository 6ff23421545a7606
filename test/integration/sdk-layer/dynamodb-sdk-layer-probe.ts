/**
 * Run by `dynamodb-sdk-layer.test.ts` as a bundle whose AWS SDK is left out, in a child process
 * that finds only the DynamoDB client layer: our own adapters make each kind of call the functions
 * make (get, put, update, delete, query and paginated query, transactions, refused conditions)
 * against DynamoDB Local, and the results are printed as JSON for the test to judge.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CUSTOMER_DATA_TABLES_LAYOUT } from '../../../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { CustomerPartitions } from '../../../functions/adapters/dynamodb/dynamodb-customer-store.js';
import { DynamoDbAuditChain } from '../../../functions/adapters/dynamodb/dynamodb-audit-chain.js';
import { DynamoDbDownloadCodeStore } from '../../../functions/adapters/dynamodb/dynamodb-download-code-store.js';
import { DynamoDbRateLimiter } from '../../../functions/adapters/dynamodb/dynamodb-rate-limiter.js';
import { DynamoDbRequestStore } from '../../../functions/adapters/dynamodb/dynamodb-request-store.js';
import { verifyAuditChain } from '../../../functions/domain/audit/audit-chain.js';
import { ConcurrentChangeError } from '../../../functions/domain/request/request-errors.js';
import type { AuditEntry } from '../../../functions/domain/request/rights-request.js';
import { aRightsRequest } from '../../unit/fixtures/rights-request-fixture.js';

const [endpoint, table, customersTable] = process.argv.slice(2) as [string, string, string];
const client = new DynamoDBClient({ endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

// No top-level await: the probe is bundled as CommonJS, like the functions.
async function main(): Promise<void> {
  const requests = new DynamoDbRequestStore(client, table);
  const id = 'NK-LAYER1';
  const entry = (event: AuditEntry['event'], at: string): AuditEntry => ({ requestId: id, at, event, actor: 'system:test' });

  const request = aRightsRequest({ id });
  const idempotency = { keyHash: 'layer-key', bodyHash: 'layer-body', expiresAt: 1_800_000_000 };
  const received = { ...entry('request.received', '2026-12-07T10:00:00.000Z'), toStatus: 'received' } as const;
  const created = await requests.create(request, received, idempotency);
  // The same submission again, under a new number: refused in the transaction, answered with the first.
  const again = await requests.create(aRightsRequest({ id: 'NK-LAYER2' }), { ...received, requestId: 'NK-LAYER2' }, idempotency);
  const stale = await requests.get(id);
  await requests.apply(id, { expectedVersion: 0, set: { updatedAt: '2026-12-07T10:01:00.000Z' }, audit: entry('note.added', '2026-12-07T10:01:00.000Z') });
  const refusal = await requests
    .apply(id, { expectedVersion: stale!.version, set: { updatedAt: '2026-12-07T10:02:00.000Z' }, audit: entry('note.added', '2026-12-07T10:02:00.000Z') })
    .then(() => undefined, (error: unknown) => error);
  const chain = await new DynamoDbAuditChain(client, table).read(id);

  const limiter = new DynamoDbRateLimiter(client, table);
  const limits = [
    { name: 'layer-hour', max: 2, windowSeconds: 3600 },
    { name: 'layer-day', max: 3, windowSeconds: 86_400 },
  ];
  const now = new Date('2026-12-07T10:00:00.000Z');
  const takes = [await limiter.take('probe', limits, now), await limiter.take('probe', limits, now), await limiter.take('probe', limits, now)];

  const codes = new DynamoDbDownloadCodeStore(client, table);
  await codes.put(id, { hash: 'h', salt: 's', expiresAt: '2026-12-08T10:00:00.000Z', attempts: 0, sentAt: '2026-12-07T10:00:00.000Z', sends: 1 });
  const attempts = await codes.recordFailedAttempt(id, 'h');
  const code = await codes.get(id);
  await codes.delete(id);

  // Batch writes (two batches of at most 25) and reads of many.
  const partitions = new CustomerPartitions(DynamoDBDocumentClient.from(client), customersTable);
  const { partitionKey, sortKey } = CUSTOMER_DATA_TABLES_LAYOUT.customers;
  const notes = Array.from({ length: 30 }, (_, index) => ({ [partitionKey]: 'CUSTOMER#layer', [sortKey]: `NOTE#${String(index).padStart(2, '0')}` }));
  const written = await partitions.putAll(notes);
  const readBack = (await partitions.all('layer', 'NOTE#')).length;
  await partitions.deleteAll(notes);
  const afterDelete = (await partitions.all('layer', 'NOTE#')).length;

  process.stdout.write(
    JSON.stringify({
      created,
      again,
      stored: (await requests.get(id))?.version,
      refusal: refusal instanceof ConcurrentChangeError ? { version: refusal.current?.version, updatedAt: refusal.current?.updatedAt } : String(refusal),
      chain: verifyAuditChain(chain.links, chain.head),
      trail: (await requests.auditTrail(id)).map((audit) => audit.event),
      bySubject: await requests.requestIdsBySubject({ emails: [request.requester.email!], customerIds: [] }),
      takes,
      attempts,
      codeAttempts: code?.attempts,
      deleted: (await codes.get(id)) === undefined,
      many: (await requests.getMany([id, 'NK-NONE'])).map((found) => found.id),
      batch: { written, readBack, afterDelete },
      sdk: require.resolve('@aws-sdk/client-dynamodb'),
    }),
  );
}

main().finally(() => client.destroy());
