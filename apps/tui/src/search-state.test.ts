import { describe, expect, it } from "vitest";
import {
  effectiveSort,
  type FacetRow,
  facetCursorIn,
  initialSearchState,
  pageKey,
  type SearchAction,
  type SearchState,
  searchOptionLabels,
  searchReducer,
  toQuery,
} from "./search-state.js";

const run = (state: SearchState, ...actions: SearchAction[]) => actions.reduce(searchReducer, state);

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

  it("switches advanced syntax on and off, asks the API for it, and starts again at the first page", () => {
    const paged = searchReducer(initialSearchState("armistice -panel"), {
      type: "nextPage",
      cursor: "c1",
      after: pageKey(initialSearchState("armistice -panel")),
    });
    const advanced = searchReducer(paged, { type: "toggleAdvanced" });
    expect(toQuery(advanced)).toMatchObject({ text: "armistice -panel", mode: "advanced" });
    expect(advanced.page).toBe(0);
    expect(toQuery(advanced)).not.toHaveProperty("cursor");
    const simple = searchReducer(advanced, { type: "toggleAdvanced" });
    // Back to plain: the same question as before a was pressed, so no new kind of query key.
    expect(toQuery(simple)).toEqual(toQuery(initialSearchState("armistice -panel")));
  });

  it("limits the search to titles with t, and t again searches everywhere", () => {
    const titles = searchReducer(initialSearchState("aum"), { type: "toggleTitles" });
    expect(toQuery(titles)).toMatchObject({ scope: "title" });
    expect(searchOptionLabels(titles)).toEqual(["titles"]);
    expect(toQuery(searchReducer(titles, { type: "toggleTitles" }))).not.toHaveProperty("scope");
  });

  it("searches under the heading typed in the heading box, and an empty box searches everywhere again", () => {
    const typing = run(
      initialSearchState("ceasefire"),
      { type: "editSection" },
      { type: "append", text: "About the event" },
    );
    expect(typing.focus).toBe("section");
    // Typing a heading edits the heading box, not the query, and asks nothing yet.
    expect(typing.text).toBe("ceasefire");
    expect(pageKey(typing)).toBe(pageKey(initialSearchState("ceasefire")));
    const applied = searchReducer(typing, { type: "applySection" });
    expect(applied.focus).toBe("results");
    expect(toQuery(applied)).toMatchObject({
      text: "ceasefire",
      scope: "section",
      section: "About the event",
    });
    expect(searchOptionLabels(applied)).toEqual(['in "About the event"']);
    // The box opens on the heading in use; emptied, it turns the section off.
    const reopened = searchReducer(applied, { type: "editSection" });
    expect(reopened.sectionDraft).toBe("About the event");
    const cleared = run(reopened, { type: "type", text: "" }, { type: "applySection" });
    expect(toQuery(cleared)).not.toHaveProperty("scope");
    expect(toQuery(cleared)).not.toHaveProperty("section");
  });

  it("leaves the scope as it was when the heading box is left with Esc", () => {
    const titles = searchReducer(initialSearchState("aum"), { type: "toggleTitles" });
    const cancelled = run(
      titles,
      { type: "editSection" },
      { type: "append", text: "Speakers" },
      { type: "focus", focus: "results" },
    );
    expect(toQuery(cancelled)).toEqual(toQuery(titles));
    expect(cancelled.sectionDraft).toBe("");
  });

  it("keeps advanced syntax and the scope across a new query, sort, filter and paging", () => {
    const start = run(initialSearchState("aum"), { type: "toggleAdvanced" }, { type: "toggleTitles" });
    const after = run(
      start,
      { type: "focus", focus: "input" },
      { type: "append", text: "*" },
      { type: "cycleSort" },
      { type: "toggleFacet", facet: "kind", value: "event" },
    );
    expect(toQuery(after)).toMatchObject({ text: "aum*", mode: "advanced", scope: "title" });
  });

  it("starts from the command line's options; a heading alone means that section", () => {
    expect(toQuery(initialSearchState({ text: "sudan", section: " In the News " }))).toMatchObject({
      scope: "section",
      section: "In the News",
    });
    expect(toQuery(initialSearchState({ text: "sudan", mode: "advanced", scope: "title" }))).toMatchObject({
      mode: "advanced",
      scope: "title",
    });
    // The section scope without a heading would search everywhere while saying otherwise.
    expect(initialSearchState({ text: "sudan", scope: "section" }).scope).toBe("all");
  });
});
