/**
 * @corpus/ingest: saved pages (.txt, .html) and records (.json, .ndjson) into @corpus/schema
 * records with provenance. Pure: no database. Nothing here throws for bad input; problems come
 * back as diagnostics on the file they concern.
 */
export { mergeRecord } from "./merge.js";
export { normalizeText } from "./normalize.js";
export { parseFiles } from "./parse-files.js";
export { parseInput } from "./parse-input.js";
export { prepareBatch } from "./prepare-batch.js";
export type {
  Diagnostic,
  DiagnosticCode,
  LibraryReader,
  ParsedFile,
  ParseOptions,
  PreparedBatch,
} from "./types.js";
export { DEFAULT_MAX_BYTES, PARSER_NAME, PARSER_VERSION } from "./version.js";
