import type { Span } from "@corpus/schema";

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
  const clipped = spans
    .map((span) => ({
      start: Math.max(0, Math.min(span.start, text.length)),
      end: Math.min(span.end, text.length),
    }))
    .filter((span) => span.end > span.start)
    .sort((left, right) => left.start - right.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of clipped) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const segments: TextSegment[] = [];
  let position = 0;
  for (const span of merged) {
    if (span.start > position)
      segments.push({ text: text.slice(position, span.start), highlighted: false, start: position });
    segments.push({ text: text.slice(span.start, span.end), highlighted: true, start: span.start });
    position = span.end;
  }
  if (position < text.length)
    segments.push({ text: text.slice(position), highlighted: false, start: position });
  return segments;
}

/** "people[2].title" -> "People 3, title": field paths as a reader would say them. */
export function describeFieldPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, (_, index: string) => ` ${Number(index) + 1}`)
    .split(".")
    .map((part, index) => (index === 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join(", ");
}

/** The value at a field path such as "people[2].person.name" in a record, as display text. */
export function valueAtPath(record: unknown, path: string): string | undefined {
  let current: unknown = record;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  if (current === undefined || current === null) return undefined;
  if (typeof current === "string" || typeof current === "number" || typeof current === "boolean")
    return String(current);
  if (typeof current === "object") {
    const object = current as Record<string, unknown>;
    // A participation names its person first; its title is a field of its own.
    const person = (object.person ?? object.organization) as { name?: unknown } | undefined;
    if (typeof person?.name === "string") return person.name;
    for (const key of ["name", "title", "text"])
      if (typeof object[key] === "string") return object[key] as string;
    if ("year" in object || "month" in object) {
      return [object.day, object.month, object.year].filter((part) => part !== undefined).join("/");
    }
  }
  return JSON.stringify(current);
}
