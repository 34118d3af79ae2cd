import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFiles } from "./index.js";
import { PARSER_VERSION } from "./version.js";

const demo = join(import.meta.dirname, "..", "..", "..", "data", "demo");

describe("the demo library", () => {
  it.skipIf(!existsSync(demo))("parses every demo file with no errors", async () => {
    const files = await parseFiles([demo]);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) => file.diagnostics.filter((item) => item.severity === "error"));
    expect(problems).toEqual([]);
    expect(files.every((file) => !file.failed && file.records.length > 0)).toBe(true);
  });

  it("records the package version as the parser version", () => {
    expect(PARSER_VERSION).toBe(
      JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")).version,
    );
  });
});
