import { REQUEST_ID_PATTERN } from '../request/request-id.js';
import { QUEUE_POSITION_PATTERN, queuePosition, type RequestStore } from '../request/request-store.js';
import { isOpenStatus } from '../lifecycle/request-lifecycle.js';
import type { RightsRequest } from '../request/rights-request.js';
import { parseQueueFilter, type QueueFilter, type QueueFilterInput } from './queue-filter.js';
import { matchesSearch, toRow, type QueueView } from './queue-rows.js';

/** Cases per queue page: a screenful to pick from, and a page that stays small with any number open. */
export const QUEUE_PAGE_SIZE = 50;
/**
 * Open cases a page filtered by status, type or channel, or searched by part of a name, reads at most
 * before it shows what it found: the page's cost stays bounded with any number open, and the next
 * page goes on from there.
 */
export const QUEUE_READ_BUDGET = 1000;
/**
 * Open-requests index entries the count above the list looks at, at most: the count is exact up
 * to here, and «over 2 000» beyond, so a page never reads every open case to count them.
 */
export const QUEUE_COUNT_LIMIT = 2000;

/** One page of the queue, and where the next one starts. */
export interface QueuePage extends QueueView {
  /**
   * Open cases passing the status, type and channel filter, when counted in full (at most
   * {@link QUEUE_COUNT_LIMIT} open cases); absent with a search, which is not counted.
   */
  readonly total?: number;
  /** Set instead of `total` when more than this many cases are open and no filter narrows them. */
  readonly totalOver?: number;
  /** The position of the page's first row in the queue (1-based); absent with a search. */
  readonly firstPosition?: number;
  /** Opaque: the `after` of the next page; absent on the last page. */
  readonly nextCursor?: string;
  /** True when the page was asked for with a cursor (so it is not the first). */
  readonly continued: boolean;
  /**
   * Set when the page stopped at {@link QUEUE_READ_BUDGET} before it was full: how many open cases
   * it looked through. The next page goes on from there.
   */
  readonly lookedThrough?: number;
  /** How the search found its hits: by reference or whole e-mail address (by key), or by reading the queue. */
  readonly searchedBy?: 'reference' | 'email' | 'queue';
}

/** A queue cursor that is not one this page made: the request is refused (400), never guessed at. */
export class InvalidQueueCursorError extends Error {
  constructor() {
    super('invalid queue cursor');
    this.name = 'InvalidQueueCursorError';
  }
}

/** Where a page ends: the last case looked at, and how many rows came before the next page. */
interface Cursor {
  readonly position: string;
  readonly shown: number;
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify([cursor.position, cursor.shown]), 'utf8').toString('base64url');

function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined || text === '') return undefined;
  if (text.length > 300 || !/^[\w-]+$/.test(text)) throw new InvalidQueueCursorError();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidQueueCursorError();
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    !QUEUE_POSITION_PATTERN.test(value[0]) ||
    !Number.isSafeInteger(value[1]) ||
    value[1] < 0
  ) {
    throw new InvalidQueueCursorError();
  }
  return { position: value[0], shown: value[1] };
}

const passes = (request: RightsRequest, filter: QueueFilter): boolean =>
  isOpenStatus(request.status) &&
  (!filter.status || request.status === filter.status) &&
  (!filter.type || request.types.includes(filter.type)) &&
  (!filter.channel || request.channel === filter.channel);

/** A whole e-mail address: found by its lookup key, not by reading the queue. */
const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The hits of a search for a whole reference or e-mail address, read by key (the reference is
 * the item's key; an address has a lookup key per request made with it), in queue order.
 */
async function searchByKey(
  store: Pick<RequestStore, 'get' | 'getMany' | 'requestIdsBySubject'>,
  filter: QueueFilter & { readonly q: string },
): Promise<{ requests: RightsRequest[]; by: 'reference' | 'email' } | undefined> {
  const reference = filter.q.toUpperCase();
  let found: { requests: (RightsRequest | undefined)[]; by: 'reference' | 'email' } | undefined;
  if (REQUEST_ID_PATTERN.test(reference)) found = { requests: [await store.get(reference)], by: 'reference' };
  else if (WHOLE_EMAIL.test(filter.q)) found = { requests: await store.getMany(await store.requestIdsBySubject({ emails: [filter.q], customerIds: [] })), by: 'email' };
  if (!found) return undefined;
  const requests = found.requests
    .filter((request): request is RightsRequest => request !== undefined && passes(request, filter) && matchesSearch(request, filter.q))
    .sort((a, b) => (queuePosition(a) < queuePosition(b) ? -1 : 1));
  return { requests, by: found.by };
}

/**
 * One page of the staff queue, read from the sparse queue indexes, which hold the open cases whole
 * in the queue's order (due date, receipt, reference): the page reads its own fifty rows and the
 * one after them, however many cases are open. A status, type or channel filter, and a search by
 * part of a name, address or reference, read on in queue order until the page is full, but never
 * more than {@link QUEUE_READ_BUDGET} cases per page (the page then says so and offers to go on). A whole reference or e-mail address is found by key (an address no open case has a key for is then
 * looked for in the queue, in case it is on a case written before the lookup keys existed).
 * The count above the list comes from the narrow open-requests index (no items read), exact up to
 * {@link QUEUE_COUNT_LIMIT} open cases. `after` is
 * the cursor of the page before; one this page did not make throws {@link InvalidQueueCursorError}.
 */
export async function readQueuePage(
  store: Pick<RequestStore, 'readQueue' | 'countOpen' | 'get' | 'getMany' | 'requestIdsBySubject'>,
  today: string,
  input: QueueFilterInput & { readonly after?: string },
  pageSize: number = QUEUE_PAGE_SIZE,
): Promise<QueuePage> {
  const { filter, ignored } = parseQueueFilter(input);
  const cursor = decodeCursor(input.after);
  const continued = cursor !== undefined;
  const { q } = filter;

  if (q !== undefined && !continued) {
    const byKey = await searchByKey(store, { ...filter, q });
    // An address with no lookup key on an open case may still be on one written before the keys were.
    if (byKey && (byKey.by === 'reference' || byKey.requests.length > 0)) return { rows: byKey.requests.map((request) => toRow(request, today)), filter, ignored, continued, searchedBy: byKey.by };
  }
  const narrowed = filter.status !== undefined || filter.type !== undefined || filter.channel !== undefined || q !== undefined;
  const [stretch, total] = await Promise.all([
    store.readQueue({
      ...(cursor && { after: cursor.position }),
      limit: pageSize,
      readBudget: narrowed ? Math.max(QUEUE_READ_BUDGET, pageSize) : pageSize,
      ...(narrowed && { keep: (request: RightsRequest) => passes(request, filter) && (q === undefined || matchesSearch(request, q)) }),
    }),
    q === undefined ? store.countOpen(filter, QUEUE_COUNT_LIMIT) : undefined,
  ]);
  const filtered = filter.status !== undefined || filter.type !== undefined || filter.channel !== undefined;
  const shownBefore = cursor?.shown ?? 0;
  const rows = stretch.requests.map((request) => toRow(request, today));
  return {
    rows,
    filter,
    ignored,
    ...(q === undefined && { firstPosition: shownBefore + 1 }),
    ...(total?.complete === true && { total: total.count }),
    ...(total?.complete === false && !filtered && { totalOver: QUEUE_COUNT_LIMIT }),
    ...(stretch.next !== undefined && { nextCursor: encodeCursor({ position: stretch.next, shown: shownBefore + rows.length }) }),
    continued,
    ...(stretch.next !== undefined && rows.length < pageSize && { lookedThrough: stretch.read }),
    ...(q !== undefined && { searchedBy: 'queue' as const }),
  };
}
