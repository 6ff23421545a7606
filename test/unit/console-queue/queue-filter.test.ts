import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseQueueFilter } from '../../../functions/domain/console-queue/queue-filter.js';

describe('parseQueueFilter', () => {
  it('keeps values from the vocabularies and the trimmed search', () => {
    expect(parseQueueFilter({ status: 'awaiting_approval', type: 'erasure', channel: 'email', q: '  kari ' })).toEqual({
      filter: { status: 'awaiting_approval', type: 'erasure', channel: 'email', q: 'kari' },
      ignored: [],
    });
  });

  it('ignores and reports unknown values instead of failing', () => {
    const parsed = parseQueueFilter({ status: 'done', type: 'ERASURE', channel: 'fax' });
    expect(parsed.filter).toEqual({});
    expect(parsed.ignored).toEqual([
      { field: 'status', value: 'done' },
      { field: 'type', value: 'ERASURE' },
      { field: 'channel', value: 'fax' },
    ]);
  });

  it('treats empty values as no filter, without reporting them', () => {
    expect(parseQueueFilter({ status: '', type: ' ', channel: undefined, q: '   ' })).toEqual({ filter: {}, ignored: [] });
  });

  it('cuts an overlong search', () => {
    expect(parseQueueFilter({ q: 'x'.repeat(1000) }).filter.q).toHaveLength(MAX_QUERY_LENGTH);
  });
});
