import { formatPartialDate, type PartialDate } from "./partial-date.js";
import type { Span } from "./provenance.js";

/**
 * Reading provenance the way a person does: which characters a field's spans cover, what the
 * field is called, and what value it holds. The web app's source page and the TUI's source
 * screen both show fields this way, so a field reads the same in either.
 */

/**
 * A field's spans as a text can show them: clipped to the text, empty ones dropped, overlapping
 * and touching ones joined, sorted, and widened so that none starts or ends inside a surrogate
 * pair. Spans come from stored data (a stale source may be shorter): never trusted.
 */
export function mergeSpans(spans: readonly Span[], text: string): Span[] {
  const isLowSurrogate = (index: number) => {
    const code = text.charCodeAt(index);
    return code >= 0xdc00 && code <= 0xdfff;
  };
  const clipped = spans
    .map((span) => {
      let start = Math.max(0, Math.min(Math.trunc(span.start), text.length));
      let end = Math.max(0, Math.min(Math.trunc(span.end), text.length));
      if (start > 0 && start < text.length && isLowSurrogate(start)) start -= 1;
      if (end > 0 && end < text.length && isLowSurrogate(end)) end += 1;
      return { start, end };
    })
    .filter((span) => span.end > span.start)
    .sort((left, right) => left.start - right.start || left.end - right.end);
  const merged: Span[] = [];
  for (const span of clipped) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * What a page says at a span, on one line: whitespace collapsed and, past `max` characters, cut
 * at a character boundary (never inside a surrogate pair) with `cut` set, for a reader to add "…".
 */
export function spanExcerpt(text: string, span: Span, max: number): { text: string; cut: boolean } {
  const whole = text.slice(span.start, span.end).replace(/\s+/g, " ").trim();
  if (whole.length <= max) return { text: whole, cut: false };
  let end = max;
  const code = whole.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: whole.slice(0, end).trimEnd(), cut: true };
}

/** "people[2].title" -> "People 3, title": a field path as a reader would say it. */
export function describeFieldPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, (_, index: string) => ` ${Number(index) + 1}`)
    .split(".")
    .map((part, index) => (index === 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join(", ");
}

/** The value at a field path such as "people[2].person.name" in a record, as display text. */
export function fieldValueAtPath(record: unknown, path: string): string | undefined {
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
    // A participation names its person (or organization) first; its title is a field of its own.
    const named = (object.person ?? object.organization) as { name?: unknown } | undefined;
    if (typeof named?.name === "string") return named.name;
    for (const key of ["name", "title", "text"])
      if (typeof object[key] === "string") return object[key] as string;
    if (["year", "month", "day"].some((part) => typeof object[part] === "number"))
      return formatPartialDate(object as PartialDate);
  }
  return JSON.stringify(current);
}
