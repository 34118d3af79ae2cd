import { describeFieldPath, mergeSpans, spanExcerpt } from "@corpus/schema";
import type { PageLine, TextRange } from "./page-lines.js";
import { sanitizeLine } from "./sanitize.js";

/**
 * The source screen's text: a stored page wrapped to the terminal, with the characters a field
 * was read from marked. Provenance spans are half-open ranges of UTF-16 code units (JavaScript
 * string offsets) into the page text, so every line here remembers the offsets it covers, and a
 * mark is cut where a line is cut.
 */

/** One screen line of the page: `text.slice(start, end)`. Spaces where a line was broken belong to no line. */
export interface SourceLine {
  start: number;
  end: number;
}

// Combining marks take no column; East Asian wide characters and most emoji take two. The same
// rule Ink measures with, so a wrapped line never runs past the edge.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064]$/u;

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Terminal columns of one character (a code point). */
export function columnsOf(character: string): number {
  if (ZERO_WIDTH.test(character)) return 0;
  return isWide(character.codePointAt(0) ?? 0) ? 2 : 1;
}

interface Token {
  start: number;
  end: number;
  columns: number;
  space: boolean;
}

/** Splits a paragraph into runs of spaces and runs of other characters, by code point. */
function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let index = start;
  while (index < end) {
    const space = text[index] === " ";
    const token: Token = { start: index, end: index, columns: 0, space };
    while (index < end && (text[index] === " ") === space) {
      const character = String.fromCodePoint(text.codePointAt(index)!);
      token.columns += columnsOf(character);
      index += character.length;
    }
    token.end = index;
    tokens.push(token);
  }
  return tokens;
}

/**
 * Word-wraps `text` to `width` columns, keeping every character's offset. Each "\n" starts a new
 * line; blank lines stay; indentation at the start of a paragraph stays; spaces where a line is
 * broken are dropped; a word wider than the line is cut between characters (never inside a
 * surrogate pair).
 */
export function wrapSource(text: string, width: number): SourceLine[] {
  const usable = Math.max(1, width);
  const lines: SourceLine[] = [];
  let paragraphStart = 0;
  while (paragraphStart <= text.length) {
    const newline = text.indexOf("\n", paragraphStart);
    const paragraphEnd = newline === -1 ? text.length : newline;
    let line: (SourceLine & { columns: number }) | undefined;
    let pendingSpace: Token | undefined;
    for (const token of tokenize(text, paragraphStart, paragraphEnd)) {
      if (token.space && line) {
        pendingSpace = token;
        continue;
      }
      // A space run with no line open is the paragraph's indentation: it is kept like a word.
      const gap = pendingSpace && line ? pendingSpace.columns : 0;
      pendingSpace = undefined;
      if (line && line.columns + gap + token.columns <= usable) {
        line.end = token.end;
        line.columns += gap + token.columns;
        continue;
      }
      if (line) lines.push({ start: line.start, end: line.end });
      line = { start: token.start, end: token.start, columns: 0 };
      // Fill lines character by character; only a word wider than the line needs more than one.
      for (let index = token.start; index < token.end; ) {
        const character = String.fromCodePoint(text.codePointAt(index)!);
        const columns = columnsOf(character);
        if (line.columns + columns > usable && line.end > line.start) {
          lines.push({ start: line.start, end: line.end });
          line = { start: index, end: index, columns: 0 };
        }
        index += character.length;
        line.end = index;
        line.columns += columns;
      }
    }
    if (line) lines.push({ start: line.start, end: line.end });
    else lines.push({ start: paragraphStart, end: paragraphStart });
    if (newline === -1) break;
    paragraphStart = newline + 1;
  }
  return lines;
}

/** The index of the line holding `offset` (a break's dropped spaces count with the line before). */
export function lineOfOffset(lines: readonly SourceLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (lines[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/**
 * The page lines to draw: each wrapped line's text, and the parts of it that `spans` (merged,
 * see `mergeSpans`) cover, as ranges of that line's text. A span over several lines marks a
 * piece of each.
 */
export function markedLines(
  text: string,
  lines: readonly SourceLine[],
  spans: readonly TextRange[],
): PageLine[] {
  let first = 0;
  return lines.map((line) => {
    const pageLine: PageLine = { text: text.slice(line.start, line.end) };
    while (first < spans.length && spans[first]!.end <= line.start) first++;
    const marks: TextRange[] = [];
    for (let index = first; index < spans.length && spans[index]!.start < line.end; index++) {
      const span = spans[index]!;
      marks.push({
        start: Math.max(span.start, line.start) - line.start,
        end: Math.min(span.end, line.end) - line.start,
      });
    }
    if (marks.length > 0) pageLine.marks = marks;
    return pageLine;
  });
}

/** A field of the record that was read from this page, and where. */
export interface TracedField {
  path: string;
  /** "People 1, title": the path as a reader would say it. */
  label: string;
  /**
   * What the page says at the field's first place, on one line. The page's own characters, not
   * the record's value: a merged record's value (or its list positions) may come from another
   * input, and the page is what this screen vouches for.
   */
  excerpt: string;
  /** Merged, sorted, in the text: at least one. */
  spans: TextRange[];
}

/**
 * The fields with at least one span inside the text, in the order they first appear on the
 * page, so moving to the next field moves down the page.
 */
export function tracedFields(
  fields: Readonly<Record<string, readonly TextRange[]>>,
  text: string,
): TracedField[] {
  return Object.entries(fields)
    .map(([path, spans]) => ({ path, label: describeFieldPath(path), spans: mergeSpans(spans, text) }))
    .filter((field) => field.spans.length > 0)
    .map((field) => {
      const first = field.spans[0]!;
      // A long field (a whole section) needs only its opening words in a one-line list.
      return {
        ...field,
        excerpt: sanitizeLine(spanExcerpt(text, first, 400).text),
      };
    })
    .sort((left, right) => left.spans[0]!.start - right.spans[0]!.start);
}
