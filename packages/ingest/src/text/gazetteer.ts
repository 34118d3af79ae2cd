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
  return {
    find(text, base = 0) {
      const found: { entry: T; matched: string; span: Span }[] = [];
      wordStart.lastIndex = 0;
      for (let match = wordStart.exec(text); match !== null; match = wordStart.exec(text)) {
        const position = match.index + match[1]!.length;
        // The pattern can match empty (at the start of the text): step past it by hand.
        if (wordStart.lastIndex <= position) wordStart.lastIndex = position + 1;
        const word = firstWord(text, position);
        const candidates = byFirstWord.get(word) ?? byFirstWord.get(word.replace(/['’]s$|[.'’]+$/, ""));
        if (!candidates) continue;
        for (const name of candidates) {
          const length = matchAt(text, position, name);
          if (length === -1) continue;
          const matched = text.slice(position, position + length);
          found.push({
            entry: byName.get(name)!,
            matched,
            span: { start: base + position, end: base + position + length },
          });
          wordStart.lastIndex = position + length;
          break;
        }
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

// A capital letter or digit that starts a word (not preceded by a letter, digit or full stop).
const wordStart = /(^|[^\p{L}\p{N}.])(?=[\p{Lu}\p{N}])/gu;
const wordRun = /[\p{L}\p{N}'’.-]*/uy;

function firstWord(text: string, position: number): string {
  wordRun.lastIndex = position;
  const match = wordRun.exec(text);
  return match ? match[0] : "";
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** Length of `name` at `position` in `text` (any run of whitespace matching one space), or -1. */
function matchAt(text: string, position: number, name: string): number {
  let cursor = position;
  for (let index = 0; index < name.length; index++) {
    const expected = name[index]!;
    if (expected === " ") {
      if (!isSpace(text.charCodeAt(cursor))) return -1;
      while (isSpace(text.charCodeAt(cursor))) cursor++;
      continue;
    }
    if (text[cursor] !== expected) return -1;
    cursor++;
  }
  const next = text[cursor] ?? "";
  if (/[\p{L}\p{N}]/u.test(next)) return -1;
  if (next === "." && /\p{L}/u.test(text[cursor + 1] ?? "")) return -1;
  return cursor - position;
}
