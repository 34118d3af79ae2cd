import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openStore } from "./index.js";

// The child ingests a synthetic library as "files" of 100 records, one transaction each, the way
// `corpus ingest` stores files, skipping files whose content hash is already stored.
const distEntry = pathToFileURL(resolve(import.meta.dirname, "../dist/index.js")).href;
const CHILD = `
import { createHash } from "node:crypto";
import { openStore, syntheticRecords } from ${JSON.stringify(distEntry)};
const [path, count] = process.argv.slice(2);
const store = await openStore(path);
const records = [...syntheticRecords({ count: Number(count), seed: 9 })];
const files = [];
for (let start = 0; start < records.length; start += 100) files.push(records.slice(start, start + 100));
const names = files.map((_, index) => "file-" + index);
const stored = await store.getInputs(names);
for (const [index, file] of files.entries()) {
  const contentHash = createHash("sha256").update(JSON.stringify(file)).digest("hex");
  if (stored.get(names[index])?.contentHash === contentHash) continue;
  await store.upsert({ records: file, inputs: [{ path: names[index], contentHash, recordIds: file.map((record) => record.id) }] });
  console.log("committed " + index);
}
await store.close();
console.log("done");
`;

const folder = mkdtempSync(join(tmpdir(), "corpus-kill-"));
const script = join(folder, "child.mjs");
writeFileSync(script, CHILD);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(
  database: string,
  count: number,
): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [script, database, String(count)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  return { child, output: () => output, exit: new Promise((done) => child.on("exit", (code) => done(code))) };
}

async function exportText(path: string): Promise<string> {
  const store = await openStore(path);
  const lines: string[] = [];
  for await (const record of store.exportRecords()) lines.push(JSON.stringify(record));
  await store.close();
  return lines.join("\n");
}

describe("an ingest killed with SIGKILL midway", () => {
  it("leaves a sound database, whole files only, and a re-run equals an uninterrupted run", async () => {
    const count = 4000;
    const killed = join(folder, "killed.db");
    const first = run(killed, count);
    await vi.waitFor(() => expect(first.output()).toMatch(/committed 8\b/), {
      timeout: 60_000,
      interval: 20,
    });
    first.child.kill("SIGKILL");
    await first.exit;
    expect(first.output()).not.toContain("done");

    const store = await openStore(killed);
    expect(await store.checkIntegrity()).toEqual([]);
    const fileNames = Array.from({ length: Math.ceil((count + 2000) / 100) }, (_, index) => `file-${index}`);
    const inputs = await store.getInputs(fileNames);
    expect(inputs.size).toBeGreaterThanOrEqual(9);
    // Every file is all or nothing: a stored file has all its records, and the first file not
    // stored has none of its documents.
    for (const input of inputs.values())
      expect((await store.getMany(input.recordIds)).length).toBe(input.recordIds.length);
    const next = `file-${inputs.size}`;
    const { syntheticRecords } = await import("./index.js");
    const all = [...syntheticRecords({ count, seed: 9 })];
    const nextRecords = all
      .slice(inputs.size * 100, inputs.size * 100 + 100)
      .filter((record) => record.id.startsWith("doc:"));
    expect(inputs.has(next)).toBe(false);
    const present = await store.getMany(nextRecords.map((record) => record.id));
    // A document of the next file can exist only as a stub made for a link from a stored file.
    expect(present.every((record) => record.kind === "stub")).toBe(true);
    await store.close();

    const rerun = run(killed, count);
    expect(await rerun.exit).toBe(0);
    const clean = join(folder, "clean.db");
    const uninterrupted = run(clean, count);
    expect(await uninterrupted.exit).toBe(0);
    expect(await exportText(killed)).toBe(await exportText(clean));
  }, 120_000);
});
