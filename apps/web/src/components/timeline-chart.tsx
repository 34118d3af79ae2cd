import type { TimelineBucket } from "@corpus/schema";
import Link from "next/link";
import { formatBucket, kindLabels, plural } from "@/lib/format";
import { axisLabel, LABEL_MARGIN, labelAnchor, layoutTimeline, withEmptyBuckets } from "@/lib/timeline";

const kindNames: Record<string, [string, string]> = {
  event: ["event", "events"],
  publication: ["publication", "publications"],
  issue: ["issue", "issues"],
  stub: ["document not in the library yet", "documents not in the library yet"],
};

/** "1 event", "2 publications": the words a bar's label reads out. */
export function kindCount(kind: string, count: number): string {
  const fallback = (kindLabels[kind] ?? kind).toLowerCase();
  const [one, many] = kindNames[kind] ?? [fallback, fallback];
  return plural(count, one, many);
}

/**
 * Documents per bucket, stacked by kind, drawn on the server as SVG. Each bar is a link that
 * narrows the search to its year or month, so it works with keyboard and without JavaScript.
 */
export function TimelineChart({
  buckets,
  hrefFor,
  title = "Documents over time",
  height = 150,
}: {
  buckets: readonly TimelineBucket[];
  /** Where clicking a bar goes; omit for a chart without links. */
  hrefFor?: (bucket: string) => string;
  title?: string;
  height?: number;
}) {
  if (buckets.length === 0) return <p className="muted small">No dated documents to chart.</p>;
  const layout = layoutTimeline(withEmptyBuckets(buckets), 720, height);
  // Room under the axis for a year or month: enough for the larger text a phone draws (see
  // globals.css), hung from the axis so that it never reaches up into the bars.
  const labelHeight = 28;
  return (
    <figure className="timeline" style={{ margin: 0 }}>
      <figcaption className="visually-hidden">{title}</figcaption>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG of links is a group; there is no HTML element for it */}
      <svg
        className="chart"
        viewBox={`${-LABEL_MARGIN} 0 ${layout.width + 2 * LABEL_MARGIN} ${layout.height + labelHeight}`}
        role="group"
        aria-label={`${title}: ${layout.bars.length} ${layout.bars.length === 1 ? "period" : "periods"}, at most ${layout.maximum} documents in one`}
      >
        <line className="axis" x1={0} x2={layout.width} y1={layout.height + 0.5} y2={layout.height + 0.5} />
        {layout.bars.map((bar) => {
          const label =
            bar.total === 0
              ? `${formatBucket(bar.bucket)}: no documents`
              : `${formatBucket(bar.bucket)}: ${plural(bar.total, "document")} (${bar.segments
                  .map((segment) => kindCount(segment.kind, segment.count))
                  .join(", ")})`;
          const axisText = axisLabel(bar.bucket, layout);
          const shapes = (
            <>
              <title>{label}</title>
              {/* a transparent full-height target makes short bars easy to hit */}
              <rect x={bar.x} y={0} width={bar.width} height={layout.height} fill="transparent" />
              {bar.segments.map((segment) => (
                <rect
                  key={segment.kind}
                  className={`fill-${segment.kind}`}
                  x={bar.x}
                  y={segment.y}
                  width={bar.width}
                  height={Math.max(segment.height, 0.5)}
                />
              ))}
              {layout.labelled.has(bar.bucket) ? (
                <text
                  y={layout.height + 2}
                  dominantBaseline="text-before-edge"
                  {...labelAnchor(bar, axisText, layout.width)}
                  className={layout.minorLabels.has(bar.bucket) ? "minor-label" : undefined}
                >
                  {axisText}
                </text>
              ) : null}
            </>
          );
          // An empty period leads nowhere worth going: it is drawn, not linked.
          return hrefFor && bar.total > 0 ? (
            <Link key={bar.bucket} href={hrefFor(bar.bucket)} aria-label={`${label}. Show only these`}>
              {shapes}
            </Link>
          ) : (
            <g key={bar.bucket}>{shapes}</g>
          );
        })}
      </svg>
      <ul className="legend" aria-label="Kinds">
        {layout.kinds.map((kind) => (
          <li key={kind}>
            <span className={`swatch fill-${kind}`} aria-hidden="true" />
            {kindLabels[kind] ?? kind}
          </li>
        ))}
      </ul>
    </figure>
  );
}
