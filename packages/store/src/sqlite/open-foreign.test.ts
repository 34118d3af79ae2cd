import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../index.js";

const folder = mkdtempSync(join(tmpdir(), "corpus-foreign-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("opening a file that is not a library", () => {
  it("refuses a file that is not a database and leaves its bytes as they were", async () => {
    const path = join(folder, "notes.db");
    writeFileSync(path, "these are somebody's notes, not a database\n".repeat(200));
    const before = digest(path);
    await expect(openStore(path)).rejects.toThrow(/notes\.db is not a SQLite database.*left unchanged/);
    expect(digest(path)).toBe(before);
  });

  it("refuses another program's SQLite database and adds no table to it", async () => {
    const path = join(folder, "browser-history.sqlite");
    const other = new Database(path);
    other.exec("CREATE TABLE visits (url TEXT); INSERT INTO visits VALUES ('https://example.org')");
    other.close();
    const before = digest(path);
    await expect(openStore(path)).rejects.toThrow(/another program \(tables visits\).*left unchanged/);
    expect(digest(path)).toBe(before);
  });

  it("opens an empty file as a new library, and a library again", async () => {
    const path = join(folder, "empty.db");
    writeFileSync(path, "");
    await (await openStore(path)).close();
    const again = await openStore(path);
    expect((await again.stats()).documents).toBe(0);
    await again.close();
  });
});
