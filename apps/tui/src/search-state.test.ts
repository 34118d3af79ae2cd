import { describe, expect, it } from "vitest";
import {
  effectiveSort,
  type FacetRow,
  facetCursorIn,
  initialSearchState,
  pageKey,
  searchReducer,
} from "./search-state.js";

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

  it("cycles the sort through relevance only when there are words to rank by", () => {
    const sorts = (text: string) => {
      let state = initialSearchState(text);
      const seen = [effectiveSort(state)];
      for (let step = 0; step < 3; step++) {
        state = searchReducer(state, { type: "cycleSort" });
        seen.push(effectiveSort(state));
      }
      return seen;
    };
    expect(sorts("sudan")).toEqual(["relevance", "newest", "oldest", "relevance"]);
    expect(sorts("")).toEqual(["newest", "oldest", "newest", "oldest"]);
    // Relevance chosen for words, then the words cleared: newest, not an arbitrary order.
    expect(effectiveSort({ text: " ", sort: "relevance" })).toBe("newest");
  });

  it("keeps the facet cursor on the value just toggled when the answer re-sorts the rows", () => {
    const row = (value: string, count: number, active = false): FacetRow => ({
      facet: "region",
      value,
      label: value,
      count,
      active,
    });
    const before = [row("region:ye", 7), row("region:sd", 3), row("region:dz", 1)];
    const moved = searchReducer(initialSearchState(), { type: "moveFacet", from: 0, by: 2, count: 3 });
    expect(facetCursorIn(moved, before)).toBe(2);
    const toggled = searchReducer(moved, { type: "toggleFacet", facet: "region", value: "region:dz" });
    // Active values sort first: the toggled row is now the first one, and the cursor with it.
    const after = [row("region:dz", 1, true), row("region:ye", 7), row("region:sd", 3)];
    expect(facetCursorIn(toggled, after)).toBe(0);
    // Moving on starts from where the cursor is drawn.
    const next = searchReducer(toggled, { type: "moveFacet", from: 0, by: 1, count: 3 });
    expect(facetCursorIn(next, after)).toBe(1);
    // Fewer rows than the remembered place: the cursor stays on the last one, not off the list.
    expect(facetCursorIn({ ...moved, facetCursor: 40 }, after)).toBe(2);
  });
});
