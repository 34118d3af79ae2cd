import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DataSource } from "./data-source.js";
import { printPlain } from "./plain-output.js";
import { createTestLibrary } from "./test-support/test-library.js";

let library: DataSource;

beforeEach(async () => {
  library = await createTestLibrary();
});

afterEach(async () => {
  await library.close();
});

async function plainLines(start: Parameters<typeof printPlain>[1]): Promise<string[]> {
  const lines: string[] = [];
  await printPlain(library, start, (line) => lines.push(line));
  return lines;
}

describe("plain output (not a terminal)", () => {
  it("searches with --advanced and --scope, and names them in its first line", async () => {
    const lines = await plainLines({ text: "armistice -panel", mode: "advanced", scope: "title" });
    expect(lines[0]).toBe('# 1 record for "armistice -panel" (advanced, titles) (in-process test library)');
    expect(lines[1]).toContain("Seventy Years After the Armistice");
  });

  it("says when the text was not valid advanced syntax and was searched as written", async () => {
    const lines = await plainLines({ text: '"armistice', mode: "advanced" });
    expect(lines[1]).toBe("# not valid advanced syntax: the words were searched as written");
    expect(lines).toHaveLength(4);
  });
});
