import type { OpenRequestSummary, RequestStore } from '../request/request-store.js';
import { parseQueueFilter, type QueueFilter, type QueueFilterInput } from './queue-filter.js';
import { matchesSearch, toRow, type QueueRow, type QueueView } from './queue-rows.js';
import { deadlineStanding, URGENCIES, type DeadlineStanding } from './urgency.js';

/** Cases per queue page: a screenful to pick from, and a page that stays small with any number open. */
export const QUEUE_PAGE_SIZE = 50;
/** Request items read per batch while a search fills a page (names and addresses are only on the item). */
const SEARCH_BATCH = 100;

/** One page of the queue, and where the next one starts. */
export interface QueuePage extends QueueView {
  /** Open cases passing the status, type and channel filter; absent with a search, which is not counted. */
  readonly total?: number;
  /** The position of the page's first row among `total` (1-based). */
  readonly firstPosition?: number;
  /** Opaque: the `after` of the next page; absent on the last page. */
  readonly nextCursor?: string;
  /** True when the page was asked for with a cursor (so it is not the first). */
  readonly continued: boolean;
  /** True when the `after` given could not be read; the first page was shown instead. */
  readonly cursorIgnored: boolean;
}

/** Where a case sorts: the queue's order (urgency, working days left, receipt, reference). */
type SortKey = readonly [rank: number, left: number, received: number, id: string];

const URGENCY_RANK = new Map(URGENCIES.map((urgency, index) => [urgency, index]));

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

/** The cursor is the last row's sort key: a page continues after it even if cases closed or arrived meanwhile. */
const encodeCursor = (key: SortKey): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

function decodeCursor(text: string | undefined): SortKey | undefined {
  if (text === undefined || text === '' || text.length > 400) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      Number.isFinite(value[0]) &&
      Number.isFinite(value[1]) &&
      Number.isFinite(value[2]) &&
      typeof value[3] === 'string'
    ) {
      return value as unknown as SortKey;
    }
  } catch {
    // not ours: the first page is shown and the page says so
  }
  return undefined;
}

function passes(summary: OpenRequestSummary, filter: QueueFilter): boolean {
  if (filter.status && summary.status !== filter.status) return false;
  if (filter.type && !summary.types.includes(filter.type)) return false;
  if (filter.channel && summary.channel !== filter.channel) return false;
  return true;
}

/**
 * One page of the staff queue, read through the open-requests index: the index's projection
 * (status, due date, receipt, types, channel) is enough to filter and sort every open case, so
 * only the page's own request items are read (in one batch), however many cases are open. `after`
 * is the cursor of the page before. A search (`q`) matches names and addresses, which only the
 * items hold: it reads items in batches, in queue order, until the page is full.
 */
export async function readQueuePage(
  store: Pick<RequestStore, 'listOpen' | 'getMany'>,
  today: string,
  input: QueueFilterInput & { readonly after?: string },
  pageSize: number = QUEUE_PAGE_SIZE,
): Promise<QueuePage> {
  const { filter, ignored } = parseQueueFilter(input);
  const cursor = decodeCursor(input.after);
  const cursorIgnored = input.after !== undefined && input.after !== '' && cursor === undefined;

  // Working days are counted once per due date, not once per case.
  const standings = new Map<string, DeadlineStanding>();
  const standing = (dueDate: string): DeadlineStanding => {
    let known = standings.get(dueDate);
    if (!known) standings.set(dueDate, (known = deadlineStanding(today, dueDate)));
    return known;
  };
  const sorted: { readonly id: string; readonly key: SortKey }[] = [];
  for await (const summary of store.listOpen()) {
    if (!passes(summary, filter)) continue;
    const { urgency, workingDaysLeft } = standing(summary.dueDate);
    sorted.push({ id: summary.id, key: [URGENCY_RANK.get(urgency) ?? URGENCIES.length, workingDaysLeft, Date.parse(summary.receivedAt), summary.id] });
  }
  sorted.sort((a, b) => compareKeys(a.key, b.key));
  const start = cursor === undefined ? 0 : sorted.findIndex((entry) => compareKeys(entry.key, cursor) > 0);
  const rest = start < 0 ? [] : sorted.slice(start);

  const rows: QueueRow[] = [];
  let lastTaken = -1;
  const batch = filter.q ? SEARCH_BATCH : pageSize;
  for (let from = 0; from < rest.length && rows.length < pageSize; from += batch) {
    const chunk = rest.slice(from, from + batch);
    const items = new Map((await store.getMany(chunk.map((entry) => entry.id))).map((request) => [request.id, request]));
    for (const [offset, entry] of chunk.entries()) {
      const request = items.get(entry.id);
      lastTaken = from + offset;
      // The index lags the item by a moment: a case closed since is left out.
      if (request === undefined || request.status === 'closed') continue;
      if (filter.q && !matchesSearch(request, filter.q)) continue;
      rows.push(toRow(request, today));
      if (rows.length === pageSize) break;
    }
  }
  const more = lastTaken >= 0 && lastTaken < rest.length - 1;
  return {
    rows,
    filter,
    ignored,
    ...(filter.q === undefined && { total: sorted.length, firstPosition: sorted.length - rest.length + 1 }),
    ...(more && { nextCursor: encodeCursor(rest[lastTaken]!.key) }),
    continued: cursor !== undefined,
    cursorIgnored,
  };
}
