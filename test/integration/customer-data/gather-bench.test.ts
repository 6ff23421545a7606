import { describe, expect, it } from 'vitest';
import { gatherFlatness } from '../../../bench/gather-bench.js';
import { startCustomerDataTables, stopCustomerDataTables } from './dynamodb-local-fixture.js';

describe('gatherFlatness', () => {
  it('fills the access log to each size and reports one gather time per size', async () => {
    const fixture = await startCustomerDataTables({ customers: 'gb-customers', billing: 'gb-billing', accessLog: 'gb-access-log' });
    try {
      const points = await gatherFlatness(fixture.client, fixture.tableNames, [1_000, 4_000], { targetEvents: 400, runs: 3 });

      expect(points.map(({ totalEvents, customerEvents, filledEvents }) => ({ totalEvents, customerEvents, filledEvents }))).toEqual([
        { totalEvents: 1_000, customerEvents: 400, filledEvents: 600 },
        { totalEvents: 4_000, customerEvents: 400, filledEvents: 3_000 },
      ]);
      expect(points.every((point) => point.millis > 0 && point.fillEventsPerSecond > 0)).toBe(true);
      await expect(gatherFlatness(fixture.client, fixture.tableNames, [100], { targetEvents: 400 })).rejects.toThrow(RangeError);
    } finally {
      await stopCustomerDataTables(fixture);
    }
  });
});
