import type { FacetValue } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { emptySearchState } from "@/lib/search-params";
import { activeChips } from "./search-chips";
import { facetLabel, shownFacetValues } from "./search-facets";

const regions: FacetValue[] = Array.from({ length: 14 }, (_, index) => ({
  value: `region:r${index}`,
  label: `Region ${index}`,
  count: 20 - index,
}));

describe("facet lists", () => {
  it("keep a selected value in view however rare it is", () => {
    const state = { ...emptySearchState(), region: ["r12"] };
    const shown = shownFacetValues("region", regions, state).map((value) => value.value);
    expect(shown).toHaveLength(11);
    expect(shown).toContain("region:r12");
    expect(shownFacetValues("region", regions, emptySearchState())).toHaveLength(10);
  });

  it("name a value the library does not know by its slug, not its raw id", () => {
    const unknown = { value: "region:antarctica", label: "region:antarctica", count: 0 };
    expect(facetLabel("region", unknown)).toBe("antarctica");
    expect(facetLabel("region", { value: "region:SD", label: "Sudan", count: 2 })).toBe("Sudan");
    const chips = activeChips(
      { ...emptySearchState(), region: ["antarctica"] },
      {
        kind: [],
        subtype: [],
        topic: [],
        region: [unknown],
        person: [],
        organization: [],
        role: [],
        year: [],
      },
    );
    expect(chips.map((chip) => chip.label)).toEqual(["Region: antarctica"]);
  });
});
