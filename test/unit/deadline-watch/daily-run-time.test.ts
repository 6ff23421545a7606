import { describe, expect, it } from 'vitest';
import { nextDailyRunAt } from '../../../functions/domain/deadline-watch/daily-run-time.js';

describe('nextDailyRunAt', () => {
  it('is 07:00 Oslo today when that is still ahead (winter: 06:00 UTC)', () => {
    expect(nextDailyRunAt(new Date('2026-12-01T05:59:00Z')).toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });

  it('is 07:00 Oslo tomorrow at or after today’s run', () => {
    expect(nextDailyRunAt(new Date('2026-12-01T06:00:00Z')).toISOString()).toBe('2026-12-02T06:00:00.000Z');
  });

  it('follows summer time (05:00 UTC) and the spring change', () => {
    expect(nextDailyRunAt(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-02T05:00:00.000Z');
    // Clocks go forward in the night to Sun 29 Mar 2026: Saturday's run was 06:00 UTC, Sunday's 05:00 UTC.
    expect(nextDailyRunAt(new Date('2026-03-28T06:00:00Z')).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });

  it('takes the Oslo date, not the UTC one, just after midnight', () => {
    // 00:30 in Oslo on 2 December is still 1 December in UTC.
    expect(nextDailyRunAt(new Date('2026-12-01T23:30:00Z')).toISOString()).toBe('2026-12-02T06:00:00.000Z');
  });

  it('refuses an hour that is not on the clock', () => {
    expect(() => nextDailyRunAt(new Date(), 24)).toThrow(RangeError);
  });
});
