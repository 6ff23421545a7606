/**
 * Nearest-rank percentile: sort the values and take the one at rank ⌈p/100 · n⌉ (1-based). The
 * result is always one of the observed values — "90 % of cases closed within 27 days" is then
 * literally true of the cases — and there is no interpolation to explain. The median is the 50th
 * percentile by the same method, so for an even count it is the lower of the two middle values.
 * `null` for no values: a dashboard must show "no data", not 0 days.
 *
 * @example
 * nearestRankPercentile([1, 2, 3, 4], 50); // 2
 * nearestRankPercentile([1, 2, 3, 4], 90); // 4
 * @throws {RangeError} when `p` is not in (0, 100] or a value is not a finite number
 */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (values.some((value) => !Number.isFinite(value))) throw new RangeError('percentile of a non-finite value');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p · n first: for whole p it is exact, where (p / 100) · n can land a hair above an integer.
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[rank - 1] ?? null;
}

/** The median by the nearest-rank method (see {@link nearestRankPercentile}). */
export const median = (values: readonly number[]): number | null => nearestRankPercentile(values, 50);
