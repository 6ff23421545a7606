import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, nearestRankPercentile } from '../../../functions/domain/case-register/percentile.js';

describe('nearestRankPercentile', () => {
  it('returns null for no values', () => {
    expect(nearestRankPercentile([], 90)).toBeNull();
    expect(median([])).toBeNull();
  });

  it('returns the only value for a single value, whatever the percentile', () => {
    expect(nearestRankPercentile([7], 1)).toBe(7);
    expect(median([7])).toBe(7);
    expect(nearestRankPercentile([7], 90)).toBe(7);
    expect(nearestRankPercentile([7], 100)).toBe(7);
  });

  it('takes the value at rank ⌈p/100 · n⌉ of the sorted values', () => {
    const values = [15, 20, 35, 40, 50]; // Wikipedia's nearest-rank example

    expect(nearestRankPercentile(values, 5)).toBe(15);
    expect(nearestRankPercentile(values, 30)).toBe(20);
    expect(nearestRankPercentile(values, 40)).toBe(20);
    expect(nearestRankPercentile(values, 50)).toBe(35);
    expect(nearestRankPercentile(values, 100)).toBe(50);
  });

  it('returns the lower middle value as the median of an even count, never an average', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('returns the 9th of 10 values as the 90th percentile', () => {
    expect(nearestRankPercentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(9);
  });

  it('does not round the rank up past an exact integer (7 % of 100 values is rank 7)', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);

    expect(nearestRankPercentile(values, 7)).toBe(7);
  });

  it('leaves the input in its order', () => {
    const values = [3, 1, 2];

    median(values);

    expect(values).toEqual([3, 1, 2]);
  });

  it.each([0, -1, 101, Number.NaN])('throws RangeError for percentile %s', (p) => {
    expect(() => nearestRankPercentile([1, 2], p)).toThrow(RangeError);
  });

  it('throws RangeError for a value that is not a finite number', () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('nearestRankPercentile properties', () => {
  const days = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 200 });

  it('returns a median and a 90th percentile that are observed values between min and max, p90 ≥ median', () => {
    fc.assert(
      fc.property(days, (values) => {
        const m = median(values);
        const p90 = nearestRankPercentile(values, 90);
        expect(values).toContain(m);
        expect(values).toContain(p90);
        expect(m as number).toBeGreaterThanOrEqual(Math.min(...values));
        expect(p90 as number).toBeLessThanOrEqual(Math.max(...values));
        expect(p90 as number).toBeGreaterThanOrEqual(m as number);
      }),
    );
  });

  it('returns a value with at least p % of the values at or below it and more than 100 − p % at or above it', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 100 }), (values, p) => {
        const result = nearestRankPercentile(values, p) as number;
        const atOrBelow = values.filter((v) => v <= result).length;
        const below = values.filter((v) => v < result).length;
        expect(atOrBelow * 100).toBeGreaterThanOrEqual(p * values.length);
        expect(below * 100).toBeLessThan(p * values.length);
      }),
    );
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 100 }), (values, p) => {
        expect(nearestRankPercentile([...values].reverse(), p)).toBe(nearestRankPercentile(values, p));
      }),
    );
  });
});
