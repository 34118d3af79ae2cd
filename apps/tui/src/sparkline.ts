import type { TimelineBucket } from "@corpus/schema";

const BARS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/**
 * One character per bucket, height proportional to its count, empty buckets as spaces so a gap
 * in the record is visible. Buckets are filled in between the first and the last year so the
 * line is a true time axis. When there are more buckets than `width`, neighbours are summed.
 */
export function sparkline(
  buckets: readonly TimelineBucket[],
  width: number,
): { line: string; from: string; to: string } | null {
  const years = buckets
    .map((bucket) => ({ year: Number.parseInt(bucket.bucket.slice(0, 4), 10), total: bucket.total }))
    .filter((entry) => Number.isFinite(entry.year));
  if (years.length === 0 || width <= 0) return null;
  const first = Math.min(...years.map((entry) => entry.year));
  const last = Math.max(...years.map((entry) => entry.year));
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const entry of years) counts[entry.year - first]! += entry.total;
  const perCharacter = Math.ceil(counts.length / width);
  const columns: number[] = [];
  for (let index = 0; index < counts.length; index += perCharacter) {
    columns.push(counts.slice(index, index + perCharacter).reduce((sum, count) => sum + count, 0));
  }
  const highest = Math.max(...columns);
  const line = columns
    .map((count) =>
      count === 0 ? " " : BARS[Math.min(BARS.length - 1, Math.floor((count / highest) * (BARS.length - 1)))],
    )
    .join("");
  return { line, from: String(first), to: String(last) };
}
