import { describeFieldPath, fieldValueAtPath, mergeSpans, type Span } from "@corpus/schema";

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

const NAME_LENGTH = 40;

/**
 * A field's name on the source page, with the person (organization, region...) it belongs to:
 * "People 4 (Frank Aum), title" tells a reader which link marks Frank Aum's title, where
 * "People 4, title" makes them open each in turn. Without the record, or for a field that is not
 * part of a list, the plain name.
 */
export function describeFieldOfRecord(path: string, record: unknown): string {
  const described = describeFieldPath(path);
  const item = /^[A-Za-z]+\[\d+\]/.exec(path)?.[0];
  if (!item || record === undefined || record === null) return described;
  const name = fieldValueAtPath(record, item)?.replace(/\s+/g, " ").trim();
  // An item without a name of its own comes back as JSON: the plain name says more.
  if (!name || name.startsWith("{") || name.startsWith("[")) return described;
  // Cut at a word's end: one more character than fits shows whether the last word is whole.
  const short =
    name.length > NAME_LENGTH ? `${name.slice(0, NAME_LENGTH + 1).replace(/\s+\S*$/, "")}…` : name;
  const head = describeFieldPath(item);
  return `${head} (${short})${described.slice(head.length)}`;
}
