import type { PublicationSubtype } from "@corpus/schema";
import type { FoundDate } from "./dates.js";
import {
  type Line,
  isDateLine,
  isTitleLike,
  joinLineTexts,
  publicationLineDate,
  isTopicsLine,
  relatedHeading,
  speakersHeading,
  spanOf,
  spanOfLines,
  stopLine,
} from "./lines.js";
import { scanMentions } from "./mentions.js";
import { splitHonorific } from "./people.js";
import type { DocumentBuilder, PageRecords } from "./records.js";

/** A publication block: the full page of a piece, or its teaser in a listing. */
export interface PublicationBlock {
  first: number;
  /** One past the last line of the block. */
  end: number;
  title: Line;
  date?: FoundDate;
  byLine?: Line;
  typeLine?: Line;
  topicsLine?: Line;
  body: Line[];
}

const byPattern = /^(?:by|authors?|written by)\s*:?\s+(.+)$/i;
const typePattern = /^type\s*:\s*(.+)$/i;

/** Where a publication block starts at line `index`: the title printed twice, or a title followed by a date / "By:". */
export function publicationStart(lines: readonly Line[], index: number): number {
  const line = lines[index];
  if (!isTitleLike(line)) return 0;
  const next = lines[index + 1];
  if (next && next.text === line!.text) return 2;
  let cursor = index + 1;
  if (lines[cursor] && isDateLine(lines[cursor]!)) cursor++;
  if (lines[cursor] && byPattern.test(lines[cursor]!.text) && lines[cursor]!.text.length < 300) return 1;
  // Title, date, one summary paragraph, then "Type:" or "Read more": a teaser without authors.
  if (cursor > index + 1) {
    for (let ahead = cursor; ahead < Math.min(lines.length, cursor + 3); ahead++) {
      if (typePattern.test(lines[ahead]!.text) || /^read more$/i.test(lines[ahead]!.text)) return 1;
    }
  }
  return 0;
}

// Layout detection and the reader both read the same page's blocks: remember them per page.
const blocksOfPage = new WeakMap<readonly Line[], Map<string, PublicationBlock[]>>();

export function readPublicationBlocks(lines: readonly Line[], from: number, to: number): PublicationBlock[] {
  let pageBlocks = blocksOfPage.get(lines);
  if (!pageBlocks) {
    pageBlocks = new Map();
    blocksOfPage.set(lines, pageBlocks);
  }
  const key = `${from}:${to}`;
  let blocks = pageBlocks.get(key);
  if (!blocks) {
    blocks = findPublicationBlocks(lines, from, to);
    pageBlocks.set(key, blocks);
  }
  return blocks;
}

function findPublicationBlocks(lines: readonly Line[], from: number, to: number): PublicationBlock[] {
  const blocks: PublicationBlock[] = [];
  let index = from;
  while (index < to) {
    const titleLines = publicationStart(lines, index);
    if (titleLines === 0) {
      index++;
      continue;
    }
    const block: PublicationBlock = { first: index, end: index + titleLines, title: lines[index]!, body: [] };
    let cursor = index + titleLines;
    for (let step = 0; step < 2 && cursor < to; step++) {
      const line = lines[cursor]!;
      const date = !block.date ? publicationLineDate(line) : null;
      if (date) {
        block.date = date;
        cursor++;
      } else if (!block.byLine && byPattern.test(line.text) && line.text.length < 300) {
        block.byLine = line;
        cursor++;
      }
    }
    while (cursor < to) {
      const line = lines[cursor]!;
      if (typePattern.test(line.text)) {
        block.typeLine = line;
        cursor++;
        if (isTopicsLine(lines[cursor]) && cursor < to && publicationStart(lines, cursor) !== 2) {
          block.topicsLine = lines[cursor];
          cursor++;
        }
        break;
      }
      if (/^read more$/i.test(line.text)) {
        cursor++;
        break;
      }
      if (stopLine.test(line.text) || relatedHeading.test(line.text) || speakersHeading.test(line.text))
        break;
      if (/^(topics?|issue areas?)\s*:/i.test(line.text)) {
        block.topicsLine = line;
        cursor++;
        continue;
      }
      if (publicationStart(lines, cursor) > 0) break;
      if (/^(next|previous) (article|post|piece|story)\b/i.test(line.text)) break;
      block.body.push(line);
      cursor++;
    }
    block.end = cursor;
    blocks.push(block);
    index = cursor;
  }
  return blocks;
}

const subtypes: [RegExp, PublicationSubtype][] = [
  [/podcast|episode/i, "podcast-episode"],
  [/digest/i, "digest-article"],
  [/analysis/i, "analysis"],
  [/commentary|op-ed|opinion/i, "commentary"],
  [/report/i, "report"],
  [/brief/i, "brief"],
  [/interview/i, "interview"],
  [/book/i, "book"],
  [/article|news/i, "article"],
];

export function subtypeOf(label: string | undefined): PublicationSubtype {
  if (!label) return "other";
  return subtypes.find(([pattern]) => pattern.test(label))?.[1] ?? "other";
}

/** Emits one publication block as a record; `extent` "teaser" for listing entries. */
export function emitPublication(
  page: PageRecords,
  block: PublicationBlock,
  extent: "full" | "teaser",
  defaults: { subtype?: PublicationSubtype; site?: string } = {},
): DocumentBuilder {
  const document = page.document("publication", block.title.text, spanOf(block.title));
  document.set("extent", extent);
  const typeMatch = block.typeLine ? typePattern.exec(block.typeLine.text) : null;
  const typeLabel = typeMatch?.[1]?.trim();
  document.set("subtype", typeLabel ? subtypeOf(typeLabel) : (defaults.subtype ?? "other"));
  if (typeLabel && block.typeLine) {
    document.set(
      "typeLabel",
      typeLabel,
      spanOf(block.typeLine, block.typeLine.text.length - typeLabel.length),
    );
    document.note("subtype", spanOf(block.typeLine));
  }
  if (defaults.site) document.set("source", { site: defaults.site });
  if (block.date) {
    document.set("date", block.date.date, block.date.span);
    if (block.date.endDate) document.set("endDate", block.date.endDate, block.date.span);
  }
  if (block.byLine) readAuthors(document, block.byLine);
  if (block.topicsLine) readTopics(document, block.topicsLine);
  const paragraphs = groupParagraphs(block.body);
  const first = paragraphs.find((paragraph) => joinLineTexts(paragraph, " ").length > 60) ?? paragraphs[0];
  if (first) document.set("summary", joinLineTexts(first, " "), spanOfLines(first));
  if (extent === "full" && paragraphs.length > 0) {
    document.set("sections", sectionsOf(paragraphs));
    document.note("sections", spanOfLines(block.body));
  }
  for (const line of block.body) scanMentions(document, line.text, line.start);
  scanMentions(document, block.title.text, block.title.start, { people: false });
  return document;
}

export function readAuthors(
  document: DocumentBuilder,
  line: Line,
  role: "author" | "editor" = "author",
): void {
  const match = /^(?:by|authors?|written by|edited by|editors?)\s*:?\s+/i.exec(line.text);
  const listStart = match ? match[0].length : 0;
  const list = line.text.slice(listStart);
  // "A; B", "A, B and C", "A and B".
  const separator = list.includes(";") ? /\s*;\s*/g : /\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)/g;
  let cursor = 0;
  const pieces: { text: string; at: number }[] = [];
  for (const match of list.matchAll(separator)) {
    pieces.push({ text: list.slice(cursor, match.index), at: cursor });
    cursor = match.index + match[0].length;
  }
  pieces.push({ text: list.slice(cursor), at: cursor });
  for (const piece of pieces) {
    const trimmed = piece.text.trim();
    if (!trimmed) continue;
    const { name, honorific, offset } = splitHonorific(piece.text);
    if (!name || name.length > 80) continue;
    const start = line.start + listStart + piece.at + offset;
    const input: Parameters<DocumentBuilder["participant"]>[0] = {
      name,
      nameSpan: { start, end: start + name.length },
      role,
    };
    if (honorific) input.honorific = honorific;
    document.participant(input);
  }
}

export function readTopics(document: DocumentBuilder, line: Line): void {
  const label = /^(topics?|issue areas?|tags)\s*:\s*/i.exec(line.text);
  let offset = label ? label[0].length : 0;
  for (const item of line.text.slice(offset).split(";")) {
    const trimmed = item.trim();
    const at = line.text.indexOf(trimmed, offset);
    offset += item.length + 1;
    if (!trimmed || at === -1) continue;
    document.topic(trimmed, spanOf(line, at, at + trimmed.length));
  }
}

export function groupParagraphs(lines: readonly Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  for (const line of lines) {
    if (line.paragraphStart || paragraphs.length === 0) paragraphs.push([line]);
    else paragraphs[paragraphs.length - 1]!.push(line);
  }
  return paragraphs;
}

/**
 * Short lines that look like headings but are a page's furniture: a contact line with an email
 * address or a web address, a dateline ("Posted March 20, 2021 by ..."), a press-release marker,
 * a list of tags or categories.
 * They stay in the text of the section they are in.
 */
function isPageFurniture(text: string): boolean {
  return (
    /[^\s@]+@[^\s@]+\.[^\s@]+|https?:\/\/|\bwww\./i.test(text) ||
    /^(posted|published|updated)\b.*\b(1[89]|20)\d\d\b/i.test(text) ||
    /^(for immediate release|embargoed\b)/i.test(text) ||
    /^(tags|topics|categories|filed under)\s*:/i.test(text)
  );
}

/** Body paragraphs into sections; a short line with no closing punctuation starts a new one. */
export function sectionsOf(paragraphs: readonly Line[][]): { heading?: string; text: string; quotes: [] }[] {
  const sections: { heading?: string; text: string; quotes: [] }[] = [];
  let current: { heading?: string; text: string; quotes: [] } = { text: "", quotes: [] };
  for (const paragraph of paragraphs) {
    const text = joinLineTexts(paragraph, " ");
    if (
      paragraph.length === 1 &&
      text.length <= 90 &&
      !/[.!?:;,"”]$/.test(text) &&
      /^\p{Lu}/u.test(text) &&
      !isPageFurniture(text)
    ) {
      if (current.text || current.heading) sections.push(current);
      current = { heading: text, text: "", quotes: [] };
      continue;
    }
    current.text = current.text ? `${current.text}\n\n${text}` : text;
  }
  if (current.text || current.heading) sections.push(current);
  return sections;
}
