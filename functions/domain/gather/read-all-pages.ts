import type { Page } from '../customer-data/customer-records.js';

/** A store handed back a cursor it had already given: following it would never end. */
export class PaginationLoopError extends Error {
  override readonly name = 'PaginationLoopError';
  constructor() {
    super('a paginated read returned a cursor it had already returned');
  }
}

/**
 * Every item of a paginated read, following `next` cursors until a page has none. An access
 * request must cover everything held, so no page may be left behind.
 */
export async function readAllPages<T>(read: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.next || undefined;
    if (cursor !== undefined) {
      if (seen.has(cursor)) throw new PaginationLoopError();
      seen.add(cursor);
    }
  } while (cursor !== undefined);
  return items;
}
