import { type CorpusRecord, isDocument, type SourceText } from "@corpus/schema";
import { mergeRecord } from "./merge.js";
import type { Diagnostic, LibraryReader, ParsedFile, PreparedBatch } from "./types.js";

/**
 * Merges the records of a batch of parsed files with each other and with what the library
 * already holds, ready for `Store.upsert`. A teaser and the full page of the same piece become
 * one record; stubs turn into the real document when its page is in the batch or the library.
 * Two full documents with one id in the same batch are merged with a warning (they are most
 * likely the same record saved twice, or two pieces sharing a title).
 * Throws only if `library.getMany` does.
 */
export async function prepareBatch(files: ParsedFile[], library: LibraryReader): Promise<PreparedBatch> {
  const diagnostics: Diagnostic[] = [];
  const merged = new Map<string, CorpusRecord>();
  const firstSeen = new Map<string, string>();
  const sources = new Map<string, SourceText>();
  const inputs: PreparedBatch["inputs"] = [];
  const seenContent = new Map<string, string>();

  for (const file of files) {
    if (file.failed || file.records.length === 0) continue;
    const twin = seenContent.get(file.contentHash);
    if (twin !== undefined) {
      diagnostics.push({
        severity: "warning",
        code: "duplicate-input",
        file: file.path,
        message: `${file.path}: same content as ${twin}; read once.`,
      });
      continue;
    }
    seenContent.set(file.contentHash, file.path);
    for (const source of file.sources) sources.set(source.contentHash, source);
    inputs.push({
      path: file.path,
      contentHash: file.contentHash,
      recordIds: [...new Set(file.records.map((record) => record.id))],
    });
    for (const record of file.records) {
      const previous = merged.get(record.id);
      if (!previous) {
        merged.set(record.id, record);
        firstSeen.set(record.id, file.path);
        continue;
      }
      if (isFullDocument(previous) && isFullDocument(record)) {
        diagnostics.push({
          severity: "warning",
          code: "duplicate-id",
          file: file.path,
          field: "id",
          message: `${file.path}: record ${record.id} also comes from ${firstSeen.get(record.id)} in this batch; the two were merged. If they are different pieces, give them different titles (or ids).`,
        });
      }
      merged.set(record.id, mergeRecord(previous, record));
    }
  }

  const ids = [...merged.keys()];
  const stored = ids.length > 0 ? await library.getMany(ids) : [];
  for (const existing of stored) {
    const incoming = merged.get(existing.id);
    if (incoming) merged.set(existing.id, mergeRecord(existing, incoming));
  }

  const records = [...merged.values()].sort((left, right) =>
    left.id < right.id ? -1 : left.id > right.id ? 1 : 0,
  );
  return { records, sources: [...sources.values()], inputs, diagnostics };
}

function isFullDocument(record: CorpusRecord): boolean {
  return isDocument(record) && record.kind !== "stub" && record.extent === "full";
}
