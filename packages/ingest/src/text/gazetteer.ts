import type { Span } from "@corpus/schema";

export interface Found<T> {
  entry: T;
  matched: string;
  span: Span;
}

/** A fixed list of names, matched whole-word and case-sensitively in one pass. */
export interface Gazetteer<T> {
  find(text: string, base?: number): Found<T>[];
  lookup(name: string): T | undefined;
  /** The first-word index, so several gazetteers can share one pass over a text (see `createScanner`). */
  readonly index: NameIndex<T>;
}

/** Names grouped by their first word, longest first, so a match is a dictionary look-up at each word start. */
export interface NameIndex<T> {
  byFirstWord: Map<string, string[]>;
  byName: Map<string, T>;
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
  // Index by first word: finding names is then a dictionary look-up at each capitalised word,
  // not a scan with one huge alternation (which cost more than all the rest of parsing).
  const byFirstWord = new Map<string, string[]>();
  for (const name of byName.keys()) {
    const key = firstWord(name, 0);
    const list = byFirstWord.get(key) ?? [];
    list.push(name);
    byFirstWord.set(key, list);
  }
  for (const list of byFirstWord.values()) list.sort((left, right) => right.length - left.length);
  const index: NameIndex<T> = { byFirstWord, byName };
  const scan = createScanner([index]);
  return {
    index,
    find(text, base = 0) {
      return scan(text, base)[0]!;
    },
    lookup(name) {
      return byName.get(name) ?? byFolded.get(fold(name));
    },
  };
}

/**
 * Finds every name of each index written in a text, in one pass over its word starts. Each index
 * keeps its own cursor, so the result for one index is exactly what scanning for it alone would
 * give: left to right, longest name first at each word start, no match inside an earlier match.
 * A name never continues across a line break, so scanning a whole page once gives, line by line,
 * the same matches as scanning each line on its own.
 */
export function createScanner<T>(
  indexes: readonly NameIndex<T>[],
): (text: string, base?: number) => Found<T>[][] {
  // First word → the candidate names of each index (null where an index has none).
  const byFirstWord = new Map<string, (string[] | null)[]>();
  indexes.forEach((index, which) => {
    for (const [word, names] of index.byFirstWord) {
      let entry = byFirstWord.get(word);
      if (!entry) {
        entry = indexes.map(() => null);
        byFirstWord.set(word, entry);
      }
      entry[which] = names;
    }
  });
  // A word start (a capital or digit not preceded by a letter, digit or full stop) and its word.
  // The regex engine finds these much faster than a loop over characters in JavaScript.
  const wordAt = /(?<![\p{L}\p{N}.])[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*/gu;
  return (text, base = 0) => {
    const results: Found<T>[][] = indexes.map(() => []);
    // The first position where each index may start its next match (just past its last match).
    const cursors = indexes.map(() => 0);
    wordAt.lastIndex = 0;
    for (let match = wordAt.exec(text); match !== null; match = wordAt.exec(text)) {
      const position = match.index;
      const word = match[0];
      // Word starts can sit inside this word after an apostrophe or hyphen ("Jong-Un",
      // "Bosnia-Herzegovina"): then look there next; otherwise carry on after the word.
      if (innerBreak.test(word))
        wordAt.lastIndex =
          position + (text.charCodeAt(position) >= 0xd800 && text.charCodeAt(position) <= 0xdbff ? 2 : 1);
      const entry = byFirstWord.get(word);
      let strippedEntry: (string[] | null)[] | undefined | null = null;
      for (let which = 0; which < indexes.length; which++) {
        // A word start needs its preceding character at or after the cursor.
        if (position !== 0 && position - 1 < cursors[which]!) continue;
        let candidates = entry?.[which];
        if (!candidates) {
          // As the single-index scan: the possessive-stripped word only when the word has no entry.
          if (strippedEntry === null) {
            const stripped = withoutPossessive(word);
            strippedEntry = stripped === word ? undefined : byFirstWord.get(stripped);
          }
          candidates = strippedEntry?.[which];
        }
        if (!candidates) continue;
        for (const name of candidates) {
          const matchedLength = matchAt(text, position, name);
          if (matchedLength === -1) continue;
          results[which]!.push({
            entry: indexes[which]!.byName.get(name)!,
            matched: text.slice(position, position + matchedLength),
            span: { start: base + position, end: base + position + matchedLength },
          });
          cursors[which] = position + matchedLength;
          break;
        }
      }
    }
    return results;
  };
}

const innerBreak = /['’-]/;

/** "Korea's" → "Korea", "U.N." → "U.N", "Nations’" → "Nations" (as `/['’]s$|[.'’]+$/` would strip). */
function withoutPossessive(word: string): string {
  let end = word.length;
  const last = word.charCodeAt(end - 1);
  if (last === 115 /* s */ && end >= 2) {
    const before = word.charCodeAt(end - 2);
    if (before === 39 || before === 0x2019) return word.slice(0, end - 2);
  }
  while (end > 0) {
    const code = word.charCodeAt(end - 1);
    if (code !== 46 && code !== 39 && code !== 0x2019) break;
    end--;
  }
  return end === word.length ? word : word.slice(0, end);
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

const wordCharacter = /^[\p{L}\p{N}'’.-]$/u;

function isWordCharacter(code: number): boolean {
  if (code < 128)
    return (
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      code === 39 ||
      code === 46 ||
      code === 45
    );
  return wordCharacter.test(String.fromCodePoint(code));
}

/** The run of letters, digits, apostrophes, dots and hyphens at `position`. */
function firstWord(text: string, position: number): string {
  let cursor = position;
  while (cursor < text.length) {
    let code = text.charCodeAt(cursor);
    if (code >= 0xd800 && code <= 0xdbff) code = text.codePointAt(cursor)!;
    if (!isWordCharacter(code)) break;
    cursor += code > 0xffff ? 2 : 1;
  }
  return text.slice(position, cursor);
}

/** Length of `name` at `position` in `text` (a run of spaces matching one space), or -1. */
function matchAt(text: string, position: number, name: string): number {
  let cursor = position;
  for (let index = 0; index < name.length; index++) {
    const expected = name.charCodeAt(index);
    if (expected === 32) {
      if (!isSpace(text.charCodeAt(cursor))) return -1;
      while (isSpace(text.charCodeAt(cursor))) cursor++;
      continue;
    }
    if (text.charCodeAt(cursor) !== expected) return -1;
    cursor++;
  }
  const next = text.charCodeAt(cursor);
  if (isSingleLetterOrDigit(next)) return -1;
  if (next === 46 && isSingleLetter(text.charCodeAt(cursor + 1))) return -1;
  return cursor - position;
}

// Not a line break: a name printed across two lines is two fragments, not one mention.
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

const singleLetterOrDigit = /[\p{L}\p{N}]/u;
const singleLetter = /\p{L}/u;

// One UTF-16 unit, as the original per-character test saw it (a lone surrogate is not a letter;
// past the end, NaN, is not one either).
function isSingleLetterOrDigit(code: number): boolean {
  if (code < 128)
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  return singleLetterOrDigit.test(String.fromCharCode(code));
}

function isSingleLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return singleLetter.test(String.fromCharCode(code));
}
