import type { Span } from "@corpus/schema";
import {
  isKnownOrganization,
  looksLikeOrganization,
  type OrganizationInfo,
  resolveOrganization,
} from "./organizations.js";
import { findRegions } from "./regions.js";

export interface TitleAndAffiliations {
  title?: { text: string; span: Span };
  affiliations: { info: OrganizationInfo; written: string; span: Span }[];
}

interface Part {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits a "title, affiliation" line: "Senior Researcher, KF-VUB Korea Chair, Centre for Security,
 * Diplomacy and Strategy, Brussels School of Governance" → title "Senior Researcher, KF-VUB Korea
 * Chair", affiliations [Centre for Security, Diplomacy and Strategy; Brussels School of
 * Governance]. Also "Senior Fellow at the Stimson Center". See docs/decisions/0013-people-and-names.md.
 */
export function splitTitleAndAffiliations(text: string, base = 0): TitleAndAffiliations {
  const trimmed = text.trim();
  const lead = text.indexOf(trimmed);
  const at = /^(.+?)\s+(?:at|with)\s+(?:the\s+)?(?=\p{Lu})(.+)$/u.exec(trimmed);
  if (at && looksLikeOrganization(at[2]!.split(/,\s+/)[0]!)) {
    const orgStart = trimmed.length - at[2]!.length;
    const affiliations = readOrganizations(commaParts(at[2]!, base + lead + orgStart));
    return {
      title: {
        text: at[1]!.trim(),
        span: { start: base + lead, end: base + lead + at[1]!.trimEnd().length },
      },
      affiliations,
    };
  }
  const parts = commaParts(trimmed, base + lead);
  const first = parts.findIndex(
    (part, index) => looksLikeOrganization(part.text) || knownFrom(parts, index) > index,
  );
  if (first === -1) {
    return trimmed
      ? {
          title: { text: trimmed, span: { start: base + lead, end: base + lead + trimmed.length } },
          affiliations: [],
        }
      : { affiliations: [] };
  }
  const result: TitleAndAffiliations = { affiliations: readOrganizations(parts.slice(first)) };
  if (first > 0) {
    const start = parts[0]!.start;
    const end = parts[first - 1]!.end;
    result.title = { text: joinPartTexts(parts, 0, first), span: { start, end } };
  }
  return result;
}

function commaParts(text: string, base: number): Part[] {
  const parts: Part[] = [];
  const pattern = /[^,]+/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const trimmedStart = raw.length - raw.trimStart().length;
    const value = raw.trim();
    if (!value) continue;
    parts.push({
      text: value,
      start: base + match.index + trimmedStart,
      end: base + match.index + trimmedStart + value.length,
    });
  }
  return parts;
}

/** The last index j such that parts[index..j] joined with ", " is a known organization, or -1. */
/** The texts of `parts[from..to)` joined by ", " (a loop: see joinLineTexts). */
function joinPartTexts(parts: readonly Part[], from: number, to: number): string {
  let text = "";
  for (let index = from; index < to; index++) {
    if (index > from) text += ", ";
    text += parts[index]!.text;
  }
  return text;
}

function knownFrom(parts: Part[], index: number): number {
  let found = -1;
  let joined = "";
  for (let end = index; end < Math.min(parts.length, index + 4); end++) {
    joined = joined ? `${joined}, ${parts[end]!.text}` : parts[end]!.text;
    if (isKnownOrganization(joined)) found = end;
  }
  return found;
}

function readOrganizations(parts: Part[]): TitleAndAffiliations["affiliations"] {
  const found: TitleAndAffiliations["affiliations"] = [];
  let current: Part | null = null;
  const flush = () => {
    if (!current) return;
    const written = current.text.replace(/^the\s+/i, "");
    found.push({
      info: resolveOrganization(written),
      written,
      span: { start: current.start, end: current.end },
    });
    current = null;
  };
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const knownEnd = knownFrom(parts, index);
    if (knownEnd >= index) {
      flush();
      const last = parts[knownEnd]!;
      current = {
        text: joinPartTexts(parts, index, knownEnd + 1),
        start: part.start,
        end: last.end,
      };
      flush();
      index = knownEnd;
      continue;
    }
    if (looksLikeOrganization(part.text) || !current) {
      flush();
      // A trailing city or country ("..., Washington") is a location, not an organization.
      if (!current && isPlace(part.text) && found.length > 0) continue;
      current = { ...part };
      continue;
    }
    if (isPlace(part.text)) {
      flush();
      continue;
    }
    // "Centre for Security" + "Diplomacy and Strategy": a name that itself holds a comma.
    const joined: Part = current;
    current = { text: `${joined.text}, ${part.text}`, start: joined.start, end: part.end };
  }
  flush();
  return found;
}

function isPlace(text: string): boolean {
  const regions = findRegions(text);
  return regions.length === 1 && regions[0]!.matched.length === text.trim().length;
}
