#!/usr/bin/env node
// API benchmark: autocannon against `corpus serve` on a synthetic library, next to the ceiling
// (a bare node:http server answering the same JSON, same run) and the floor (the store's own
// time for the same queries, in process). Usage, from the repo root after `pnpm build`:
//   node bench/api/run.mjs --count 100000 [--duration 30] [--db PATH]
// Results: bench/api/results/sqlite-<count>.json and .md.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { exitWithHelpIfAsked } from "../help.mjs";
import { percentiles } from "../percentiles.mjs";
import { storeConcurrencyFloor } from "./concurrency-floor.mjs";
import { benchQueries } from "./queries.mjs";

exitWithHelpIfAsked(import.meta.url);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const requireFromServer = createRequire(join(root, "apps/server/package.json"));
const autocannon = requireFromServer("autocannon");
const { openStore, syntheticRecords, syntheticVocabulary } = await import(
  join(root, "packages/store/dist/index.js")
);

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    db: { type: "string" },
    "read-workers": { type: "string", default: "2" },
  },
});
const count = Number(values.count);
const duration = Number(values.duration);
const connections = Number(values.connections);
const workersLabel = values["read-workers"] === "2" ? "" : `-workers-${values["read-workers"]}`;
const label = `sqlite-${count >= 1_000_000 ? `${count / 1_000_000}m` : `${count / 1000}k`}`;
const location = values.db ?? join(root, ".corpus/bench-api", `${label}.db`);
const loadAverageAtStart = (await import("node:os")).loadavg().map((value) => Math.round(value * 100) / 100);
const log = (...parts) => console.log(new Date().toISOString().slice(11, 19), ...parts);
const round = (value) => Math.round(value * 100) / 100;

// 1. The library: the store's deterministic generator, built once and reused.
if (!existsSync(location)) {
  mkdirSync(dirname(location), { recursive: true });
  const shared = join(root, ".corpus/bench", `${label}.db`);
  if (existsSync(shared) && !existsSync(`${shared}-wal`)) {
    log(`copying the store benchmark's library ${shared}`);
    copyFileSync(shared, location);
  } else {
    log(`building a ${count}-document synthetic library at ${location}`);
    const store = await openStore(location);
    let batch = [];
    for (const record of syntheticRecords({ count, seed: 1 })) {
      batch.push(record);
      if (batch.length === 5000) {
        await store.upsert({ records: batch });
        batch = [];
      }
    }
    if (batch.length > 0) await store.upsert({ records: batch });
    await store.close();
  }
}

// 2. The workload and the floor: the store's own time for the same gets and searches.
const store = await openStore(location);
const ids = [];
let cursor;
while (ids.length < 1000) {
  const page = await store.search({
    text: "",
    mode: "simple",
    scope: "all",
    filters: {},
    sort: "newest",
    limit: 100,
    facets: false,
    ...(cursor ? { cursor } : {}),
  });
  ids.push(...page.hits.map((hit) => hit.document.id));
  if (!page.nextCursor) break;
  cursor = page.nextCursor;
}
const queries = benchQueries(syntheticVocabulary());
const timeOf = async (run) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
for (const query of queries) await store.search(query); // warm caches and the facet index
const sampleDocument = await store.get(ids[0]);
// The store stays open: the floor is timed again next to each API call below, so both are
// measured in the same moments of the machine's load (two cores shared with other work).

function searchPath(query) {
  const parameters = new URLSearchParams();
  if (query.text) parameters.set("text", query.text);
  for (const [name, value] of Object.entries(query.filters ?? {})) {
    for (const item of [value].flat()) parameters.append(name, item);
  }
  return `/api/v1/documents/search?${parameters}`;
}
const getPaths = ids.map((id) => `/api/v1/documents/${encodeURIComponent(id)}`);
const trpcGetPaths = ids.map(
  (id) => `/trpc/documents.get?input=${encodeURIComponent(JSON.stringify({ id }))}`,
);
const searchPaths = queries.map(searchPath);

// The server's own request log (pino, one JSON line per request with its duration in ms) is read
// only while `serverLog.collecting`: it tells server-side time apart from the client and transport.
const serverLog = { collecting: false, partial: "", searchMs: [] };
function readServerLog(chunk) {
  if (!serverLog.collecting) return;
  const lines = (serverLog.partial + chunk).split("\n");
  serverLog.partial = lines.pop() ?? "";
  for (const line of lines) {
    if (!line.includes("/api/v1/documents/search")) continue;
    const entry = JSON.parse(line);
    if (entry.msg === "request" && typeof entry.ms === "number") serverLog.searchMs.push(entry.ms);
  }
}

function startProcess(args, pattern) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stdout.on("data", readServerLog);
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolveUrl, reject) => {
    const timer = setInterval(() => {
      const match = pattern.exec(stderr);
      if (match) {
        clearInterval(timer);
        resolveUrl({ child, url: match[1] });
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${stderr}`));
    });
  });
}

function stopProcess(child) {
  return new Promise((resolveStop) => {
    child.removeAllListeners("exit");
    child.once("exit", (code) => resolveStop(code));
    child.kill("SIGTERM");
  });
}

function load(url, paths, options = {}) {
  let next = 0;
  return new Promise((resolveRun, reject) => {
    autocannon(
      {
        url,
        connections: options.connections ?? connections,
        duration: options.duration ?? duration,
        requests: [
          {
            setupRequest: (request) => {
              request.path = paths[next++ % paths.length];
              return request;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolveRun({
          requestsPerSecond: round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          total: result.requests.total,
        });
      },
    );
  });
}

// 3. The API, as `corpus serve` runs it (JSON logs on, read by this script only in the one-client
// phase; rate limit off for the load).
const server = await startProcess(
  [
    "apps/server/dist/cli.js",
    "serve",
    "--port",
    "0",
    "--db",
    location,
    "--rate-limit",
    "off",
    "--read-workers",
    values["read-workers"],
  ],
  /API on (http:\S+)/,
);
log("corpus serve at", server.url);
for (const path of searchPaths) await fetch(server.url + path).then((response) => response.arrayBuffer());
// One client, each API call right after the same call on the in-process store (the floor), three
// passes: the API's overhead is the difference of the two medians, taken from the same moments.
const apiSearch = [];
const floorSearch = [];
const apiGet = [];
const floorGet = [];
serverLog.collecting = true;
for (let pass = 0; pass < 3; pass++) {
  for (const [index, path] of searchPaths.entries()) {
    floorSearch.push(await timeOf(() => store.search(queries[index])));
    apiSearch.push(await timeOf(() => fetch(server.url + path).then((response) => response.arrayBuffer())));
  }
  for (const [index, path] of getPaths.entries()) {
    floorGet.push(await timeOf(() => store.get(ids[index])));
    apiGet.push(await timeOf(() => fetch(server.url + path).then((response) => response.arrayBuffer())));
  }
}
// The server writes its log in pieces, at least every 200 ms: wait for the last lines.
await new Promise((resolveWait) => setTimeout(resolveWait, 400));
serverLog.collecting = false;
// The median search response, kept to time a bare server sending the same bytes (see 4.).
const searchBodies = [];
for (const path of searchPaths)
  searchBodies.push(await fetch(server.url + path).then((response) => response.text()));
searchBodies.sort((left, right) => left.length - right.length);
const medianSearchBody = searchBodies[searchBodies.length >> 1];
const healthz = [];
for (let index = 0; index < 500; index++)
  healthz.push(await timeOf(() => fetch(`${server.url}/healthz`).then((response) => response.arrayBuffer())));
await store.close();
log("floor: search", percentiles(floorSearch), "get", percentiles(floorGet));
log(
  "one client: search",
  percentiles(apiSearch),
  "get",
  percentiles(apiGet),
  "healthz",
  percentiles(healthz),
);
log("server-side search (its request log)", percentiles(serverLog.searchMs));

const results = { getRest: null, getTrpc: null, mix: null, searchOne: null, searchTen: null };
log(`get-by-id (REST), ${connections} connections, ${duration} s`);
results.getRest = await load(server.url, getPaths);
log(results.getRest);
log(`get-by-id (tRPC), ${connections} connections, ${duration} s`);
results.getTrpc = await load(server.url, trpcGetPaths);
log(results.getTrpc);
const mixPaths = [];
for (let index = 0; index < 1000; index++)
  mixPaths.push(index % 10 === 0 ? searchPaths[(index / 10) % searchPaths.length] : getPaths[index]);
log(`mix (1 search with facets : 9 gets), ${connections} connections, ${duration} s`);
results.mix = await load(server.url, mixPaths);
log(results.mix);
const concurrencyDuration = Math.max(10, Math.round(duration / 2));
results.searchOne = await load(server.url, searchPaths, { connections: 1, duration: concurrencyDuration });
log("search, 1 client", results.searchOne);
results.searchTen = await load(server.url, searchPaths, { connections: 10, duration: concurrencyDuration });
log("search, 10 clients", results.searchTen);
const serverExit = await stopProcess(server.child);
// The same two loads on the store itself, no HTTP: what two cores allow before the API (its floor).
const storeConcurrency = await storeConcurrencyFloor(location, queries, {
  clients: 10,
  seconds: concurrencyDuration,
});
log("store alone, search p99: 1 client / 10 clients", storeConcurrency);

// 4. The ceiling: bare node:http answering the same document JSON.
const bare = await startProcess(
  [join(root, "bench/api/bare-server.mjs"), JSON.stringify({ document: sampleDocument, sources: [] })],
  /listening (http:\S+)/,
);
const ceiling = await load(bare.url, ["/"]);
await stopProcess(bare.child);
log("ceiling", ceiling);
// The same client and loopback carrying a search-sized response from a bare server: what a
// search costs beyond the store that is not the API's (the client's fetch, the transport).
const bareSearch = await startProcess(
  [join(root, "bench/api/bare-server.mjs"), medianSearchBody],
  /listening (http:\S+)/,
);
for (let index = 0; index < 50; index++)
  await fetch(bareSearch.url).then((response) => response.arrayBuffer());
const bareSearchTimes = [];
for (let index = 0; index < 600; index++)
  bareSearchTimes.push(await timeOf(() => fetch(bareSearch.url).then((response) => response.arrayBuffer())));
await stopProcess(bareSearch.child);
log(
  `bare server, one client, a ${medianSearchBody.length}-byte search response`,
  percentiles(bareSearchTimes),
);

const output = {
  library: { engine: "sqlite", documents: count, path: location },
  machine: `2 cores, Node ${process.versions.node}`,
  command: `node bench/api/run.mjs --count ${count} --duration ${duration} --connections ${connections} --read-workers ${values["read-workers"]}`,
  loadAverageAtStart: loadAverageAtStart,
  loadAverageAtEnd: (await import("node:os")).loadavg().map(round),
  at: new Date().toISOString(),
  floor: { search: percentiles(floorSearch), get: percentiles(floorGet) },
  oneClient: { search: percentiles(apiSearch), get: percentiles(apiGet), healthz: percentiles(healthz) },
  // From request arrival to the response's close, as the server logs it: the API without the
  // client and the loopback transport.
  serverSide: { search: percentiles(serverLog.searchMs), requests: serverLog.searchMs.length },
  apiOverheadMs: {
    searchP50: round(percentiles(apiSearch).p50 - percentiles(floorSearch).p50),
    searchServerSideP50: round(percentiles(serverLog.searchMs).p50 - percentiles(floorSearch).p50),
    getP50: round(percentiles(apiGet).p50 - percentiles(floorGet).p50),
    // Client-seen overhead less what the same client pays to fetch the same bytes from a bare server.
    searchP50BeyondTransport: round(
      percentiles(apiSearch).p50 - percentiles(floorSearch).p50 - percentiles(bareSearchTimes).p50,
    ),
  },
  bareSearchResponse: { bytes: medianSearchBody.length, oneClient: percentiles(bareSearchTimes) },
  load: results,
  concurrency: {
    singleClientP99: results.searchOne.p99,
    tenClientsP99: results.searchTen.p99,
    ratio: round(results.searchTen.p99 / results.searchOne.p99),
    // The store searched by 1 and by 10 worker threads at once, no HTTP: the ratio two cores allow.
    storeAlone: storeConcurrency,
  },
  ceiling,
  serverExitCode: serverExit,
};
mkdirSync(join(root, "bench/api/results"), { recursive: true });
writeFileSync(
  join(root, "bench/api/results", `${label}${workersLabel}.json`),
  `${JSON.stringify(output, null, 2)}\n`,
);
log("written", join("bench/api/results", `${label}${workersLabel}.json`));
