import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topCodes } from "./search.js";

describe("topCodes", () => {
  it("returns what sorting every non-zero value by count, then value, would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 6 }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (countList, limit) => {
          const counts = Uint32Array.from(countList);
          // Labels in an order unrelated to the codes, so ties are broken by label, not by code.
          const labels = countList.map((_, code) => `v${(code * 7919) % 1000}-${code}`);
          const codes = countList.map((_, code) => code);
          const expected = codes
            .filter((code) => (counts[code] as number) > 0)
            .sort(
              (a, b) =>
                (counts[b] as number) - (counts[a] as number) ||
                ((labels[a] as string) < (labels[b] as string) ? -1 : 1),
            )
            .slice(0, limit);
          expect(topCodes(codes, counts, labels, limit)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
