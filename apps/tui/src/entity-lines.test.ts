import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "./data-source.js";
import { entityLines } from "./entity-lines.js";
import { createTestLibrary, ids } from "./test-support/test-library.js";

let library: DataSource;

beforeAll(async () => {
  library = await createTestLibrary();
});

afterAll(async () => {
  await library.close();
});

describe("entity page lines", () => {
  it("keeps the empty years of the by-year line, so the axis stays true", async () => {
    const view = await library.entity(ids.aum);
    const timeline = [
      { bucket: "2018", total: 2, byKind: {} },
      { bucket: "2021", total: 1, byKind: {} },
      { bucket: "2023", total: 2, byKind: {} },
    ];
    const lines = entityLines({ ...view, timeline }, 80).map((line) => line.text);
    // 2018 to 2023 is six years: three with records, three without.
    expect(lines).toContain("By year: 2018 █  ▄ █ 2023");
  });

  it("does not list a region's documents as its roles", async () => {
    const lines = entityLines(await library.entity(ids.korea), 100).map((line) => line.text);
    expect(lines.some((line) => line.startsWith("Roles:"))).toBe(false);
    expect(lines.some((line) => line.includes("(region)"))).toBe(false);
    expect(lines).toContainEqual(
      expect.stringMatching(/→ event 2023-07-27\s+Armistice at Seventy: A Panel$/),
    );
  });

  it("lists people who may be this one written another way, each a link to their page", async () => {
    const view = await library.entity(ids.aum);
    const other = { id: "person:aum-frank", kind: "person" as const, name: "Aum Frank", documentCount: 2 };
    const lines = entityLines({ ...view, possibleDuplicates: [other] }, 80);
    const heading = lines.findIndex((line) => line.text.startsWith("May be the same person"));
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]?.text).toMatch(/Aum Frank \(2\)$/);
    expect(lines[heading + 1]?.link).toEqual({ screen: "entity", id: other.id });
  });
});
