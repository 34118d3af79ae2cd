import * as z from "zod";
import { PORTABLE_LETTER_OR_DIGIT } from "./portable-pattern.js";

/**
 * Stable, readable ids: `<prefix>:<slug>`. The same name always gives the same id, in any
 * process and on any machine, so re-ingesting a page never duplicates what it names.
 * See docs/decisions/0003-stable-ids.md.
 */
export const idPrefixes = {
  document: "doc",
  person: "person",
  organization: "org",
  topic: "topic",
  region: "region",
} as const;

export type IdPrefix = (typeof idPrefixes)[keyof typeof idPrefixes];

export const idSchema = z
  .string()
  .max(200)
  .regex(/^(doc|person|org|topic|region):[\p{L}\p{N}][\p{L}\p{N}-]*$/u, {
    message: 'expected an id such as "person:frank-aum" or "doc:korea-talks-1a2b3c4d"',
  })
  .meta({
    id: "Id",
    description:
      "A stable record id: a prefix (doc, person, org, topic, region), a colon and a slug of letters, digits and hyphens (Unicode letters and digits; the pattern here checks ASCII exactly).",
    pattern: `^(doc|person|org|topic|region):${PORTABLE_LETTER_OR_DIGIT}(?:${PORTABLE_LETTER_OR_DIGIT}|-)*$`,
  });

export type Id = z.infer<typeof idSchema>;

export const documentIdSchema = idSchema.refine(
  (id) => id.startsWith("doc:"),
  "expected a document id (doc:...)",
);
export const personIdSchema = idSchema.refine(
  (id) => id.startsWith("person:"),
  "expected a person id (person:...)",
);
export const organizationIdSchema = idSchema.refine(
  (id) => id.startsWith("org:"),
  "expected an organization id (org:...)",
);
export const topicIdSchema = idSchema.refine(
  (id) => id.startsWith("topic:"),
  "expected a topic id (topic:...)",
);
export const regionIdSchema = idSchema.refine(
  (id) => id.startsWith("region:"),
  "expected a region id (region:...)",
);

// Latin letters that Unicode does not decompose into a base letter and an accent, so NFKD
// alone would keep "Sørensen" and "Sorensen" apart. Ids are built from these: adding a letter
// changes the ids of names that hold it (decision 0003), so the list only grows with a migration.
const foldedLetters: Record<string, string> = {
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ł: "l",
  þ: "th",
  ð: "d",
  ı: "i",
  Ø: "O",
  Æ: "Ae",
  Œ: "Oe",
  ẞ: "Ss",
  Đ: "D",
  Ł: "L",
  Þ: "Th",
  Ð: "D",
};

/** Spells the Latin letters NFKD does not decompose (ø, æ, ß, ł, ...) in ASCII, keeping case. */
export function foldLatinLetters(text: string): string {
  return text.replace(/[øæœßđłþðıØÆŒẞĐŁÞÐ]/g, (letter) => foldedLetters[letter] ?? letter);
}

/** Lowercase, accents folded, anything but letters and digits collapsed to single hyphens. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[øæœßđłþðı]/g, (letter) => foldedLetters[letter] ?? letter)
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/**
 * The key under which two spellings of one name meet: accents and case folded, hyphens and
 * punctuation read as spaces, single-letter middle initials dropped ("Kim Jong-un" =
 * "Kim Jong Un"; "Frank A. Aum" = "Frank Aum"). Honorifics are the parser's job, not this one's.
 */
export function personNameKey(name: string): string {
  const words = slugify(name, 400).split("-").filter(Boolean);
  return withoutMiddleInitials(words).join("-");
}

/** A name's words without single-letter middle initials ("frank a aum" -> "frank aum"). */
export function withoutMiddleInitials(words: readonly string[]): string[] {
  return words.filter((word, index) => !(word.length === 1 && index > 0 && index < words.length - 1));
}

/** The key under which two spellings of a title meet: case, accents, punctuation and quotes folded. */
export function titleKey(title: string): string {
  return slugify(title, 400);
}

/** A 32-bit FNV-1a hash in 8 hex digits: pure JS so ids can be made in browsers too. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function withFallback(slug: string, text: string): string {
  return slug.length > 0 ? slug : `x-${shortHash(text)}`;
}

/**
 * Documents are identified by their title, because a teaser in a listing and the full page
 * of the same piece share nothing else reliably; the hash keeps long titles that share a
 * prefix apart after the slug is cut.
 */
export function createDocumentId(title: string): string {
  const key = titleKey(title);
  return `doc:${withFallback(slugify(title, 60), title)}-${shortHash(key)}`;
}

export function createPersonId(name: string): string {
  return `person:${withFallback(personNameKey(name).slice(0, 80).replace(/-+$/, ""), name)}`;
}

export function createOrganizationId(canonicalName: string): string {
  return `org:${withFallback(slugify(canonicalName), canonicalName)}`;
}

export function createTopicId(name: string): string {
  return `topic:${withFallback(slugify(name), name)}`;
}

/** Countries by ISO 3166-1 alpha-2 code ("region:KR"); named regions by slug ("region:korean-peninsula"). */
export function createRegionId(nameOrAlpha2: string): string {
  if (/^[A-Z]{2}$/.test(nameOrAlpha2)) return `region:${nameOrAlpha2}`;
  return `region:${withFallback(slugify(nameOrAlpha2), nameOrAlpha2)}`;
}
