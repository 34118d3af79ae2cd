import type { PersonRole, Span } from "@corpus/schema";
import { splitTitleAndAffiliations } from "./affiliation.js";
import { dateLine, findDates, findTime, timeZone } from "./dates.js";
import {
  agendaHeading,
  type Line,
  maskAbbreviations,
  relatedHeading,
  speakersHeading,
  spanOf,
  stopLine,
} from "./lines.js";
import { scanHashtags, scanMentions } from "./mentions.js";
import { findOrganizations, looksLikeOrganization, resolveOrganization } from "./organizations.js";
import { looksLikePersonName, roleFromWord, splitHonorific, splitRoleSuffix } from "./people.js";
import type { DocumentBuilder } from "./records.js";

// "2:00pm - 3:30pm ET: Opening remarks", "9:00 – 10:30 a.m. (CET) | Panel", "2:00pm–3:30pm: ET Keynote".
// The zone, before or after the separator, belongs to the time; a line that is only a time and a
// zone ("2:00pm - 3:30pm ET", "6:00 - 8:00 p.m.") is the event's time, not an agenda item titled
// "ET" or "p.m.".
const meridiem = "[aApP]\\.?\\s?[mM]\\.?";
const agendaClock = `\\d{1,2}(?::\\d{2})?\\s*(?:${meridiem})?`;
const agendaPattern = new RegExp(
  `^(${agendaClock})\\s*(?:-|–|—|to)\\s*(${agendaClock})(?:\\s*(${timeZone}))?\\s*[:\\-–—|]?\\s+(?:(${timeZone})\\s+)?(?!(?:${meridiem}\\s*)?(?:${timeZone})?\\s*$)(\\S.*)$`,
);

interface AgendaSlot {
  start: string;
  end: string;
  title: string;
}

function agendaSlot(text: string): AgendaSlot | null {
  const match = agendaPattern.exec(text);
  if (!match) return null;
  const [, start, end, zoneBefore, zoneAfter, title] = match;
  // A bare "3 - 5" with no am/pm or colon is a range of numbers, not times.
  if (!/[:apmAPM]/.test(`${start}${end}`)) return null;
  const zone = (zoneBefore ?? zoneAfter)?.replace(/[()]/g, "");
  return {
    start: start!.trim(),
    end: zone ? `${end!.trim()} ${zone}` : end!.trim(),
    title: title!.trim(),
  };
}

const labelled =
  /^(moderator|moderated by|chair|panelists?|panellists?|speakers?|keynote(?: speaker)?|discussants?|presenters?|host|welcoming remarks|opening remarks|closing remarks)\s*:\s*(.+)$/i;

/** Everything an event page says about its people: blocks under a heading, labelled lines, agenda items. */
export function readEventPeople(
  document: DocumentBuilder,
  lines: readonly Line[],
  from: number,
  to: number,
): Set<number> {
  const used = new Set<number>();
  let role: PersonRole | null = null;
  let roleLabel: string | undefined;
  const agenda: Record<string, unknown>[] = [];
  let agendaItem: {
    start?: string;
    end?: string;
    title: string;
    people: { id: string; name: string }[];
  } | null = null;
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    const text = line.text;
    if (speakersHeading.test(text)) {
      const word = text.replace(/:$/, "").trim();
      role = roleFromWord(word.replace(/^(featured|about the)\s+/i, "")) ?? "speaker";
      roleLabel = undefined;
      used.add(index);
      agendaItem = null;
      continue;
    }
    if (agendaHeading.test(text)) {
      used.add(index);
      role = null;
      continue;
    }
    if (relatedHeading.test(text) || stopLine.test(text)) {
      role = null;
      agendaItem = null;
      continue;
    }
    const slot = agendaSlot(text);
    if (slot) {
      agendaItem = { ...slot, people: [] };
      agenda.push(agendaItem);
      document.note(`agenda[${agenda.length - 1}]`, spanOf(line));
      used.add(index);
      role = roleForSession(agendaItem.title);
      continue;
    }
    const label = labelled.exec(text);
    if (label) {
      const labelRole = roleFromWord(label[1]!.replace(/ by$/i, "")) ?? "speaker";
      const valueStart = text.length - label[2]!.length;
      for (const piece of splitPeopleList(label[2]!)) {
        readPersonLine(document, line, valueStart + piece.at, piece.text, labelRole, undefined);
      }
      used.add(index);
      if (!label[2]!.trim()) role = labelRole;
      continue;
    }
    if (role === null) continue;
    // "Name" line (role suffix allowed), then a title/affiliation line or a biography paragraph.
    const { rest, role: suffixRole } = splitRoleSuffix(text);
    const { name, honorific, offset } = splitHonorific(rest);
    const commaName = /^([^,]+),\s*(.+)$/.exec(rest);
    if (looksLikePersonName(name)) {
      const next = lines[index + 1];
      const detailStart = next && !next.paragraphStart ? index + 1 : next ? index + 1 : -1;
      const input = {
        name,
        nameSpan: spanOf(line, offset, offset + name.length),
        role: suffixRole ?? role,
      } as Parameters<DocumentBuilder["participant"]>[0];
      if (roleLabel) input.roleLabel = roleLabel;
      if (honorific) input.honorific = honorific;
      used.add(index);
      if (
        detailStart !== -1 &&
        next &&
        !isPersonLine(next.text) &&
        !speakersHeading.test(next.text) &&
        !relatedHeading.test(next.text) &&
        agendaSlot(next.text) === null
      ) {
        if (next.text.length > 160 || /[.!?]$/.test(next.text)) {
          input.biography = next.text;
          input.biographySpan = spanOf(next);
          // "He moderates the forum.": a role named only inside the biography.
          if (!suffixRole && role !== "moderator" && bioModerator.test(next.text)) input.role = "moderator";
          const fromBio = titleFromBiography(next, name);
          if (fromBio) Object.assign(input, fromBio);
        } else {
          const split = splitTitleAndAffiliations(next.text, next.start);
          if (split.title) {
            input.title = split.title.text;
            input.titleSpan = split.title.span;
          }
          input.affiliations = split.affiliations;
        }
        used.add(index + 1);
        index++;
      }
      document.participant(input);
      if (agendaItem)
        agendaItem.people.push({
          id: document.record.people.at(-1)?.person
            ? (document.record.people.at(-1)!.person as { id: string }).id
            : "",
          name,
        });
      continue;
    }
    if (commaName && looksLikePersonName(splitHonorific(commaName[1]!).name)) {
      readPersonLine(document, line, 0, rest, suffixRole ?? role, roleLabel);
      used.add(index);
    }
  }
  if (agenda.length > 0) {
    // Filled by push, not `map` (an optimised `map` returns a holey array: see joinLineTexts).
    const items: Record<string, unknown>[] = [];
    for (const item of agenda)
      items.push({ ...item, people: (item.people as { id: string }[]).filter((person) => person.id) });
    document.set("agenda", items);
  }
  return used;
}

const bioModerator = /\b(?:he|she|they)\s+(?:will\s+)?(?:moderates?|chairs?)\s+(?:the|this|today)/i;

function isPersonLine(text: string): boolean {
  const { rest } = splitRoleSuffix(text);
  return looksLikePersonName(splitHonorific(rest).name);
}

function roleForSession(title: string): PersonRole {
  if (/welcom|opening/i.test(title)) return "welcoming-remarks";
  if (/closing/i.test(title)) return "closing-remarks";
  if (/keynote/i.test(title)) return "keynote";
  if (/panel/i.test(title)) return "panelist";
  return "speaker";
}

function splitPeopleList(text: string): { text: string; at: number }[] {
  if (!text.includes(";")) return [{ text, at: 0 }];
  const pieces: { text: string; at: number }[] = [];
  let at = 0;
  for (const piece of text.split(";")) {
    pieces.push({ text: piece, at });
    at += piece.length + 1;
  }
  return pieces;
}

/** "Dr. Layla Haddad-Monroe, Meridian Center for Conflict Studies" or "Hesham Youssef, Senior Fellow at USIP". */
function readPersonLine(
  document: DocumentBuilder,
  line: Line,
  at: number,
  text: string,
  role: PersonRole,
  roleLabel: string | undefined,
): void {
  const comma = text.indexOf(",");
  const namePart = comma === -1 ? text : text.slice(0, comma);
  const { name, honorific, offset } = splitHonorific(namePart);
  if (!looksLikePersonName(name)) return;
  const input = { name, nameSpan: spanOf(line, at + offset, at + offset + name.length), role } as Parameters<
    DocumentBuilder["participant"]
  >[0];
  if (honorific) input.honorific = honorific;
  if (roleLabel) input.roleLabel = roleLabel;
  if (comma !== -1) {
    const detail = text.slice(comma + 1);
    const split = splitTitleAndAffiliations(detail, line.start + at + comma + 1);
    if (split.title) {
      input.title = split.title.text;
      input.titleSpan = split.title.span;
    }
    input.affiliations = split.affiliations;
  }
  document.participant(input);
}

/**
 * "Seo Min-ji is a research fellow at the Hanbit Institute ..." → title and affiliation. The
 * organization is the first "at / with / of (the) Capitalised ..." phrase that reads as one; a
 * known name is taken whole (commas and full stops included: "Centre for Security, Diplomacy
 * and Strategy", "U.S. Institute of Peace"); otherwise it runs to the end of the clause. The
 * title is everything between "is a/an/the" and that phrase: "associate professor of
 * international relations", "senior expert on North Korea".
 */
function titleFromBiography(line: Line, name: string) {
  const masked = maskAbbreviations(line.text);
  const sentenceEnd = masked.search(/[.!?](?=\s|$)/);
  const sentence = sentenceEnd === -1 ? masked : masked.slice(0, sentenceEnd);
  const lead = /\b(?:is|serves as|works as) (?:a|an|the)\s+/.exec(sentence);
  if (!lead || lead.index > name.length + 40) return null;
  const titleStart = lead.index + lead[0].length;
  const preposition = /\s(?:at|with|of)\s+(?:the\s+)?(?=\p{Lu})/gu;
  preposition.lastIndex = titleStart;
  for (let match = preposition.exec(sentence); match !== null; match = preposition.exec(sentence)) {
    const title = line.text.slice(titleStart, match.index).trim();
    if (title.length < 3 || title.length > 100 || /[,;]/.test(title)) break;
    const orgAt = match.index + match[0].length;
    const organization = organizationAt(line.text, sentence, orgAt);
    if (!organization) continue;
    return {
      title,
      titleSpan: spanOf(line, titleStart, titleStart + title.length),
      affiliations: [
        {
          info: resolveOrganization(organization),
          written: organization,
          span: spanOf(line, orgAt, orgAt + organization.length),
        },
      ],
    };
  }
  return null;
}

/** The organization named at `at` in a biography sentence, or undefined. */
function organizationAt(text: string, sentence: string, at: number): string | undefined {
  const known = findOrganizations(text.slice(at, at + 120))[0];
  // A known name, unless it is only the start of a longer one ("United Nations University").
  if (known && known.span.start === 0 && !/^\s+\p{Lu}/u.test(text.slice(at + known.matched.length)))
    return known.matched;
  const rest = sentence.slice(at);
  const clauseEnd = rest.search(/[,;:(]|\s(?:where|who|which|since|and|before|after|from|to|as|at|in|on)\s/);
  const candidate = text.slice(at, at + (clauseEnd === -1 ? rest.length : clauseEnd)).trim();
  if (candidate.length < 3 || !looksLikeOrganization(candidate)) return undefined;
  return candidate;
}

const hostedSentence =
  /(?:^|[.!?]\s+)(?:On [^,]{3,40},\s*)?((?:the\s+)?\p{Lu}[^.!?]{1,200}?)\s+(?:co-hosted|hosted|convened|organized|organised|will host|will convene|hosts|host)\b/gu;
const hostedBy =
  /\b(?:co-)?(?:hosted|organized|organised|convened|sponsored|co-sponsored|presented)\s+by\s+([^.!?]+)/gi;

const hostVerb = /host|conven|organi[sz]ed|sponsored|presented/i;

/** The organizations that host the event: "USIP and X hosted ...", "Hosted by X in partnership with Y", "Co-sponsored by USIP". */
export function readHosts(document: DocumentBuilder, line: Line): boolean {
  // Both patterns need one of these verbs; most lines have none.
  if (!hostVerb.test(line.text)) return false;
  // Sentence patterns stop at a full stop; "U.S." and "Dr." must not end the sentence.
  const text = maskAbbreviations(line.text);
  let found = false;
  const add = (start: number, end: number, defaultRole: "host" | "co-host" | "sponsor") => {
    hostParts(line.text, start, end).forEach((part, partIndex) => {
      const role = partIndex === 0 ? defaultRole : "co-host";
      const partText = line.text.slice(part.start, part.end);
      const known = findOrganizations(partText, line.start + part.start);
      const taken: Span[] = [];
      for (const item of known) {
        document.organization(item.info, item.matched, role, item.span);
        taken.push(item.span);
        found = true;
      }
      // Unknown names: split on " and " / " at " and keep the pieces that read as organizations.
      for (const piece of piecesOf(partText, /\s+and\s+(?=the\s|\p{Lu})|\s+at\s+(?:the\s+)?/gu)) {
        const lead = /^\s*(?:the\s+)?/i.exec(piece.text)![0].length;
        const trimmed = piece.text.slice(lead).trim();
        if (!trimmed || !looksLikeOrganization(trimmed)) continue;
        const pieceAt = line.start + part.start + piece.at + lead;
        const span = { start: pieceAt, end: pieceAt + trimmed.length };
        if (taken.some((item) => span.start < item.end && span.end > item.start)) continue;
        document.organization(resolveOrganization(trimmed), trimmed, role, span);
        found = true;
      }
    });
  };
  for (const match of text.matchAll(hostedBy)) {
    const role = /sponsor/i.test(match[0]) ? "sponsor" : /co-/i.test(match[0]) ? "co-host" : "host";
    const end = match.index + match[0].length;
    add(end - match[1]!.length, end, role);
  }
  if (!found) {
    for (const match of text.matchAll(hostedSentence)) {
      const start = match.index + match[0].indexOf(match[1]!);
      add(start, start + match[1]!.length, "host");
    }
  }
  return found;
}

/** Pieces of `text` between the separators `pattern` (global) matches, with their offsets. */
function piecesOf(text: string, pattern: RegExp): { text: string; at: number }[] {
  const pieces: { text: string; at: number }[] = [];
  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    pieces.push({ text: text.slice(cursor, match.index), at: cursor });
    cursor = match.index + match[0].length;
  }
  pieces.push({ text: text.slice(cursor), at: cursor });
  return pieces;
}

const partnerSeparator = /\s+in partnership with\s+|\s+with support from\s+|\s+together with\s+/gi;

/**
 * The hosts named in [start, end) of a line, as ranges: "X in partnership with Y" → X, Y, and
 * "X with the Y" → X, Y when both sides read as organizations (so "Organised by the Sahel
 * Dialogue Initiative with the Nordic Forum" names two hosts, not one long one).
 */
function hostParts(text: string, start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  for (const piece of piecesOf(text.slice(start, end), partnerSeparator)) {
    const pieceStart = start + piece.at;
    const withPieces = piecesOf(piece.text, /\s+with\s+(?:the\s+)?(?=\p{Lu})/gu);
    const organizations = withPieces.every((item) => {
      const name = item.text.trim().replace(/^the\s+/i, "");
      return looksLikeOrganization(name) || findOrganizations(name).some((found) => found.matched === name);
    });
    if (withPieces.length > 1 && organizations) {
      for (const item of withPieces)
        parts.push({ start: pieceStart + item.at, end: pieceStart + item.at + item.text.length });
    } else parts.push({ start: pieceStart, end: pieceStart + piece.text.length });
  }
  return parts;
}

/** Date, time and place of an event from its header lines or a "Date:/Time:/Location:" block. */
export function readWhenAndWhere(
  document: DocumentBuilder,
  lines: readonly Line[],
  from: number,
  to: number,
): void {
  let haveDate = false;
  for (let index = from; index < to && index < from + 40; index++) {
    const line = lines[index]!;
    const labelMatch = /^(date|when|time|location|where|venue|place)\s*:\s*(.+)$/i.exec(line.text);
    const label = labelMatch?.[1]?.toLowerCase();
    const value = labelMatch?.[2] ?? line.text;
    const valueAt = line.text.length - value.length;
    const date =
      !haveDate && (!label || label === "date" || label === "when")
        ? dateLine(value, line.start + valueAt)
        : null;
    if (date) {
      document.set("date", date.date, date.span);
      if (date.endDate) document.set("endDate", date.endDate, date.span);
      haveDate = true;
      setTime(document, line);
      // A short line right after the date line (or after a time line under it) that is not a
      // sentence is the venue: "Holmenkollen Park Hotel, Oslo, Norway", or an online one.
      let nextIndex = index + 1;
      if (!label && lines[nextIndex] && isTimeLine(lines[nextIndex]!)) nextIndex++;
      const next = lines[nextIndex];
      if (
        !label &&
        next &&
        next.text.length < 150 &&
        !/[.!?]$/.test(next.text) &&
        (/,/.test(next.text) || onlineVenue.test(next.text)) &&
        !/^(time|location)\s*:/i.test(next.text)
      ) {
        document.set("location", next.text, spanOf(next));
      }
      continue;
    }
    if (label === "time") setTime(document, line);
    // "2:00pm - 3:30pm ET" on a line of its own, under the date line.
    else if (!label && isTimeLine(line)) setTime(document, line);
    if (label === "location" || label === "where" || label === "venue" || label === "place")
      document.set("location", value.trim(), spanOf(line, valueAt));
  }
  if (haveDate) return;
  // "On March 24, USIP ... hosted": the date of the hosting sentence.
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    const match = /(?:^|[.!?]\s+)On ([^,]{3,40}),/.exec(line.text);
    if (!match || !/\b(host|held|convene|organi[sz]e|gather|meet|met)/i.test(line.text)) continue;
    const at = line.text.indexOf(match[1]!, match.index);
    const date = findDates(match[1]!, line.start + at)[0];
    if (date) {
      document.set("date", date.date, date.span);
      if (date.endDate) document.set("endDate", date.endDate, date.span);
      return;
    }
  }
}

/** A venue line with no comma that is still a venue: "Virtual Event", "Online", "Zoom webinar". */
const onlineVenue =
  /^(?:virtual|online|hybrid)(?:\s+(?:event|only|and in person))?$|^(?:zoom|teams|webex)\b.{0,30}$/i;

function isTimeLine(line: Line): boolean {
  const time = findTime(line.text);
  return time !== null && time.span.start === 0 && time.span.end === line.text.trimEnd().length;
}

function setTime(document: DocumentBuilder, line: Line): void {
  if (document.record.time) return;
  const time = findTime(line.text, line.start);
  if (!time) return;
  const value: Record<string, string> = {};
  if (time.start) value.start = time.start;
  if (time.end) value.end = time.end;
  if (time.timezone) value.timezone = time.timezone;
  document.set("time", value, time.span);
}

export { scanHashtags, scanMentions };
