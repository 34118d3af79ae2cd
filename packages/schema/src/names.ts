import type { CorpusRecord } from "./record.js";
import { titleKey } from "./ids.js";

const FILLER_WORDS = new Set(["of", "the", "and", "for", "on", "in", "de", "la", "al", "el"]);

function nameOf(record: CorpusRecord): string {
  return "name" in record ? record.name : record.id;
}

/** A name's words, folded as ids fold them, without filler words. */
function nameWords(name: string): string[] {
  return titleKey(name)
    .split("-")
    .filter((word) => word.length > 0 && !FILLER_WORDS.has(word));
}

/**
 * Whether two entities could plausibly be one: any of their names (aliases included) share a
 * word of two letters or more, or one is the other's initials ("USIP" for "U.S. Institute of
 * Peace"). A guard against merging under a mistyped id, not a judgement that they are one: a
 * merge cannot be undone by re-ingesting, so callers ask for an explicit override instead.
 */
export function namesLookAlike(left: CorpusRecord, right: CorpusRecord): boolean {
  const namesOf = (record: CorpusRecord) => [
    nameOf(record),
    ...("aliases" in record && Array.isArray(record.aliases) ? record.aliases : []),
  ];
  const initials = (words: string[]) => words.map((word) => word[0]).join("");
  for (const leftName of namesOf(left))
    for (const rightName of namesOf(right)) {
      const leftWords = nameWords(leftName);
      const rightWords = nameWords(rightName);
      const significant = (words: string[]) => words.filter((word) => word.length > 1);
      if (significant(leftWords).some((word) => significant(rightWords).includes(word))) return true;
      if (leftWords.length === 1 && rightWords.length > 2 && leftWords[0] === initials(rightWords))
        return true;
      if (rightWords.length === 1 && leftWords.length > 2 && rightWords[0] === initials(leftWords))
        return true;
    }
  return false;
}
