import { type PartialDate, partialDateSchema, type Span } from "@corpus/schema";

const monthNumbers: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const month =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
const weekday =
  "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?,?\\s+)?";
const day = "(\\d{1,2})(?:st|nd|rd|th)?";
const year = "(\\d{4})";
// "Thursday, April 29, 2021", "April 29", "March 24-26, 2021", "March 30 – April 2, 2022",
// "Tuesday, May 10 - Wednesday, May 11, 2022" (the year, printed once, is both days').
const monthFirst = new RegExp(
  `\\b${weekday}${month}\\s+${day}(?:\\s*(?:-|–|—|to)\\s*${weekday}(?:${month}\\s+)?${day})?(?!\\d)(?:,?\\s+${year}\\b)?`,
  "g",
);
// "29 April 2021", "24-26 March 2021".
const dayFirst = new RegExp(
  `\\b${weekday}${day}(?:\\s*(?:-|–)\\s*${day})?\\s+${month}(?:,?\\s+${year}\\b)?`,
  "g",
);
// "April 2021". Seasons ("Spring 2021") are read apart, by `seasonDate`, and only where a
// publication's or an issue's date is printed: in an event's text a season is no date.
const monthYear = new RegExp(`\\b${month}\\s+${year}\\b`, "g");
const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

export interface FoundDate {
  date: PartialDate;
  endDate?: PartialDate;
  span: Span;
}

function make(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
): PartialDate | null {
  const date: PartialDate = {};
  if (yearText) date.year = Number(yearText);
  if (monthText) {
    const value = monthNumbers[monthText.toLowerCase().replace(/\.$/, "")];
    if (value === undefined) return null;
    date.month = value;
  }
  if (dayText) date.day = Number(dayText);
  const key = `${date.year} ${date.month} ${date.day}`;
  let valid = validDates.get(key);
  if (valid === undefined) {
    valid = partialDateSchema.safeParse(date).success;
    if (validDates.size >= 4096) validDates.clear();
    validDates.set(key, valid);
  }
  return valid ? date : null;
}
// The schema's answer for each year, month and day met lately (the same dates recur on many pages).
const validDates = new Map<string, boolean>();

/** Every date written in `text`, with its span (offset by `base`). Overlapping matches keep the first, longest. */
export function findDates(text: string, base = 0): FoundDate[] {
  // Every date form has a year or a month name; most lines have neither.
  if (!/\d/.test(text) || !/\d{4}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/.test(text)) return [];
  const found: FoundDate[] = [];
  const taken: Span[] = [];
  const overlaps = (start: number, end: number) => taken.some((span) => start < span.end && end > span.start);
  const push = (start: number, end: number, date: PartialDate | null, endDate?: PartialDate | null) => {
    if (!date || overlaps(start, end)) return;
    taken.push({ start, end });
    const item: FoundDate = { date, span: { start: base + start, end: base + end } };
    if (endDate) item.endDate = endDate;
    found.push(item);
  };
  for (const match of text.matchAll(iso)) {
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    push(match.index, match.index + match[0].length, partialDateSchema.safeParse(date).success ? date : null);
  }
  for (const match of text.matchAll(monthFirst)) {
    const [all, startMonth, startDay, endMonth, endDay, yearText] = match;
    const start = make(yearText, startMonth, startDay);
    const end = endDay ? make(yearText, endMonth ?? startMonth, endDay) : null;
    push(match.index, match.index + all.length, start, end);
  }
  for (const match of text.matchAll(dayFirst)) {
    const [all, startDay, endDay, monthText, yearText] = match;
    push(
      match.index,
      match.index + all.length,
      make(yearText, monthText, startDay),
      endDay ? make(yearText, monthText, endDay) : null,
    );
  }
  for (const match of text.matchAll(monthYear)) {
    push(match.index, match.index + match[0].length, make(match[2], match[1], undefined));
  }
  return found.sort((left, right) => left.span.start - right.span.start);
}

const dateLineStart =
  /^.{0,2}(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)/;

/** A line that is a date and little else ("Thursday, April 29, 2021", "Date: May 2, 2018, 3:00 p.m."). */
export function dateLine(text: string, base = 0): FoundDate | null {
  const stripped = text.replace(/^(date|when|published|posted|updated)\s*:\s*/i, "");
  // Every date form starts with a digit, a month or a weekday, and a date line's date starts
  // within two characters of the line: most lines fail this before any date pattern runs.
  if (!dateLineStart.test(stripped)) return null;
  const offset = text.length - stripped.length;
  const dates = findDates(stripped, base + offset);
  const first = dates[0];
  if (!first) return null;
  const relativeStart = first.span.start - base - offset;
  if (relativeStart > 2) return null;
  const rest = stripped.slice(first.span.end - base - offset).trim();
  // Anything after the date must look like a time, a place or a separator, not a sentence.
  if (rest.length > 0 && !/^([,|•·\-–—]|\d|at\b|from\b)/i.test(rest)) return null;
  if (rest.length > 120) return null;
  return first;
}

const seasonName = "(?:spring|summer|fall|autumn|winter)";
// "Spring 2021", "Fall/Autumn 2019", "Winter 2020/2021", "Winter 2020-21", at the start of the text.
const season = new RegExp(
  `^${seasonName}(?:\\s*/\\s*${seasonName})?\\s+(\\d{4})(?:\\s*[/–-]\\s*(\\d{4}|\\d{2}))?(?![\\d\\p{L}])`,
  "iu",
);
const seasonLabel = /^(?:published|posted|date)\s*:\s*/i;
const seasonLineStart = /^(?:(?:published|posted|date)\s*:\s*)?(?:spring|summer|fall|autumn|winter)/i;

/**
 * A season as a publication or an issue prints its date ("Spring 2021", "Fall/Autumn 2019"),
 * at the start of a line, alone or before a separator and a theme ("Spring 2021: Peacemaking
 * When…"). A season names no month (winter spans two), so the date is the year only.
 *
 * A season across two years ("Winter 2020/2021", "Winter 2020-21") dates to its first year,
 * marked `inferred` because the page prints two and the parser chose: the season starts in
 * that year (as EDTF's "2020-24" names the same winter), and an inferred date gives way to any
 * date read elsewhere when records merge. A second year that does not follow the first
 * ("Winter 2020/2023") is no season, and no date.
 */
export function seasonDate(text: string, base = 0): FoundDate | null {
  if (!seasonLineStart.test(text)) return null;
  const stripped = text.replace(seasonLabel, "");
  const offset = text.length - stripped.length;
  const match = season.exec(stripped);
  if (!match) return null;
  const [all, yearText, secondYearText] = match;
  const rest = stripped.slice(all.length).trim();
  // A theme may follow after a separator ("Spring 2021: …", "Spring 2021 | …"); a sentence may not.
  if (rest.length > 0 && !/^[:,|•·\-–—]/.test(rest)) return null;
  const date: PartialDate = { year: Number(yearText) };
  if (secondYearText !== undefined) {
    const first = date.year!;
    // "2020-21": the second year's last two digits ("1999/00" crosses a century).
    const secondYear =
      secondYearText.length === 4 ? Number(secondYearText) : first - (first % 100) + Number(secondYearText);
    if (secondYear !== first + 1 && secondYear + 100 !== first + 1) return null;
    date.inferred = true;
  }
  if (!partialDateSchema.safeParse(date).success) return null;
  return { date, span: { start: base + offset, end: base + offset + all.length } };
}

export interface FoundTime {
  start?: string;
  end?: string;
  timezone?: string;
  span: Span;
}

/**
 * A time zone as pages print it after a time: "ET", "EDT", "CET", "GMT+1", "UTC", "(KST)".
 * A list, matched case-sensitively, so that a short word after a time ("Day one", "Book
 * launch") is never read as a zone, nor a zone as the title of an agenda item.
 */
const timeZoneSource =
  "(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AKST|AKDT|HST|AST|ADT|NST|NDT|GMT|UTC|BST|IST|WET|WEST|CET|CEST|EET|EEST|MSK|TRT|WAT|CAT|EAT|SAST|GST|IRST|AFT|PKT|NPT|ICT|WIB|SGT|HKT|PHT|KST|JST|AWST|ACST|ACDT|AEST|AEDT|NZST|NZDT)(?![A-Za-z])(?:\\s?[+\u2212-]\\s?\\d{1,2}(?::?\\d{2})?)?";
export const timeZone = `\\(?${timeZoneSource}\\)?(?![A-Za-z])`;
const clock = "\\d{1,2}(?::\\d{2})?\\s*(?:[aApP]\\.?\\s?[mM]\\.?|[Nn]oon)?";
const timeRange = new RegExp(
  `(?<![\\d:])(${clock})\\s*(?:-|–|—|to)\\s*(${clock})(?:\\s+(${timeZone}))?`,
  "g",
);
const singleTime = new RegExp(
  `(?<![\\d:])(\\d{1,2}(?::\\d{2})?\\s*[aApP]\\.?\\s?[mM]\\.?)(?:\\s+(${timeZone}))?`,
  "g",
);

/** A printed time or time range: "1:00pm - 2:00pm", "12:00 PM - 1:30 PM EDT", "3:00 - 5:00 p.m. KST". */
export function findTime(text: string, base = 0): FoundTime | null {
  for (const match of text.matchAll(timeRange)) {
    const [all, start, end, zone] = match;
    // A bare "3 - 5" with no am/pm or colon anywhere is a range of numbers, not times.
    if (!/[:apn]/i.test(`${start}${end}`)) continue;
    const found: FoundTime = {
      start: start!.trim(),
      end: end!.trim(),
      span: { start: base + match.index, end: base + match.index + all.length },
    };
    if (zone) found.timezone = zone.replace(/[()]/g, "");
    return found;
  }
  for (const match of text.matchAll(singleTime)) {
    const [all, start, zone] = match;
    const found: FoundTime = {
      start: start!.trim(),
      span: { start: base + match.index, end: base + match.index + all.length },
    };
    if (zone) found.timezone = zone.replace(/[()]/g, "");
    return found;
  }
  return null;
}
