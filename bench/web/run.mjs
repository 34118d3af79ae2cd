#!/usr/bin/env node
// Web app benchmarks (not part of the test run):
//   - Lighthouse (performance, accessibility) on the search and document pages, in Debian's Chromium;
//   - JavaScript the search page ships, gzipped;
//   - the document page's server response time (p50, p95) through the web app and the API.
// Usage: node bench/web/run.mjs [--records 100000] [--requests 200]
// Needs a built repo (pnpm exec turbo run build). Writes bench/web/results.json and results.md.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { exitWithHelpIfAsked } from "../help.mjs";

exitWithHelpIfAsked(import.meta.url);

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const webDirectory = join(root, "apps/web");
const require = createRequire(join(webDirectory, "package.json"));
const cli = join(root, "apps/server/dist/cli.js");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const { values } = parseArgs({
  options: { records: { type: "string", default: "0" }, requests: { type: "string", default: "200" } },
});
const syntheticCount = Number(values.records);
const requestCount = Math.min(2000, Number(values.requests));

function start(args, environment = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, stop: () => child.exitCode === null && child.kill("SIGTERM") };
}

async function waitFor(check, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch {}
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  return port;
}

const temporary = mkdtempSync(join(tmpdir(), "corpus-web-bench-"));
const database = join(temporary, "library.db");
const running = [];
try {
  const ingest = start([cli, "ingest", join(root, "data/demo"), "--db", database]);
  const [code] = await once(ingest.child, "exit");
  if (code !== 0) throw new Error(`corpus ingest failed:\n${ingest.output()}`);
  if (syntheticCount > 0) {
    const { openStore, syntheticRecords } = await import(join(root, "packages/store/dist/index.js"));
    const store = await openStore(database);
    let batch = [];
    for (const record of syntheticRecords({ count: syntheticCount, seed: 42 })) {
      batch.push(record);
      if (batch.length === 2000) {
        await store.upsert({ records: batch });
        batch = [];
      }
    }
    if (batch.length) await store.upsert({ records: batch });
    await store.close();
  }
  const api = start([cli, "serve", "--port", "0", "--db", database]);
  running.push(api);
  const apiUrl = await waitFor(() => /API on (http:\/\/[\d.:]+)/.exec(api.output())?.[1], "the API");
  const port = await freePort();
  const web = start([join(webDirectory, "start.mjs")], { PORT: String(port), CORPUS_API_URL: apiUrl });
  running.push(web);
  const webUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => ((await fetch(`${webUrl}/icon.svg`)).ok ? true : undefined), "the web app");

  const search = await (
    await fetch(
      `${apiUrl}/trpc/documents.search?input=${encodeURIComponent(JSON.stringify({ text: "ceasefire", limit: 1 }))}`,
    )
  ).json();
  const documentId = search.result.data.hits[0].document.id;
  const pages = {
    search: `${webUrl}/?q=ceasefire`,
    document: `${webUrl}/documents/${encodeURIComponent(documentId.slice(4))}`,
  };

  // JavaScript shipped by the search page: every script it loads, gzipped one by one.
  const html = await (await fetch(pages.search)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(source, webUrl))).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }

  // Document page server response: full response time, sequential, after a warm-up.
  for (let index = 0; index < 10; index++) await (await fetch(pages.document)).text();
  const durations = [];
  const deadline = Date.now() + 120_000;
  for (let index = 0; index < requestCount && Date.now() < deadline; index++) {
    const began = performance.now();
    const response = await fetch(pages.document);
    await response.text();
    if (!response.ok) throw new Error(`document page answered ${response.status}`);
    durations.push(performance.now() - began);
  }
  durations.sort((a, b) => a - b);
  const percentile = (p) =>
    Math.round(durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))] * 10) / 10;

  // Lighthouse against the same Chromium, default (mobile, simulated throttling) settings.
  const lighthouse = (await import(require.resolve("lighthouse"))).default;
  const { launch } = await import(
    require.resolve("chrome-launcher", { paths: [dirname(require.resolve("lighthouse/package.json"))] })
  );
  const chrome = await launch({
    chromePath: chromiumPath,
    chromeFlags: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const scores = {};
  try {
    for (const [name, url] of Object.entries(pages)) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      const categories = result.lhr.categories;
      scores[name] = {
        performance: Math.round(categories.performance.score * 100),
        accessibility: Math.round(categories.accessibility.score * 100),
        firstContentfulPaintMs: Math.round(result.lhr.audits["first-contentful-paint"].numericValue),
        largestContentfulPaintMs: Math.round(result.lhr.audits["largest-contentful-paint"].numericValue),
        totalBlockingTimeMs: Math.round(result.lhr.audits["total-blocking-time"].numericValue),
        failedAccessibilityAudits: Object.values(result.lhr.audits)
          .filter(
            (audit) =>
              categories.accessibility.auditRefs.some((ref) => ref.id === audit.id) && audit.score === 0,
          )
          .map((audit) => audit.id),
      };
    }
  } finally {
    await chrome.kill();
  }

  const results = {
    measuredAt: new Date().toISOString(),
    machine: `2 cores, Node ${process.versions.node}`,
    library: { demo: true, syntheticRecords: syntheticCount },
    lighthouse: scores,
    searchPageJavaScript: {
      files: new Set(scripts).size,
      rawBytes,
      gzipBytes,
      gzipKilobytes: Math.round(gzipBytes / 102.4) / 10,
    },
    documentPageResponseMs: { requests: durations.length, p50: percentile(50), p95: percentile(95) },
  };
  writeFileSync(join(root, "bench/web/results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
} finally {
  for (const process of running.reverse()) process.stop();
  rmSync(temporary, { recursive: true, force: true });
}
