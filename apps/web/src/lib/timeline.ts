import type { TimelineBucket } from "@corpus/schema";
import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";

export const timelineKinds = ["event", "publication", "issue", "stub"] as const;

export interface TimelineBar {
  bucket: string;
  total: number;
  x: number;
  width: number;
  segments: { kind: string; count: number; y: number; height: number }[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  bars: TimelineBar[];
  maximum: number;
  /** Buckets labelled on the axis: all when few, every nth when many. */
  labelled: Set<string>;
  /** Every other labelled bucket when there are more than six labels: hidden on narrow screens. */
  minorLabels: Set<string>;
  kinds: string[];
}

/**
 * Lays out one bar per bucket, stacked by document kind, in a fixed viewBox the SVG scales.
 * Buckets come sorted from the API; empty buckets between them are not invented.
 */
export function layoutTimeline(
  buckets: readonly TimelineBucket[],
  width = 720,
  height = 180,
): TimelineLayout {
  const kinds = [
    ...timelineKinds.filter((kind) => buckets.some((bucket) => (bucket.byKind[kind] ?? 0) > 0)),
    ...[...new Set(buckets.flatMap((bucket) => Object.keys(bucket.byKind)))].filter(
      (kind) => !(timelineKinds as readonly string[]).includes(kind),
    ),
  ];
  const maximum = Math.max(1, ...buckets.map((bucket) => bucket.total));
  const x = scaleBand<string>()
    .domain(buckets.map((bucket) => bucket.bucket))
    .range([0, width])
    .paddingInner(0.15)
    .paddingOuter(0.05);
  const y = scaleLinear().domain([0, maximum]).range([height, 0]);
  const series = stack<TimelineBucket, string>()
    .keys(kinds)
    .value((bucket, kind) => bucket.byKind[kind] ?? 0)([...buckets]);
  const bars = buckets.map((bucket, index) => ({
    bucket: bucket.bucket,
    total: bucket.total,
    x: x(bucket.bucket) ?? 0,
    width: x.bandwidth(),
    segments: series
      .map((layer) => {
        const [low, high] = layer[index] ?? [0, 0];
        return { kind: layer.key, count: high - low, y: y(high), height: y(low) - y(high) };
      })
      .filter((segment) => segment.count > 0),
  }));
  const step = Math.max(1, Math.ceil(buckets.length / 12));
  const labelledBuckets = buckets.filter((_, index) => index % step === 0).map((bucket) => bucket.bucket);
  const labelled = new Set(labelledBuckets);
  const minorLabels = new Set(
    labelledBuckets.length > 6 ? labelledBuckets.filter((_, index) => index % 2 === 1) : [],
  );
  return { width, height, bars, maximum, labelled, minorLabels, kinds };
}

/** Month buckets when the search spans a few years at most, else years. */
export function chooseBucket(from: string | undefined, to: string | undefined): "month" | "year" {
  if (!from || !to) return "year";
  const span = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return span <= 2 ? "month" : "year";
}
