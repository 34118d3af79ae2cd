import { digestSection, issueLine, type Layout } from "./detect.js";
import {
  isTitleLike,
  joinLineTexts,
  type Line,
  publicationLineDate,
  spanOf,
  spanOfLines,
  stopLine,
} from "./lines.js";
import { scanMentions } from "./mentions.js";
import { groupParagraphs, readAuthors, readTopics } from "./publications.js";
import type { DocumentBuilder, PageRecords } from "./records.js";
import type { PageHints } from "./parse-text.js";

const neighbour = /^(next|previous|prev\.?)\s+(article|post|piece|story)\s*:?\s*(.+)$/i;

/** A Peace Science Digest article: title (often twice), summary, labelled sections with quotes, next/previous links. */
export function readDigestArticle(
  page: PageRecords,
  lines: readonly Line[],
  layout: Layout,
  hints: PageHints,
): void {
  let index = layout.bodyStart;
  while (index < lines.length && !isTitleLike(lines[index])) index++;
  const titleLine = lines[index];
  if (!titleLine) return;
  const document = page.document("publication", titleLine.text, spanOf(titleLine));
  document.set("subtype", "digest-article");
  const site = layout.site ?? hints.site;
  if (site || hints.url)
    document.set("source", { ...(site ? { site } : {}), ...(hints.url ? { url: hints.url } : {}) });
  index++;
  while (lines[index]?.text === titleLine.text) index++;
  const sections: { heading?: string; text: string; quotes: { text: string }[] }[] = [];
  let current: { heading?: string; lines: Line[] } = { lines: [] };
  const closeSection = () => {
    if (current.lines.length === 0 && !current.heading) return;
    const paragraphs = groupParagraphs(current.lines);
    let text = "";
    for (let index = 0; index < paragraphs.length; index++) {
      if (index > 0) text += "\n\n";
      text += joinLineTexts(paragraphs[index]!, " ");
    }
    const section: { heading?: string; text: string; quotes: { text: string }[] } = {
      text,
      quotes: quotesOf(paragraphs),
    };
    if (current.heading) section.heading = current.heading;
    const sectionIndex = sections.length;
    sections.push(section);
    document.note(`sections[${sectionIndex}]`, spanOfLines(current.lines));
  };
  let summaryDone = false;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const date = !document.record.date ? publicationLineDate(line) : null;
    if (date && !summaryDone) {
      document.set("date", date.date, date.span);
      continue;
    }
    if (/^(by|authors?)\s*:?\s+\p{Lu}/iu.test(line.text) && line.text.length < 200 && !summaryDone) {
      readAuthors(document, line);
      continue;
    }
    if (/^(topics?|tags|keywords)\s*:/i.test(line.text)) {
      readTopics(document, line);
      continue;
    }
    const volume = issueLine.exec(line.text);
    if (volume && line.text.length < 80) {
      const title = issueTitle(site, volume[1]!, volume[2]!);
      document.linkByTitle("part-of", title, spanOf(line));
      continue;
    }
    const link = neighbour.exec(line.text);
    if (link) {
      const type = /^next/i.test(link[1]!) ? "next" : "previous";
      const title = link[3]!.trim();
      const at = line.text.length - link[3]!.length;
      document.linkByTitle(type, title, spanOf(line, at));
      continue;
    }
    if (stopLine.test(line.text)) continue;
    const heading = /^(.{3,60}?)\s*:$/.exec(line.text);
    if (heading || digestSection.test(line.text)) {
      closeSection();
      current = { heading: (heading?.[1] ?? line.text).trim(), lines: [] };
      summaryDone = true;
      continue;
    }
    if (!summaryDone && line.paragraphStart && !document.record.summary) {
      const paragraph = [line];
      while (lines[index + 1] && !lines[index + 1]!.paragraphStart) paragraph.push(lines[++index]!);
      document.set("summary", joinLineTexts(paragraph, " "), spanOfLines(paragraph));
      for (const item of paragraph) scanMentions(document, item.text, item.start);
      continue;
    }
    current.lines.push(line);
    scanMentions(document, line.text, line.start);
  }
  closeSection();
  document.set("sections", sections);
  scanMentions(document, titleLine.text, titleLine.start, { people: false });
}

function quotesOf(paragraphs: readonly Line[][]): { text: string }[] {
  const quotes: { text: string }[] = [];
  let open: string[] | null = null;
  for (const paragraph of paragraphs) {
    const text = joinLineTexts(paragraph, " ");
    if (!open && /^[“"]/.test(text)) open = [];
    if (!open) continue;
    open.push(text);
    if (/[”"][)\].]*$|…[”"]$/.test(text)) {
      const quote = open.join("\n\n").replace(/^[“"]/, "").replace(/[”"]$/, "").trim();
      if (quote) quotes.push({ text: quote });
      open = null;
    }
  }
  if (open && open.length > 0) {
    const quote = open.join("\n\n").replace(/^[“"]/, "").trim();
    if (quote) quotes.push({ text: quote });
  }
  return quotes;
}

export function issueTitle(site: string | undefined, volume: string, number: string): string {
  return `${site ? `${site}, ` : ""}Volume ${Number(volume)}, Issue ${Number(number)}`;
}

/** An issue page ("Volume 2, Issue 6"): the issue as a record, its articles as teasers it has as parts. */
export function readIssue(page: PageRecords, lines: readonly Line[], layout: Layout, hints: PageHints): void {
  const at = lines.findIndex((line) => issueLine.test(line.text) && line.text.length < 80);
  const volumeLine = lines[at]!;
  const volume = issueLine.exec(volumeLine.text)!;
  const site = layout.site ?? hints.site;
  const issue = page.document("issue", issueTitle(site, volume[1]!, volume[2]!), spanOf(volumeLine), true);
  issue.set("volume", Number(volume[1]), spanOf(volumeLine));
  issue.set("number", Number(volume[2]), spanOf(volumeLine));
  if (site) issue.set("source", { site });
  let index = at + 1;
  const theme = lines[index];
  const sections: { heading?: string; text: string; quotes: [] }[] = [];
  if (theme && isTitleLike(theme)) {
    sections.push({ heading: theme.text, text: "", quotes: [] });
    index++;
    // Issues print their season before the theme: "Spring 2021: Peacemaking When…".
    const season = publicationLineDate(theme);
    if (season) issue.set("date", season.date, season.span);
  }
  const listStart = lines.findIndex(
    (line, position) =>
      position > at &&
      /^(articles in this issue|in this issue|contents|table of contents|articles)\s*:?$/i.test(line.text),
  );
  const introEnd = listStart === -1 ? lines.length : listStart;
  for (; index < introEnd; index++) {
    const line = lines[index]!;
    const date = !issue.record.date ? publicationLineDate(line) : null;
    if (date) {
      issue.set("date", date.date, date.span);
      continue;
    }
    if (/^(edited by|editors?)\s*:?\s+/i.test(line.text)) {
      readAuthors(issue, line, "editor");
      continue;
    }
    if (!issue.record.summary && line.text.length > 80) {
      issue.set("summary", line.text, spanOf(line));
      scanMentions(issue, line.text, line.start);
    }
  }
  if (sections.length > 0 && issue.record.summary) sections[0]!.text = issue.record.summary as string;
  issue.set("sections", sections);
  if (listStart === -1) return;
  for (index = listStart + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (stopLine.test(line.text) || !isTitleLike(line)) continue;
    const article = page.document("publication", line.text, spanOf(line));
    article.set("subtype", "digest-article").set("extent", "teaser");
    if (site) article.set("source", { site });
    const next = lines[index + 1];
    if (next && !isTitleLike(next) && !stopLine.test(next.text)) {
      article.set("summary", next.text, spanOf(next));
      scanMentions(article, next.text, next.start);
      index++;
    }
    linkParts(issue, article);
  }
}

function linkParts(issue: DocumentBuilder, article: DocumentBuilder): void {
  issue.link("has-part", { id: article.id, title: article.record.title as string });
  article.link("part-of", { id: issue.id, title: issue.record.title as string });
}
