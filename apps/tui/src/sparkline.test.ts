import { describe, expect, it } from "vitest";
import { sparkline } from "./sparkline.js";

describe("sparkline", () => {
  it("draws one bar per year, tallest for the busiest year, a gap for an empty year", () => {
    const result = sparkline(
      [
        { bucket: "2019", total: 1, byKind: {} },
        { bucket: "2021", total: 8, byKind: {} },
        { bucket: "2022", total: 4, byKind: {} },
      ],
      40,
    );
    expect(result).toEqual({ line: "▁ █▄", from: "2019", to: "2022" });
  });

  it("adds months into their year and squeezes long spans into the width", () => {
    const buckets = Array.from({ length: 60 }, (_, index) => ({
      bucket: `${1960 + index}-01`,
      total: 1,
      byKind: {},
    }));
    const result = sparkline(buckets, 20);
    expect(result?.line.length).toBeLessThanOrEqual(20);
    expect(result?.from).toBe("1960");
    expect(result?.to).toBe("2019");
  });

  it("has nothing to draw without dated records", () => {
    expect(sparkline([], 20)).toBeNull();
  });
});
