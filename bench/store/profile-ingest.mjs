#!/usr/bin/env node
// Where an SQLite ingest spends its time: every statement's wall time, grouped by its shape,
// per window of records, while synthetic records are upserted in batches (decision 0022 came
// from this). Optionally the WAL pages written per record (checkpointing after each batch).
// Usage (from the repo root, after `pnpm build`):
//   node bench/store/profile-ingest.mjs [--count 200000] [--batch 2000] [--every 50000] [--wal] [--fts automerge=8,...]
// Writes a scratch library under .corpus/bench/profile-ingest.db; prints to stdout only.
import { rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { applyFtsSettings } from "./fts-settings.mjs";
import { exitWithHelpIfAsked } from "../help.mjs";

exitWithHelpIfAsked(import.meta.url);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "200000" },
    batch: { type: "string", default: "2000" },
    every: { type: "string", default: "50000" },
    wal: { type: "boolean", default: false },
    // FTS5 settings for both full-text tables before the first write, e.g. "automerge=8,hashsize=33554432".
    fts: { type: "string", default: "" },
  },
});
const count = Number(values.count);
const batchSize = Number(values.batch);
const every = Number(values.every);

// Time every statement of the store's own connections by wrapping better-sqlite3's prototypes.
const require = createRequire(join(root, "packages/store/package.json"));
const Database = require("better-sqlite3");
const times = new Map();
const add = (key, ms) => {
  const entry = times.get(key) ?? { ms: 0, calls: 0 };
  entry.ms += ms;
  entry.calls++;
  times.set(key, entry);
};
const shape = (sql) =>
  sql
    .replace(/\s+/g, " ")
    .replace(/\(\?(,\s?\?)*\)(,\s?\(\?(,\s?\?)*\))*/g, "(…)")
    .slice(0, 80);
const probe = new Database(":memory:");
const Statement = Object.getPrototypeOf(probe.prepare("SELECT 1"));
probe.close();
for (const method of ["run", "all", "get"]) {
  const original = Statement[method];
  Statement[method] = function (...args) {
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      add(`${method} ${shape(this.source)}`, performance.now() - started);
    }
  };
}
const originalExec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  const started = performance.now();
  try {
    return originalExec.call(this, sql);
  } finally {
    add(`exec ${sql.slice(0, 30)}`, performance.now() - started);
  }
};

// With --wal the store's write connection (the one that sets temp_store) never checkpoints on its
// own: autocheckpointing is per connection, and this script checkpoints after each batch instead.
const originalPragma = Database.prototype.pragma;
Database.prototype.pragma = function (text, ...rest) {
  const result = originalPragma.call(this, text, ...rest);
  if (values.wal && text.startsWith("temp_store")) originalPragma.call(this, "wal_autocheckpoint = 0");
  return result;
};

const { openStore, syntheticRecords } = await import(join(root, "packages/store/dist/index.js"));
const location = join(root, ".corpus/bench/profile-ingest.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(location + suffix, { force: true });
const store = await openStore(location);
if (values.fts) applyFtsSettings(Database, location, values.fts);
// With --wal, a second connection checkpoints after each batch, so the WAL's size before the
// checkpoint is about what that batch wrote (frames of a 4 KiB page plus a 24-byte header).
const checkpointer = values.wal ? new Database(location) : null;

let batch = [];
let total = 0;
let totalMs = 0;
let windowMs = 0;
let windowRecords = 0;
let walPages = 0;
function report() {
  const sqlMs = [...times.values()].reduce((sum, entry) => sum + entry.ms, 0);
  console.log(
    `-- at ${total} records: ${Math.round(windowRecords / (windowMs / 1000))} records/s in this window; ` +
      `statements ${(sqlMs / 1000).toFixed(1)} s of ${(windowMs / 1000).toFixed(1)} s`,
  );
  for (const [key, entry] of [...times].sort((left, right) => right[1].ms - left[1].ms).slice(0, 12))
    console.log(`${(entry.ms / 1000).toFixed(2).padStart(7)} s ${String(entry.calls).padStart(7)}  ${key}`);
  if (checkpointer) console.log(`WAL pages written per record: ${(walPages / windowRecords).toFixed(2)}`);
  times.clear();
  windowMs = 0;
  windowRecords = 0;
  walPages = 0;
}
async function write() {
  const started = performance.now();
  await store.upsert({ records: batch });
  const elapsed = performance.now() - started;
  if (checkpointer) {
    walPages += statSync(`${location}-wal`).size / 4096;
    originalExec.call(checkpointer, "PRAGMA wal_checkpoint(TRUNCATE)");
  }
  totalMs += elapsed;
  windowMs += elapsed;
  windowRecords += batch.length;
  total += batch.length;
  batch = [];
}
for (const record of syntheticRecords({ count, seed: 42 })) {
  batch.push(record);
  if (batch.length >= batchSize) {
    await write();
    if (total % every < batchSize) report();
  }
}
if (batch.length > 0) await write();
if (windowRecords > 0) report();
console.log(
  `${total} records in ${(totalMs / 1000).toFixed(1)} s: ${Math.round(total / (totalMs / 1000))} records/s`,
);
checkpointer?.close();
await store.close();
