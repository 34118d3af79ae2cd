#!/usr/bin/env node
// The ingest rate of the store against the bare engine's (the floor), in one run: each batch of
// synthetic records is upserted into a fresh library and, right after, written by bare
// better-sqlite3 into a fresh file with the least a searchable library needs: one table of
// records as JSON with a unique id, and one FTS5 table over the title and text (same tokenizer,
// WAL, synchronous = FULL, one transaction a batch). With --rows-only a third file gets the rows
// without full text. The batches alternate which side goes first, so both see the same machine.
// Usage (from the repo root, after `pnpm build`):
//   node bench/store/ingest-floor.mjs [--count 1000000] [--batch 2000] [--every 100000] [--rows-only]
// Scratch files go under .corpus/bench/ingest-floor-*.db (removed at the start of each run);
// results to bench/store/results/sqlite-<count>-ingest-floor[-batch-<batch>].json.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { exitWithHelpIfAsked } from "../help.mjs";

exitWithHelpIfAsked(import.meta.url);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "packages/store/package.json"));
const Database = require("better-sqlite3");
const { openStore, syntheticRecords } = await import(join(root, "packages/store/dist/index.js"));

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000000" },
    batch: { type: "string", default: "2000" },
    every: { type: "string", default: "100000" },
    "rows-only": { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const batchSize = Number(values.batch);
const every = Number(values.every);
const label = count >= 1_000_000 ? `${count / 1_000_000}m` : `${count / 1000}k`;
const scratch = join(root, ".corpus/bench");
mkdirSync(scratch, { recursive: true });
const fresh = (name) => {
  const path = join(scratch, `ingest-floor-${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  return path;
};

const store = await openStore(fresh("store"));

// The bare engine: what any searchable SQLite library writes at the least.
function openBare(path, withText) {
  const database = new Database(path);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("cache_size = -65536");
  database.exec(
    "CREATE TABLE records (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, json TEXT NOT NULL)",
  );
  if (withText) {
    database.exec(
      "CREATE VIRTUAL TABLE record_text USING fts5(title, body, content='', tokenize='porter unicode61 remove_diacritics 2')",
    );
    // The same pending-terms buffer as the store's (decision 0024), so the floor is no slower for it.
    database.exec("INSERT INTO record_text (record_text, rank) VALUES ('hashsize', 67108864)");
  }
  const insertRecord = database.prepare("INSERT INTO records (id, kind, json) VALUES (?, ?, ?)");
  const insertText = withText
    ? database.prepare("INSERT INTO record_text (rowid, title, body) VALUES (?, ?, ?)")
    : null;
  const write = database.transaction((records) => {
    for (const record of records) {
      const { lastInsertRowid } = insertRecord.run(record.id, record.kind, JSON.stringify(record));
      if (!insertText || record.title === undefined) continue;
      const body = [record.summary ?? "", ...(record.sections ?? []).map((section) => section.text)].join(
        "\n",
      );
      insertText.run(lastInsertRowid, record.title, body);
    }
  });
  return { write, close: () => database.close() };
}

const sides = [
  { name: "store", write: (records) => store.upsert({ records }), ms: 0, windowMs: 0 },
  { name: "bare engine (rows + full text)", ...openBare(fresh("bare"), true), ms: 0, windowMs: 0 },
];
if (values["rows-only"])
  sides.push({ name: "bare engine (rows only)", ...openBare(fresh("rows"), false), ms: 0, windowMs: 0 });

const log = (...parts) => console.log(new Date().toISOString().slice(11, 19), ...parts);
const rate = (records, ms) => Math.round(records / (ms / 1000));
const windows = [];
let records = 0;
let windowRecords = 0;
let batchNumber = 0;
let batch = [];

async function flush() {
  const order = batchNumber++ % 2 === 0 ? sides : [...sides].reverse();
  for (const side of order) {
    const start = performance.now();
    await side.write(batch);
    const ms = performance.now() - start;
    side.ms += ms;
    side.windowMs += ms;
  }
  records += batch.length;
  windowRecords += batch.length;
  batch = [];
  if (windowRecords >= every) closeWindow();
}
function closeWindow() {
  const window = { upTo: records };
  for (const side of sides) {
    window[side.name] = rate(windowRecords, side.windowMs);
    side.windowMs = 0;
  }
  windows.push(window);
  windowRecords = 0;
  log(JSON.stringify(window));
}

for (const record of syntheticRecords({ count, seed: 42 })) {
  batch.push(record);
  if (batch.length >= batchSize) await flush();
}
if (batch.length) await flush();
if (windowRecords) closeWindow();
await store.close();
for (const side of sides.slice(1)) side.close();

const whole = Object.fromEntries(
  sides.map((side) => [
    side.name,
    { seconds: Math.round(side.ms / 100) / 10, recordsPerSecond: rate(records, side.ms) },
  ]),
);
const result = {
  documents: count,
  records,
  batch: batchSize,
  machine: `2 cores, Node ${process.versions.node}`,
  whole,
  storeOverFloor:
    Math.round(
      (whole.store.recordsPerSecond / whole["bare engine (rows + full text)"].recordsPerSecond) * 100,
    ) / 100,
  recordsPerSecondByWindow: windows,
  loadAverageAtEnd: loadavg().map((value) => Math.round(value * 10) / 10),
  command: `node bench/store/ingest-floor.mjs --count ${count} --batch ${batchSize} --every ${every}${values["rows-only"] ? " --rows-only" : ""}`,
  at: new Date().toISOString(),
};
const out = join(root, "bench/store/results");
mkdirSync(out, { recursive: true });
const suffix = batchSize === 2000 ? "" : `-batch-${batchSize}`;
writeFileSync(
  join(out, `sqlite-${label}-ingest-floor${suffix}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(JSON.stringify(result, null, 2));
