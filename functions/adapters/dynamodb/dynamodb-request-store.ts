import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  paginateQuery,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomBytes } from 'node:crypto';
import { EMPTY_HEAD, nextLink } from '../../domain/audit/audit-chain.js';
import { ConcurrentChangeError, RequestNotFoundError } from '../../domain/request/request-errors.js';
import { AUDIT_HEAD, headOf, headStillCondition, moveHeadUpdate, readAuditHead } from './audit-chain-items.js';
import { KnownRequestItems, requestItemUpdate, type RequestItem } from './request-item-change.js';
import {
  subjectLookupKeys,
  type CreateResult,
  type IdempotencyRecord,
  type OpenRequestCount,
  type OpenRequestFilter,
  type OpenRequestSummary,
  type QueueRead,
  type QueueStretch,
  type RequestChange,
  type RequestStore,
  type SubjectKeys,
} from '../../domain/request/request-store.js';
import { AuditEntrySchema, RightsRequestSchema, type AuditEntry, type RightsRequest } from '../../domain/request/rights-request.js';
import { isOpenStatus } from '../../domain/lifecycle/request-lifecycle.js';
import type { Channel, RequestType, Status } from '../../domain/request/request-vocabulary.js';
import {
  AUDIT_SK_PREFIX,
  IDEMPOTENCY_SK,
  OPEN_PARTITION,
  REGISTER_PARTITION,
  REQUESTS_TABLE_LAYOUT,
  REQUEST_SK,
  idempotencyPk,
  queueIndexKeys,
  requestPk,
  subjectPk,
} from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK } = REQUESTS_TABLE_LAYOUT;
const INDEX = REQUESTS_TABLE_LAYOUT.openRequestsIndex;

/** Sort key for an audit entry: time-ordered, unique even for entries in the same millisecond. */
const auditSk = (at: string): string =>
  `${AUDIT_SK_PREFIX}${new Date(at).toISOString()}#${process.hrtime.bigint().toString().padStart(20, '0')}${randomBytes(3).toString('hex')}`;

/** An audit entry's item, with its link in the case's chain (number, previous hash, own hash). */
const auditItem = (entry: AuditEntry, link: { seq: number; prevHash: string; hash: string }): Record<string, unknown> => ({
  [PK]: requestPk(entry.requestId),
  [SK]: auditSk(entry.at),
  ...entry,
  chainSeq: link.seq,
  prevHash: link.prevHash,
  hash: link.hash,
});

/** Open requests read per query while a filtered or searched queue page fills. */
const QUEUE_READ_CHUNK = 100;

/** How often a write whose only conflict was a moved chain head (another entry appended) is tried again. */
const HEAD_RACE_ATTEMPTS = 8;

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed'));

/**
 * The request item as it stood when `apply`'s transaction was refused on its condition (the
 * transaction's first item asks for it with `ReturnValuesOnConditionCheckFailure`); undefined
 * when the answer does not carry it.
 */
const itemRefusedWith = (error: unknown): RequestItem | undefined => {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reason = error.CancellationReasons?.[0];
  return reason?.Code === 'ConditionalCheckFailed' && reason.Item ? unmarshall(reason.Item) : undefined;
};

/** The subject-key items of a request (written with the change that names the subject; rewriting one changes nothing). */
const subjectItems = (tableName: string, requestId: string, subject: SubjectKeys): NonNullable<TransactWriteCommandInput['TransactItems']> =>
  subjectLookupKeys(subject).map((key) => ({
    Put: { TableName: tableName, Item: { [PK]: subjectPk(key), [SK]: requestPk(requestId), requestId } },
  }));

/** DynamoDB adapter of {@link RequestStore}: one table, request and audit entries in one partition. */
export class DynamoDbRequestStore implements RequestStore {
  private readonly doc: DynamoDBDocumentClient;
  /** The items this store last read or wrote: pre-images that spare `apply` a read. */
  private readonly known = new KnownRequestItems();

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async create(request: RightsRequest, audit: AuditEntry, idempotency?: IdempotencyRecord): Promise<CreateResult> {
    const link = nextLink(EMPTY_HEAD, audit);
    const requestItem = {
      [PK]: requestPk(request.id),
      [SK]: REQUEST_SK,
      ...request,
      openPk: OPEN_PARTITION,
      ...(isOpenStatus(request.status) && queueIndexKeys(request)),
      [REQUESTS_TABLE_LAYOUT.allRequestsIndex.partitionKey]: REGISTER_PARTITION,
      [AUDIT_HEAD.hash]: link.hash,
      [AUDIT_HEAD.seq]: link.seq,
    };
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: requestItem,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        },
      },
      { Put: { TableName: this.tableName, Item: auditItem(audit, link) } },
      ...subjectItems(this.tableName, request.id, { emails: request.requester.email ? [request.requester.email] : [], customerIds: request.customerIds ?? [] }),
    ];
    if (idempotency) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            [PK]: idempotencyPk(idempotency.keyHash),
            [SK]: IDEMPOTENCY_SK,
            requestId: request.id,
            bodyHash: idempotency.bodyHash,
            [REQUESTS_TABLE_LAYOUT.ttlAttribute]: idempotency.expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        },
      });
    }
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      this.known.remember(request.id, requestItem);
      return { created: true };
    } catch (error) {
      if (!idempotency || !isConditionFailure(error)) throw error;
      const existing = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [PK]: idempotencyPk(idempotency.keyHash), [SK]: IDEMPOTENCY_SK },
          ConsistentRead: true,
        }),
      );
      if (!existing.Item) throw error;
      return {
        created: false,
        existingRequestId: String(existing.Item.requestId),
        bodyHash: String(existing.Item.bodyHash),
      };
    }
  }

  async get(id: string): Promise<RightsRequest | undefined> {
    const item = await this.getItem(id);
    return item ? RightsRequestSchema.parse(item) : undefined;
  }

  async taskToken(id: string): Promise<string | undefined> {
    const item = await this.getItem(id);
    return typeof item?.taskToken === 'string' ? item.taskToken : undefined;
  }

  /**
   * Applies the change in one transaction with its audit entry, chained after the head the item
   * holds, on condition that the version and the head are still the ones the change builds on.
   * The pre-image is the item at `expectedVersion` as this store last read or wrote it (one read
   * when it has none), and the answer is computed from it and the change: a request item changes
   * only through versioned writes (the chain head aside, which the condition checks), so that is
   * exactly what reading it back would return.
   */
  async apply(id: string, change: RequestChange): Promise<RightsRequest> {
    let before = this.known.at(id, change.expectedVersion) ?? (await this.readCurrent(id, change.expectedVersion));
    for (let attempt = 1; ; attempt += 1) {
      const update = requestItemUpdate(change, before);
      // The entry is chained to the head of `before`; the transaction holds only if that head and
      // the expected version are both still current, so no other entry can slip in between.
      const stored = headOf(before);
      const link = nextLink(stored.head, change.audit);
      const head = headStillCondition(stored);
      const chainSets = [...update.sets, '#headHash = :newHead', '#headSeq = :newSeq'];
      const expression = `SET ${chainSets.join(', ')}` + (update.removes.length > 0 ? ` REMOVE ${update.removes.join(', ')}` : '');
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.tableName,
                  Key: { [PK]: requestPk(id), [SK]: REQUEST_SK },
                  UpdateExpression: expression,
                  ConditionExpression: `#version = :expected AND ${head.expression}`,
                  // A lost race answers with the item as it stands, so the retry needs no read.
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                  ExpressionAttributeNames: { ...update.names, ...head.names, '#headHash': AUDIT_HEAD.hash, '#headSeq': AUDIT_HEAD.seq },
                  ExpressionAttributeValues: {
                    ...update.values,
                    ...head.values,
                    ':expected': change.expectedVersion,
                    ':newHead': link.hash,
                    ':newSeq': link.seq,
                  },
                },
              },
              { Put: { TableName: this.tableName, Item: auditItem(change.audit, link) } },
              ...subjectItems(this.tableName, id, { emails: [], customerIds: change.set.customerIds ?? [] }),
            ],
          }),
        );
        const after = update.after(before, { hash: link.hash, seq: link.seq });
        this.known.remember(id, after);
        return RightsRequestSchema.parse(after);
      } catch (error) {
        this.known.forget(id);
        if (!isConditionFailure(error)) throw error;
        // Only the head moved (an entry appended without a change): chain after it and try again.
        const refusedWith = itemRefusedWith(error);
        before = refusedWith ? this.stillAt(id, refusedWith, change.expectedVersion) : await this.readCurrent(id, change.expectedVersion);
        if (attempt >= HEAD_RACE_ATTEMPTS) throw new ConcurrentChangeError(id);
      }
    }
  }

  /** The item as stored now, which must still be at `expectedVersion`. */
  private async readCurrent(id: string, expectedVersion: number): Promise<RequestItem> {
    const item = await this.getItem(id);
    if (!item) throw new RequestNotFoundError(id);
    return this.stillAt(id, item, expectedVersion);
  }

  /**
   * `item` (just read, or handed back by a refused write), which must still be at
   * `expectedVersion`; otherwise the change lost a race, and the error carries the request as
   * it now stands for the caller's retry.
   */
  private stillAt(id: string, item: RequestItem, expectedVersion: number): RequestItem {
    this.known.remember(id, item);
    if (item.version !== expectedVersion) throw new ConcurrentChangeError(id, RightsRequestSchema.parse(item));
    return item;
  }

  async auditTrail(id: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
        ExpressionAttributeValues: { ':pk': requestPk(id), ':prefix': AUDIT_SK_PREFIX },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) entries.push(AuditEntrySchema.parse(item));
    }
    return entries;
  }

  async appendAudit(id: string, entry: AuditEntry): Promise<void> {
    if (entry.requestId !== id) throw new Error('audit entry belongs to another request');
    const audit = AuditEntrySchema.parse(entry);
    for (let attempt = 1; ; attempt += 1) {
      const stored = await readAuditHead(this.doc, this.tableName, id);
      if (!stored.exists) throw new RequestNotFoundError(id);
      const link = nextLink(stored.head, audit);
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              moveHeadUpdate(this.tableName, id, stored, { hash: link.hash, seq: link.seq }),
              { Put: { TableName: this.tableName, Item: auditItem(audit, link) } },
            ],
          }),
        );
        // The head moved: a kept pre-image would fail its next change's condition once.
        this.known.forget(id);
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (!(await this.getItem(id))) throw new RequestNotFoundError(id);
        if (attempt >= HEAD_RACE_ATTEMPTS) throw new ConcurrentChangeError(id);
      }
    }
  }

  async getMany(ids: readonly string[]): Promise<RightsRequest[]> {
    const unique = [...new Set(ids)];
    const found = new Map<string, RightsRequest>();
    // BatchGetItem takes at most 100 keys; unprocessed keys are asked for again.
    for (let start = 0; start < unique.length; start += 100) {
      let keys: Record<string, unknown>[] = unique.slice(start, start + 100).map((id) => ({ [PK]: requestPk(id), [SK]: REQUEST_SK }));
      for (let attempt = 0; keys.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
        const result = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }),
        );
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const request = RightsRequestSchema.parse(item);
          found.set(request.id, request);
        }
        keys = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return ids.flatMap((id) => {
      const request = found.get(id);
      return request ? [request] : [];
    });
  }

  async *listAll(): AsyncIterable<RightsRequest> {
    const index = REQUESTS_TABLE_LAYOUT.allRequestsIndex;
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#register = :register',
        ExpressionAttributeNames: { '#register': index.partitionKey },
        ExpressionAttributeValues: { ':register': REGISTER_PARTITION },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) yield RightsRequestSchema.parse(item);
    }
  }

  async readQueue(read: QueueRead): Promise<QueueStretch> {
    const index = REQUESTS_TABLE_LAYOUT.queueIndex;
    const requests: RightsRequest[] = [];
    let looked = 0;
    let after = read.after;
    let more = true;
    // Without `keep` every request read is shown: a page's worth per query, and no more.
    const chunk = read.keep ? Math.max(read.limit, QUEUE_READ_CHUNK) : read.limit;
    while (more && requests.length < read.limit && looked < read.readBudget) {
      const wanted = Math.min(chunk, read.readBudget - looked);
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: after === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
          ExpressionAttributeNames: { '#pk': index.partitionKey, ...(after !== undefined && { '#sk': index.sortKey }) },
          ExpressionAttributeValues: { ':pk': OPEN_PARTITION, ...(after !== undefined && { ':after': after }) },
          // One more than is looked at, to know whether anything follows without another query.
          Limit: wanted + 1,
        }),
      );
      const items = page.Items ?? [];
      let taken = 0;
      for (const item of items) {
        if (taken === wanted || requests.length === read.limit) break;
        taken += 1;
        after = String(item[index.sortKey]);
        const request = RightsRequestSchema.parse(item);
        if (!read.keep || read.keep(request)) requests.push(request);
      }
      looked += taken;
      more = taken < items.length || page.LastEvaluatedKey !== undefined;
    }
    return { requests, ...(more && after !== undefined && { next: after }), read: looked };
  }

  async countOpen(filter: OpenRequestFilter, readLimit: number): Promise<OpenRequestCount> {
    const conditions: string[] = [];
    const names: Record<string, string> = { '#open': INDEX.partitionKey };
    const values: Record<string, unknown> = { ':open': OPEN_PARTITION };
    if (filter.status) (conditions.push('#status = :status'), (names['#status'] = 'status'), (values[':status'] = filter.status));
    if (filter.channel) (conditions.push('#channel = :channel'), (names['#channel'] = 'channel'), (values[':channel'] = filter.channel));
    if (filter.type) (conditions.push('contains(#types, :type)'), (names['#types'] = 'types'), (values[':type'] = filter.type));
    let count = 0;
    let looked = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX.name,
          KeyConditionExpression: '#open = :open',
          ...(conditions.length > 0 && { FilterExpression: conditions.join(' AND ') }),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Select: 'COUNT',
          // DynamoDB's Limit counts entries looked at, before the filter: the read stays bounded.
          Limit: readLimit - looked,
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      looked += page.ScannedCount ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey && looked < readLimit);
    return { count, complete: startKey === undefined };
  }

  async *listOpen(): AsyncIterable<OpenRequestSummary> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX.name,
          KeyConditionExpression: '#open = :open',
          ExpressionAttributeNames: { '#open': INDEX.partitionKey },
          ExpressionAttributeValues: { ':open': OPEN_PARTITION },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        yield {
          id: String(item.id),
          status: item.status as Status,
          receivedAt: String(item.receivedAt),
          dueDate: String(item.dueDate),
          types: (item.types ?? []) as RequestType[],
          channel: item.channel as Channel,
        };
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  async requestIdsBySubject(subject: SubjectKeys): Promise<string[]> {
    const ids = new Set<string>();
    for (const key of subjectLookupKeys(subject)) {
      const pages = paginateQuery(
        { client: this.doc },
        {
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': PK },
          ExpressionAttributeValues: { ':pk': subjectPk(key) },
          ProjectionExpression: 'requestId',
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) ids.add(String(item.requestId));
    }
    return [...ids].sort();
  }

  /** Reads the request item (consistently) and keeps it as the pre-image of the next change. */
  private async getItem(id: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { [PK]: requestPk(id), [SK]: REQUEST_SK }, ConsistentRead: true }),
    );
    if (result.Item) this.known.remember(id, result.Item);
    else this.known.forget(id);
    return result.Item;
  }
}
