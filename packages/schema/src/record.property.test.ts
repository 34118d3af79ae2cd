import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { personArbitrary, recordArbitrary } from "../test/arbitraries.js";
import { parseRecord, recordSchema } from "./index.js";

describe("records (property)", () => {
  it("every generated document is valid and round-trips through JSON", () => {
    fc.assert(
      fc.property(recordArbitrary, (input) => {
        const parsed = recordSchema.parse(input);
        expect(recordSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });

  it("every generated person is valid and parsing is idempotent", () => {
    fc.assert(
      fc.property(personArbitrary, (input) => {
        const once = recordSchema.parse(input);
        expect(recordSchema.parse(once)).toEqual(once);
      }),
    );
  });

  it("any JSON value is either a record or a list of issues with paths, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseRecord(value);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
