// The few summary numbers the reports show: one-decimal rounding, mean and median.

/** Rounds to one decimal, the precision every report shows (never -0). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10 || 0;
}

/** round1, keeping null. */
export function round1OrNull(value: number | null): number | null {
  return value === null ? null : round1(value);
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) return null; // no values
  const lower = sorted[middle - 1];
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}
