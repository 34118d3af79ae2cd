import { createPersonId, type Span } from "@corpus/schema";
import { knownPeople } from "./known-people.js";
import { findOrganizations } from "./organizations.js";
import { looksLikePersonName, splitHonorific } from "./people.js";
import type { DocumentBuilder } from "./records.js";
import { findRegions } from "./regions.js";

// Names introduced by a title in prose: "U.S. President Donald Trump", "North Korean leader Kim Jong Un".
const titledName =
  /\b(?:President|Prime Minister|Foreign Minister|Defense Minister|Minister|Secretary of State|Secretary-General|Secretary|Ambassador|Amb\.|Senator|Sen\.|Chancellor|King|Queen|Crown Prince|leader|envoy|Envoy|General|Gen\.|Dr\.|Professor)\s+((?:\p{Lu}[\p{L}'’]*(?:-\p{L}+)?\s+){1,3}\p{Lu}[\p{L}'’]*(?:-\p{L}+)?)/gu;
const saidName =
  /\b(?:said|says|according to|wrote|writes|told)\s+((?:\p{Lu}[\p{L}'’]*(?:-\p{L}+)?\s+){1,2}\p{Lu}[\p{L}'’]*(?:-\p{L}+)?)/gu;

/**
 * Adds what a stretch of prose names to a document: known organizations, countries and named
 * regions (never inside an organization's name: "U.S. Institute of Peace" is not the United
 * States), and people named with a title or known by name.
 */
export function scanMentions(
  document: DocumentBuilder,
  text: string,
  base: number,
  options: { people?: boolean } = {},
): void {
  const taken: Span[] = [];
  for (const found of findOrganizations(text, base)) {
    document.organization(found.info, found.matched, "mentioned", found.span);
    taken.push(found.span);
  }
  const regionIds = new Set<string>();
  for (const found of findRegions(text, base)) {
    if (taken.some((span) => found.span.start < span.end && found.span.end > span.start)) continue;
    document.region(found.info, found.matched, found.span);
    regionIds.add(found.info.id.slice("region:".length));
  }
  for (const region of document.record.regions) regionIds.add(region.id.slice("region:".length));
  if (options.people === false) return;
  const named = new Set<string>();
  const people = knownPeople.find(text, base);
  for (const found of people) {
    if (found.entry.surnameOnly) continue;
    named.add(found.entry.name);
    mention(document, found.entry.name, found.span, taken);
  }
  for (const found of people) {
    if (!found.entry.surnameOnly) continue;
    const context = found.entry.context;
    const supported = named.has(found.entry.name) || !context || context.some((code) => regionIds.has(code));
    if (supported) mention(document, found.entry.name, found.span, taken);
  }
  // Both patterns need a title or a verb before a capitalised name; most lines have neither.
  if (
    !/\b(?:President|Minister|Secretary|Ambassador|Amb\.|Sen|Chancellor|King|Queen|Prince|leader|envoy|Envoy|General|Gen\.|Dr\.|Professor|said|says|according|wrote|writes|told)\b/.test(
      text,
    )
  )
    return;
  for (const pattern of [titledName, saidName]) {
    for (const match of text.matchAll(pattern)) {
      const written = match[1]!.trim();
      const { name } = splitHonorific(written);
      if (!looksLikePersonName(name)) continue;
      const start = base + match.index + match[0].lastIndexOf(written);
      mention(document, name, { start, end: start + written.length }, taken);
    }
  }
}

function mention(document: DocumentBuilder, name: string, span: Span, taken: Span[]): void {
  if (taken.some((item) => span.start < item.end && span.end > item.start)) return;
  taken.push(span);
  if (document.hasPerson(createPersonId(name))) {
    document.note(`mentions.${createPersonId(name)}`, undefined);
    return;
  }
  document.participant({ name, nameSpan: span, role: "mentioned" });
}

const hashtag = /(?<![\p{L}\p{N}_/&#])#(\p{L}[\p{L}\p{N}_]*)/gu;

export function scanHashtags(document: DocumentBuilder, text: string, base: number): void {
  for (const match of text.matchAll(hashtag)) {
    document.hashtag(`#${match[1]}`, {
      start: base + match.index,
      end: base + match.index + match[0].length,
    });
  }
}
