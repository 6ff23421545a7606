import {
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
import type * as z from 'zod/mini';
import { chainFrom } from '../../domain/audit/audit-chain.js';
import { moveHeadUpdate, readAuditHead } from './audit-chain-items.js';
import { osloCalendarDate } from '../../domain/deadline/index.js';
import {
  InboxLogEntrySchema,
  QuarantineEntrySchema,
  TriageEntrySchema,
  TriageResolutionRecordSchema,
  type InboxLogEntry,
  type QuarantineEntry,
  type TriageEntry,
  type TriageResolution,
  type TriageResolutionRecord,
} from '../../domain/intake-mail/inbox-entries.js';
import type { AutoAnswerPolicy, ClaimResult, InboxStore, OutcomeRecord } from '../../domain/intake-mail/inbox-store.js';
import { InboxContentionError } from '../../domain/intake-mail/intake-errors.js';
import type { AuditEntry } from '../../domain/request/rights-request.js';
import { TriageAlreadyResolvedError, TriageEntryNotFoundError } from '../../domain/triage/triage-errors.js';
import { AUDIT_SK_PREFIX, REQUESTS_TABLE_LAYOUT, requestPk } from './requests-table-layout.js';
import { isConditionalCheckFailure } from './condition-failure.js';

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
 * - mail by id:       pk `INBOX_MAIL#<inbox id>` sk `MAIL`   (triage and quarantine only: where
 *                     their entry lies; a resolved triage entry moves here with its resolution)
 * - follow-up audit:  pk `REQUEST#<id>`          sk `AUDIT#<UTC at>#inbox-<inbox id>-<n>`
 * - triage audit:     pk `REQUEST#<id>`          sk `AUDIT#<UTC at>#triage-<inbox id>`
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
  mailPk: (inboxId: string) => `INBOX_MAIL#${inboxId}`,
  mailSk: 'MAIL',
} as const;

const utc = (instant: string): string => new Date(instant).toISOString();
const logSk = (entry: { receivedAt: string; inboxId: string }) => `${utc(entry.receivedAt)}#${entry.inboxId}`;
const triageSk = (entry: TriageEntry) => `${entry.urgent ? '0' : '1'}#${utc(entry.receivedAt)}#${entry.inboxId}`;
const auditSk = (entry: AuditEntry, inboxId: string, index: number) =>
  `${AUDIT_SK_PREFIX}${utc(entry.at)}#inbox-${inboxId}-${index}`;
const triageAuditSk = (entry: AuditEntry, inboxId: string) => `${AUDIT_SK_PREFIX}${utc(entry.at)}#triage-${inboxId}`;

/**
 * The item that finds a triaged or quarantined mail by its inbox id: the list items' sort keys
 * begin with urgency and time, which a caller holding only the id cannot know.
 */
interface MailItem {
  readonly inboxId: string;
  readonly receivedAt: string;
  readonly messageKey?: string;
  readonly triageSk?: string;
  readonly quarantineSk?: string;
  /** A resolved triage entry, moved out of the `TRIAGE` list, with its resolution. */
  readonly triage?: unknown;
  readonly resolution?: unknown;
}

const isTransactionCancelled = (error: unknown): error is TransactionCanceledException =>
  error instanceof TransactionCanceledException || (error as { name?: string } | undefined)?.name === 'TransactionCanceledException';

/** Outcomes after which a later reply to this Message-ID finds its case. */
const THREADED_OUTCOMES: ReadonlySet<InboxLogEntry['outcome']> = new Set(['case', 'follow_up', 'triage']);

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
      if (!isConditionalCheckFailure(error)) throw error;
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
        if (!isConditionalCheckFailure(error)) throw error;
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
    if (record.triage || record.quarantine) {
      const mail: MailItem = {
        inboxId: log.inboxId,
        receivedAt: log.receivedAt,
        messageKey: log.messageKey,
        triageSk: record.triage && triageSk(record.triage),
        quarantineSk: record.quarantine && logSk(record.quarantine),
      };
      items.push({ Put: { TableName: this.tableName, Item: { [PK]: INBOX_KEYS.mailPk(log.inboxId), [SK]: INBOX_KEYS.mailSk, kind: 'inbox-mail', ...mail } } });
    }
    items.push(...(await this.chainedCaseAudit(record.caseAudit ?? [], (entry, index) => auditSk(entry, log.inboxId, index))));
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
      if (isTransactionCancelled(error) && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return { recorded: false };
      throw error;
    }
  }

  async getTriage(inboxId: string): Promise<TriageEntry | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const mail = await this.locate(inboxId, 'triage');
      if (!mail?.triageSk) return undefined;
      if (mail.triage) return TriageEntrySchema.parse(mail.triage);
      const open = await this.getItem(INBOX_KEYS.triagePk, mail.triageSk);
      if (open) return TriageEntrySchema.parse(open);
      // Resolved between the two reads: the entry has moved to the mail item; read that again.
    }
    throw new Error('triage entry vanished without a resolution');
  }

  async getQuarantine(inboxId: string): Promise<QuarantineEntry | undefined> {
    const mail = await this.locate(inboxId, 'quarantine');
    if (!mail?.quarantineSk) return undefined;
    const item = await this.getItem(INBOX_KEYS.quarantinePk, mail.quarantineSk);
    return item && QuarantineEntrySchema.parse(item);
  }

  /**
   * One transaction: the entry moves from the `TRIAGE` list to the mail item with its
   * resolution (conditional on there being none yet), the log line gets the resolution, a case
   * becomes the Message-ID claim's case, and `caseAudit` joins the case's trail.
   */
  async resolveTriage(
    inboxId: string,
    resolution: TriageResolution,
    actor: string,
    at: string,
    caseAudit?: AuditEntry,
  ): Promise<TriageResolutionRecord> {
    const mail = await this.locate(inboxId, 'triage');
    if (!mail?.triageSk) throw new TriageEntryNotFoundError(inboxId);
    if (mail.resolution) throw new TriageAlreadyResolvedError(inboxId, TriageResolutionRecordSchema.parse(mail.resolution));
    const open = await this.getItem(INBOX_KEYS.triagePk, mail.triageSk);
    if (!open) return this.alreadyResolved(inboxId);
    const record = TriageResolutionRecordSchema.parse({ ...resolution, by: actor, at });
    const entry: TriageEntry = { ...TriageEntrySchema.parse(open), resolution: record };
    const located: Record<string, unknown> = {
      ':kind': 'inbox-mail',
      ':inboxId': inboxId,
      ':receivedAt': mail.receivedAt,
      ':triageSk': mail.triageSk,
      ':entry': entry,
      ':resolution': record,
    };
    if (mail.messageKey) located[':messageKey'] = mail.messageKey;
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        // Written whole, so a mail item is made for an entry triaged before mail items existed.
        Update: {
          TableName: this.tableName,
          Key: { [PK]: INBOX_KEYS.mailPk(inboxId), [SK]: INBOX_KEYS.mailSk },
          UpdateExpression: `SET kind = :kind, inboxId = :inboxId, receivedAt = :receivedAt, triageSk = :triageSk, triage = :entry, resolution = :resolution${
            mail.messageKey ? ', messageKey = :messageKey' : ''
          }`,
          ConditionExpression: 'attribute_not_exists(resolution)',
          ExpressionAttributeValues: located,
        },
      },
      {
        Delete: {
          TableName: this.tableName,
          Key: { [PK]: INBOX_KEYS.triagePk, [SK]: mail.triageSk },
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: { [PK]: INBOX_KEYS.logPk(osloCalendarDate(mail.receivedAt)), [SK]: logSk(mail) },
          UpdateExpression: 'SET resolution = :resolution',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
          ExpressionAttributeValues: { ':resolution': record },
        },
      },
    ];
    if (record.outcome === 'case' && mail.messageKey) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: { [PK]: INBOX_KEYS.claimPk(mail.messageKey), [SK]: INBOX_KEYS.claimSk },
          UpdateExpression: 'SET caseId = :caseId',
          ConditionExpression: 'inboxId = :me',
          ExpressionAttributeValues: { ':caseId': record.caseId, ':me': inboxId },
        },
      });
    }
    if (caseAudit) items.push(...(await this.chainedCaseAudit([caseAudit], (entry) => triageAuditSk(entry, inboxId))));
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return record;
    } catch (error) {
      const reasons = isTransactionCancelled(error) ? error.CancellationReasons ?? [] : [];
      if (reasons.slice(0, 2).some((reason) => reason.Code === 'ConditionalCheckFailed')) return this.alreadyResolved(inboxId);
      throw error;
    }
  }

  /**
   * Where a mail's triage or quarantine entry lies. Entries recorded before mail items were
   * written have none; those are looked up in their (fixed, short) list partition instead, and
   * a triage entry's Message-ID key is read from its log line.
   */
  /**
   * Puts for entries joining cases' audit trails, each chained after its case's head, with the
   * conditional head moves that make the transaction fail (to be retried) if another entry was
   * appended meanwhile. A case that no longer exists gets its entries without a chain.
   */
  private async chainedCaseAudit(
    entries: readonly AuditEntry[],
    sortKey: (entry: AuditEntry, index: number) => string,
  ): Promise<NonNullable<TransactWriteCommandInput['TransactItems']>> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
    const byCase = new Map<string, { entry: AuditEntry; index: number }[]>();
    entries.forEach((entry, index) => byCase.set(entry.requestId, [...(byCase.get(entry.requestId) ?? []), { entry, index }]));
    for (const [requestId, group] of byCase) {
      const stored = await readAuditHead(this.doc, this.tableName, requestId);
      const { links, head } = chainFrom(stored.head, group.map(({ entry }) => entry));
      group.forEach(({ entry, index }, position) => {
        const link = links[position]!;
        items.push({
          Put: {
            TableName: this.tableName,
            Item: { [PK]: requestPk(requestId), [SK]: sortKey(entry, index), ...entry, chainSeq: link.seq, prevHash: link.prevHash, hash: link.hash },
          },
        });
      });
      if (stored.exists) items.push(moveHeadUpdate(this.tableName, requestId, stored, head));
    }
    return items;
  }

  private async locate(inboxId: string, list: 'triage' | 'quarantine'): Promise<MailItem | undefined> {
    const mail = await this.mailItem(inboxId);
    if (mail) return mail;
    const partition = list === 'triage' ? INBOX_KEYS.triagePk : INBOX_KEYS.quarantinePk;
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: 'inboxId = :inboxId',
        ExpressionAttributeNames: { '#pk': PK },
        ExpressionAttributeValues: { ':pk': partition, ':inboxId': inboxId },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) {
      const item = page.Items?.[0];
      if (!item) continue;
      const received = { inboxId, receivedAt: String(item.receivedAt) };
      if (list === 'quarantine') return { ...received, quarantineSk: String(item[SK]) };
      const log = await this.getItem(INBOX_KEYS.logPk(osloCalendarDate(received.receivedAt)), logSk(received));
      return { ...received, triageSk: String(item[SK]), messageKey: typeof log?.messageKey === 'string' ? log.messageKey : undefined };
    }
    return undefined;
  }

  /** Throws the resolution that won, read after a lost race. */
  private async alreadyResolved(inboxId: string): Promise<never> {
    const mail = await this.mailItem(inboxId);
    const resolution = TriageResolutionRecordSchema.safeParse(mail?.resolution);
    if (!resolution.success) throw new Error('triage entry left its list without a resolution');
    throw new TriageAlreadyResolvedError(inboxId, resolution.data);
  }

  private async mailItem(inboxId: string): Promise<MailItem | undefined> {
    return (await this.getItem(INBOX_KEYS.mailPk(inboxId), INBOX_KEYS.mailSk)) as MailItem | undefined;
  }

  private async getItem(partition: string, sort: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: { [PK]: partition, [SK]: sort }, ConsistentRead: true }));
    return result.Item;
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

  private async *list<S extends z.ZodMiniType>(partition: string, schema: S): AsyncIterable<z.infer<S>> {
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
