import type { TimelineBucket } from "@corpus/schema";
import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import { formatBucket } from "./format";

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

/** More periods than this are drawn as the API sends them, without the empty ones between. */
const MAX_FILLED_BUCKETS = 240;

function nextBucket(bucket: string): string {
  if (bucket.length === 4) return String(Number(bucket) + 1);
  const [year, month] = bucket.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

/**
 * The API sends only the periods that hold documents. On an axis of equal steps, "Nov 2020"
 * would then stand as far from "Nov 2021" as from the month before it: the periods between are
 * added as empty buckets (the library holds no document from them, which is a count, not an
 * invention), so the axis reads as time. Buckets that are not all years or all months, or that
 * would make too many bars, are returned as they came.
 */
export function withEmptyBuckets(
  buckets: readonly TimelineBucket[],
  maxBuckets = MAX_FILLED_BUCKETS,
): TimelineBucket[] {
  const shape = buckets[0]?.bucket.length === 4 ? /^\d{4}$/ : /^\d{4}-(0[1-9]|1[0-2])$/;
  if (buckets.length < 2 || !buckets.every((bucket) => shape.test(bucket.bucket))) return [...buckets];
  const byName = new Map(buckets.map((bucket) => [bucket.bucket, bucket]));
  const sorted = [...byName.keys()].sort();
  const last = sorted.at(-1) as string;
  const filled: TimelineBucket[] = [];
  for (let bucket = sorted[0] as string; bucket <= last; bucket = nextBucket(bucket)) {
    if (filled.length >= maxBuckets) return [...buckets];
    filled.push(byName.get(bucket) ?? { bucket, total: 0, byKind: {} });
  }
  return filled;
}

/**
 * Lays out one bar per bucket, stacked by document kind, in a fixed viewBox the SVG scales.
 * Buckets come sorted from the API (see withEmptyBuckets for the periods between them).
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
  const labelledBuckets = axisBuckets(buckets.map((bucket) => bucket.bucket));
  const labelled = new Set(labelledBuckets);
  const minorLabels = new Set(
    labelledBuckets.length > 6 ? labelledBuckets.filter((_, index) => index % 2 === 1) : [],
  );
  return { width, height, bars, maximum, labelled, minorLabels, kinds };
}

/** How far the chart's viewBox reaches past the first and last bar, for their labels. */
export const LABEL_MARGIN = 18;
/** The largest size the axis text is drawn at (a phone's, see globals.css), in viewBox units. */
const LARGEST_LABEL_SIZE = 22;

/**
 * Where an axis label sits: centred under its bar, unless that would push it out of the chart
 * at either end (the SVG clips it: "Aug 2017" read "ug 2017" on a phone); there it starts at the
 * bar's left edge, or ends at the right edge of the last one. The width is an estimate, about
 * 0.65 em per character (the width of DejaVu Sans's digits) at the largest size the text is drawn at.
 */
export function labelAnchor(
  bar: Pick<TimelineBar, "x" | "width">,
  label: string,
  width: number,
): { x: number; textAnchor: "start" | "middle" | "end" } {
  const centre = bar.x + bar.width / 2;
  const half = (label.length * LARGEST_LABEL_SIZE * 0.65) / 2;
  if (centre - half < -LABEL_MARGIN) return { x: bar.x, textAnchor: "start" };
  if (centre + half > width + LABEL_MARGIN) return { x: bar.x + bar.width, textAnchor: "end" };
  return { x: centre, textAnchor: "middle" };
}

/** More months than this are labelled by their years. */
const MONTHS_LABELLED_AS_MONTHS = 24;

/**
 * The buckets named on the axis: at most about twelve, evenly spaced. Months over more than two
 * years are named at each January, by the year alone (see axisLabel): "Aug 2017", "Apr 2018"...
 * at every eighth month would crowd each other and fall on no boundary a reader counts by.
 */
function axisBuckets(names: readonly string[]): string[] {
  if (names.length > MONTHS_LABELLED_AS_MONTHS && names.every((name) => name.length === 7)) {
    const januaries = names.filter((name) => name.endsWith("-01"));
    const step = Math.max(1, Math.ceil(januaries.length / 12));
    return januaries.filter((_, index) => index % step === 0);
  }
  const step = Math.max(1, Math.ceil(names.length / 12));
  return names.filter((_, index) => index % step === 0);
}

/** What the axis says under a labelled bucket: "2021", "Apr 2021", or "2021" for a January among many months. */
export function axisLabel(bucket: string, layout: Pick<TimelineLayout, "bars">): string {
  if (bucket.length === 4) return bucket;
  return layout.bars.length > MONTHS_LABELLED_AS_MONTHS && bucket.endsWith("-01")
    ? bucket.slice(0, 4)
    : formatBucket(bucket);
}

/** Month buckets when the search spans a few years at most, else years. */
export function chooseBucket(from: string | undefined, to: string | undefined): "month" | "year" {
  if (!from || !to) return "year";
  const span = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return span <= 2 ? "month" : "year";
}
