#!/usr/bin/env node
// The floor for "10 concurrent clients": the store itself, with no HTTP and no API, searched by
// 1 and then by N clients at once, each client a worker thread with its own store (as the
// server's read workers are), each running the query list in a closed loop from its own offset
// for the same number of seconds. The p99 ratio it gives is what two cores allow before any API
// is involved. Used by run.mjs; also runs alone:
//   node bench/api/concurrency-floor.mjs --db .corpus/bench-api/sqlite-100k.db [--clients 10] [--seconds 15]
// (after `pnpm build`; the library must exist: run.mjs builds it).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { percentiles } from "../percentiles.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const storeEntry = join(root, "packages/store/dist/index.js");
const round = (value) => Math.round(value * 100) / 100;

/** One client: open the store, say ready, then on "go" search in a closed loop until the deadline. */
async function runClient() {
  const { openStore } = await import(storeEntry);
  const { location, queries, offset } = workerData;
  const store = await openStore(location);
  await store.stats(); // the facet index, loaded before timing starts
  for (const query of queries) await store.search(query); // warm, like the server's first requests
  parentPort.postMessage({ ready: true });
  parentPort.once("message", async ({ seconds }) => {
    const samples = [];
    const deadline = performance.now() + seconds * 1000;
    for (let index = offset; performance.now() < deadline; index++) {
      const start = performance.now();
      await store.search(queries[index % queries.length]);
      samples.push(performance.now() - start);
    }
    await store.close();
    parentPort.postMessage({ samples });
  });
}

async function timeClients(location, queries, clients, seconds) {
  const workers = [];
  // Opened one after another: each reads the facet snapshot, and opening them together would
  // only make the set-up slower.
  for (let index = 0; index < clients; index++) {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { location, queries, offset: Math.floor((index * queries.length) / clients) },
    });
    await new Promise((ready, fail) => {
      worker.once("message", ready);
      worker.once("error", fail);
    });
    workers.push(worker);
  }
  const results = workers.map(
    (worker) =>
      new Promise((done, fail) => {
        worker.once("message", ({ samples }) => done(samples));
        worker.once("error", fail);
      }),
  );
  for (const worker of workers) worker.postMessage({ seconds });
  const samples = (await Promise.all(results)).flat();
  await Promise.all(workers.map((worker) => worker.terminate()));
  return { ...percentiles(samples), searches: samples.length };
}

/** p99 of the store's own searches with one client and with `clients` at once, and their ratio. */
export async function storeConcurrencyFloor(location, queries, { clients = 10, seconds = 15 } = {}) {
  const one = await timeClients(location, queries, 1, seconds);
  const many = await timeClients(location, queries, clients, seconds);
  return { clients, seconds, one, many, p99Ratio: round(many.p99 / one.p99) };
}

if (!isMainThread) await runClient();
else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { exitWithHelpIfAsked } = await import("../help.mjs");
  exitWithHelpIfAsked(import.meta.url);
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      clients: { type: "string", default: "10" },
      seconds: { type: "string", default: "15" },
    },
  });
  if (!values.db || !existsSync(values.db)) {
    console.error(
      `--db must name an existing library (got ${values.db ?? "nothing"}); run bench/api/run.mjs first`,
    );
    process.exit(2);
  }
  const { benchQueries } = await import("./queries.mjs");
  const { syntheticVocabulary } = await import(storeEntry);
  const result = await storeConcurrencyFloor(resolve(values.db), benchQueries(syntheticVocabulary()), {
    clients: Number(values.clients),
    seconds: Number(values.seconds),
  });
  console.log(JSON.stringify(result, null, 2));
}
