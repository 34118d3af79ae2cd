// Pages per second through @corpus/ingest's parseInput on one core, for ~5 KB pages.
// Usage (from the repo root, after `pnpm build`): node bench/ingest/run.mjs [--pages 4000] [--write]
// --write stores the result in bench/ingest/results.json.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
// INGEST_DIST points the benchmark at another build (for before/after comparisons on the same machine).
const dist = process.env.INGEST_DIST ?? join(root, "packages", "ingest", "dist");
const { parseInput, PARSER_VERSION } = await import(join(dist, "index.js"));

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const pageCount = argument("--pages", 4000);
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

const pages = Array.from({ length: pageCount }, (_, index) => makePage(index));
const averageBytes = Math.round(pages.reduce((sum, page) => sum + page.bytes.length, 0) / pages.length);
const now = () => new Date("2025-01-01T00:00:00.000Z");

// Warm up the JIT and the gazetteers before timing.
for (let index = 0; index < 200; index++) parseInput(pages[index % pages.length], { now });

let records = 0;
let parsed = 0;
// Wall-clock time, and the CPU time this process used: on a shared machine (other processes
// competing for the cores) the CPU time is the fairer measure of what one core can do.
const loadBefore = loadavg()[0];
const cpuStarted = process.cpuUsage();
const started = process.hrtime.bigint();
for (const page of pages) {
  const result = parseInput(page, { now });
  if (result.failed) throw new Error(`${page.path} failed: ${result.diagnostics[0]?.message}`);
  records += result.records.length;
  parsed++;
  if (Number(process.hrtime.bigint() - started) / 1e9 > maxSeconds) break;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const result = {
  benchmark: "ingest parseInput, one core",
  parserVersion: PARSER_VERSION,
  pages: parsed,
  averagePageBytes: averageBytes,
  layouts: templates.length,
  seconds: Number(seconds.toFixed(3)),
  pagesPerSecond: Math.round(parsed / seconds),
  cpuSeconds: Number(cpuSeconds.toFixed(3)),
  pagesPerCpuSecond: Math.round(parsed / cpuSeconds),
  microsecondsPerPage: Math.round((cpuSeconds / parsed) * 1e6),
  recordsPerPage: Number((records / parsed).toFixed(1)),
  target: 2000,
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  loadAverageBefore: Number(loadBefore.toFixed(2)),
  date: new Date().toISOString().slice(0, 10),
};
console.log(JSON.stringify(result, null, 2));
if (process.argv.includes("--write"))
  writeFileSync(join(here, "results.json"), `${JSON.stringify(result, null, 2)}\n`);
