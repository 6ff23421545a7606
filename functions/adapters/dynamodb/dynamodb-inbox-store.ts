import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  paginateQuery,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { osloCalendarDate } from '../../domain/deadline/index.js';
import {
  InboxLogEntrySchema,
  QuarantineEntrySchema,
  TriageEntrySchema,
  type InboxLogEntry,
  type QuarantineEntry,
  type TriageEntry,
} from '../../domain/intake-mail/inbox-entries.js';
import type { AutoAnswerPolicy, ClaimResult, InboxStore, OutcomeRecord } from '../../domain/intake-mail/inbox-store.js';
import { InboxContentionError } from '../../domain/intake-mail/intake-errors.js';
import type { AuditEntry } from '../../domain/request/rights-request.js';
import { AUDIT_SK_PREFIX, REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = REQUESTS_TABLE_LAYOUT;

/**
 * Keys of the e-mail intake in the requests table, beside the requests (see
 * `requests-table-layout.ts`). Lists are fixed partitions queried in key order, never scans,
 * and no item here carries `openPk`, so none appears in the `open-requests` index.
 * - Message-ID claim: pk `INBOX#<sha256>`        sk `INBOX`  (dedupe; the case the mail led to)
 * - auto-answer log:  pk `INBOX_RATE#<sha256>`   sk `RATE`   (per sender; expires through TTL)
 * - inbox log:        pk `INBOX_LOG#<Oslo date>` sk `<UTC receivedAt>#<inbox id>`
 * - triage:           pk `TRIAGE`                sk `<0 urgent|1>#<UTC receivedAt>#<inbox id>`
 * - quarantine:       pk `QUARANTINE`            sk `<UTC receivedAt>#<inbox id>`
 * - follow-up audit:  pk `REQUEST#<id>`          sk `AUDIT#<UTC at>#inbox-<inbox id>-<n>`
 * Sort keys use UTC, not the stored Oslo-offset text: across a DST change `+02:00` and `+01:00`
 * strings do not sort in time order.
 */
export const INBOX_KEYS = {
  claimPk: (messageKey: string) => `INBOX#${messageKey}`,
  claimSk: 'INBOX',
  ratePk: (senderKey: string) => `INBOX_RATE#${senderKey}`,
  rateSk: 'RATE',
  logPk: (receiptDate: string) => `INBOX_LOG#${receiptDate}`,
  triagePk: 'TRIAGE',
  quarantinePk: 'QUARANTINE',
} as const;

const utc = (instant: string): string => new Date(instant).toISOString();
const logSk = (entry: { receivedAt: string; inboxId: string }) => `${utc(entry.receivedAt)}#${entry.inboxId}`;
const triageSk = (entry: TriageEntry) => `${entry.urgent ? '0' : '1'}#${utc(entry.receivedAt)}#${entry.inboxId}`;
const auditSk = (entry: AuditEntry, inboxId: string, index: number) =>
  `${AUDIT_SK_PREFIX}${utc(entry.at)}#inbox-${inboxId}-${index}`;

/** Outcomes after which a later reply to this Message-ID finds its case. */
const THREADED_OUTCOMES: ReadonlySet<InboxLogEntry['outcome']> = new Set(['case', 'follow_up', 'triage']);

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException || (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';

/**
 * Attempts at the auto-answer log before giving up. Each lost race means another mail's answer
 * was written, and at most `max` can be within the window, so `max + 2` always suffices.
 */
const rateAttempts = (policy: AutoAnswerPolicy): number => policy.max + 2;

interface RateItem {
  readonly answers: readonly { readonly inboxId: string; readonly at: number }[];
  readonly version: number;
}

/** DynamoDB adapter of {@link InboxStore}, in the requests table (one table, own keys). */
export class DynamoDbInboxStore implements InboxStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async claimMessage(claim: { messageKey: string; inboxId: string; receivedAt: string }): Promise<ClaimResult> {
    const key = { [PK]: INBOX_KEYS.claimPk(claim.messageKey), [SK]: INBOX_KEYS.claimSk };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, kind: 'inbox-claim', inboxId: claim.inboxId, receivedAt: claim.receivedAt },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      );
      return { first: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const existing = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    const holder = existing.Item;
    if (!holder) throw new Error('message claim vanished after a failed conditional put');
    if (holder.inboxId === claim.inboxId) return { first: true };
    return {
      first: false,
      heldBy: { inboxId: String(holder.inboxId), caseId: typeof holder.caseId === 'string' ? holder.caseId : undefined },
    };
  }

  async casesForMessages(messageKeys: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const cases = new Map<string, string>();
    for (let start = 0; start < messageKeys.length; start += 100) {
      let keys: Record<string, unknown>[] | undefined = [...new Set(messageKeys.slice(start, start + 100))].map((messageKey) => ({
        [PK]: INBOX_KEYS.claimPk(messageKey),
        [SK]: INBOX_KEYS.claimSk,
      }));
      while (keys && keys.length > 0) {
        const result = await this.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.tableName]: { Keys: keys, ConsistentRead: true, ProjectionExpression: '#pk, caseId', ExpressionAttributeNames: { '#pk': PK } },
            },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? []) {
          if (typeof item.caseId === 'string') cases.set(String(item[PK]).slice('INBOX#'.length), item.caseId);
        }
        keys = result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return cases;
  }

  async takeAutoAnswer(senderKey: string, inboxId: string, at: Date, policy: AutoAnswerPolicy): Promise<boolean> {
    const key = { [PK]: INBOX_KEYS.ratePk(senderKey), [SK]: INBOX_KEYS.rateSk };
    for (let attempt = 0; attempt < rateAttempts(policy); attempt++) {
      const current = (await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })))
        .Item as RateItem | undefined;
      const answers = current?.answers ?? [];
      if (answers.some((answer) => answer.inboxId === inboxId)) return true;
      const since = at.getTime() - policy.windowMs;
      const recent = answers.filter((answer) => answer.at > since);
      if (recent.length >= policy.max) return false;
      const next = [...recent, { inboxId, at: at.getTime() }];
      const latest = Math.max(...next.map((answer) => answer.at));
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...key,
              kind: 'inbox-rate',
              answers: next,
              version: (current?.version ?? 0) + 1,
              [TTL]: Math.ceil((latest + policy.windowMs) / 1000),
            },
            ConditionExpression: current ? '#version = :version' : 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: current ? { '#version': 'version' } : { '#pk': PK },
            ExpressionAttributeValues: current ? { ':version': current.version } : undefined,
          }),
        );
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new InboxContentionError();
  }

  async recordOutcome(record: OutcomeRecord): Promise<{ recorded: boolean }> {
    const { log } = record;
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: { [PK]: INBOX_KEYS.logPk(osloCalendarDate(log.receivedAt)), [SK]: logSk(log), kind: 'inbox-log', ...log },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        },
      },
    ];
    if (record.triage) {
      items.push({
        Put: { TableName: this.tableName, Item: { [PK]: INBOX_KEYS.triagePk, [SK]: triageSk(record.triage), kind: 'triage', ...record.triage } },
      });
    }
    if (record.quarantine) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { [PK]: INBOX_KEYS.quarantinePk, [SK]: logSk(record.quarantine), kind: 'quarantine', ...record.quarantine },
        },
      });
    }
    (record.caseAudit ?? []).forEach((entry, index) => {
      items.push({
        Put: { TableName: this.tableName, Item: { [PK]: requestPk(entry.requestId), [SK]: auditSk(entry, log.inboxId, index), ...entry } },
      });
    });
    if (log.messageKey && THREADED_OUTCOMES.has(log.outcome)) {
      const values: Record<string, unknown> = { ':outcome': log.outcome, ':me': log.inboxId };
      let update = 'SET outcome = :outcome';
      if (log.caseId) {
        values[':caseId'] = log.caseId;
        update += ', caseId = :caseId';
      }
      items.push({
        Update: {
          TableName: this.tableName,
          Key: { [PK]: INBOX_KEYS.claimPk(log.messageKey), [SK]: INBOX_KEYS.claimSk },
          UpdateExpression: update,
          // Only the mail holding the claim writes its outcome there.
          ConditionExpression: 'inboxId = :me',
          ExpressionAttributeValues: values,
        },
      });
    }
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { recorded: true };
    } catch (error) {
      if (error instanceof TransactionCanceledException || (error as { name?: string }).name === 'TransactionCanceledException') {
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return { recorded: false };
      }
      throw error;
    }
  }

  listTriage(): AsyncIterable<TriageEntry> {
    return this.list(INBOX_KEYS.triagePk, TriageEntrySchema);
  }

  listQuarantine(): AsyncIterable<QuarantineEntry> {
    return this.list(INBOX_KEYS.quarantinePk, QuarantineEntrySchema);
  }

  listLog(receiptDate: string): AsyncIterable<InboxLogEntry> {
    return this.list(INBOX_KEYS.logPk(receiptDate), InboxLogEntrySchema);
  }

  private async *list<S extends z.ZodType>(partition: string, schema: S): AsyncIterable<z.infer<S>> {
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': PK },
        ExpressionAttributeValues: { ':pk': partition },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) yield schema.parse(item);
    }
  }
}
