import { mergeSpans, type Span } from "@corpus/schema";

export interface TextSegment {
  text: string;
  highlighted: boolean;
  /** Offset of the segment's first character in the whole text. */
  start: number;
}

/**
 * Cuts a text into runs, marking the characters covered by any of `spans`. Spans may overlap,
 * arrive in any order, or reach past the end of the text (a stale source): they are merged and
 * clipped, never trusted.
 */
export function segmentText(text: string, spans: readonly Span[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const span of mergeSpans(spans, text)) {
    if (span.start > position)
      segments.push({ text: text.slice(position, span.start), highlighted: false, start: position });
    segments.push({ text: text.slice(span.start, span.end), highlighted: true, start: span.start });
    position = span.end;
  }
  if (position < text.length)
    segments.push({ text: text.slice(position), highlighted: false, start: position });
  return segments;
}
