import type { OutgoingMail, Mailer } from '../../functions/domain/mail/mailer.js';
import { ConcurrentChangeError, RequestNotFoundError } from '../../functions/domain/request/request-errors.js';
import {
  subjectLookupKeys,
  type CreateResult,
  type IdempotencyRecord,
  type OpenRequestCount,
  type OpenRequestFilter,
  type OpenRequestSummary,
  queuePosition,
  type QueueRead,
  type QueueStretch,
  type RequestChange,
  type RequestStore,
  type SubjectKeys,
} from '../../functions/domain/request/request-store.js';
import type { Status } from '../../functions/domain/request/request-vocabulary.js';
import { isOpenStatus } from '../../functions/domain/lifecycle/request-lifecycle.js';
import type { TaskCallbacks, WorkflowStarter } from '../../functions/domain/request/workflow-starter.js';
import {
  AuditEntrySchema,
  RightsRequestSchema,
  type AuditEntry,
  type RightsRequest,
} from '../../functions/domain/request/rights-request.js';

/**
 * What DynamoDB throws when a conditional put in `create` fails and there is no idempotency record
 * to answer with (a duplicate request id). Same `name` as the SDK's exception, so code that
 * matches errors by name sees what it would see against the real table.
 */
export class TransactionCanceledError extends Error {
  override readonly name = 'TransactionCanceledException';
  constructor(readonly requestId: string) {
    super(`Transaction cancelled: ConditionalCheckFailed for request ${requestId}`);
  }
}

/** A stored request item: the request's attributes plus what the table keeps beside them. */
type StoredItem = Record<string, unknown> & { version: number; status: Status; receivedAt: string };

interface StoredAudit {
  readonly sortKey: string;
  readonly item: Record<string, unknown>;
}

/**
 * A deep copy without `undefined` values, like the document client's `removeUndefinedValues`, so
 * a caller can never change a stored item through a reference it still holds.
 */
const toItem = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

/**
 * In-memory {@link RequestStore} with the DynamoDB adapter's semantics, for unit tests:
 * - `create` writes the request, its first audit entry and the idempotency record all or nothing;
 *   a taken key answers `{ created: false, existingRequestId, bodyHash }`, a taken request id
 *   without a key record throws {@link TransactionCanceledError}. Expired keys are kept until
 *   {@link expireIdempotencyKeys} runs, as DynamoDB's TTL deletes lazily.
 * - `apply` succeeds only at `expectedVersion` (else `ConcurrentChangeError`, or
 *   `RequestNotFoundError` when the request is missing), increments the version, sets the defined
 *   values of `set` (an `undefined` value leaves the attribute as it was), removes `remove`, and
 *   appends the audit entry in the same step.
 * - `taskToken` is stored on the item but is not part of the request `get` returns.
 * - `get` and `auditTrail` validate what they read with the domain schemas, as the adapter does.
 * - `listOpen` lists requests whose last written status is open, ordered by the `receivedAt`
 *   string (the index's sort key), as the sparse `open-requests` index does.
 * - `readQueue` reads open requests in `queuePosition` order as the sparse queue indexes hold
 *   them, counting every request it reads in {@link queueReads}; `countOpen` counts open ones.
 */
export class InMemoryRequestStore implements RequestStore {
  private readonly items = new Map<string, StoredItem>();
  private readonly audits = new Map<string, StoredAudit[]>();
  private readonly keys = new Map<string, { requestId: string; bodyHash: string; expiresAt: number }>();
  private auditSequence = 0;
  /** How many requests `readQueue` has read, kept or not (what a page costs). */
  queueReads = 0;

  async create(request: RightsRequest, audit: AuditEntry, idempotency?: IdempotencyRecord): Promise<CreateResult> {
    const keyRecord = idempotency ? this.keys.get(idempotency.keyHash) : undefined;
    if (this.items.has(request.id) || keyRecord) {
      if (!idempotency || !keyRecord) throw new TransactionCanceledError(request.id);
      return { created: false, existingRequestId: keyRecord.requestId, bodyHash: keyRecord.bodyHash };
    }
    this.items.set(request.id, toItem({ ...request, open: true }) as StoredItem);
    this.writeAudit(audit);
    if (idempotency) {
      this.keys.set(idempotency.keyHash, {
        requestId: request.id,
        bodyHash: idempotency.bodyHash,
        expiresAt: idempotency.expiresAt,
      });
    }
    return { created: true };
  }

  async get(id: string): Promise<RightsRequest | undefined> {
    const item = this.items.get(id);
    return item ? RightsRequestSchema.parse(toItem(item)) : undefined;
  }

  async taskToken(id: string): Promise<string | undefined> {
    const token = this.items.get(id)?.taskToken;
    return typeof token === 'string' ? token : undefined;
  }

  async apply(id: string, change: RequestChange): Promise<RightsRequest> {
    const current = this.items.get(id);
    if (!current) throw new RequestNotFoundError(id);
    if (current.version !== change.expectedVersion) throw new ConcurrentChangeError(id);
    const next: StoredItem = { ...toItem(current), version: current.version + 1 } as StoredItem;
    for (const [key, value] of Object.entries(change.set)) {
      if (value !== undefined) next[key] = toItem({ value }).value;
    }
    for (const key of change.remove ?? []) delete next[key];
    if (change.set.status !== undefined) next.open = isOpenStatus(change.set.status);
    this.items.set(id, next);
    this.writeAudit(change.audit);
    const updated = await this.get(id);
    if (!updated) throw new RequestNotFoundError(id);
    return updated;
  }

  async auditTrail(id: string): Promise<AuditEntry[]> {
    return [...(this.audits.get(id) ?? [])]
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .map((entry) => AuditEntrySchema.parse(toItem(entry.item)));
  }

  async appendAudit(id: string, entry: AuditEntry): Promise<void> {
    if (entry.requestId !== id) throw new Error('audit entry belongs to another request');
    if (!this.items.has(id)) throw new RequestNotFoundError(id);
    this.writeAudit(AuditEntrySchema.parse(entry));
  }

  async requestIdsBySubject(subject: SubjectKeys): Promise<string[]> {
    const wanted = new Set(subjectLookupKeys(subject));
    const ids: string[] = [];
    for (const [id, item] of this.items) {
      const request = RightsRequestSchema.parse(toItem(item));
      const keys = subjectLookupKeys({ emails: request.requester.email ? [request.requester.email] : [], customerIds: request.customerIds ?? [] });
      if (keys.some((key) => wanted.has(key))) ids.push(id);
    }
    return ids.sort();
  }

  async getMany(ids: readonly string[]): Promise<RightsRequest[]> {
    const found: RightsRequest[] = [];
    for (const id of ids) {
      const request = await this.get(id);
      if (request) found.push(request);
    }
    return found;
  }

  async *listAll(): AsyncIterable<RightsRequest> {
    for (const id of [...this.items.keys()]) {
      const request = await this.get(id);
      if (request) yield request;
    }
  }

  async *listOpen(): AsyncIterable<OpenRequestSummary> {
    const open = [...this.items.values()]
      .filter((item) => item.open === true)
      .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    for (const item of open) {
      const { id, status, receivedAt, dueDate, types, channel } = item as unknown as RightsRequest;
      yield { id, status, receivedAt, dueDate, types, channel };
    }
  }

  async readQueue(read: QueueRead): Promise<QueueStretch> {
    const open = (await this.openRequests())
      .map((request) => ({ request, position: queuePosition(request) }))
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
      .filter((entry) => read.after === undefined || entry.position > read.after);
    const requests: RightsRequest[] = [];
    let looked = 0;
    while (looked < open.length && looked < read.readBudget && requests.length < read.limit) {
      const { request } = open[looked]!;
      looked += 1;
      if (!read.keep || read.keep(request)) requests.push(request);
    }
    this.queueReads += looked;
    return { requests, ...(looked < open.length && looked > 0 && { next: open[looked - 1]!.position }), read: looked };
  }

  async countOpen(filter: OpenRequestFilter, readLimit: number): Promise<OpenRequestCount> {
    // Looked at in the open-requests index's order (receipt), as the adapter does.
    const open = (await this.openRequests()).sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    const looked = open.slice(0, readLimit);
    const count = looked.filter(
      (request) =>
        (!filter.status || request.status === filter.status) &&
        (!filter.type || request.types.includes(filter.type)) &&
        (!filter.channel || request.channel === filter.channel),
    ).length;
    return { count, complete: looked.length === open.length };
  }

  private async openRequests(): Promise<RightsRequest[]> {
    return [...this.items.values()].filter((item) => item.open === true).map((item) => RightsRequestSchema.parse(toItem(item)));
  }

  /** Arranges a request in any state, as if earlier steps had written it (test set-up only). */
  seed(request: RightsRequest, extras: { readonly taskToken?: string } = {}): this {
    const item = { ...request, taskToken: extras.taskToken, open: isOpenStatus(request.status) };
    this.items.set(request.id, toItem(item) as StoredItem);
    return this;
  }

  /** Forgets idempotency keys whose `expiresAt` (epoch seconds) is before `nowSeconds`, like TTL. */
  expireIdempotencyKeys(nowSeconds: number): void {
    for (const [keyHash, record] of this.keys) if (record.expiresAt < nowSeconds) this.keys.delete(keyHash);
  }

  /** Idempotency records as stored, for asserting what a create remembered. */
  idempotencyRecords(): IdempotencyRecord[] {
    return [...this.keys].map(([keyHash, record]) => ({ keyHash, bodyHash: record.bodyHash, expiresAt: record.expiresAt }));
  }

  /** How many requests are stored, open or not. */
  get size(): number {
    return this.items.size;
  }

  private writeAudit(entry: AuditEntry): void {
    const list = this.audits.get(entry.requestId) ?? [];
    // Same order as the adapter's sort key: the instant in UTC, then the order of writing.
    const at = Number.isNaN(Date.parse(entry.at)) ? entry.at : new Date(entry.at).toISOString();
    const sortKey = `AUDIT#${at}#${String(this.auditSequence++).padStart(20, '0')}`;
    list.push({ sortKey, item: toItem(entry) });
    this.audits.set(entry.requestId, list);
  }
}

/** Makes a fake fail: every call from now on, or only the next `times` calls. */
interface Failing {
  failWith(error: Error, times?: number): void;
}

class FailureSwitch {
  private error: Error | undefined;
  private remaining = Number.POSITIVE_INFINITY;

  set(error: Error, times = Number.POSITIVE_INFINITY): void {
    this.error = error;
    this.remaining = times;
  }

  /** Throws the configured error if this call should fail. */
  check(): void {
    if (!this.error || this.remaining <= 0) return;
    this.remaining -= 1;
    throw this.error;
  }
}

/**
 * A {@link Mailer} that records every mail it accepts; told to fail, it accepts nothing. Like the
 * real `RecordingMailer`, the first content recorded under a letter id is the only one it sends:
 * a later send under that id repeats the recorded letter if it did not go out, else sends nothing.
 */
export class FakeMailer implements Mailer, Failing {
  readonly sent: OutgoingMail[] = [];
  readonly attempts: OutgoingMail[] = [];
  /** Recorded letters by `requestId letterId`, with their message id once sent. */
  readonly letters = new Map<string, { mail: OutgoingMail; messageId?: string }>();
  private readonly failure = new FailureSwitch();

  failWith(error: Error, times?: number): void {
    this.failure.set(error, times);
  }

  async send(mail: OutgoingMail): Promise<{ readonly messageId: string }> {
    const key = `${mail.requestId} ${mail.letterId}`;
    if (!this.letters.has(key)) this.letters.set(key, { mail });
    return this.deliver(key);
  }

  async resend(requestId: string, letterId: string): Promise<{ readonly messageId: string } | undefined> {
    const key = `${requestId} ${letterId}`;
    return this.letters.has(key) ? this.deliver(key) : undefined;
  }

  private async deliver(key: string): Promise<{ readonly messageId: string }> {
    const letter = this.letters.get(key)!;
    if (letter.messageId) return { messageId: letter.messageId };
    this.attempts.push(letter.mail);
    this.failure.check();
    this.sent.push(letter.mail);
    letter.messageId = `fake-message-${this.sent.length}`;
    return { messageId: letter.messageId };
  }
}

/** A {@link WorkflowStarter} that records each start (the request id), failing when told to. */
export class FakeWorkflowStarter implements WorkflowStarter, Failing {
  readonly started: string[] = [];
  readonly attempts: string[] = [];
  private readonly failure = new FailureSwitch();

  failWith(error: Error, times?: number): void {
    this.failure.set(error, times);
  }

  async start(requestId: string): Promise<void> {
    this.attempts.push(requestId);
    this.failure.check();
    this.started.push(requestId);
  }
}

/** {@link TaskCallbacks} that record each delivered output with its token, failing when told to. */
export class FakeTaskCallbacks implements TaskCallbacks, Failing {
  readonly succeeded: { readonly taskToken: string; readonly output: unknown }[] = [];
  readonly failed: { readonly taskToken: string; readonly error: string; readonly cause: string }[] = [];
  readonly attempts: { readonly taskToken: string; readonly output: unknown }[] = [];
  private readonly failure = new FailureSwitch();

  failWith(error: Error, times?: number): void {
    this.failure.set(error, times);
  }

  async succeed(taskToken: string, output: unknown): Promise<void> {
    this.attempts.push({ taskToken, output });
    this.failure.check();
    this.succeeded.push({ taskToken, output });
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    this.failure.check();
    this.failed.push({ taskToken, error, cause });
  }
}
