import { describe, expect, it } from "vitest";
import { emptySearchState } from "@/lib/search-params";
import { activeChips } from "./search-chips";

function dateChip(from?: string, to?: string): string | undefined {
  const state = { ...emptySearchState(), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return activeChips(state, undefined).find((chip) => chip.key === "date")?.label;
}

describe("the chip of a date filter", () => {
  it("says the range in words, open ends included", () => {
    expect(dateChip("2019", "2024")).toBe("Date: 2019 to 2024");
    expect(dateChip("2019")).toBe("Date: from 2019");
    expect(dateChip(undefined, "2020-06")).toBe("Date: until June 2020");
    expect(dateChip("2018-05-02", "2018-05-02")).toBe("Date: 2 May 2018");
    expect(dateChip()).toBeUndefined();
  });
});
