import { describe, expect, it } from 'vitest';
import { PaginationLoopError, readAllPages } from '../../../functions/domain/gather/read-all-pages.js';

describe('readAllPages', () => {
  it('returns the items of every page in order, following cursors until a page has none', async () => {
    const pages: Record<string, { items: number[]; next?: string }> = {
      start: { items: [1, 2], next: 'b' },
      b: { items: [], next: 'c' },
      c: { items: [3] },
    };
    const cursors: (string | undefined)[] = [];

    const items = await readAllPages(async (cursor) => {
      cursors.push(cursor);
      return pages[cursor ?? 'start'] ?? { items: [] };
    });

    expect(items).toEqual([1, 2, 3]);
    expect(cursors).toEqual([undefined, 'b', 'c']);
  });

  it('throws PaginationLoopError when a store hands back a cursor it already gave', async () => {
    await expect(readAllPages(async () => ({ items: [1], next: 'same' }))).rejects.toBeInstanceOf(PaginationLoopError);
  });
});
