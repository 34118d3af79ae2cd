import type { DocumentSummary, PartialDate } from "@corpus/schema";
import { formatPartialDate } from "@corpus/schema";
import { sanitizeLine } from "./sanitize.js";

/** "2021-04-29", "2021-04", "2021", or "no date" (never an invented one). */
export function formatDate(date: PartialDate | undefined): string {
  if (!date) return "no date";
  return formatPartialDate(date, { unknownYear: "????" }) + (date.inferred ? "?" : "");
}

const KIND_LABELS: Record<DocumentSummary["kind"], string> = {
  event: "event",
  publication: "publ.",
  issue: "issue",
  stub: "stub",
};

/** A short kind label for list rows; publications show their subtype in the document view. */
export function kindLabel(kind: DocumentSummary["kind"]): string {
  return KIND_LABELS[kind];
}

/** "Frank Aum, Joseph Yun +2": the people of a summary, as many as fit in `width`. */
export function formatPeople(people: DocumentSummary["people"], width: number): string {
  const names = [...new Set(people.map((person) => sanitizeLine(person.name)))];
  let text = "";
  for (let index = 0; index < names.length; index++) {
    const candidate = text ? `${text}, ${names[index]}` : names[index]!;
    const rest = names.length - index - 1;
    const suffix = rest > 0 ? ` +${rest}` : "";
    if ((candidate + suffix).length > width) {
      const remaining = names.length - index;
      if (text) return `${text} +${remaining}`;
      // Even the first name does not fit: shorten it, not the count of the others.
      return suffix.length < width
        ? `${truncate(names[index]!, width - suffix.length)}${suffix}`
        : truncate(names[index]!, width);
    }
    text = candidate;
  }
  return text;
}

/** Cuts to `width` characters, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  const characters = [...text];
  if (characters.length <= width) return text;
  return `${characters.slice(0, Math.max(0, width - 1)).join("")}…`;
}

/**
 * Cuts to `width` characters from the start, beginning with "…" when something was cut: the
 * end of a line being typed is where the cursor is, so that is the part to keep in view.
 */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return "";
  const characters = [...text];
  if (characters.length <= width) return text;
  return `…${characters.slice(characters.length - Math.max(0, width - 1)).join("")}`;
}

/**
 * Cuts to `width` characters from the middle, keeping both ends: a label that ends in a file
 * path ("in-process · /home/me/…/library.db") keeps what it is and the file's name.
 */
export function truncateMiddle(text: string, width: number): string {
  if (width <= 0) return "";
  const characters = [...text];
  if (characters.length <= width) return text;
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${characters.slice(0, head).join("")}…${tail > 0 ? characters.slice(-tail).join("") : ""}`;
}

/** Pads or truncates to exactly `width` characters. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + " ".repeat(Math.max(0, width - [...cut].length));
}

/**
 * Word-wraps text to `width` columns, keeping blank lines between paragraphs. Words longer than
 * the width are cut hard. Counts code points, which is exact for the scripts of this library
 * except wide (CJK) characters, which Ink truncates at the edge instead.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  const usable = Math.max(1, width);
  for (const paragraph of text.split("\n")) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let line = "";
    for (let word of words) {
      while ([...word].length > usable) {
        if (line) {
          lines.push(line);
          line = "";
        }
        lines.push([...word].slice(0, usable).join(""));
        word = [...word].slice(usable).join("");
      }
      if (!line) line = word;
      else if ([...line].length + 1 + [...word].length <= usable) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}
