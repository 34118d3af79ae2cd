import type { PartialDate } from "@corpus/schema";

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "29 April 2021", "April 2021", "2021", "29 April" (no year): exactly as precise as the record. */
export function formatDate(date: PartialDate | undefined): string {
  if (!date) return "date unknown";
  const parts: string[] = [];
  if (date.day !== undefined) parts.push(String(date.day));
  if (date.month !== undefined) parts.push(monthNames[date.month - 1] ?? String(date.month));
  if (date.year !== undefined) parts.push(String(date.year));
  const text = parts.join(" ");
  return date.inferred ? `${text} (partly inferred)` : text;
}

/** Machine-readable form for <time dateTime>, or undefined when the year is unknown. */
export function isoDate(date: PartialDate | undefined): string | undefined {
  if (!date || date.year === undefined) return undefined;
  const pad = (value: number) => String(value).padStart(2, "0");
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** "2021-04" -> "April 2021"; "2021" stays. */
export function formatBucket(bucket: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(bucket);
  if (!match) return bucket;
  return `${monthNames[Number(match[2]) - 1]?.slice(0, 3) ?? match[2]} ${match[1]}`;
}

export const kindLabels: Record<string, string> = {
  event: "Event",
  publication: "Publication",
  issue: "Issue",
  stub: "Not in the library yet",
};

/**
 * "digest-article" -> "Digest article"; "welcoming-remarks" -> "Welcoming remarks". The hyphen
 * of a "co-" word is part of the word: "co-host" -> "Co-host", not "Co host".
 */
export function humanize(value: string): string {
  const text = value.replace(/(?<!\bco)-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/**
 * Only http(s) links leave the app: a scraped URL such as "javascript:..." or "data:..." is
 * shown as text, never as a link.
 */
export function safeExternalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}
