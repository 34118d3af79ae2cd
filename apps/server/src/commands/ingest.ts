import { resolve } from "node:path";
import { type ParsedFile, type ParseOptions, parseFiles, prepareBatch } from "@corpus/ingest";
import type { Store, UpsertSummary } from "@corpus/store";
import { type Command, EXIT_OK, EXIT_PARTIAL, UsageError } from "../command.js";
import { parseArguments, printable } from "../lib/arguments.js";
import { openLibrary } from "../lib/library.js";
import { createProgress } from "../lib/progress.js";

const HELP = `Usage: corpus ingest <paths...> [--db PATH|URL] [--json] [--max-bytes N]

Parses files, folders or globs (.txt, .html, .json, .ndjson) and stores their records.
Safe to re-run: unchanged files are skipped, changed files update their records, teasers
merge with full pages and stubs turn into the real records when their pages arrive.
Each file is stored completely or not at all.

Options:
  --db PATH|URL   the library (default: CORPUS_DATABASE_URL, else .corpus/library.db)
  --json          print the summary as JSON
  --actor NAME    who to record in the audit trail (default: cli)
  --max-bytes N   refuse files larger than N bytes (default 10485760)

Exit codes: 0 every file stored, 1 some files failed (the others were stored), 2 usage error.

Examples:
  corpus ingest saved-pages/
  corpus ingest "data/demo/**/*.json" --json`;

/** Files stored per transaction; a failing group is retried file by file so one bad file costs only itself. */
const FILES_PER_TRANSACTION = 25;

export interface IngestReport extends UpsertSummary {
  merged: NonNullable<UpsertSummary["merged"]>;
  files: { stored: number; unchanged: number; failed: number };
  warnings: number;
  problems: { file: string; message: string }[];
}

/** Parse + store, shared by `corpus ingest` and the first start of `corpus up`. */
export async function ingestPaths(
  store: Store,
  patterns: string[],
  onProgress: (done: number, total: number, file: string) => void = () => {},
  actor = "cli",
  parseOptions: ParseOptions = {},
): Promise<IngestReport> {
  const files = await parseFiles(patterns, parseOptions);
  const report: IngestReport = {
    added: 0,
    updated: 0,
    unchanged: 0,
    merged: [],
    files: { stored: 0, unchanged: 0, failed: 0 },
    warnings: 0,
    problems: [],
  };
  for (const file of files)
    for (const diagnostic of file.diagnostics) {
      if (diagnostic.severity === "warning") report.warnings++;
      else report.problems.push({ file: diagnostic.file, message: diagnostic.message });
    }
  const usable = files.filter((file) => !file.failed);
  report.files.failed += files.length - usable.length;
  const absolute = (file: ParsedFile) => resolve(file.path);
  const stored = await store.getInputs(usable.map(absolute));
  const pending = usable.filter((file) => {
    if (stored.get(absolute(file))?.contentHash !== file.contentHash) return true;
    report.files.unchanged++;
    return false;
  });
  let done = files.length - pending.length;
  onProgress(done, files.length, "");
  const storeGroup = async (group: ParsedFile[]) => {
    const batch = await prepareBatch(group, store);
    const inputs = batch.inputs.map((input) => ({ ...input, path: resolve(input.path) }));
    const summary = await store.upsert({ records: batch.records, sources: batch.sources, inputs });
    for (const diagnostic of batch.diagnostics) {
      if (diagnostic.severity === "warning") report.warnings++;
      else report.problems.push({ file: diagnostic.file, message: diagnostic.message });
    }
    report.added += summary.added;
    report.updated += summary.updated;
    report.unchanged += summary.unchanged;
    report.merged.push(...(summary.merged ?? []));
    report.files.stored += group.length;
  };
  for (let start = 0; start < pending.length; start += FILES_PER_TRANSACTION) {
    const group = pending.slice(start, start + FILES_PER_TRANSACTION);
    try {
      await storeGroup(group);
    } catch {
      for (const file of group)
        try {
          await storeGroup([file]);
        } catch (error) {
          report.files.failed++;
          report.problems.push({
            file: file.path,
            message: `${file.path}: not stored (${(error as Error).message}); nothing from it was kept`,
          });
        }
    }
    done += group.length;
    onProgress(done, files.length, group[group.length - 1]?.path ?? "");
  }
  if (report.files.stored > 0)
    await store.appendAudit({
      action: "ingest",
      actor,
      summary: `ingested ${report.files.stored} files: ${report.added} added, ${report.updated} updated`,
      details: { patterns, ...report, problems: report.problems.slice(0, 50) },
    });
  return report;
}

export const ingestCommand: Command = {
  name: "ingest",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseArguments(argv, {
      db: { type: "string" },
      json: { type: "boolean", default: false },
      actor: { type: "string", default: "cli" },
      // A file over the limit is refused with a message that says to raise it with this option.
      "max-bytes": { type: "string" },
    });
    if (positionals.length === 0) throw new UsageError("name at least one file, folder or glob to ingest");
    const maxBytes = values["max-bytes"] === undefined ? undefined : Number(values["max-bytes"]);
    if (maxBytes !== undefined && (!Number.isInteger(maxBytes) || maxBytes <= 0))
      throw new UsageError("--max-bytes needs a positive whole number of bytes");
    const store = await openLibrary(values.db as string | undefined);
    try {
      let progress: ReturnType<typeof createProgress> | undefined;
      const report = await ingestPaths(
        store,
        positionals,
        (done, total, file) => {
          if (values.json) return;
          progress ??= createProgress(total, "ingest");
          progress.update(done, file ? printable(file) : "");
        },
        values.actor as string,
        maxBytes === undefined ? {} : { maxBytes },
      );
      progress?.finish();
      if (values.json) console.log(JSON.stringify(report, null, 2));
      else {
        for (const problem of report.problems) console.error(printable(problem.message));
        for (const fold of report.merged)
          console.log(`merged ${fold.from} into ${fold.into}, which names it as an alias`);
        console.log(
          `records: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged\n` +
            `files: ${report.files.stored} stored, ${report.files.unchanged} unchanged, ${report.files.failed} failed; ${report.warnings} warnings`,
        );
      }
      return report.files.failed > 0 ? EXIT_PARTIAL : EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
