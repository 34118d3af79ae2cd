import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { CSV_COLUMNS, csvRow } from "@corpus/api";
import { type CorpusRecord, isDocument } from "@corpus/schema";
import { type Command, EXIT_OK, UsageError } from "../command.js";
import { parseArguments } from "../lib/arguments.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus export --format ndjson|csv [--out FILE] [--db PATH|URL]

Writes the whole library in id order. NDJSON has every record (documents and entities), one
JSON object a line, and imports back byte for byte with corpus import. CSV has one row per
document (id, kind, subtype, title, date, extent, site, url, people, organizations, topics,
regions, summary; the same columns as the API's CSV export) for spreadsheets, CRLF line ends;
cells that a spreadsheet would run as a formula are prefixed with '.

Examples:
  corpus export --format ndjson --out library.ndjson
  corpus export --format csv > documents.csv`;

/** A record as a CSV row: documents only (entities have no row). */
function documentRow(record: CorpusRecord): string | null {
  return isDocument(record) ? csvRow(record) : null;
}

/** Words for why a file cannot be written, for the codes a user can fix. */
function whyNotWritable(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return "its folder does not exist";
  if (error.code === "EACCES" || error.code === "EPERM") return "permission denied";
  if (error.code === "EISDIR") return "it is a folder";
  if (error.code === "ENOSPC") return "the disk is full";
  return error.message;
}

/** Opens --out before the library, so a bad path is a usage error that names it, not a crash. */
async function openOutputFile(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  try {
    await once(stream, "open");
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${whyNotWritable(error as NodeJS.ErrnoException)}`);
  }
  return stream;
}

async function write(stream: Writable, text: string): Promise<void> {
  // events.once rejects when the stream fails while we wait, so a full disk ends the export.
  if (!stream.write(text)) await once(stream, "drain");
}

export const exportCommand: Command = {
  name: "export",
  help: HELP,
  async run(argv) {
    const { values } = parseArguments(argv, {
      format: { type: "string" },
      out: { type: "string" },
      db: { type: "string" },
    });
    const format = values.format as string | undefined;
    if (format !== "ndjson" && format !== "csv")
      throw new UsageError("choose --format ndjson or --format csv");
    const outPath = values.out as string | undefined;
    const output: Writable = outPath ? await openOutputFile(outPath) : process.stdout;
    // A failed write also rejects the next write or the end below; this listener only keeps
    // the error from being thrown as an unhandled event in between.
    let failure: NodeJS.ErrnoException | undefined;
    if (outPath) output.on("error", (error: NodeJS.ErrnoException) => (failure ??= error));
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    // A reader that stops early (| head) is not an error.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
    });
    let count = 0;
    try {
      if (format === "csv") await write(output, `${CSV_COLUMNS.join(",")}\r\n`);
      for await (const record of store.exportRecords()) {
        const line = format === "ndjson" ? `${JSON.stringify(record)}\n` : documentRow(record);
        if (line === null) continue;
        await write(output, line);
        count++;
      }
      if (outPath) {
        await new Promise<void>((resolve, reject) =>
          output.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        if (failure) throw failure;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (outPath && code)
        throw new Error(`could not write ${outPath}: ${whyNotWritable(error as NodeJS.ErrnoException)}`);
      throw error;
    } finally {
      await store.close();
      if (outPath && !output.writableFinished) output.destroy();
    }
    if (values.out)
      console.error(`wrote ${count} ${format === "csv" ? "documents" : "records"} to ${values.out}`);
    return EXIT_OK;
  },
};
