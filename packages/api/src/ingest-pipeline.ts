import { type Diagnostic, parseInput, prepareBatch } from "@corpus/ingest";
import type { Store, UpsertBatch } from "@corpus/store";

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

/** What admin.ingest needs: input files in, a batch ready for `store.upsert` out. */
export interface IngestPipeline {
  prepare(files: readonly { path: string; bytes: Uint8Array }[], store: Store): Promise<IngestOutcome>;
}

function toProblem(diagnostic: Diagnostic): IngestProblem {
  return {
    file: diagnostic.file,
    ...(diagnostic.line !== undefined ? { line: diagnostic.line } : {}),
    ...(diagnostic.field !== undefined ? { path: diagnostic.field } : {}),
    message: diagnostic.message,
  };
}

/**
 * The same path `corpus ingest` takes: @corpus/ingest parses each input (records arrive as a
 * JSON file), then merges the batch with what the library already holds.
 */
export function createDefaultIngestPipeline(): IngestPipeline {
  return {
    async prepare(files, store) {
      const parsed = files.map((file) => parseInput(file));
      const prepared = await prepareBatch(parsed, store);
      const diagnostics = [...parsed.flatMap((file) => file.diagnostics), ...prepared.diagnostics];
      return {
        batch: { records: prepared.records, sources: prepared.sources, inputs: prepared.inputs },
        errors: diagnostics.filter((item) => item.severity === "error").map(toProblem),
        warnings: diagnostics.filter((item) => item.severity === "warning").map(toProblem),
      };
    },
  };
}
