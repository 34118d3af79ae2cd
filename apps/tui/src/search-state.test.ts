import { describe, expect, it } from "vitest";
import { initialSearchState, pageKey, searchReducer } from "./search-state.js";

describe("search state", () => {
  it("pages with the cursor of the answer on screen", () => {
    const state = initialSearchState("sudan");
    const next = searchReducer(state, { type: "nextPage", cursor: "c1", after: pageKey(state) });
    expect(next.page).toBe(1);
    expect(next.cursors).toEqual([undefined, "c1"]);
  });

  it("ignores a next-page key that arrives after the sort changed in the same burst of keys", () => {
    const shown = initialSearchState("sudan");
    const resorted = searchReducer(shown, { type: "cycleSort" });
    const paged = searchReducer(resorted, {
      type: "nextPage",
      cursor: "from-old-sort",
      after: pageKey(shown),
    });
    expect(paged).toBe(resorted);
    expect(paged.page).toBe(0);
  });
});
