import { type CorpusRecord, describeIssues, parseRecord } from "@corpus/schema";
import type { UpsertBatch } from "@corpus/store";

/** A problem with one input, named so a user can find it: file, and line or field path. */
export interface IngestProblem {
  file: string;
  line?: number;
  path?: string;
  message: string;
}

export interface IngestOutcome {
  batch: UpsertBatch;
  errors: IngestProblem[];
  warnings: IngestProblem[];
}

/** What admin.ingest needs from the ingest package: inputs in, a batch ready for `store.upsert` out. */
export interface IngestPipeline {
  fromRecords(records: readonly unknown[]): Promise<IngestOutcome>;
  fromFile(file: { name: string; content: string }): Promise<IngestOutcome>;
}

/** Records are validated one by one so a bad one is reported by index and the rest still go in. */
function validateRecords(values: readonly unknown[], file: string, lineOf?: (index: number) => number) {
  const records: CorpusRecord[] = [];
  const errors: IngestProblem[] = [];
  values.forEach((value, index) => {
    const result = parseRecord(value);
    if (result.ok) records.push(result.value);
    else {
      const line = lineOf?.(index);
      errors.push({
        file,
        ...(line === undefined ? { path: `[${index}]` } : { line }),
        message: describeIssues(result.issues),
      });
    }
  });
  return { records, errors };
}

export function createDefaultIngestPipeline(): IngestPipeline {
  return {
    async fromRecords(values) {
      const { records, errors } = validateRecords(values, "request body");
      return { batch: { records }, errors, warnings: [] };
    },
    async fromFile({ name, content }) {
      const lower = name.toLowerCase();
      if (lower.endsWith(".ndjson")) {
        const lines = content.split("\n");
        const values: unknown[] = [];
        const lineNumbers: number[] = [];
        const errors: IngestProblem[] = [];
        lines.forEach((line, index) => {
          if (!line.trim()) return;
          try {
            values.push(JSON.parse(line));
            lineNumbers.push(index + 1);
          } catch {
            errors.push({ file: name, line: index + 1, message: "not valid JSON; line skipped" });
          }
        });
        const validated = validateRecords(values, name, (index) => lineNumbers[index] ?? 0);
        return {
          batch: { records: validated.records },
          errors: [...errors, ...validated.errors],
          warnings: [],
        };
      }
      if (lower.endsWith(".json")) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(content);
        } catch {
          return {
            batch: { records: [] },
            errors: [{ file: name, message: "not valid JSON; nothing stored" }],
            warnings: [],
          };
        }
        const validated = validateRecords(Array.isArray(parsed) ? parsed : [parsed], name);
        return { batch: { records: validated.records }, errors: validated.errors, warnings: [] };
      }
      return {
        batch: { records: [] },
        errors: [
          {
            file: name,
            message:
              "page text and HTML need the @corpus/ingest parser, which this build lacks; nothing stored",
          },
        ],
        warnings: [],
      };
    },
  };
}
