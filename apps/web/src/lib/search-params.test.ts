import { MAX_SECTION_LENGTH as API_MAX_SECTION_LENGTH } from "@corpus/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSearchState } from "./parse-search-state";
import {
  describeDownload,
  emptySearchState,
  isFiltered,
  MAX_SECTION_LENGTH,
  normalizeSectionHeading,
  searchHref,
  toggleValue,
  toSearchParams,
  toSearchQuery,
  withDateBucket,
  toRestExportParams,
  withKeptEntities,
} from "./search-params";

function paramsToRaw(params: URLSearchParams): Record<string, string[]> {
  const raw: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) raw[key] = params.getAll(key);
  return raw;
}

describe("search state in the URL", () => {
  it("reads a shared search URL back into the same API query", () => {
    const state = parseSearchState({
      q: "nuclear talks",
      kind: ["event", "publication"],
      person: "frank-aum",
      region: "region:KR",
      from: "2021",
      to: "2021-04",
      sort: "newest",
    });
    expect(toSearchQuery(state)).toMatchObject({
      text: "nuclear talks",
      sort: "newest",
      filters: {
        kind: ["event", "publication"],
        person: ["person:frank-aum"],
        region: ["region:KR"],
        from: "2021",
        to: "2021-04",
      },
    });
  });

  it("drops malformed values instead of failing the page", () => {
    const state = parseSearchState({
      kind: ["event", "bogus"],
      sort: "sideways",
      from: "21st",
      person: "<script>",
    });
    expect(state.kind).toEqual(["event"]);
    expect(state.sort).toBe("relevance");
    expect(state.from).toBeUndefined();
    expect(state.person).toEqual([]);
  });

  it("reads a date range typed the other way round as the same years", () => {
    const state = parseSearchState({ q: "peace", from: "2024", to: "2019-06" });
    expect(toSearchQuery(state).filters).toMatchObject({ from: "2019-06", to: "2024" });
    // An ordinary range, and a single year, stay as they are.
    expect(parseSearchState({ from: "2019", to: "2024" })).toMatchObject({ from: "2019", to: "2024" });
    expect(parseSearchState({ from: "2021", to: "2021-04" })).toMatchObject({ from: "2021", to: "2021-04" });
  });

  it("round-trips any state through its URL", () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    fc.assert(
      fc.property(
        fc.record({
          q: fc.string({ maxLength: 40 }),
          kind: fc.subarray(["event", "publication", "issue", "stub"]),
          person: fc.uniqueArray(slug, { maxLength: 3 }),
          topic: fc.uniqueArray(slug, { maxLength: 3 }),
          sort: fc.constantFrom("relevance", "newest", "oldest"),
          mode: fc.constantFrom("simple", "advanced"),
          scope: fc.constantFrom("all", "title", "section"),
          section: fc.string({ maxLength: 40 }),
          after: fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 3 }),
        }),
        (raw) => {
          const state = parseSearchState(raw);
          const again = parseSearchState(paramsToRaw(toSearchParams(state)));
          expect(again).toEqual(state);
        },
      ),
    );
  });

  it("goes back to the first page when a filter changes", () => {
    const paged = { ...emptySearchState(), text: "peace", after: ["c1", "c2"] };
    const filtered = toggleValue(paged, "topic", "nuclear-security");
    expect(filtered.after).toEqual([]);
    expect(searchHref(filtered)).toBe("/?q=peace&topic=nuclear-security");
    expect(toggleValue(filtered, "topic", "nuclear-security").topic).toEqual([]);
  });

  it("narrows to one timeline bucket", () => {
    const state = withDateBucket(emptySearchState(), "2021-04");
    expect(toSearchQuery(state).filters).toEqual({ from: "2021-04", to: "2021-04" });
  });

  it("sends the last cursor of the trail", () => {
    expect(toSearchQuery(parseSearchState({ after: ["first", "second"] })).cursor).toBe("second");
  });
});

describe("advanced syntax and the scope of a search in the URL", () => {
  it("cuts a section heading where the API's limit is", () => {
    expect(MAX_SECTION_LENGTH).toBe(API_MAX_SECTION_LENGTH);
  });

  it("reads advanced mode, titles only and one section into the API query, and writes them back", () => {
    const section = parseSearchState({
      q: "cooperative",
      mode: "advanced",
      scope: "section",
      section: "In the News",
    });
    expect(toSearchQuery(section)).toMatchObject({
      text: "cooperative",
      mode: "advanced",
      scope: "section",
      section: "In the News",
    });
    expect(searchHref(section)).toBe("/?q=cooperative&mode=advanced&scope=section&section=In+the+News");
    const titles = parseSearchState({ q: "peace", scope: "title" });
    expect(toSearchQuery(titles)).toMatchObject({ scope: "title" });
    expect(toSearchQuery(titles).section).toBeUndefined();
    expect(searchHref(titles)).toBe("/?q=peace&scope=title");
  });

  it("leaves a plain search's URL and API query as they were", () => {
    const plain = parseSearchState({ q: "peace", scope: "all" });
    expect(searchHref(plain)).toBe("/?q=peace");
    expect(toSearchQuery(plain).scope).toBeUndefined();
    expect(isFiltered(plain)).toBe(false);
  });

  it("searches everywhere when a section is asked for without a heading, and drops a stray heading", () => {
    expect(parseSearchState({ q: "x", scope: "section" })).toMatchObject({ scope: "all" });
    expect(parseSearchState({ q: "x", scope: "section", section: "  :" })).toMatchObject({ scope: "all" });
    expect(parseSearchState({ q: "x", scope: "title", section: "In the News" }).section).toBeUndefined();
    expect(parseSearchState({ q: "x", section: "In the News" })).toMatchObject({ scope: "all" });
    expect(parseSearchState({ q: "x", scope: "sideways" })).toMatchObject({ scope: "all" });
  });

  it("tidies a typed heading the way the library keeps it, case left to the API", () => {
    expect(normalizeSectionHeading("  in   the news: ")).toBe("In the News");
    expect(normalizeSectionHeading("Key findings:")).toBe("Key findings");
    expect(normalizeSectionHeading("KEY FINDINGS")).toBe("KEY FINDINGS");
    expect(normalizeSectionHeading("x".repeat(300))).toHaveLength(200);
    expect(normalizeSectionHeading("Key findings : :")).toBe("Key findings");
    expect(normalizeSectionHeading(`${"x".repeat(199)}: more`)).toBe("x".repeat(199));
  });

  it("keeps the scope across paging, sorting and filtering, and counts it as narrowing the search", () => {
    const state = parseSearchState({ q: "peace", scope: "title", after: "c1" });
    const filtered = toggleValue(state, "kind", "event");
    expect(searchHref(filtered)).toBe("/?q=peace&scope=title&kind=event");
    expect(searchHref({ ...state, after: [...state.after, "c2"] })).toBe(
      "/?q=peace&scope=title&after=c1&after=c2",
    );
    expect(isFiltered(state)).toBe(true);
  });

  it("asks the REST export for the same scope and syntax", () => {
    const state = parseSearchState({
      q: '"local ceasefires"',
      mode: "advanced",
      scope: "section",
      section: "insight from peace science",
    });
    expect(toRestExportParams(state, "ndjson").toString()).toBe(
      "format=ndjson&text=%22local+ceasefires%22&mode=advanced&scope=section&section=Insight+from+Peace+Science&sort=relevance",
    );
    expect(toRestExportParams(parseSearchState({ q: "truce", scope: "title" }), "csv").get("scope")).toBe(
      "title",
    );
  });
});

describe("filters on merged entities", () => {
  it("replaces an id merged into another by the one kept, once, and starts from the first page", () => {
    const state = parseSearchState({
      person: ["min-ji-seo", "seo-min-ji", "frank-aum"],
      organization: "org:usip",
      after: "cursor-of-the-old-url",
    });
    const kept = withKeptEntities(state, [{ from: "person:min-ji-seo", to: "person:seo-min-ji" }]);
    expect(kept?.person).toEqual(["seo-min-ji", "frank-aum"]);
    expect(kept?.organization).toEqual(["usip"]);
    expect(kept?.after).toEqual([]);
    expect(withKeptEntities(state, undefined)).toBeNull();
    expect(withKeptEntities(state, [{ from: "person:someone-else", to: "person:frank-aum" }])).toBeNull();
  });
});

describe("the export of a search", () => {
  it("asks the API's REST export for the same documents, in the order shown, without paging", () => {
    const state = parseSearchState({
      q: "truce",
      kind: ["event", "publication"],
      person: "frank-aum",
      from: "2021",
      sort: "newest",
      after: "a-cursor",
    });
    expect(toRestExportParams(state, "csv").toString()).toBe(
      "format=csv&text=truce&sort=newest&kind=event&kind=publication&person=person%3Afrank-aum&from=2021",
    );
  });
});

describe("paging deep", () => {
  it("keeps the newest cursors when a URL holds more than it keeps, so Next keeps moving on", () => {
    const after = Array.from({ length: 60 }, (_, index) => `cursor-${index}`);
    const state = parseSearchState({ after });
    expect(state.after.at(-1)).toBe("cursor-59");
    expect(state.after).toHaveLength(50);
  });
});

describe("the download links of a search", () => {
  it("name what they hold in words that agree with the count", () => {
    expect(describeDownload(1)).toBe("this document");
    expect(describeDownload(2)).toBe("these 2 documents");
    expect(describeDownload(12_345)).toBe("these 12,345 documents");
    expect(describeDownload(250_000)).toBe("the first 100,000 documents");
  });
});
