import { describe, expect, it } from "vitest";
import type { Executor } from "./driver.js";
import { SectionHeadingList } from "./section-headings.js";

/** A reader that answers the heading query with fixed rows and counts how often it was asked. */
function countingReader(rows: [string, string, number][]) {
  const reader = {
    reads: 0,
    async values(sql: string) {
      if (sql.includes("GROUP BY heading")) reader.reads++;
      return rows;
    },
  };
  return reader as typeof reader & Executor;
}

describe("the section heading list", () => {
  it("reads the headings once per change of the library, however many ask and whenever", async () => {
    const reader = countingReader([
      ["In the News", "in the news", 4],
      ["Background", "background", 9],
    ]);
    let mark = 7;
    const list = new SectionHeadingList(reader, async () => mark);
    // Callers that ask while the first reading runs share it.
    const [first, second] = await Promise.all([list.list(), list.list({ prefix: "in" })]);
    expect(first.map((item) => item.heading)).toEqual(["Background", "In the News"]);
    expect(second).toEqual([{ heading: "In the News", documentCount: 4 }]);
    await list.list({ limit: 1 });
    expect(reader.reads).toBe(1);
    mark = 8;
    await list.list();
    expect(reader.reads).toBe(2);
  });
});

describe("a slow heading list", () => {
  it("answers from the list it has while a new one is read, and reads no more often than allowed", async () => {
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let rows: [string, string, number][] = [["Background", "background", 9]];
    const reader = {
      reads: 0,
      async values(sql: string) {
        if (!sql.includes("GROUP BY heading")) return [];
        reader.reads++;
        await wait(30);
        return rows;
      },
    };
    let mark = 1;
    // A reading of 30 ms is slow here, and the next may start 20 readings' time (600 ms) after it.
    const list = new SectionHeadingList(reader as typeof reader & Executor, async () => mark, {
      slowReadMs: 10,
      pauseFactor: 20,
    });
    // The first reading is waited for: there is nothing else to answer with.
    expect(await list.list()).toEqual([{ heading: "Background", documentCount: 9 }]);
    rows = [
      ["Background", "background", 9],
      ["Findings", "findings", 12],
    ];
    mark = 2;
    await wait(650);
    // The library changed, but the last reading was slow: the old list at once, a new reading after.
    expect(await list.list()).toEqual([{ heading: "Background", documentCount: 9 }]);
    expect(reader.reads).toBe(1); // not yet started: it starts after the answer
    await wait(150);
    expect(reader.reads).toBe(2);
    expect((await list.list()).map((item) => item.heading)).toEqual(["Findings", "Background"]);
    // Changed again at once: no new reading until the pause after the last one has passed.
    mark = 3;
    await list.list();
    await wait(50);
    expect(reader.reads).toBe(2);
    await wait(600);
    await list.list();
    await wait(150);
    expect(reader.reads).toBe(3);
  });
});
