import type { Logger } from '../../platform/logger.js';
import { RequestNotFoundError } from './request-errors.js';
import type { AuditEntry, RightsRequest } from './rights-request.js';
import type { Channel, RequestType, Status } from './request-vocabulary.js';

/**
 * An open request as the open-requests index holds it: enough to sort, filter and page the staff
 * queue without reading the request item.
 */
export interface OpenRequestSummary {
  readonly id: string;
  readonly status: Status;
  readonly receivedAt: string;
  readonly dueDate: string;
  readonly types: readonly RequestType[];
  readonly channel: Channel;
}

/**
 * A request's place in the staff queue, as the queue indexes sort it: due date first (so overdue
 * cases come first and the working days left rise down the list), then the receipt instant in UTC
 * (receipts written with different offsets compare as moments), then the reference, which makes
 * the order total and stable between two loads of the same data.
 */
export const queuePosition = (request: { readonly id: string; readonly dueDate: string; readonly receivedAt: string }): string =>
  `${request.dueDate}#${new Date(request.receivedAt).toISOString()}#${request.id}`;

/** The shape of every {@link queuePosition}: what a queue cursor must decode to. */
export const QUEUE_POSITION_PATTERN = /^\d{4}-\d{2}-\d{2}#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9-]{1,64}$/;

/** What {@link RequestStore.readQueue} reads: a stretch of the open requests in the queue's order. */
export interface QueueRead {
  /** Start after this {@link queuePosition} (the last one of the page before). */
  readonly after?: string;
  /** At most this many requests passing `keep`. */
  readonly limit: number;
  /** Read at most this many open requests, whether they pass `keep` or not. */
  readonly readBudget: number;
  /** Which of the requests read to return (all when absent). */
  readonly keep?: (request: RightsRequest) => boolean;
}

/** The answer to a {@link QueueRead}. */
export interface QueueStretch {
  /** The requests kept, in queue order. */
  readonly requests: RightsRequest[];
  /** The {@link queuePosition} of the last request looked at, when more open requests follow it. */
  readonly next?: string;
  /** How many open requests were read. */
  readonly read: number;
}

/** A filter on what the open-requests index holds of each open request. */
export interface OpenRequestFilter {
  readonly status?: Status;
  readonly type?: RequestType;
  readonly channel?: Channel;
}

/** The answer of {@link RequestStore.countOpen}. */
export interface OpenRequestCount {
  /** Matches among the open requests looked at. */
  readonly count: number;
  /** True when every open request was looked at, so `count` is the number of matches. */
  readonly complete: boolean;
}

/** Binds an `Idempotency-Key` to the request it created, for a limited time. */
export interface IdempotencyRecord {
  readonly keyHash: string;
  readonly bodyHash: string;
  /** Epoch seconds after which the key may be forgotten. */
  readonly expiresAt: number;
}

export type CreateResult =
  | { readonly created: true }
  | { readonly created: false; readonly existingRequestId: string; readonly bodyHash: string };

/**
 * A change of a stored request, applied atomically with its audit entry and only if the request
 * is still at `expectedVersion` (optimistic concurrency: a loser gets `ConcurrentChangeError`).
 */
export interface RequestChange {
  readonly expectedVersion: number;
  readonly set: Partial<Omit<RightsRequest, 'id' | 'version'>> & { readonly taskToken?: string };
  readonly remove?: readonly ('taskToken' | 'decision' | 'extension')[];
  readonly audit: AuditEntry;
}

/** Where requests and their audit trails live. The DynamoDB adapter implements it. */
export interface RequestStore {
  /** Writes a new request with its first audit entry; with `idempotency`, at most once per key. */
  create(request: RightsRequest, audit: AuditEntry, idempotency?: IdempotencyRecord): Promise<CreateResult>;
  get(id: string): Promise<RightsRequest | undefined>;
  /** The callback token of the workflow step waiting on this request, if any. */
  taskToken(id: string): Promise<string | undefined>;
  apply(id: string, change: RequestChange): Promise<RightsRequest>;
  auditTrail(id: string): Promise<AuditEntry[]>;
  /**
   * Adds an audit entry that changes nothing else (a staff note, a deadline warning sent), without
   * touching the request's version, so it never makes a running workflow step lose its write.
   */
  appendAudit(id: string, entry: AuditEntry): Promise<void>;
  /** The requests with these ids that exist, in the order given (batched key reads). */
  getMany(ids: readonly string[]): Promise<RightsRequest[]>;
  /**
   * Every request ever stored, open and closed, for the case register and the dashboard (a
   * paginated read of request items only; never used on a request's own path).
   */
  listAll(): AsyncIterable<RightsRequest>;
  /**
   * Open requests in the staff queue's order (`queuePosition`), read from a sparse index that
   * holds only open requests, whole, so a page reads its own rows and stops (never a scan, never
   * every open request to show fifty).
   */
  readQueue(read: QueueRead): Promise<QueueStretch>;
  /**
   * How many open requests match, from the narrow open-requests index (items never read), looking
   * at no more than `readLimit` index entries: `complete` is false when it stopped there.
   */
  countOpen(filter: OpenRequestFilter, readLimit: number): Promise<OpenRequestCount>;
  /** Requests not yet closed, oldest first, read from an index (never a table scan). */
  listOpen(): AsyncIterable<OpenRequestSummary>;
  /**
   * The ids of every request made with one of these e-mail addresses (case-insensitive) or
   * verified as one of these customers, read by lookup key (never a scan). Used to put a person's
   * earlier requests in their copy (Art. 15(3)).
   */
  requestIdsBySubject(subject: SubjectKeys): Promise<string[]>;
}

/** The identifiers a person's requests are found by. */
export interface SubjectKeys {
  readonly emails: readonly string[];
  readonly customerIds: readonly string[];
}

/** The lookup key of a request's subject; one per e-mail address and per verified customer. */
export const subjectLookupKeys = (subject: SubjectKeys): string[] => [
  ...new Set([
    ...subject.emails.map((email) => `email:${email.trim().toLowerCase()}`),
    ...subject.customerIds.map((id) => `customer:${id}`),
  ]),
];

/** What a step needs to read and change a request: the store, the clock and the logger. */
export interface StoreDeps {
  readonly store: RequestStore;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** The stored request, or `RequestNotFoundError`. */
export async function loadRequest(store: Pick<RequestStore, 'get'>, id: string): Promise<RightsRequest> {
  const request = await store.get(id);
  if (!request) throw new RequestNotFoundError(id);
  return request;
}
