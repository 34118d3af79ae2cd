import type { QueryNode } from "./query-text.js";

/** Plain SQL with `?` placeholders; the PostgreSQL driver renumbers them to $1, $2, ... */
export interface Executor {
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Rows as arrays of column values (no per-row objects): for bulk reads. */
  values(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
}

export type SearchScope = "all" | "title" | "section";

/** What each engine does its own way: full-text writes and reads, transactions, backup. */
export interface TextWriter {
  /** Writes the full-text rows of new or replaced documents (title + body) and their sections. */
  writeText(
    documents: readonly { seq: number; title: string; body: string; tags: string }[],
    sections: readonly { id: number; docSeq: number; heading: string | null; text: string }[],
  ): Promise<void>;
  /** Removes the full-text rows and sections of these documents. */
  deleteText(documentSeqs: readonly number[]): Promise<void>;
}

export interface WriteTransaction extends Executor, TextWriter {}

/** Narrows what the engine scores; `minSeq`/`maxSeq` bound the sequence numbers (inclusive, exclusive). */
export interface ScoreFilter {
  seqs?: readonly number[];
  tags?: readonly (readonly string[])[];
  minSeq?: number;
  maxSeq?: number;
}

export interface ScoredSeq {
  seq: number;
  /** Higher is more relevant. */
  score: number;
}

export interface SqlDriver extends Executor {
  readonly engine: "sqlite" | "postgres";
  /** Runs `work` in one transaction on the write connection; writers queue behind each other. */
  transaction<T>(work: (transaction: WriteTransaction) => Promise<T>): Promise<T>;
  /**
   * Sequence numbers of every document the query matches within the scope; null when the engine
   * ignores every word of it (PostgreSQL's stop words: "the", "a", "in"), so it constrains nothing.
   */
  matchSeqs(node: QueryNode, scope: SearchScope, section: string | undefined): Promise<Uint32Array | null>;
  /**
   * Relevance of matching documents, best first. `filter` narrows the documents scored: either
   * their seqs, or groups of filter tags (a document needs one tag of every group; engines may
   * ignore what they cannot use, the caller filters exactly afterwards). `limit` keeps the best.
   */
  score(
    node: QueryNode,
    scope: SearchScope,
    section: string | undefined,
    filter: ScoreFilter | null,
    limit: number | null,
  ): Promise<ScoredSeq[]>;
  backup(destination: string): Promise<void>;
  /** Problems the engine's own consistency check reports; empty when the database is sound. */
  checkIntegrity(): Promise<string[]>;
  close(): Promise<void>;
}

/** Splits a list into pieces small enough for one statement's parameters. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let start = 0; start < items.length; start += size) pieces.push(items.slice(start, start + size));
  return pieces;
}

export function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill("?").join(",")})`;
  return new Array(rows).fill(row).join(",");
}
