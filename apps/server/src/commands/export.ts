import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { type CorpusRecord, formatPartialDate, isDocument } from "@corpus/schema";
import { type Command, EXIT_OK, UsageError } from "../command.js";
import { parseArguments } from "../lib/arguments.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus export --format ndjson|csv [--out FILE] [--db PATH|URL]

Writes the whole library in id order. NDJSON has every record (documents and entities), one
JSON object a line, and imports back byte for byte with corpus import. CSV has one row per
document (id, kind, subtype, title, date, people, organizations, topics, regions, url) for
spreadsheets; cells that a spreadsheet would run as a formula are prefixed with '.

Examples:
  corpus export --format ndjson --out library.ndjson
  corpus export --format csv > documents.csv`;

const CSV_COLUMNS = [
  "id",
  "kind",
  "subtype",
  "title",
  "date",
  "people",
  "organizations",
  "topics",
  "regions",
  "url",
];

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvRow(record: CorpusRecord): string | null {
  if (!isDocument(record)) return null;
  const cells = [
    record.id,
    record.kind,
    record.kind === "publication" ? record.subtype : "",
    record.title,
    record.date ? formatPartialDate(record.date) : "",
    record.people.map((person) => `${person.person.name} (${person.role})`).join("; "),
    record.organizations.map((item) => item.organization.name).join("; "),
    record.topics.map((topic) => topic.name).join("; "),
    record.regions.map((region) => region.name).join("; "),
    record.source?.url ?? "",
  ];
  return cells.map(csvCell).join(",");
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise((resolve) => stream.once("drain", resolve));
}

export const exportCommand: Command = {
  name: "export",
  summary: "write the library as NDJSON or CSV",
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
    const store = await openLibrary(values.db as string | undefined);
    const output: Writable = values.out ? createWriteStream(values.out as string) : process.stdout;
    // A reader that stops early (| head) is not an error.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
    });
    let count = 0;
    try {
      if (format === "csv") await write(output, `${CSV_COLUMNS.join(",")}\n`);
      for await (const record of store.exportRecords()) {
        const line = format === "ndjson" ? JSON.stringify(record) : csvRow(record);
        if (line === null) continue;
        await write(output, `${line}\n`);
        count++;
      }
    } finally {
      await store.close();
      if (values.out)
        await new Promise<void>((resolve, reject) =>
          output.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
    }
    if (values.out)
      console.error(`wrote ${count} ${format === "csv" ? "documents" : "records"} to ${values.out}`);
    return EXIT_OK;
  },
};
