// Pages per second through @corpus/ingest's parseInput on one core, for ~5 KB pages.
// Usage (from the repo root, after `pnpm build`):
//   node bench/ingest/run.mjs [--pages 3000] [--steady-warmup 3000] [--write]
// Two figures, from one process (see README.md):
//   firstPages   pages 1..N after a 200-page warm-up: includes V8 compiling the parser (JIT);
//   steadyState  N more pages after a further --steady-warmup pages: the rate of a bulk ingest.
// --write stores the result in bench/ingest/results.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exitWithHelpIfAsked } from "../help.mjs";

exitWithHelpIfAsked(import.meta.url);

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
// INGEST_DIST points the benchmark at another build (for before/after comparisons on the same machine).
const dist = process.env.INGEST_DIST ?? join(root, "packages", "ingest", "dist");
const { parseInput, PARSER_VERSION } = await import(join(dist, "index.js"));

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const pageCount = argument("--pages", 3000);
const steadyWarmup = argument("--steady-warmup", 3000);
const firstWarmup = 200;
const target = 2000;
// Each measured phase stops after this many wall-clock seconds (a bound on a busy machine).
const maxSeconds = 60;

// The project's own fixture pages (every layout), each grown to about 5 KB by repeating its body
// with a counter so no two pages are byte-identical.
const fixtures = join(root, "packages", "ingest", "fixtures");
const templates = readdirSync(fixtures)
  .filter((name) => /\.(txt|html)$/.test(name))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(fixtures, name), "utf8") }));

function makePage(index) {
  const template = templates[index % templates.length];
  let text = template.text;
  const filler = `\n\nParagraph ${index}: researchers in Seoul, Nairobi and Bogotá compared notes on ceasefire monitoring, local mediation and the role of the United Nations in keeping talks alive after the summit.`;
  if (template.name.endsWith(".html")) {
    while (text.length < 5000) text = text.replace("</article>", `<p>${filler.trim()}</p></article>`);
  } else {
    while (text.length < 5000) text += filler;
  }
  return { path: `bench/${index}-${template.name}`, bytes: new TextEncoder().encode(text) };
}

const pagesFrom = (first, count) => Array.from({ length: count }, (_, offset) => makePage(first + offset));
// Phase 1 measures pages 0..N-1 (its warm-up re-reads the first 200 of them, as this benchmark
// always has); phase 2 warms up on and then measures pages no earlier phase has seen.
const firstPages = pagesFrom(0, pageCount);
const steadyWarmupPages = pagesFrom(pageCount, steadyWarmup);
const steadyPages = pagesFrom(pageCount + steadyWarmup, pageCount);
const averageBytes = Math.round(
  firstPages.reduce((sum, page) => sum + page.bytes.length, 0) / firstPages.length,
);
const now = () => new Date("2025-01-01T00:00:00.000Z");

// CPU time of each thread of this process, in seconds, from /proc (Linux; 10 ms ticks). The main
// thread (its id is the process id) runs the parser; the others are V8's background threads
// (optimising compiler, concurrent marking and sweeping) and Node's. null where /proc is missing.
const ticksPerSecond = 100; // USER_HZ, 100 on Linux
function threadCpu() {
  const tasks = `/proc/${process.pid}/task`;
  if (!existsSync(tasks)) return null;
  let main = 0;
  let other = 0;
  for (const id of readdirSync(tasks)) {
    let stat;
    try {
      stat = readFileSync(`${tasks}/${id}/stat`, "utf8");
    } catch {
      continue; // the thread ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime + stime
    if (Number(id) === process.pid) main += seconds;
    else other += seconds;
  }
  return { main, other };
}

let records = 0;
function run(pages) {
  const threadsBefore = threadCpu();
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let parsed = 0;
  for (const page of pages) {
    const result = parseInput(page, { now });
    if (result.failed) throw new Error(`${page.path} failed: ${result.diagnostics[0]?.message}`);
    records += result.records.length;
    parsed++;
    if (Number(process.hrtime.bigint() - started) / 1e9 > maxSeconds) break;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const threadsAfter = threadCpu();
  return { parsed, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, threadsBefore, threadsAfter };
}

function phase(description, warmupPages, measured) {
  const { parsed, seconds, cpuSeconds, threadsBefore, threadsAfter } = measured;
  return {
    description,
    warmupPagesBefore: warmupPages,
    pages: parsed,
    seconds: Number(seconds.toFixed(3)),
    pagesPerSecond: Math.round(parsed / seconds),
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    pagesPerCpuSecond: Math.round(parsed / cpuSeconds),
    microsecondsPerPage: Math.round((cpuSeconds / parsed) * 1e6),
    // CPU seconds by thread, from /proc/<pid>/task (10 ms ticks): the parser's thread and the rest.
    mainThreadCpuSeconds: threadsAfter ? Number((threadsAfter.main - threadsBefore.main).toFixed(2)) : null,
    otherThreadsCpuSeconds: threadsAfter
      ? Number((threadsAfter.other - threadsBefore.other).toFixed(2))
      : null,
    meetsTarget: Math.round(parsed / cpuSeconds) >= target,
  };
}

const loadBefore = loadavg()[0];
// Phase 1: warm up the JIT and the gazetteers on 200 pages, then time the first N pages.
for (let index = 0; index < firstWarmup; index++) parseInput(firstPages[index % firstPages.length], { now });
const first = run(firstPages);
// Phase 2: keep going on new pages (untimed), then time N more new pages.
for (const page of steadyWarmupPages) parseInput(page, { now });
const steady = run(steadyPages);

const result = {
  benchmark: "ingest parseInput, one core",
  parserVersion: PARSER_VERSION,
  averagePageBytes: averageBytes,
  layouts: templates.length,
  recordsPerPage: Number((records / (first.parsed + steady.parsed)).toFixed(1)),
  target,
  targetUnit: "pages per CPU-second (all threads of the process)",
  firstPages: phase(
    `pages 1-${pageCount} after a ${firstWarmup}-page warm-up; includes V8 compiling the parser`,
    firstWarmup,
    first,
  ),
  steadyState: phase(
    `${pageCount} new pages after ${firstWarmup + pageCount + steadyWarmup} pages in the same process; the rate of a bulk ingest`,
    firstWarmup + pageCount + steadyWarmup,
    steady,
  ),
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  loadAverageBefore: Number(loadBefore.toFixed(2)),
  date: new Date().toISOString().slice(0, 10),
};
console.log(JSON.stringify(result, null, 2));
if (process.argv.includes("--write"))
  writeFileSync(join(here, "results.json"), `${JSON.stringify(result, null, 2)}\n`);
