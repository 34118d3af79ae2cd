#!/usr/bin/env node
// Store benchmark: ingest rate, search latency (500-query mix with all facets), get-by-id latency,
// database size, and the bare engine's own top-20 query for the same searches (the floor).
// Usage (from the repo root, after `pnpm build`):
//   node bench/store/run.mjs --count 100000 [--engine sqlite|postgres] [--db PATH|URL]
//   A/B runs: [--fts automerge=4,hashsize=1048576] (FTS5 settings instead of the store's) [--search-only]
//   [--queries 500] the size of the query mix; [--reuse] search the SQLite library of an earlier run
// Results go to bench/store/results/<engine>-<count>.json and .md.
import { mkdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { applyFtsSettings } from "./fts-settings.mjs";
import { exitWithHelpIfAsked } from "../help.mjs";

exitWithHelpIfAsked(import.meta.url);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(join(root, "packages/store/package.json"));
const { openStore, syntheticRecords, syntheticVocabulary, dropPostgresSchema } = await import(
  join(root, "packages/store/dist/index.js")
);

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    engine: { type: "string", default: "sqlite" },
    db: { type: "string" },
    queries: { type: "string", default: "500" },
    // Search an existing SQLite library from an earlier run instead of ingesting again.
    reuse: { type: "boolean", default: false },
    // FTS5 settings to try instead of the store's (SQLite), e.g. "automerge=4,hashsize=1048576".
    fts: { type: "string", default: "" },
    // Stop after the search passes (for A/B runs): no per-class timing, no floor, no result files.
    "search-only": { type: "boolean", default: false },
  },
});
const count = Number(values.count);
const engine = values.engine;
const label = `${engine}-${count >= 1_000_000 ? `${count / 1_000_000}m` : `${count / 1000}k`}`;
const schema = `corpus_bench_${process.pid}`;
const location =
  values.db ??
  (engine === "postgres"
    ? "postgres://postgres@127.0.0.1:5432/test"
    : join(root, ".corpus/bench", `${label}.db`));
if (engine === "sqlite" && !values.reuse) {
  mkdirSync(dirname(location), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(location + suffix, { force: true });
}
const store = await openStore(location, engine === "postgres" ? { postgres: { schema, poolSize: 4 } } : {});
if (values.fts && engine === "sqlite") applyFtsSettings(require("better-sqlite3"), location, values.fts);

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 100) / 100;
  return {
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}
const log = (...parts) => console.log(new Date().toISOString().slice(11, 19), ...parts);

// 1. Ingest.
let batch = [];
let ingestMs = 0;
let generateStart = performance.now();
let generateMs = 0;
let records = 0;
const documentIds = [];
for (const record of values.reuse ? [] : syntheticRecords({ count, seed: 42 })) {
  batch.push(record);
  if (record.id.startsWith("doc:") && documentIds.length < 200_000) documentIds.push(record.id);
  if (batch.length >= 2000) {
    generateMs += performance.now() - generateStart;
    const start = performance.now();
    await store.upsert({ records: batch });
    ingestMs += performance.now() - start;
    records += batch.length;
    if (records % 100_000 < 2000)
      log(`ingested ${records} records, ${Math.round(records / (ingestMs / 1000))} records/s`);
    batch = [];
    generateStart = performance.now();
  }
}
if (batch.length) {
  const start = performance.now();
  await store.upsert({ records: batch });
  ingestMs += performance.now() - start;
  records += batch.length;
}
log(`ingest done: ${records} records in ${(ingestMs / 1000).toFixed(1)} s`);
if (values.reuse) {
  const Database = require("better-sqlite3");
  const database = new Database(location, { readonly: true });
  for (const id of database.prepare("SELECT id FROM documents WHERE seq % 7 = 0 LIMIT 200000").pluck().all())
    documentIds.push(id);
  database.close();
}
const indexStart = performance.now();
await store.stats();
const indexLoadMs = performance.now() - indexStart;
log(`facet index loaded in ${(indexLoadMs / 1000).toFixed(1)} s`);

// 2. The query mix: deterministic, 500 queries.
const vocabulary = syntheticVocabulary();
let state = 7;
const random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const _stats = await store.stats();
const topics = (await store.listEntities({ kind: "topic", sort: "count", limit: 20 })).items.map(
  (item) => item.id,
);
const people = (await store.listEntities({ kind: "person", sort: "count", limit: 200 })).items.map(
  (item) => item.id,
);
const queries = [];
for (let index = 0; index < Number(values.queries); index++) {
  const roll = random();
  let text;
  if (roll < 0.3)
    text = pick(vocabulary.slice(0, 40)); // one very common word
  else if (roll < 0.45)
    text = `${pick(vocabulary.slice(0, 40))} ${pick(vocabulary.slice(0, 40))}`; // two common words
  else if (roll < 0.7)
    text = pick(vocabulary.slice(2000, 25000)); // a rare word
  else if (roll < 0.85)
    text = `${pick(vocabulary.slice(0, 40))} ${pick(vocabulary.slice(300, 3000))}`; // common + medium
  else text = ""; // browse: filters only
  const filters = {};
  const filterRoll = random();
  if (filterRoll < 0.2) filters.kind = [pick(["event", "publication", "issue"])];
  else if (filterRoll < 0.35) filters.topic = [pick(topics)];
  else if (filterRoll < 0.45) filters.person = [pick(people)];
  else if (filterRoll < 0.55) {
    const from = 1995 + Math.floor(random() * 25);
    filters.from = String(from);
    filters.to = String(from + Math.floor(random() * 6));
  } else if (filterRoll < 0.6) {
    filters.kind = ["publication"];
    filters.topic = [pick(topics)];
    filters.from = "2010";
  }
  queries.push({ text, filters, sort: text ? "relevance" : "newest", limit: 20, facets: true });
}

// 3. Search latency through the store, two passes (the first also fills the caches).
const passes = [];
for (let pass = 0; pass < 2; pass++) {
  const samples = [];
  for (const query of queries) {
    const start = performance.now();
    await store.search(query);
    samples.push(performance.now() - start);
  }
  passes.push(summary(samples));
  log(`search pass ${pass + 1}`, JSON.stringify(passes[pass]));
}
if (values["search-only"]) {
  await store.close();
  process.exit(0);
}
const byClass = {};
for (const query of queries) {
  const key = !query.text
    ? "browse (filters only)"
    : query.text.split(" ").every((word) => vocabulary.indexOf(word) < 40)
      ? "common words"
      : "rare or mixed words";
  const start = performance.now();
  await store.search(query);
  byClass[key] = byClass[key] ?? [];
  byClass[key].push(performance.now() - start);
}
const classes = Object.fromEntries(
  Object.entries(byClass).map(([key, samples]) => [key, { queries: samples.length, ...summary(samples) }]),
);

// 4. The bare engine: its own top-20 ranked query for the same texts, no facets (the floor).
const floorSamples = [];
if (engine === "sqlite") {
  const Database = require("better-sqlite3");
  const database = new Database(location, { readonly: true });
  const statement = database.prepare(
    "SELECT rowid FROM document_text WHERE document_text MATCH ? ORDER BY rank LIMIT 20",
  );
  const browse = database.prepare("SELECT seq FROM documents ORDER BY date_start DESC LIMIT 20");
  for (const query of queries) {
    const start = performance.now();
    if (query.text)
      statement.all(
        query.text
          .split(" ")
          .map((word) => `"${word}"`)
          .join(" AND "),
      );
    else browse.all();
    floorSamples.push(performance.now() - start);
  }
  database.close();
} else {
  const pg = (await import(require.resolve("pg"))).default;
  const client = new pg.Client({ connectionString: location, options: `-c search_path=${schema}` });
  await client.connect();
  for (const query of queries) {
    const start = performance.now();
    if (query.text)
      await client.query(
        "SELECT seq FROM documents, plainto_tsquery('corpus_english', $1) q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20",
        [query.text],
      );
    else await client.query("SELECT seq FROM documents ORDER BY date_start DESC NULLS LAST LIMIT 20");
    floorSamples.push(performance.now() - start);
  }
  await client.end();
}
const floor = summary(floorSamples);
log("bare engine floor", JSON.stringify(floor));

// 5. Get by id.
const getSamples = [];
for (let index = 0; index < 2000; index++) {
  const id = documentIds[Math.floor(random() * documentIds.length)];
  const start = performance.now();
  await store.get(id);
  getSamples.push(performance.now() - start);
}
const getById = summary(getSamples);

// 6. Size.
let sizeBytes = 0;
if (engine === "sqlite") {
  for (const suffix of ["", "-wal"])
    if (existsSync(location + suffix)) sizeBytes += statSync(location + suffix).size;
} else {
  const [row] = await (async () => {
    const pg = (await import(require.resolve("pg"))).default;
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    const result = await client.query(
      "SELECT sum(pg_total_relation_size(c.oid))::bigint AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
      [schema],
    );
    await client.end();
    return result.rows;
  })();
  sizeBytes = Number(row.size);
}

const result = {
  engine,
  documents: count,
  records,
  machine: `2 cores, Node ${process.versions.node}`,
  ingest: values.reuse
    ? { reused: "library from an earlier run of this script: see its .log for the ingest" }
    : {
        seconds: Math.round(ingestMs / 100) / 10,
        recordsPerSecond: Math.round(records / (ingestMs / 1000)),
        generatorSeconds: Math.round(generateMs / 100) / 10,
      },
  facetIndexLoadSeconds: Math.round(indexLoadMs / 100) / 10,
  loadAverage: (await import("node:os")).loadavg().map((value) => Math.round(value * 10) / 10),
  search: { queries: queries.length, firstPass: passes[0], secondPass: passes[1], byClass: classes },
  bareEngineFloor: floor,
  overhead: {
    p50: Math.round((passes[1].p50 / floor.p50) * 10) / 10,
    p99: Math.round((passes[1].p99 / floor.p99) * 10) / 10,
  },
  getById,
  databaseMegabytes: Math.round(sizeBytes / 1e5) / 10,
  command: `node bench/store/run.mjs --count ${count} --engine ${engine}${values.reuse ? " --reuse" : ""}`,
  at: new Date().toISOString(),
};
await store.close();
if (engine === "postgres") await dropPostgresSchema(location, schema);
const out = join(root, "bench/store/results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, `${label}${values.reuse ? "-search" : ""}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(JSON.stringify(result, null, 2));
