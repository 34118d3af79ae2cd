import { type CorpusRecord, parseRecord, type SourceText } from "@corpus/schema";
import { type ParseContext, createProvenance } from "./context.js";
import type { Diagnostic } from "./types.js";

export interface InputResult {
  records: CorpusRecord[];
  sources: SourceText[];
  diagnostics: Diagnostic[];
}

const RECORD_KINDS = "event, publication, issue, stub, person, organization, topic or region";

function hasKind(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "kind" in value;
}

/** A .json file: one record or an array of records in the schema's shape. */
export function parseJsonInput(text: string, context: ParseContext): InputResult {
  const result: InputResult = { records: [], sources: [], diagnostics: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const line = lineOfJsonError(text, error);
    const reason = error instanceof Error ? error.message : String(error);
    result.diagnostics.push({
      severity: "error",
      code: "json-syntax",
      file: context.path,
      ...(line ? { line } : {}),
      message: `${context.path}${line ? `:${line}` : ""}: not valid JSON (${reason}); skipped, nothing stored. Fix the syntax or save one record per line as .ndjson.`,
    });
    return result;
  }
  const values = Array.isArray(value) ? value : [value];
  if (values.length > 0 && !values.some(hasKind)) {
    // Another program's JSON (a config file, a scraper's notes) met while ingesting a folder: one
    // message that says what the file is not, instead of a schema error for every item in it.
    const keys = value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
    const shape = Array.isArray(value)
      ? 'none of its items has a "kind"'
      : keys.length > 0
        ? `it has no "kind" (its keys: ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", ..." : ""})`
        : `it holds ${value === null ? "null" : typeof value === "object" ? "an empty object" : `a ${typeof value}`}`;
    result.diagnostics.push({
      severity: "error",
      code: "not-records",
      file: context.path,
      message: `${context.path}: not Corpus records: ${shape}. A record file holds one record or an array of records, each with a "kind" (${RECORD_KINDS}), or, as .ndjson, one a line as corpus export writes them; skipped, nothing stored.`,
    });
    return result;
  }
  values.forEach((item, index) => {
    const where = Array.isArray(value) ? `record ${index}` : "the record";
    const prefix = Array.isArray(value) ? `[${index}]` : "";
    addRecord(item, context, result, { where, prefix });
  });
  if (values.length === 0) {
    result.diagnostics.push({
      severity: "warning",
      code: "no-records",
      file: context.path,
      message: `${context.path}: the JSON array is empty; nothing to store.`,
    });
  }
  return result;
}

/** A .ndjson file: one record a line. A bad line is reported with its number; the others are kept. */
export function parseNdjsonInput(text: string, context: ParseContext): InputResult {
  const result: InputResult = { records: [], sources: [], diagnostics: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, index) => {
    const line = index + 1;
    if (lineText.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.diagnostics.push({
        severity: "error",
        code: "json-syntax",
        file: context.path,
        line,
        message: `${context.path}:${line}: not valid JSON (${reason}); this line skipped, the other lines kept. Each line must hold one complete record.`,
      });
      return;
    }
    addRecord(value, context, result, { where: `line ${line}`, prefix: "", line });
  });
  if (result.records.length === 0 && result.diagnostics.length === 0) {
    result.diagnostics.push({
      severity: "warning",
      code: "no-records",
      file: context.path,
      message: `${context.path}: no records (only blank lines); nothing to store.`,
    });
  }
  return result;
}

function addRecord(
  value: unknown,
  context: ParseContext,
  result: InputResult,
  where: { where: string; prefix: string; line?: number },
): void {
  const parsed = parseRecord(value);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    const field = `${where.prefix}${first?.path ? (where.prefix && !first.path.startsWith("[") ? "." : "") + first.path : ""}`;
    const details = parsed.issues
      .slice(0, 3)
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join("; ");
    const location = where.line ? `${context.path}:${where.line}` : context.path;
    result.diagnostics.push({
      severity: "error",
      code: "schema",
      file: context.path,
      ...(where.line ? { line: where.line } : {}),
      ...(field ? { field } : {}),
      message: `${location}: ${where.where} does not match the record schema (${details}); skipped, the other records kept. Fix ${field || "the record"} and ingest again.`,
    });
    return;
  }
  const record = parsed.value;
  // Records read from JSON keep their own provenance; this input is added once, without spans.
  if (!record.provenance.some((entry) => entry.input.contentHash === context.contentHash)) {
    record.provenance = [...record.provenance, createProvenance(context, "json")];
  }
  result.records.push(record);
}

function lineOfJsonError(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const position = /position (\d+)/.exec(message)?.[1];
  const lineColumn = /line (\d+)/.exec(message)?.[1];
  if (lineColumn) return Number(lineColumn);
  if (position === undefined) return undefined;
  const offset = Math.min(Number(position), text.length);
  let line = 1;
  for (let index = 0; index < offset; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}
