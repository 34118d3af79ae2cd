import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recordSchema } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { parseInput } from "./index.js";
import { viewRecords } from "./testing/view.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const goldens = join(fixtures, "golden");
const now = () => new Date("2025-01-01T00:00:00.000Z");
const pages = readdirSync(fixtures)
  .filter((name) => /\.(txt|html)$/.test(name))
  .sort();

describe("golden pages (fixtures/*.txt, *.html → fixtures/golden/*.json; UPDATE_GOLDEN=1 rewrites)", () => {
  it("has at least 12 fixture pages", () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of pages) {
    it(`${name} yields the records in its golden file`, () => {
      const parsed = parseInput(
        { path: `fixtures/${name}`, bytes: readFileSync(join(fixtures, name)) },
        { now },
      );
      expect(parsed.failed).toBe(false);
      expect(parsed.diagnostics).toEqual([]);
      for (const record of parsed.records) expect(recordSchema.safeParse(record).success).toBe(true);
      const view = viewRecords(parsed.records);
      const goldenPath = join(goldens, name.replace(/\.\w+$/, ".json"));
      if (process.env.UPDATE_GOLDEN || !existsSync(goldenPath)) {
        mkdirSync(goldens, { recursive: true });
        writeFileSync(goldenPath, `${JSON.stringify(view, null, 2)}\n`);
      }
      expect(view).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
    });
  }
});
