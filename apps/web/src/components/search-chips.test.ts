import { describe, expect, it } from "vitest";
import { parseSearchState } from "@/lib/parse-search-state";
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

describe("the chips of how the words are read", () => {
  it("name advanced syntax and the scope, each removed on its own", () => {
    const state = parseSearchState({
      q: "ceasef*",
      mode: "advanced",
      scope: "section",
      section: "in the news",
      kind: "publication",
    });
    const chips = activeChips(state, undefined);
    expect(chips.map((chip) => chip.label)).toEqual([
      "Syntax: advanced",
      "Search in: section “In the News”",
      "Kind: Publication",
    ]);
    expect(chips[0]?.href).toBe("/?q=ceasef*&scope=section&section=In+the+News&kind=publication");
    expect(chips[1]?.href).toBe("/?q=ceasef*&mode=advanced&kind=publication");
    expect(activeChips(parseSearchState({ q: "peace", scope: "title" }), undefined)).toMatchObject([
      { label: "Search in: titles only", href: "/?q=peace" },
    ]);
  });
});

describe("the chips of a person in a role", () => {
  const facets = {
    kind: [],
    subtype: [],
    topic: [],
    region: [],
    person: [
      { value: "person:frank-aum", label: "Frank Aum", count: 1 },
      { value: "person:seo-min-ji", label: "Seo Min-ji", count: 1 },
    ],
    organization: [],
    role: [],
    year: [],
  };

  it("say the person held the role, in one chip that removes both", () => {
    const state = parseSearchState({ person: "frank-aum", role: "moderator" });
    expect(activeChips(state, facets)).toEqual([
      { key: "person:frank-aum", label: "Person: Frank Aum as moderator", href: "/" },
    ]);
  });

  it("give each of several people the roles, and keep the roles while another person remains", () => {
    const state = parseSearchState({
      person: ["frank-aum", "seo-min-ji"],
      role: ["moderator", "speaker"],
    });
    const chips = activeChips(state, facets);
    expect(chips.map((chip) => chip.label)).toEqual([
      "Person: Frank Aum as moderator or speaker",
      "Person: Seo Min-ji as moderator or speaker",
    ]);
    expect(chips[0]?.href).toBe("/?person=seo-min-ji&role=moderator&role=speaker");
  });

  it("keep a role on its own chip when no person is chosen", () => {
    const chips = activeChips(parseSearchState({ role: "moderator" }), facets);
    expect(chips.map((chip) => chip.label)).toEqual(["Role: Moderator"]);
  });
});
