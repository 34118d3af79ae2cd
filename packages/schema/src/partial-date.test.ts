import { describe, expect, it } from "vitest";
import { comparePartialDates, formatPartialDate, partialDateBounds, partialDateSchema } from "./index.js";

describe("partial dates", () => {
  it("accepts any combination a page can give", () => {
    for (const date of [
      { year: 2021 },
      { year: 2021, month: 4 },
      { month: 4, day: 29 },
      { year: 2021, month: 4, day: 29 },
    ]) {
      expect(partialDateSchema.safeParse(date).success).toBe(true);
    }
  });

  it("rejects impossible dates and empty ones", () => {
    expect(partialDateSchema.safeParse({}).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 2021, day: 3 }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 2021, month: 2, day: 29 }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 2020, month: 2, day: 29 }).success).toBe(true);
    expect(partialDateSchema.safeParse({ month: 2, day: 29 }).success).toBe(true);
    expect(partialDateSchema.safeParse({ month: 4, day: 31 }).success).toBe(false);
  });

  it("formats as ISO-like text", () => {
    expect(formatPartialDate({ year: 2021, month: 4, day: 9 })).toBe("2021-04-09");
    expect(formatPartialDate({ year: 2021, month: 4 })).toBe("2021-04");
    expect(formatPartialDate({ month: 4, day: 29 })).toBe("--04-29");
  });

  it("compares by the range a date can mean", () => {
    expect(partialDateBounds({ year: 2021 })).toEqual({ earliest: 20210101, latest: 20211231 });
    expect(partialDateBounds({ year: 2024, month: 2 })).toEqual({ earliest: 20240201, latest: 20240229 });
    expect(comparePartialDates({ year: 2021 }, { year: 2021, month: 4, day: 29 })).toBeLessThan(0);
    expect(comparePartialDates({ month: 1 }, { year: 1999 })).toBeGreaterThan(0);
  });
});

describe("formatPartialDate for readers", () => {
  it("puts a placeholder where a year-less date has no year, and changes nothing else", () => {
    expect(formatPartialDate({ month: 6, day: 12 }, { unknownYear: "????" })).toBe("????-06-12");
    expect(formatPartialDate({ month: 6 }, { unknownYear: "????" })).toBe("????-06");
    expect(formatPartialDate({ month: 6, day: 12 })).toBe("--06-12");
    expect(formatPartialDate({ year: 2024, month: 6 }, { unknownYear: "????" })).toBe("2024-06");
  });
});
