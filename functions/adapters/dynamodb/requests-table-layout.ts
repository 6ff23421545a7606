import { queuePosition } from '../../domain/request/request-store.js';

/**
 * Key layout of the requests table, shared by the DynamoDB adapter, the CDK table construct and
 * the local runtime (which creates the table in DynamoDB Local from the same description).
 *
 * One table holds a request, its audit trail and its idempotency keys:
 * - request:     pk `REQUEST#<id>`        sk `REQUEST`
 * - audit entry: pk `REQUEST#<id>`        sk `AUDIT#<iso instant>#<seq>`
 * - idempotency: pk `IDEMPOTENCY#<sha256>` sk `IDEMPOTENCY` (expires through TTL)
 * - subject key: pk `SUBJECT#email:<lower-case address>` or `SUBJECT#customer:<customer id>`,
 *                sk `REQUEST#<id>`: one per address a request was made with and per customer it
 *                was verified as, so a person's earlier requests are found by key (never a scan)
 * Open requests carry `openPk = "OPEN"` and so appear in the sparse `open-requests` index,
 * which the re-drive and deadline jobs query instead of scanning. Every request item also carries
 * `registerPk = "REQUEST"` and so appears in the `all-requests` index, which the case register
 * and the dashboard read instead of scanning a table full of audit entries.
 * Open requests also carry `queuePk = "OPEN"` and `queueSk = queuePosition(request)`: the sparse
 * `open-queue` index holds the whole open request in the staff queue's order, so a queue page is
 * one query that reads the rows it shows (see `queueIndexKeys`). One index, not one per filter:
 * CloudFormation adds at most one index to an existing table per deployment.
 */
export const REQUESTS_TABLE_LAYOUT = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  openRequestsIndex: {
    name: 'open-requests',
    partitionKey: 'openPk',
    sortKey: 'receivedAt',
    /** Enough to list and triage open requests without reading each item. */
    nonKeyAttributes: ['id', 'status', 'dueDate', 'types', 'channel'],
  },
  allRequestsIndex: {
    name: 'all-requests',
    partitionKey: 'registerPk',
    sortKey: 'receivedAt',
  },
  /** Every open request, whole, in the queue's order (due date first): the queue's pages. */
  queueIndex: {
    name: 'open-queue',
    partitionKey: 'queuePk',
    sortKey: 'queueSk',
  },
} as const;

export const REGISTER_PARTITION = 'REQUEST';

export const OPEN_PARTITION = 'OPEN';
export const requestPk = (id: string): string => `REQUEST#${id}`;
export const REQUEST_SK = 'REQUEST';
export const AUDIT_SK_PREFIX = 'AUDIT#';
export const idempotencyPk = (keyHash: string): string => `IDEMPOTENCY#${keyHash}`;
export const IDEMPOTENCY_SK = 'IDEMPOTENCY';
export const subjectPk = (lookupKey: string): string => `SUBJECT#${lookupKey}`;

/** The attributes that put an open request in the queue indexes; all removed when it closes. */
export const QUEUE_INDEX_ATTRIBUTES = ['queuePk', 'queueSk'] as const;

/**
 * The queue index attributes of a request item while it is open (none once it is closed: the
 * indexes are sparse). Written with every change of status or due date, and by the backfill.
 */
export const queueIndexKeys = (request: {
  readonly id: string;
  readonly dueDate: string;
  readonly receivedAt: string;
}): Record<(typeof QUEUE_INDEX_ATTRIBUTES)[number], string> => ({
  queuePk: OPEN_PARTITION,
  queueSk: queuePosition(request),
});
