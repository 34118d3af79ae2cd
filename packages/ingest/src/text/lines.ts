import type { Span } from "@corpus/schema";
import { dateLine, type FoundDate, seasonDate } from "./dates.js";

/** One non-empty line of the normalised text, trimmed, with its offsets. */
export interface Line {
  text: string;
  start: number;
  end: number;
  /** A blank line (or the start of the text) comes right before this one. */
  paragraphStart: boolean;
  /**
   * What the line is, worked out once: layout detection and the readers ask the same questions
   * of the same lines many times (isTitleLike, dateLine). Filled in lazily by those functions.
   */
  cache: LineCache | undefined;
}

/** Both answers start unknown (`undefined`); every line and cache has the same fields from the start. */
interface LineCache {
  titleLike: boolean | undefined;
  date: FoundDate | null | undefined;
}

/** `dateLine(line.text)`, remembered on the line; spans relative to the line's text. */
function relativeDate(line: Line): FoundDate | null {
  line.cache ??= { titleLike: undefined, date: undefined };
  if (line.cache.date === undefined) line.cache.date = dateLine(line.text);
  return line.cache.date;
}

/** The date this line is (as `dateLine(line.text, line.start)`), or null. */
export function lineDate(line: Line): FoundDate | null {
  const found = relativeDate(line);
  if (!found) return null;
  // A fresh object each time: callers put the date into records.
  const shifted: FoundDate = {
    date: { ...found.date },
    span: { start: found.span.start + line.start, end: found.span.end + line.start },
  };
  if (found.endDate) shifted.endDate = { ...found.endDate };
  return shifted;
}

/**
 * The date a publication's or an issue's line gives: a date line, or a season at the line's
 * start ("Spring 2021", "Winter 2020/2021: Theme"). Events keep `lineDate`: their seasons are text.
 */
export function publicationLineDate(line: Line): FoundDate | null {
  return lineDate(line) ?? seasonDate(line.text, line.start);
}

/** Is this line a date line? */
export function isDateLine(line: Line): boolean {
  return relativeDate(line) !== null;
}

export function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let blank = true;
  for (const raw of text.split("\n")) {
    const trimmed = raw.trim();
    if (trimmed) {
      const start = offset + raw.indexOf(trimmed);
      lines.push({
        text: trimmed,
        start,
        end: start + trimmed.length,
        paragraphStart: blank,
        cache: undefined,
      });
      blank = false;
    } else {
      blank = true;
    }
    offset += raw.length + 1;
  }
  return lines;
}

/**
 * The lines' texts joined by `separator`. A loop, not `lines.map(…).join(…)`: once V8 optimises
 * the caller, its inlined `map` returns a holey array where the interpreter's was packed, and the
 * next use of that array (`join`, a spread) deoptimised the whole reader once more.
 */
export function joinLineTexts(lines: readonly Line[], separator: string): string {
  let text = "";
  for (let index = 0; index < lines.length; index++) {
    if (index > 0) text += separator;
    text += lines[index]!.text;
  }
  return text;
}

export function spanOf(line: Line, from = 0, to = line.text.length): Span {
  return { start: line.start + from, end: line.start + to };
}

export function spanOfLines(lines: readonly Line[]): Span | undefined {
  if (lines.length === 0) return undefined;
  return { start: lines[0]!.start, end: lines[lines.length - 1]!.end };
}

export const speakersHeading =
  /^(speakers?|featured speakers|featured guests?|panel|panelists|panellists|participants|moderators?|keynote(?: speakers?| address)?|presenters|discussants|guests|welcoming remarks|opening remarks|closing remarks|hosts?|about the speakers)\s*:?$/i;
export const relatedHeading =
  /^(related (?:publications|analysis|content|resources|articles|events|reading|research)|further reading|see also|you may also like|more (?:analysis|publications) on this topic)\s*:?$/i;
export const agendaHeading = /^(agenda|schedule|program|programme|event schedule|event agenda)\s*:?$/i;
export const stopLine =
  /^(view all\b.*|read more|read the full (?:article|piece|report)|continue reading|share(?: this)?|subscribe\b.*|download\b.*|back to top|print|tags?|filter by\b.*|showing \d.*|\d+ (?:articles|results|publications))\.?$/i;
export const labelLine =
  /^(by|type|topics?|tags|issue areas?|regions?|date|time|location|where|when|venue)\s*:/i;

/** A line that can be a title: short enough, not a date, a label, or a sentence run-on. */
export function isTitleLike(line: Line | undefined): boolean {
  if (!line) return false;
  line.cache ??= { titleLike: undefined, date: undefined };
  line.cache.titleLike ??= titleLike(line);
  return line.cache.titleLike;
}

function titleLike(line: Line): boolean {
  const text = line.text;
  if (text.length < 4 || text.length > 220) return false;
  if (labelLine.test(text) || stopLine.test(text) || speakersHeading.test(text) || relatedHeading.test(text))
    return false;
  if (/^#\S+$/.test(text) || /^[“"]/.test(text)) return false;
  if (isDateLine(line)) return false;
  // A season alone ("Winter 2019") is an issue's date, not a title.
  if (seasonDate(text)?.span.end === text.length) return false;
  if (/[.:;,]$/.test(text) && !/\b(?:U\.S|U\.N|D\.C|Inc|Jr|St)\.$/.test(text)) return false;
  if (!/^[\p{Lu}\p{N}“"‘'¿¡]/u.test(text)) return false;
  return true;
}

/** A line of topics: "Conflict Analysis & Prevention; Mediation, Negotiation & Dialogue". */
export function isTopicsLine(line: Line | undefined): boolean {
  if (!line) return false;
  const text = line.text.replace(/^(topics?|issue areas?|tags)\s*:\s*/i, "");
  if (text.length > 200 || /[.!?]$/.test(text)) return false;
  const items = text.split(/\s*;\s*/);
  return items.every((item) => item.length > 1 && item.length < 70 && /^[\p{Lu}\p{N}]/u.test(item));
}

// A full stop that ends an abbreviation or an initial, not a sentence: "U.S.", "D.C.", "Dr.", "Frank A. Aum".
const abbreviationStop =
  /(?<![\p{L}\p{N}])(?:\p{Lu}|Amb|Dr|Mr|Mrs|Ms|Prof|St|Sen|Rep|Gen|Col|Lt|Capt|Maj|Hon|Rev|Inc|Jr|Sr|Co|Corp|Ltd|No|Vol|Mt|Ft|Gov|Pres)\.(?=[\s,;:)’'"”-]*\S)/gu;

/**
 * The text with each abbreviation's full stop replaced by a look-alike (U+2024) of the same
 * length, so sentence patterns that stop at "." do not stop inside "U.S. Institute of Peace";
 * offsets into the masked text are offsets into the original.
 */
export function maskAbbreviations(text: string): string {
  if (!text.includes(".")) return text;
  return text.replace(abbreviationStop, (match) => `${match.slice(0, -1)}\u2024`);
}
