import { type Diagnostic, type ParsedFile, parseFiles } from "@corpus/ingest";
import { formatPartialDate, isDocument } from "@corpus/schema";
import { type Command, EXIT_OK, EXIT_PARTIAL, UsageError } from "../command.js";

const help = `corpus parse: show what files yield, without storing anything

Usage: corpus parse <file|folder|glob>... [--json] [--max-bytes N]

Reads .txt, .html, .json and .ndjson files (folders recursively; quote globs) and prints
the records each yields. Nothing is written to the library.

Options:
  --json          print {"files": [...]} with every record, source text and diagnostic
  --max-bytes N   refuse files larger than N bytes (default 10485760)
  --help          this text

Exit codes: 0 every file parsed, 1 some files failed (the others were parsed), 2 usage error.

Examples:
  corpus parse saved-page.txt
  corpus parse data/demo --json > records.json
  corpus parse "pages/**/*.html"`;

export const parseCommand: Command = {
  name: "parse",
  help,
  async run(argv) {
    const patterns: string[] = [];
    let json = false;
    let maxBytes: number | undefined;
    for (let index = 0; index < argv.length; index++) {
      const argument = argv[index]!;
      if (argument === "--json") json = true;
      else if (argument === "--max-bytes") {
        const value = Number(argv[++index]);
        if (!Number.isInteger(value) || value <= 0)
          throw new UsageError("--max-bytes needs a positive whole number of bytes");
        maxBytes = value;
      } else if (argument.startsWith("-")) throw new UsageError(`unknown option "${argument}"`);
      else patterns.push(argument);
    }
    if (patterns.length === 0) throw new UsageError("name at least one file, folder or glob to parse");
    const files = await parseFiles(patterns, maxBytes === undefined ? {} : { maxBytes });
    if (json) process.stdout.write(`${JSON.stringify({ files }, null, 2)}\n`);
    else process.stdout.write(summarize(files));
    for (const diagnostic of files.flatMap((file) => file.diagnostics)) {
      if (!json || diagnostic.severity === "error") process.stderr.write(`${describe(diagnostic)}\n`);
    }
    return files.some((file) => file.failed) ? EXIT_PARTIAL : EXIT_OK;
  },
};

function describe(diagnostic: Diagnostic): string {
  return `${diagnostic.severity}: ${diagnostic.message}`;
}

/** Plain text only: titles and names come from scraped pages, so control characters are stripped. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}

export function summarize(files: ParsedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    const documents = file.records.filter(isDocument);
    const entities = file.records.length - documents.length;
    const layout = file.records[0]?.provenance[0]?.parser.name.split("/").pop();
    lines.push(
      `${clean(file.path)}: ${file.failed ? "FAILED" : `${documents.length} documents, ${entities} entities${layout ? ` (${layout})` : ""}`}`,
    );
    for (const document of documents) {
      // ISO-like, as everywhere else: "2021-03-24", "2021-03", and "--03-24" for a day without a year.
      const date = document.date
        ? ` ${formatPartialDate(document.date)}${document.date.inferred ? " (inferred)" : ""}${document.endDate ? `/${formatPartialDate(document.endDate)}` : ""}`
        : "";
      const subtype = document.kind === "publication" ? `/${document.subtype}` : "";
      const derived = document.titleDerived ? " (title derived)" : "";
      lines.push(
        `  ${document.kind}${subtype}${document.extent === "teaser" ? " teaser" : ""}${date}: ${clean(document.title)}${derived}`,
      );
      for (const person of document.people.slice(0, 8)) {
        const detail = [person.title, ...person.affiliations.map((item) => item.name)]
          .filter(Boolean)
          .join(", ");
        lines.push(`    ${person.role}: ${clean(person.person.name)}${detail ? ` (${clean(detail)})` : ""}`);
      }
      if (document.people.length > 8) lines.push(`    ... and ${document.people.length - 8} more people`);
    }
  }
  const failed = files.filter((file) => file.failed).length;
  lines.push(
    `${files.length} ${files.length === 1 ? "file" : "files"}, ${failed} failed, ${files.reduce((sum, file) => sum + file.records.length, 0)} records (nothing stored)`,
  );
  return `${lines.join("\n")}\n`;
}
