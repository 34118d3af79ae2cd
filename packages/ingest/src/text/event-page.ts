import type { Layout } from "./detect.js";
import { readEventPeople, readHosts, readWhenAndWhere, scanHashtags, scanMentions } from "./events.js";
import {
  isDateLine,
  isTitleLike,
  joinLineTexts,
  type Line,
  relatedHeading,
  spanOf,
  stopLine,
  agendaHeading,
  speakersHeading,
} from "./lines.js";
import { isKnownOrganization, looksLikeOrganization, resolveOrganization } from "./organizations.js";
import type { PageHints } from "./parse-text.js";
import { looksLikePersonName } from "./people.js";
import { emitPublication, readPublicationBlocks } from "./publications.js";
import type { PageRecords } from "./records.js";

const eventLabel =
  /^(event|events|seminar|webinar|panel discussion|panel|conference|roundtable|symposium|workshop|lecture|briefing|forum|past event|upcoming event|livestream|online event|in-person event)s?$/i;

/** An event page: title (or a derived label), date and time, hosts, people in roles, agenda, hashtags, related publications. */
export function readEvent(
  page: PageRecords,
  text: string,
  lines: readonly Line[],
  layout: Layout,
  hints: PageHints,
): void {
  let index = layout.bodyStart;
  let site = layout.site ?? hints.site;
  let siteLine: Line | undefined;
  let typeLabel: string | undefined;
  // Masthead: an organization's name and a label such as "Events" or "Seminar" before the title.
  for (let step = 0; step < 3 && index < lines.length; step++) {
    const line = lines[index]!;
    if (eventLabel.test(line.text)) {
      typeLabel = line.text;
      index++;
    } else if (
      step === 0 &&
      looksLikeOrganization(line.text) &&
      line.text.length < 100 &&
      !/[.!?]$/.test(line.text) &&
      !isTitleQuestion(line.text)
    ) {
      site ??= resolveOrganization(line.text).name;
      siteLine = line;
      index++;
    } else break;
  }
  const relatedAt = lines.findIndex((line, position) => position >= index && relatedHeading.test(line.text));
  const end = relatedAt === -1 ? lines.length : relatedAt;
  const candidate = lines[index];
  const hasTitle =
    candidate !== undefined &&
    isTitleLike(candidate) &&
    candidate.text.length <= 160 &&
    !looksLikePersonName(candidate.text) &&
    !speakersHeading.test(candidate.text) &&
    !agendaHeading.test(candidate.text);
  const title = hasTitle ? candidate.text : derivedTitle(text, lines, index);
  const event = page.document("event", title, hasTitle ? spanOf(candidate) : undefined, !hasTitle);
  if (site) event.set("source", { site, ...(hints.url ? { url: hints.url } : {}) });
  if (siteLine) {
    // A masthead in two languages names one organization: keep the written name to its first part.
    const info = resolveOrganization(siteLine.text);
    const bilingual =
      siteLine.text.startsWith(info.name) && info.aliases.some((alias) => siteLine!.text.endsWith(alias));
    const written = bilingual ? info.name : siteLine.text;
    event.organization(info, written, "host", spanOf(siteLine, 0, written.length));
  }
  if (typeLabel) event.note("kind", undefined);
  if (hasTitle) index++;
  readWhenAndWhere(event, lines, index, end);
  const used = readEventPeople(event, lines, index, end);
  const description: Line[] = [];
  for (let position = index; position < end; position++) {
    const line = lines[position]!;
    if (used.has(position) || stopLine.test(line.text) || isDateLine(line)) continue;
    readHosts(event, line);
    if (line.text.length >= 60 && /[.!?”"]$/.test(line.text)) description.push(line);
  }
  const first = description[0];
  if (first) event.set("summary", first.text, spanOf(first));
  if (description.length > 0) {
    event.set("sections", [{ text: joinLineTexts(description, "\n\n"), quotes: [] }]);
    event.note("sections[0]", {
      start: description[0]!.start,
      end: description[description.length - 1]!.end,
    });
  }
  for (const line of description) scanMentions(event, line.text, line.start);
  if (hasTitle) scanMentions(event, candidate.text, candidate.start, { people: false });
  scanHashtags(event, text, 0);
  if (relatedAt !== -1) {
    const blocks = readPublicationBlocks(lines, relatedAt + 1, lines.length);
    for (const block of blocks) {
      const teaser = emitPublication(page, block, "teaser");
      event.link("related", { id: teaser.id, title: teaser.record.title as string }, spanOf(block.title));
    }
    if (blocks.length === 0) {
      // A plain list of titles: links to pages that may arrive later, kept as stubs.
      for (let position = relatedAt + 1; position < lines.length; position++) {
        const line = lines[position]!;
        if (stopLine.test(line.text)) break;
        if (isTitleLike(line)) event.linkByTitle("related", line.text, spanOf(line));
      }
    }
  }
  if (!isKnownOrganization(site ?? "") && site && !siteLine) event.note("source", undefined);
}

function isTitleQuestion(text: string): boolean {
  return /\?$/.test(text) || /:/.test(text);
}

/** No printed title: a label from the hashtag ("#KoreanPeacePerspectives" → "Korean Peace Perspectives") or the first sentence. */
function derivedTitle(text: string, lines: readonly Line[], from: number): string {
  const tag = /(?<![\p{L}\p{N}_/&#])#(\p{L}[\p{L}\p{N}_]{3,})/u.exec(text);
  if (tag)
    return tag[1]!
      .replace(/_/g, " ")
      .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
      .replace(/(\p{L})(\p{N})/gu, "$1 $2")
      .trim();
  const first = lines.slice(from).find((line) => line.text.length > 20) ?? lines[0];
  const sentence = (first?.text ?? "Untitled event").split(/(?<=[.!?])\s/)[0]!;
  return sentence.length <= 100
    ? sentence.replace(/[.!?]$/, "")
    : `${sentence.slice(0, 97).replace(/\s+\S*$/, "")}…`;
}
