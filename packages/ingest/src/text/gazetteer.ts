import type { Span } from "@corpus/schema";

/** A fixed list of names, matched whole-word and case-sensitively in one pass. */
export interface Gazetteer<T> {
  find(text: string, base?: number): { entry: T; matched: string; span: Span }[];
  lookup(name: string): T | undefined;
}

export function createGazetteer<T>(entries: readonly { names: readonly string[]; value: T }[]): Gazetteer<T> {
  const byName = new Map<string, T>();
  const byFolded = new Map<string, T>();
  for (const entry of entries) {
    for (const name of entry.names) {
      if (!byName.has(name)) byName.set(name, entry.value);
      const folded = fold(name);
      if (!byFolded.has(folded)) byFolded.set(folded, entry.value);
    }
  }
  const alternatives = [...byName.keys()]
    .sort((left, right) => right.length - left.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}.])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}]|\\.[\\p{L}])`,
    "gu",
  );
  return {
    find(text, base = 0) {
      const found: { entry: T; matched: string; span: Span }[] = [];
      for (const match of text.matchAll(pattern)) {
        const matched = match[0];
        const entry = byName.get(matched.replace(/\s+/g, " "));
        if (entry === undefined) continue;
        found.push({
          entry,
          matched,
          span: { start: base + match.index, end: base + match.index + matched.length },
        });
      }
      return found;
    },
    lookup(name) {
      return byName.get(name) ?? byFolded.get(fold(name));
    },
  };
}

/** Case, accents, "the" and punctuation folded: for looking a written name up in a table. */
export function fold(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
