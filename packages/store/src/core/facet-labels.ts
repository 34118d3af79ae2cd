// A facet lists every selected filter value, so that a client can show it as selected and let
// the user remove it, even when the library has no entity under that id (a link from elsewhere,
// an entity since deleted, a typo). Its label should still read as a name, not as "region:antarctica".

const lowercaseWords = new Set([
  "a",
  "an",
  "and",
  "at",
  "de",
  "del",
  "for",
  "in",
  "la",
  "of",
  "on",
  "the",
  "to",
]);

let regionNames: Intl.DisplayNames | null | undefined;

/** "Antarctica" for "AQ", from the runtime's CLDR data; undefined when it has none. */
function regionName(alpha2: string): string | undefined {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(alpha2) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A readable label for an entity id the library has no record of: "region:antarctica" →
 * "Antarctica", "region:AQ" → "Antarctica", "topic:peace-processes" → "Peace Processes",
 * "org:institute-of-peace" → "Institute of Peace". Ids are slugs of names (0003), so this is the
 * name up to case and punctuation.
 */
export function labelFromId(id: string): string {
  const colon = id.indexOf(":");
  const slug = colon === -1 ? id : id.slice(colon + 1);
  if (!slug) return id;
  if (id.startsWith("region:") && /^[A-Z]{2}$/.test(slug)) return regionName(slug) ?? slug;
  const words = slug.split(/[-_\s]+/).filter((word) => word.length > 0);
  if (words.length === 0) return id;
  return words
    .map((word, position) =>
      position > 0 && lowercaseWords.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(" ");
}
