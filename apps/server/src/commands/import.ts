import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { type CorpusRecord, describeIssues, parseRecord } from "@corpus/schema";
import { copyLibrary, openStore, sqliteFileOf, type Store } from "@corpus/store";
import { type Command, EXIT_OK, EXIT_PARTIAL, UsageError } from "../command.js";
import { parseArguments, printable } from "../lib/arguments.js";
import { libraryLocation, openLibrary } from "../lib/library.js";
import { createProgress, type Progress } from "../lib/progress.js";

const HELP = `Usage: corpus import <file.ndjson | library.db> [--db PATH|URL]

Reads records written by corpus export --format ndjson (one JSON record a line) and stores
them. Records are stored as they are written, so export → import into an empty library →
export gives the same bytes. Lines that are not valid records are reported with their line
number and skipped; exit 1 when there were any. A file bigger than one batch shows its progress
on stderr (megabytes read and records stored), as a bar on a terminal or a line per batch.

Given a SQLite library (a .corpus/library.db, or a corpus backup) instead, it copies all of it:
records, the page texts their fields point into, and which files they were read from. That is
how a library moves to PostgreSQL without losing its provenance:
  CORPUS_DATABASE_URL=postgres://… corpus import .corpus/library.db`;

/** Whether a file is an SQLite database (its 16-byte header), as a library or a backup is. */
function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(16);
  const descriptor = openSync(file, "r");
  try {
    return (
      readSync(descriptor, header, 0, 16, 0) === 16 && header.toString("latin1") === "SQLite format 3\u0000"
    );
  } finally {
    closeSync(descriptor);
  }
}

/** Copies a whole SQLite library into the one this command writes to. */
async function importLibrary(file: string, databaseOption: string | undefined): Promise<number> {
  const destination = libraryLocation(databaseOption);
  if (sqliteFileOf(destination) === resolve(file))
    throw new UsageError(`${file} is the library being imported into; name another with --db`);
  let source: Store;
  try {
    source = await openStore(resolve(file));
  } catch (error) {
    console.error(`corpus import: ${file} cannot be read as a Corpus library (${(error as Error).message}).`);
    return EXIT_PARTIAL;
  }
  const store = await openLibrary(databaseOption);
  let progress: Progress | undefined;
  try {
    const stats = await source.stats();
    const total = stats.documents + Object.values(stats.entities).reduce((sum, count) => sum + count, 0);
    // Shown once the copy needs more than one batch, like an NDJSON import's.
    const copied = await copyLibrary(source, store, (sofar) => {
      if (!progress && sofar.records >= total) return;
      progress ??= createProgress(total, "import (records)");
      progress.update(Math.min(sofar.records, total), `${sofar.sources} page texts`);
    });
    progress?.finish();
    await store.appendAudit({
      action: "ingest",
      actor: "cli",
      summary: `imported the library ${file}`,
      details: { file, ...copied },
    });
    console.log(
      `copied ${copied.records} records, ${copied.sources} page texts and ${copied.inputs} input files from ${file}`,
    );
    return EXIT_OK;
  } finally {
    await Promise.all([source.close(), store.close()]);
  }
}

// Records per transaction. Larger batches share more index pages per commit (decision 0022:
// 10,000 instead of 2,000 ingested 10-17% faster); 5,000 keeps a batch of large records in tens
// of megabytes.
const BATCH = 5000;

/** The file's first line that is not blank; undefined for a file of blank lines. */
async function firstLineOf(file: string): Promise<string | undefined> {
  const input = createReadStream(file, "utf8");
  try {
    for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }))
      if (text.trim() !== "") return text;
    return undefined;
  } finally {
    input.destroy();
  }
}

/** Bad lines reported one by one; past this many, only their count (a wrong file has thousands). */
const MAX_REPORTED_LINES = 20;

/**
 * Why a file's first line shows it is not an NDJSON export, or undefined when it may be one. A
 * JSON array or a pretty-printed record (the .json files ingest reads), a CSV or a saved page
 * would otherwise be refused line by line, hundreds of messages that never name the mistake. A
 * first line that starts as a record does but is damaged is only skipped, as any other line.
 */
function notAnExport(firstLine: string | undefined): string | undefined {
  const text = firstLine?.trim();
  if (text === undefined || (text.startsWith("{") && text !== "{")) return undefined;
  if (text === "{" || text === "[") return "it is JSON spread over several lines, not one record a line";
  if (text.startsWith("[")) return "its first line is a JSON array, not one record";
  return "its first line is not a JSON record";
}

export const importCommand: Command = {
  name: "import",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseArguments(argv, { db: { type: "string" } });
    const file = positionals[0];
    if (!file || positionals.length > 1)
      throw new UsageError("name one NDJSON file, e.g. corpus import library.ndjson");
    if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
    if (statSync(file).isDirectory())
      throw new UsageError(
        `${file} is a folder; import takes one NDJSON file (from corpus export). To load saved pages from a folder, use corpus ingest.`,
      );
    if (isSqliteFile(file)) return importLibrary(file, values.db as string | undefined);
    // Checked before the library is opened, so a wrong file leaves no new empty library behind.
    const reason = notAnExport(await firstLineOf(file));
    if (reason)
      throw new UsageError(
        `${file} is not an NDJSON export (${reason}); nothing stored. import reads what corpus export --format ndjson writes, or a library .db; for saved pages and .json record files, use corpus ingest ${file}`,
      );
    const store = await openLibrary(values.db as string | undefined);
    let batch: CorpusRecord[] = [];
    let line = 0;
    let failed = 0;
    const totals = { added: 0, updated: 0, unchanged: 0 };
    // Megabytes read, shown once a file needs more than one batch: a million records take minutes.
    const megabytes = Math.max(1, Math.ceil(statSync(file).size / 1e6));
    let bytesRead = 0;
    let stored = 0;
    const skip = (message: string) => {
      failed++;
      if (failed <= MAX_REPORTED_LINES) console.error(printable(message));
    };
    let progress: Progress | undefined;
    const flush = async (last = false) => {
      if (batch.length === 0) return;
      const summary = await store.upsert({ records: batch });
      totals.added += summary.added;
      totals.updated += summary.updated;
      totals.unchanged += summary.unchanged;
      stored += batch.length;
      batch = [];
      if (!last) progress ??= createProgress(megabytes, "import (MB)");
      const done = last ? megabytes : Math.min(megabytes, Math.round(bytesRead / 1e6));
      progress?.update(done, `${stored} records stored`);
    };
    try {
      for await (const text of createInterface({
        input: createReadStream(file, "utf8"),
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        line++;
        bytesRead += Buffer.byteLength(text) + 1;
        if (text.trim() === "") continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          skip(`${file}:${line}: not JSON (${(error as Error).message}); skipped`);
          continue;
        }
        const checked = parseRecord(value);
        if (!checked.ok) {
          skip(`${file}:${line}: not a valid record (${describeIssues(checked.issues)}); skipped`);
          continue;
        }
        // Store the record as written (not the parsed copy) so a round trip keeps every byte.
        batch.push(value as CorpusRecord);
        if (batch.length >= BATCH) await flush();
      }
      await flush(true);
      progress?.finish();
      if (failed > MAX_REPORTED_LINES)
        console.error(`${file}: ${failed - MAX_REPORTED_LINES} more lines skipped (not shown)`);
      await store.appendAudit({
        action: "ingest",
        actor: "cli",
        summary: `imported ${file}`,
        details: { file, ...totals, failed },
      });
    } finally {
      await store.close();
    }
    console.log(
      `records: ${totals.added} added, ${totals.updated} updated, ${totals.unchanged} unchanged; ${failed} lines skipped`,
    );
    return failed > 0 ? EXIT_PARTIAL : EXIT_OK;
  },
};
