import { describe, expect, it } from "vitest";
import { searchQuerySchema } from "./search.js";

const range = (from: string, to: string) => searchQuerySchema.safeParse({ filters: { from, to } });

describe("search date ranges", () => {
  it("accepts ranges whose partial bounds overlap, however coarse", () => {
    expect(range("2019", "2020").success).toBe(true);
    expect(range("2020-05", "2020").success).toBe(true);
    expect(range("2020", "2020-01-01").success).toBe(true);
    expect(range("2020-02-29", "2020-02").success).toBe(true);
  });

  it("rejects a range that starts after it ends, on the from field", () => {
    const result = range("2021", "2020-12-31");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["filters.from"]);
    expect(range("2020-03", "2020-02-29").success).toBe(false);
  });
});
