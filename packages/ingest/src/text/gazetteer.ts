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
  const scanner = createScanner([index]);
  return {
    index,
    find(text, base = 0) {
      return scanner.scan(text, base)[0]!;
    },
    lookup(name) {
      return byName.get(name) ?? byFolded.get(foldRemembered(name));
    },
  };
}

/**
 * Finds every name of each index written in a text, in one pass over its word starts. Each index
 * keeps its own cursor, so the result for one index is exactly what scanning for it alone would
 * give: left to right, longest name first at each word start, no match inside an earlier match.
 * A name never continues across a line break, so scanning a whole page once gives, line by line,
 * the same matches as scanning each line on its own.
 *
 * A word start is a capital or digit not preceded by a letter, digit or full stop, and its word
 * the run of letters, digits, apostrophes, full stops and hyphens from there (as the pattern
 * `(?<![\p{L}\p{N}.])[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*` with the `u` flag reads them). The scan
 * walks the text's code units once, classifying each from a table, and hashes each word as it
 * goes: a word no name starts with costs one integer-keyed look-up and no string is made.
 */
export function createScanner<T>(indexes: readonly NameIndex<T>[]): NameScanner<T> {
  return new NameScanner(indexes);
}

/**
 * One class for every scanner (the page's, and each gazetteer's own): V8 then compiles the scan
 * once for all of them, where a closure made per scanner was compiled once per scanner.
 */
export class NameScanner<T> {
  private readonly byHash = new Map<number, FirstWord[]>();
  private readonly count: number;

  constructor(private readonly indexes: readonly NameIndex<T>[]) {
    this.count = indexes.length;
    // First word → the candidate names of each index (null where an index has none), kept in a
    // table keyed by the word's hash; the words sharing a hash are compared in full.
    const entries = new Map<string, (string[] | null)[]>();
    indexes.forEach((index, which) => {
      for (const [word, names] of index.byFirstWord) {
        let entry = entries.get(word);
        if (!entry) {
          entry = indexes.map(() => null);
          entries.set(word, entry);
          const hash = hashOf(word, 0, word.length);
          const bucket = this.byHash.get(hash) ?? [];
          bucket.push({ word, candidates: entry });
          this.byHash.set(hash, bucket);
        }
        entry[which] = names;
      }
    });
  }

  private lookup(text: string, start: number, end: number, hash: number): (string[] | null)[] | undefined {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) return undefined;
    for (const item of bucket)
      if (item.word.length === end - start && text.startsWith(item.word, start)) return item.candidates;
    return undefined;
  }

  /** The names of each index found in `text`, spans offset by `base`. */
  scan(text: string, base: number): Found<T>[][] {
    const count = this.count;
    const indexes = this.indexes;
    const results: Found<T>[][] = [];
    // The first position where each index may start its next match (just past its last match).
    const cursors: number[] = [];
    for (let which = 0; which < count; which++) {
      results.push([]);
      cursors.push(0);
    }
    const length = text.length;
    // The text's code units, read from a typed array: one bulk copy, then the same fast reads
    // whatever the string's representation (a page, or a slice of a line).
    const units = codeUnitsOf(text);
    // Whether the code point before `position` is a letter, digit or full stop.
    let blocked = false;
    let position = 0;
    while (position < length) {
      const code = units[position]!;
      let width = 1;
      let kind: number;
      if (code < 128) kind = asciiClasses[code]!;
      else if (isHighSurrogate(code) && position + 1 < length && isLowSurrogate(units[position + 1]!)) {
        width = 2;
        kind = classOfCodePoint(codePoint(code, units[position + 1]!));
      } else kind = classOfUnit(code);
      if (blocked || (kind & START) === 0) {
        blocked = (kind & BLOCKS) !== 0;
        position += width;
        continue;
      }
      // A word start: find the end of its word, hashing it on the way.
      let end = position;
      let hash = HASH_SEED;
      let innerBreak = false;
      let nextKind = kind;
      let nextWidth = width;
      for (;;) {
        if ((nextKind & BREAK) !== 0) innerBreak = true;
        hash = Math.imul(hash ^ units[end]!, HASH_PRIME);
        if (nextWidth === 2) hash = Math.imul(hash ^ units[end + 1]!, HASH_PRIME);
        end += nextWidth;
        if (end >= length) break;
        const next = units[end]!;
        nextWidth = 1;
        if (next < 128) nextKind = asciiClasses[next]!;
        else if (isHighSurrogate(next) && end + 1 < length && isLowSurrogate(units[end + 1]!)) {
          nextWidth = 2;
          nextKind = classOfCodePoint(codePoint(next, units[end + 1]!));
        } else nextKind = classOfUnit(next);
        if ((nextKind & WORD) === 0) break;
      }
      const entry = this.lookup(text, position, end, hash);
      let strippedEntry: (string[] | null)[] | undefined | null = null;
      let strippedEnd = end;
      for (let which = 0; which < count; which++) {
        // A word start needs its preceding character at or after the cursor.
        if (position !== 0 && position - 1 < cursors[which]!) continue;
        let candidates = entry?.[which];
        // Each candidate's first word is the text's word here (or that word without its possessive).
        let firstWordLength = end - position;
        if (!candidates) {
          // As the single-index scan: the possessive-stripped word only when the word has no entry.
          if (strippedEntry === null) {
            strippedEnd = withoutPossessive(text, position, end);
            strippedEntry =
              strippedEnd === end
                ? undefined
                : this.lookup(text, position, strippedEnd, hashStep(HASH_SEED, text, position, strippedEnd));
          }
          candidates = strippedEntry?.[which];
          firstWordLength = strippedEnd - position;
        }
        if (!candidates) continue;
        for (const name of candidates) {
          const matchedLength = matchAt(text, position, name, firstWordLength);
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
      // Word starts can sit inside this word after an apostrophe or hyphen ("Jong-Un",
      // "Bosnia-Herzegovina"): then look there next; otherwise carry on after the word (whose
      // end is no word start: it is not a letter or digit).
      if (innerBreak) {
        blocked = true;
        position += width;
      } else {
        blocked = false;
        position = end;
      }
    }
    return results;
  }
}

interface FirstWord {
  word: string;
  candidates: (string[] | null)[];
}

// Character classes of one code point, as bits.
/** A letter or digit or full stop: a word cannot start right after it. */
const BLOCKS = 1;
/** A capital letter or a digit: a word can start here. */
const START = 2;
/** A letter, digit, apostrophe (' or ’), full stop or hyphen: part of a word. */
const WORD = 4;
/** An apostrophe or hyphen: a word start may follow inside a word. */
const BREAK = 8;
const KNOWN = 16;

const letter = /^\p{L}$/u;
const upper = /^\p{Lu}$/u;
const digit = /^\p{N}$/u;

function classify(character: string): number {
  let kind = KNOWN;
  const isLetter = letter.test(character);
  const isDigit = digit.test(character);
  if (isLetter || isDigit || character === ".") kind |= BLOCKS;
  if (upper.test(character) || isDigit) kind |= START;
  if (isLetter || isDigit || character === "." || character === "'" || character === "’" || character === "-")
    kind |= WORD;
  if (character === "'" || character === "’" || character === "-") kind |= BREAK;
  return kind;
}

const asciiClasses = new Uint8Array(128);
for (let code = 0; code < 128; code++) asciiClasses[code] = classify(String.fromCharCode(code));
// Other code units, classified the first time they are met (a lone surrogate is none of these).
const unitClasses = new Uint8Array(0x10000);

function classOfUnit(code: number): number {
  let kind = unitClasses[code]!;
  if (kind === 0) {
    kind = classify(String.fromCharCode(code));
    unitClasses[code] = kind;
  }
  return kind;
}

function classOfCodePoint(code: number): number {
  return classify(String.fromCodePoint(code));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function codePoint(high: number, low: number): number {
  return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
}

// One buffer, reused: scans do not nest. Buffer's "utf16le" copy is the string's code units
// exactly (lone surrogates included) on a little-endian machine; elsewhere, a loop.
let units = new Uint16Array(1 << 13);
let unitBytes = Buffer.from(units.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function codeUnitsOf(text: string): Uint16Array {
  if (text.length > units.length) {
    units = new Uint16Array(text.length * 2);
    unitBytes = Buffer.from(units.buffer);
  }
  if (littleEndian) unitBytes.write(text, 0, "utf16le");
  else for (let index = 0; index < text.length; index++) units[index] = text.charCodeAt(index);
  return units;
}

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units text[from, to), continuing from `hash`. */
function hashStep(hash: number, text: string, from: number, to: number): number {
  let value = hash;
  for (let index = from; index < to; index++) value = Math.imul(value ^ text.charCodeAt(index), HASH_PRIME);
  return value;
}

function hashOf(text: string, from: number, to: number): number {
  return hashStep(HASH_SEED, text, from, to);
}

/**
 * The end of text[start, end) without a possessive or trailing stops: "Korea's" → "Korea",
 * "U.N." → "U.N", "Nations’" → "Nations" (as `/['’]s$|[.'’]+$/` would strip).
 */
function withoutPossessive(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (last === 115 /* s */ && end - start >= 2) {
    const before = text.charCodeAt(end - 2);
    if (before === 39 || before === 0x2019) return end - 2;
  }
  let stripped = end;
  while (stripped > start) {
    const code = text.charCodeAt(stripped - 1);
    if (code !== 46 && code !== 39 && code !== 0x2019) break;
    stripped--;
  }
  return stripped;
}

// Folded forms of the names looked up lately: the same comma parts and lines come back page after
// page, and folding (Unicode normalisation and four patterns) costs more than the look-up.
const foldedNames = new Map<string, string>();

function foldRemembered(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = fold(name);
    if (foldedNames.size >= 4096) foldedNames.clear();
    foldedNames.set(name, folded);
  }
  return folded;
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

/**
 * Length of `name` at `position` in `text` (a run of spaces matching one space), or -1. The first
 * `known` code units are already known to be equal (the name's first word, found by the scan).
 */
function matchAt(text: string, position: number, name: string, known: number): number {
  const length = text.length;
  let cursor = position + known;
  for (let index = known; index < name.length; index++) {
    // Past the end of the text nothing matches (and nothing is read there).
    if (cursor >= length) return -1;
    const expected = name.charCodeAt(index);
    if (expected === 32) {
      if (!isSpace(text.charCodeAt(cursor))) return -1;
      while (cursor < length && isSpace(text.charCodeAt(cursor))) cursor++;
      continue;
    }
    if (text.charCodeAt(cursor) !== expected) return -1;
    cursor++;
  }
  if (cursor >= length) return cursor - position;
  const next = text.charCodeAt(cursor);
  if (isSingleLetterOrDigit(next)) return -1;
  if (next === 46 && cursor + 1 < length && isSingleLetter(text.charCodeAt(cursor + 1))) return -1;
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
