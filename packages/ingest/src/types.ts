import type { CorpusRecord, MediaType, SourceText } from "@corpus/schema";

/** A problem with one input. `message` says what went wrong, where, and what to do about it. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** Stable machine-readable code, e.g. "invalid-utf8", "schema", "duplicate-id". */
  code: DiagnosticCode;
  /** The input path as given. */
  file: string;
  /** 1-based line number, where the problem has one (NDJSON lines, JSON syntax errors). */
  line?: number;
  /** The zod path of a schema problem: `people[2].role`. */
  field?: string;
  message: string;
}

export type DiagnosticCode =
  | "not-found"
  | "unreadable"
  | "empty"
  | "binary"
  | "invalid-utf8"
  | "invalid-utf16"
  | "too-large"
  | "unsupported-type"
  | "no-content"
  | "script-heavy"
  | "json-syntax"
  | "schema"
  | "not-records"
  | "duplicate-id"
  | "duplicate-input"
  | "no-records";

export interface ParseOptions {
  /** Inputs larger than this many bytes are refused. Default 10 MB (10 * 1024 * 1024). */
  maxBytes?: number;
  /** The clock for `provenance.parsedAt`; pass a fixed one for deterministic output. */
  now?: () => Date;
}

/** What one input file yielded. `failed` is true when nothing usable came out of it. */
export interface ParsedFile {
  path: string;
  /** sha256 of the input bytes, lowercase hex. */
  contentHash: string;
  mediaType?: MediaType;
  records: CorpusRecord[];
  /** The normalised text the provenance spans index into (one per text or HTML input). */
  sources: SourceText[];
  diagnostics: Diagnostic[];
  failed: boolean;
}

/** The one read the batch step needs from a library: records by id (missing ids are left out). */
export interface LibraryReader {
  getMany(ids: readonly string[]): Promise<CorpusRecord[]>;
}

/** Ready for `Store.upsert`: the same shape as `UpsertBatch`, plus the batch's diagnostics. */
export interface PreparedBatch {
  records: CorpusRecord[];
  sources: SourceText[];
  inputs: { path: string; contentHash: string; recordIds: string[] }[];
  diagnostics: Diagnostic[];
}
