import { type FoundDate, findDates, seasonDate } from "./dates.js";
import { isTitleLike, joinLineTexts, type Line, publicationLineDate, spanOf, spanOfLines } from "./lines.js";
import { scanHashtags, scanMentions } from "./mentions.js";
import { isKnownOrganization } from "./organizations.js";
import type { PageHints } from "./parse-text.js";
import { groupParagraphs, readAuthors, sectionsOf } from "./publications.js";
import type { PageRecords } from "./records.js";

const boilerplate =
  /^(for immediate release|press release|news release|media advisory|statement|breaking|update|newsletter)$/i;

/**
 * The reader of last resort: one publication with a title (read, or derived and marked so), a
 * date when the top of the page gives one, the body as sections, and the people, organizations
 * and regions the prose names. It accepts any non-empty text.
 */
export function readGeneric(page: PageRecords, text: string, lines: readonly Line[], hints: PageHints): void {
  const masthead = readMasthead(lines);
  const titleAt = masthead
    ? -1
    : lines
        .slice(0, 4)
        .findIndex((line) => isTitleLike(line) && line.text.length <= 160 && !boilerplate.test(line.text));
  const titleLine = titleAt === -1 ? undefined : lines[titleAt];
  let title: string;
  let derived = false;
  if (masthead) {
    title = masthead.title;
    derived = true;
  } else if (titleLine) title = titleLine.text;
  else if (hints.title) {
    title = hints.title;
    derived = true;
  } else {
    const sentence = (lines[0]?.text ?? text).split(/(?<=[.!?])\s/)[0]!.trim();
    title = sentence.length <= 100 ? sentence : `${sentence.slice(0, 97).replace(/\s+\S*$/, "")}…`;
    if (!/[\p{L}\p{N}]/u.test(title)) title = "Untitled page";
    derived = true;
  }
  const document = page.document(
    "publication",
    title,
    titleLine ? spanOf(titleLine) : masthead ? spanOf(masthead.line) : undefined,
    derived,
  );
  document.set("subtype", "other");
  if (masthead?.issueLine) document.note("title", spanOf(masthead.issueLine));
  const site = hints.site ?? masthead?.name;
  if (site || hints.url)
    document.set("source", {
      ...(site ? { site } : {}),
      ...(hints.url ? { url: hints.url } : {}),
    });
  // The masthead and its issue line make the title; the issue line may still give the date.
  const body = lines.filter((line) => line !== titleLine && line !== masthead?.line);
  for (const line of body.slice(0, 10)) {
    const date =
      publicationLineDate(line) ??
      (line.text.length < 400 ? findDates(line.text.slice(0, 80), line.start)[0] : undefined) ??
      (line === masthead?.issueLine ? issueSeason(line) : undefined);
    if (date?.date.year !== undefined) {
      document.set("date", date.date, date.span);
      break;
    }
  }
  const byLine = body
    .slice(0, 10)
    .find((line) => /^(by|authors?)\s*:?\s+\p{Lu}/iu.test(line.text) && line.text.length < 200);
  if (byLine) readAuthors(document, byLine);
  const prose = body.filter((line) => line !== byLine && line !== masthead?.issueLine);
  const paragraphs = groupParagraphs(prose);
  const summary = paragraphs.find((paragraph) => joinLineTexts(paragraph, " ").length > 60);
  if (summary) document.set("summary", joinLineTexts(summary, " "), spanOfLines(summary));
  if (paragraphs.length > 0) {
    document.set("sections", sectionsOf(paragraphs));
    document.note("sections", spanOfLines(prose));
  }
  for (const line of lines) scanMentions(document, line.text, line.start, { people: line !== titleLine });
  scanHashtags(document, text, 0);
}

const issueNumber = /^((?:issue|no\.?|number|vol(?:ume)?\.?)\s*\d+)\b/i;

/** The season of an issue line after its number: "Issue 14, Summer 2019". */
function issueSeason(line: Line): FoundDate | null {
  const issue = issueNumber.exec(line.text);
  if (!issue) return null;
  const rest = /^[\s,:;|–—-]*/.exec(line.text.slice(issue[0].length))![0];
  const at = issue[0].length + rest.length;
  return seasonDate(line.text.slice(at), line.start + at);
}
const commonTwoLetterWords = new Set(["AS", "BE", "GO", "IS", "IT", "MY", "NO", "SO", "UP", "WE"]);
const smallWords = new Set(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"]);

/**
 * A newsletter's or bulletin's masthead: an all-capitals first line followed by its issue or
 * date line ("WESTERN BALKANS PEACE BULLETIN" / "Issue 14, July 2019"). It names the publication,
 * not the piece: the title is the masthead in title case with the issue ("Western Balkans Peace
 * Bulletin, Issue 14"), marked derived, and the masthead becomes the site.
 */
function readMasthead(
  lines: readonly Line[],
): { name: string; title: string; line: Line; issueLine?: Line } | null {
  const [first, second] = lines;
  if (!first || !second || first.text.length > 80) return null;
  const words = first.text.split(/\s+/);
  if (words.length < 2 || /\p{Ll}/u.test(first.text) || !/\p{Lu}{2}/u.test(first.text)) return null;
  const issue = issueNumber.exec(second.text);
  if (!issue && !publicationLineDate(second)) return null;
  const name = words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (index > 0 && smallWords.has(lower)) return lower;
      // Acronyms ("UN", "U.S.", "EU") stay as printed.
      if (/^(?:\p{Lu}\.){2,}$/u.test(word) || isKnownOrganization(word)) return word;
      if (/^\p{Lu}{2}$/u.test(word) && !commonTwoLetterWords.has(word)) return word;
      if (!/[AEIOUY]/.test(word) && word.length <= 5) return word;
      return lower.replace(
        /(^|[-‐/])(\p{L})/gu,
        (_match, before: string, letter: string) => before + letter.toUpperCase(),
      );
    })
    .join(" ");
  return issue
    ? { name, title: `${name}, ${issue[1]!.replace(/\s+/g, " ")}`, line: first, issueLine: second }
    : { name, title: name, line: first };
}
