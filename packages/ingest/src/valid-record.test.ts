import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CorpusRecord, recordSchema } from "@corpus/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInput } from "./index.js";
import { type HeaderMemo, isPlainlyValidRecord } from "./valid-record.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const now = () => new Date("2025-01-01T00:00:00.000Z");
const records: CorpusRecord[] = readdirSync(fixtures)
  .filter((name) => /\.(txt|html)$/.test(name))
  .sort()
  .flatMap((name) => parseInput({ path: name, bytes: readFileSync(join(fixtures, name)) }, { now }).records);

/** Every path to a value inside `value`, so a mutation can reach any field at any depth. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

function mutate(record: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  if (path.length === 0) return replacement;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(target)) target.splice(last as number, 1);
    else delete target[last];
  } else target[last] = replacement;
  return copy;
}

/** JSON with keys sorted: the schema may order keys differently, which is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, item[key]]),
        )
      : item,
  );
}

const oddValues = fc.constantFrom<unknown>(
  "",
  "x",
  "#",
  "#ok",
  "doc:",
  "person:a",
  "org:a b",
  "region:KR",
  "KR",
  "KOR",
  "not a url",
  "https://example.org/",
  -1,
  0,
  1.5,
  13,
  32,
  2021,
  null,
  undefined,
  true,
  [],
  {},
  { start: 5, end: 2 },
  { year: 2021, month: 2, day: 30 },
  { day: 3 },
  "speaker",
  "mentioned",
  "teaser",
);

describe("the fast record check (valid-record.ts)", () => {
  it("accepts the records the readers build for the fixture pages", () => {
    expect(records.length).toBeGreaterThan(100);
    // Built complete (defaults included), so every one takes the fast path.
    expect(records.filter((record) => !isPlainlyValidRecord(record))).toEqual([]);
  });

  it("never accepts a record that the schema rejects or would change (any field, any depth)", () => {
    const memo: HeaderMemo = { seen: new Set() };
    for (const record of records) isPlainlyValidRecord(record, memo);
    fc.assert(
      fc.property(
        fc.nat({ max: records.length - 1 }),
        fc.nat(),
        fc.boolean(),
        oddValues,
        fc.constantFrom("", "extra"),
        (recordIndex, pathIndex, remove, replacement, extraKey) => {
          const record = records[recordIndex]!;
          const all = paths(record);
          const path = all[pathIndex % all.length]!;
          let changed = mutate(record, path, replacement, remove) as Record<string, unknown>;
          if (extraKey && typeof changed === "object" && changed !== null)
            changed = mutate(changed, [...path.slice(0, -1), extraKey], 1, false) as Record<string, unknown>;
          // With the page-level memo of accepted provenance headers, as parseTextInput uses it.
          if (!isPlainlyValidRecord(changed, memo)) return;
          const parsed = recordSchema.safeParse(changed);
          expect(parsed.success).toBe(true);
          // Accepted as it is: the schema would neither fill in nor drop anything.
          expect(canonical(parsed.data)).toEqual(canonical(changed));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
