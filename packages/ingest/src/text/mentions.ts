import type { Span } from "@corpus/schema";
import { createPersonId } from "./ids.js";
import { createScanner, type Found } from "./gazetteer.js";
import { type Figure, knownPeople } from "./known-people.js";
import { organizationIndex, toOrganizationInfo, type KnownOrganization } from "./organizations.js";
import { looksLikePersonName, splitHonorific } from "./people.js";
import type { DocumentBuilder } from "./records.js";
import { regionIndex, type RegionInfo } from "./regions.js";

// Names introduced by a title in prose: "U.S. President Donald Trump", "North Korean leader Kim Jong Un".
const titledName =
  /\b(?:President|Prime Minister|Foreign Minister|Defense Minister|Minister|Secretary of State|Secretary-General|Secretary|Ambassador|Amb\.|Senator|Sen\.|Chancellor|King|Queen|Crown Prince|leader|envoy|Envoy|General|Gen\.|Dr\.|Professor)\s+((?:\p{Lu}[\p{L}'’]*(?:-\p{L}+)?\s+){1,3}\p{Lu}[\p{L}'’]*(?:-\p{L}+)?)/gu;
const saidName =
  /\b(?:said|says|according to|wrote|writes|told)\s+((?:\p{Lu}[\p{L}'’]*(?:-\p{L}+)?\s+){1,2}\p{Lu}[\p{L}'’]*(?:-\p{L}+)?)/gu;

const titleOrVerb =
  /\b(?:President|Minister|Secretary|Ambassador|Amb\.|Sen|Chancellor|King|Queen|Prince|leader|envoy|Envoy|General|Gen\.|Dr\.|Professor|said|says|according|wrote|writes|told)\b/;

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
  const hits = document.mentionIndex.within(text, base);
  const taken: Span[] = [];
  for (const found of hits.organizations) {
    document.organization(toOrganizationInfo(found.entry), found.matched, "mentioned", found.span);
    taken.push(found.span);
  }
  for (const found of hits.regions) {
    if (taken.length > 0 && taken.some((span) => found.span.start < span.end && found.span.end > span.start))
      continue;
    document.region(found.entry, found.matched, found.span);
  }
  if (options.people === false) return;
  const named = new Set<string>();
  const people = hits.people;
  for (const found of people) {
    if (found.entry.surnameOnly) continue;
    named.add(found.entry.name);
    mention(document, found.entry.name, found.span, taken);
  }
  // The document's regions (this line's included) decide whether a surname alone counts.
  let regionIds: Set<string> | undefined;
  for (const found of people) {
    if (!found.entry.surnameOnly) continue;
    regionIds ??= new Set(document.record.regions.map((region) => region.id.slice("region:".length)));
    const context = found.entry.context;
    const supported = named.has(found.entry.name) || !context || context.some((code) => regionIds!.has(code));
    if (supported) mention(document, found.entry.name, found.span, taken);
  }
  // Both patterns need a title or a verb before a capitalised name; most lines have neither.
  if (!titleOrVerb.test(text)) return;
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
  const id = createPersonId(name);
  if (document.hasPerson(id)) {
    document.note(`mentions.${id}`, undefined);
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

type Hits = {
  organizations: Found<KnownOrganization>[];
  regions: Found<RegionInfo>[];
  people: Found<Figure>[];
};
const pageScanner = createScanner<unknown>([organizationIndex, regionIndex, knownPeople.index]);

function scan(text: string, base: number): Hits {
  // Read by index: destructuring an array walks its iterator.
  const found = pageScanner.scan(text, base);
  return {
    organizations: found[0] as Found<KnownOrganization>[],
    regions: found[1] as Found<RegionInfo>[],
    people: found[2] as Found<Figure>[],
  };
}

/**
 * The known organizations, regions and people named anywhere on one page, found in a single pass
 * over its normalised text the first time a reader asks, then handed out line by line. Names never
 * cross a line break, so this gives each line exactly what scanning that line alone would.
 */
export class MentionIndex {
  private hits: Hits | undefined;

  constructor(private readonly text: string) {}

  /** What `text` (a stretch of the page starting at `base`) names; any other text is scanned on its own. */
  within(text: string, base: number): Hits {
    // As `this.text.startsWith(text, base)`, which compared a line cut from the page at ~7 ns a
    // character (~30 µs a page, a tenth of its time); comparing with a substring took ~3 µs.
    if (this.text.substring(base, base + text.length) !== text || text.includes("\n"))
      return scan(text, base);
    this.hits ??= scan(this.text, 0);
    const end = base + text.length;
    const { organizations, regions, people } = this.hits;
    // Most lines name nothing known: then one shared empty answer, nothing allocated.
    if (
      !anyBetween(organizations, base, end) &&
      !anyBetween(regions, base, end) &&
      !anyBetween(people, base, end)
    )
      return nothingFound;
    return {
      organizations: between(organizations, base, end),
      regions: between(regions, base, end),
      people: between(people, base, end),
    };
  }
}

// Shared by every line that names nothing known: callers only iterate over the hits they get.
// (Not frozen: frozen arrays have another elements kind, which the loops would then also meet.)
const nothingFound: Hits = { organizations: [], regions: [], people: [] };

/** The index of the first hit (sorted by start) starting at or after `start`. */
function firstFrom<T>(hits: Found<T>[], start: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (hits[middle]!.span.start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether a hit starts in [start, end). */
function anyBetween<T>(hits: Found<T>[], start: number, end: number): boolean {
  const index = firstFrom(hits, start);
  return index < hits.length && hits[index]!.span.start < end;
}

/** The hits (sorted by start) that lie inside [start, end). */
function between<T>(hits: Found<T>[], start: number, end: number): Found<T>[] {
  const low = firstFrom(hits, start);
  const found: Found<T>[] = [];
  for (let index = low; index < hits.length && hits[index]!.span.start < end; index++) {
    if (hits[index]!.span.end <= end) found.push(hits[index]!);
  }
  return found;
}
