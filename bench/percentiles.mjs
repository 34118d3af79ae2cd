// p50 / p99 / max of a list of milliseconds, rounded to hundredths: how the API benchmark and its
// concurrency floor report latencies, so the two can be read side by side.
const round = (value) => Math.round(value * 100) / 100;

export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]) };
}
