import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createScanner, type Found, type NameIndex } from "./gazetteer.js";
import { knownPeople } from "./known-people.js";
import { organizationIndex } from "./organizations.js";
import { regionIndex } from "./regions.js";

/**
 * The scanner as it was written first: word starts found by a regular expression, each word
 * looked up as a string. The table-driven scanner must find exactly what this finds.
 */
function referenceScanner<T>(indexes: readonly NameIndex<T>[]) {
  const wordAt = /(?<![\p{L}\p{N}.])[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*/gu;
  const isSpace = (code: number) => code === 32 || code === 9 || code === 13;
  const matchAt = (text: string, position: number, name: string): number => {
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
    if (/[\p{L}\p{N}]/u.test(text.charAt(cursor))) return -1;
    if (text.charAt(cursor) === "." && /\p{L}/u.test(text.charAt(cursor + 1))) return -1;
    return cursor - position;
  };
  return (text: string): Found<T>[][] =>
    indexes.map((index) => {
      const found: Found<T>[] = [];
      let cursor = 0;
      wordAt.lastIndex = 0;
      for (let match = wordAt.exec(text); match !== null; match = wordAt.exec(text)) {
        const position = match.index;
        const word = match[0];
        if (/['’-]/.test(word)) wordAt.lastIndex = position + (text.codePointAt(position)! > 0xffff ? 2 : 1);
        if (position !== 0 && position - 1 < cursor) continue;
        const candidates =
          index.byFirstWord.get(word) ?? index.byFirstWord.get(word.replace(/['’]s$|[.'’]+$/, ""));
        for (const name of candidates ?? []) {
          const length = matchAt(text, position, name);
          if (length === -1) continue;
          found.push({
            entry: index.byName.get(name)!,
            matched: text.slice(position, position + length),
            span: { start: position, end: position + length },
          });
          cursor = position + length;
          break;
        }
      }
      return found;
    });
}

const indexes = [organizationIndex, regionIndex, knownPeople.index] as NameIndex<unknown>[];
const scanner = createScanner(indexes);
const scan = (text: string) => scanner.scan(text, 0);
const reference = referenceScanner(indexes);

// Pieces of known names, and the characters around word starts that the scanner must read as
// the pattern does: apostrophes, hyphens, full stops, accents, astral letters and lone surrogates.
const piece = fc.oneof(
  fc.constantFrom(
    "United",
    "Nations",
    "United Nations",
    "U.N.",
    "U.S.",
    "U.S. Institute of Peace",
    "Institute",
    "of",
    "Peace",
    "Korea",
    "Korea's",
    "Korea’s",
    "North",
    "South Korea",
    "Kim",
    "Jong",
    "Jong-Un",
    "Kim Jong-un",
    "Moon",
    "Bosnia-Herzegovina",
    "Bogotá",
    "Erdoğan",
    "Côte d'Ivoire",
    "EU",
    "E.U.",
    "NATO",
    "USIP",
    "Trump",
    "Trump's",
  ),
  fc.constantFrom(
    " ",
    "  ",
    "\t",
    "\n",
    ".",
    ",",
    "'",
    "’",
    "-",
    "s",
    "x",
    "É",
    "1",
    "²",
    "𝐀",
    "\ud835",
    "\udc00",
  ),
  fc.string({ maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));

describe("known-name scanner", () => {
  it("finds exactly what the word-start pattern and string look-ups find", () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(scan(sample)).toEqual(reference(sample));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a page's names left to right, longest first", () => {
    const [organizations, regions, people] = scan(
      "The U.S. Institute of Peace and the United Nations met in Seoul; North Korea’s Kim Jong-un did not.",
    );
    expect(organizations!.map((found) => found.matched)).toEqual([
      "U.S. Institute of Peace",
      "United Nations",
    ]);
    expect(regions!.map((found) => found.matched)).toEqual(["U.S.", "Seoul", "North Korea"]);
    expect(people!.map((found) => found.matched)).toEqual(["Kim Jong-un"]);
  });
});
