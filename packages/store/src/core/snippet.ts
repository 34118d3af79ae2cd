import type { Document, Snippet } from "@corpus/schema";
import { foldWord } from "./query-text.js";

const SUFFIXES = ["ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"];

/** A crude stem so that highlighting agrees with the engines' stemming on the common cases. */
function stem(word: string): string {
  for (const suffix of SUFFIXES)
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  return word;
}

function matcher(words: readonly string[]): (token: string) => boolean {
  const stems = new Set(words.map(stem));
  const prefixes = words.filter((word) => word.length >= 2);
  return (token) => {
    const folded = foldWord(token);
    if (stems.has(stem(folded))) return true;
    return prefixes.some((prefix) => folded.startsWith(prefix) && folded.length - prefix.length <= 3);
  };
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * A passage of about `width` words around the first match, cut into runs with the matched words
 * flagged. Computed from the record itself so that both engines give the same snippet.
 */
export function buildSnippet(
  document: Document,
  words: readonly string[],
  options: { section?: string; width?: number } = {},
): Snippet | undefined {
  const width = options.width ?? 30;
  const isMatch = matcher(words);
  const sections = (document.sections ?? []).filter(
    (section) => !options.section || section.heading?.toLowerCase() === options.section.toLowerCase(),
  );
  const texts = [
    ...(options.section ? [] : [document.summary ?? ""]),
    ...sections.map((section) => section.text),
  ].filter((text) => text.length > 0);
  if (texts.length === 0) return undefined;
  let chosen = texts[0] as string;
  let firstMatch = -1;
  if (words.length > 0)
    for (const text of texts) {
      for (const match of text.matchAll(TOKEN))
        if (isMatch(match[0])) {
          chosen = text;
          firstMatch = match.index;
          break;
        }
      if (firstMatch >= 0) break;
    }
  const tokens = [...chosen.matchAll(TOKEN)];
  const matchToken = Math.max(
    0,
    tokens.findIndex((token) => token.index === firstMatch),
  );
  const startToken = Math.max(0, matchToken - Math.floor(width / 3));
  const endToken = Math.min(tokens.length, startToken + width);
  const start = tokens[startToken]?.index ?? 0;
  const lastToken = tokens[endToken - 1];
  const end = lastToken ? lastToken.index + lastToken[0].length : chosen.length;
  const runs: Snippet = [];
  const push = (text: string, highlight: boolean) => {
    if (text.length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.highlight === highlight) last.text += text;
    else runs.push({ text, highlight });
  };
  if (start > 0) push("…", false);
  let position = start;
  for (let index = startToken; index < endToken; index++) {
    const token = tokens[index] as RegExpExecArray;
    push(chosen.slice(position, token.index), false);
    push(token[0], words.length > 0 && isMatch(token[0]));
    position = token.index + token[0].length;
  }
  push(chosen.slice(position, end), false);
  if (end < chosen.length) push("…", false);
  return runs;
}
