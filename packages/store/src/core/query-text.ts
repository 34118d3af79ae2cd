/**
 * User query text → a small syntax tree → engine syntax (FTS5 MATCH or PostgreSQL tsquery).
 * Nothing the user types reaches an engine parser unescaped: every term is a run of letters and
 * digits that we quote ourselves, so no input can produce an engine syntax error.
 */

import { stemmer } from "stemmer";
import { searchable } from "./derive.js";

export type QueryNode =
  | { type: "term"; text: string; prefix: boolean }
  | { type: "phrase"; terms: string[] }
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode };

export interface ParsedQuery {
  /** null when the text holds no searchable word (e.g. only punctuation). */
  node: QueryNode | null;
  fellBackToLiteral: boolean;
  /** Every positive word, lower-cased, for highlighting. */
  words: string[];
}

/** Queries are cut at this many words so that one request cannot build an enormous engine query. */
export const MAX_QUERY_WORDS = 32;

// Fresh regular expressions per call: a shared /g regex carries lastIndex between calls.
const WORD_SOURCE = "[\\p{L}\\p{N}]+";

/** A word as the index holds it: accents off, lower case, ø/æ/ł/ß... spelled out (see searchable). */
export function foldWord(word: string): string {
  return searchable(
    word
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase(),
  );
}

function literalWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.normalize("NFKC").matchAll(new RegExp(WORD_SOURCE, "gu"))) {
    const folded = foldWord(match[0]);
    if (folded.length > 0) words.push(folded);
    if (words.length >= MAX_QUERY_WORDS) break;
  }
  return words;
}

function literal(text: string, fellBackToLiteral: boolean): ParsedQuery {
  const words = literalWords(text);
  if (words.length === 0) return { node: null, fellBackToLiteral, words };
  const terms: QueryNode[] = words.map((word) => ({ type: "term", text: word, prefix: false }));
  return {
    node: terms.length === 1 ? (terms[0] as QueryNode) : { type: "and", children: terms },
    fellBackToLiteral,
    words,
  };
}

class AdvancedSyntaxError extends Error {}

/** Endings that complete a truncated English word ("negotiat" + "ion"). */
// Not "ive" or "on": they make non-words whose stems are shorter than any real form's.
const COMPLETIONS = [
  ...["e", "es", "ed", "ing", "s", "y", "al", "ity", "ment", "ness"],
  ...["ion", "ions", "c", "cs", "cal", "sm", "st", "ze", "zation"],
];

/**
 * The shorter stems a prefix's words are indexed under. Both engines index Porter stems and stem
 * a prefix term as a word, so "peace*" becomes "peac*" and finds "peace"; but a truncation the
 * stemmer leaves alone, "negotiat*", found nothing, because "negotiation", "negotiate" and
 * "negotiating" are all indexed as "negoti". Completing the prefix with common endings and
 * stemming the results gives those stems; each joins the query as an exact term (a word indexed
 * under exactly that stem), not a prefix, so a stem made from a non-word ending ("intervent" +
 * "s" stems to "interv") brings in nothing like "interview". "cooperat*" still matches the name
 * Cooper: a truncation is a broad search.
 */
export function prefixStems(prefix: string): string[] {
  if (prefix.length < 4 || !/^[a-z]+$/.test(prefix)) return [];
  const stems = new Set<string>();
  for (const ending of COMPLETIONS) {
    const stem = stemmer(prefix + ending);
    if (stem.length >= 3 && stem.length < prefix.length && prefix.startsWith(stem)) stems.add(stem);
  }
  return [...stems];
}

type Token =
  | { kind: "word"; text: string; prefix: boolean }
  | { kind: "phrase"; words: string[] }
  | { kind: "or" | "and" | "not" | "minus" | "open" | "close" };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  const source = text.normalize("NFKC");
  const word = new RegExp(WORD_SOURCE, "uy");
  while (position < source.length) {
    const character = source[position] as string;
    if (character === '"') {
      const end = source.indexOf('"', position + 1);
      if (end < 0) throw new AdvancedSyntaxError("unclosed quote");
      const words = literalWords(source.slice(position + 1, end));
      if (words.length > 0) tokens.push({ kind: "phrase", words });
      position = end + 1;
    } else if (character === "(") {
      tokens.push({ kind: "open" });
      position++;
    } else if (character === ")") {
      tokens.push({ kind: "close" });
      position++;
    } else if (character === "-" && /[\p{L}\p{N}"(]/u.test(source[position + 1] ?? "")) {
      const previous = source[position - 1];
      if (previous === undefined || /\s|\(/u.test(previous)) tokens.push({ kind: "minus" });
      position++;
    } else {
      word.lastIndex = position;
      const match = word.exec(source);
      if (match) {
        const raw = match[0];
        position += raw.length;
        const prefix = source[position] === "*";
        if (prefix) position++;
        if (!prefix && raw === "OR") tokens.push({ kind: "or" });
        else if (!prefix && raw === "AND") tokens.push({ kind: "and" });
        else if (!prefix && raw === "NOT") tokens.push({ kind: "not" });
        else tokens.push({ kind: "word", text: foldWord(raw), prefix });
      } else {
        position++;
      }
    }
  }
  return tokens;
}

/** Recursive descent: or := and ("OR" and)*; and := unary+; unary := ("-"|"NOT")? primary. */
function parseTokens(tokens: Token[]): QueryNode {
  let index = 0;
  let wordCount = 0;
  const peek = () => tokens[index];

  function parseOr(): QueryNode {
    const children = [parseAnd()];
    while (peek()?.kind === "or") {
      index++;
      children.push(parseAnd());
    }
    if (children.length > 1 && children.some((child) => child.type === "not"))
      throw new AdvancedSyntaxError("a negation cannot be an alternative");
    return children.length === 1 ? (children[0] as QueryNode) : { type: "or", children };
  }

  function parseAnd(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const token = peek();
      if (!token || token.kind === "or" || token.kind === "close") break;
      if (token.kind === "and") {
        index++;
        continue;
      }
      children.push(parseUnary());
    }
    if (children.length === 0) throw new AdvancedSyntaxError("empty group");
    if (children.every((child) => child.type === "not")) throw new AdvancedSyntaxError("only negations");
    return children.length === 1 ? (children[0] as QueryNode) : { type: "and", children };
  }

  function parseUnary(): QueryNode {
    const token = peek();
    if (token?.kind === "minus" || token?.kind === "not") {
      index++;
      return { type: "not", child: parsePrimary() };
    }
    return parsePrimary();
  }

  function parsePrimary(): QueryNode {
    const token = tokens[index++];
    if (!token) throw new AdvancedSyntaxError("missing term");
    if (token.kind === "open") {
      const inner = parseOr();
      if (tokens[index++]?.kind !== "close") throw new AdvancedSyntaxError("unbalanced parenthesis");
      return inner;
    }
    if (token.kind === "word") {
      if (++wordCount > MAX_QUERY_WORDS) throw new AdvancedSyntaxError("too many words");
      const term: QueryNode = { type: "term", text: token.text, prefix: token.prefix };
      const stems = token.prefix ? prefixStems(token.text) : [];
      if (stems.length === 0) return term;
      return {
        type: "or",
        children: [term, ...stems.map((stem): QueryNode => ({ type: "term", text: stem, prefix: false }))],
      };
    }
    if (token.kind === "phrase") {
      wordCount += token.words.length;
      if (wordCount > MAX_QUERY_WORDS) throw new AdvancedSyntaxError("too many words");
      return token.words.length === 1
        ? { type: "term", text: token.words[0] as string, prefix: false }
        : { type: "phrase", terms: token.words };
    }
    throw new AdvancedSyntaxError(`unexpected ${token.kind}`);
  }

  const node = parseOr();
  if (index < tokens.length) throw new AdvancedSyntaxError("unbalanced parenthesis");
  return node;
}

function positiveWords(node: QueryNode, into: string[]): string[] {
  if (node.type === "term") into.push(node.text);
  else if (node.type === "phrase") into.push(...node.terms);
  else if (node.type === "and" || node.type === "or")
    for (const child of node.children) positiveWords(child, into);
  return into;
}

/** Parses user text. `simple` is literal words combined with AND; `advanced` allows "phrases", prefix*, OR, -not, (groups). */
export function parseQueryText(text: string, mode: "simple" | "advanced"): ParsedQuery {
  if (mode === "simple") return literal(text, false);
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return literal(text, false);
    const node = parseTokens(tokens);
    return { node, fellBackToLiteral: false, words: positiveWords(node, []) };
  } catch (error) {
    if (error instanceof AdvancedSyntaxError) return literal(text, true);
    throw error;
  }
}

function quoteFts(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

// Filter tokens ("tg" + 8 hex digits, see filterTag in derive.ts) live in the same FTS5 table as
// the text, in its `tags` column. Only a word that could be such a token needs a column filter:
// a column filter makes FTS5 decode every position list (3-6x slower on common words).
const TAG_LIKE = /^tg[0-9a-f]{0,8}$/;
function mayMatchTag(word: string, prefix: boolean): boolean {
  return TAG_LIKE.test(word) || (prefix && "tg".startsWith(word));
}

/**
 * FTS5 MATCH syntax. FTS5's NOT is binary, so an AND with negations renders as (positives) NOT x
 * NOT y. With `textColumns`, terms that could match a filter token are limited to those columns.
 */
export function toFts5(node: QueryNode, textColumns?: string): string {
  const limit = (text: string, tagLike: boolean) =>
    textColumns && tagLike ? `{${textColumns}} : ${text}` : text;
  switch (node.type) {
    case "term":
      return limit(
        node.prefix ? `${quoteFts(node.text)}*` : quoteFts(node.text),
        mayMatchTag(node.text, node.prefix),
      );
    case "phrase":
      return limit(
        quoteFts(node.terms.join(" ")),
        node.terms.some((term) => mayMatchTag(term, false)),
      );
    case "or":
      return `(${node.children.map((child) => toFts5(child, textColumns)).join(" OR ")})`;
    case "not":
      // The parser never leaves a lone negation (it falls back to literal instead); render one
      // as a query that matches nothing rather than as invalid syntax.
      return `(${toFts5(node.child, textColumns)} NOT ${toFts5(node.child, textColumns)})`;
    case "and": {
      const positives = node.children.filter((child) => child.type !== "not");
      const negatives = node.children.filter((child) => child.type === "not") as {
        type: "not";
        child: QueryNode;
      }[];
      let text = `(${positives.map((child) => toFts5(child, textColumns)).join(" AND ")})`;
      for (const negative of negatives) text = `(${text} NOT ${toFts5(negative.child, textColumns)})`;
      return text;
    }
  }
}

function quoteTsquery(word: string, suffix: string): string {
  return `'${word.replaceAll("'", "''").replaceAll("\\", "\\\\")}'${suffix}`;
}

/** PostgreSQL to_tsquery syntax; `weight` "A" limits terms to titles (weighted A in the tsvector). */
export function toTsquery(node: QueryNode, weight = ""): string {
  switch (node.type) {
    case "term":
      return quoteTsquery(node.text, node.prefix || weight ? `:${node.prefix ? "*" : ""}${weight}` : "");
    case "phrase":
      return `(${node.terms.map((term) => quoteTsquery(term, weight ? `:${weight}` : "")).join(" <-> ")})`;
    case "or":
      return `(${node.children.map((child) => toTsquery(child, weight)).join(" | ")})`;
    case "not":
      return `!${toTsquery(node.child, weight)}`;
    case "and":
      return `(${node.children.map((child) => toTsquery(child, weight)).join(" & ")})`;
  }
}
