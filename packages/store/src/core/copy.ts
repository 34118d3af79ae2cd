import type { CorpusRecord, SourceText } from "@corpus/schema";
import type { Store, StoredInput } from "../store.js";

export interface CopySummary {
  records: number;
  sources: number;
  inputs: number;
}

/**
 * Everything a library holds that another needs to be the same library: its records, the page
 * texts their provenance points into, and which input files produced them (so ingesting the same
 * files again is a no-op there too). The audit trail stays with the library it describes. Used to
 * move a library between engines and for PostgreSQL's portable SQLite backup.
 */
export async function copyLibrary(
  from: Store,
  to: Store,
  onProgress?: (copied: CopySummary) => void,
): Promise<CopySummary> {
  const copied: CopySummary = { records: 0, sources: 0, inputs: 0 };
  const inBatches = async <T>(
    items: AsyncIterable<T>,
    size: number,
    write: (batch: T[]) => Promise<unknown>,
  ) => {
    let batch: T[] = [];
    for await (const item of items) {
      batch.push(item);
      if (batch.length >= size) {
        await write(batch);
        batch = [];
        onProgress?.(copied);
      }
    }
    if (batch.length > 0) await write(batch);
  };
  await inBatches<CorpusRecord>(from.exportRecords(), 2000, async (records) => {
    await to.upsert({ records });
    copied.records += records.length;
  });
  // Page texts are large (tens of kilobytes each): fewer to a transaction.
  await inBatches<SourceText>(from.exportSources(), 200, async (sources) => {
    await to.upsert({ records: [], sources });
    copied.sources += sources.length;
  });
  await inBatches<StoredInput>(from.exportInputs(), 2000, async (inputs) => {
    await to.upsert({ records: [], inputs });
    copied.inputs += inputs.length;
  });
  onProgress?.(copied);
  return copied;
}
