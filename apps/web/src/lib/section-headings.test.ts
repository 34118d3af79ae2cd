import { MAX_SECTION_HEADINGS } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { suggestedSectionHeadings } from "./search-params";
import { offeredSectionHeadings, SECTION_HEADINGS_OFFERED, sectionHeadingLabel } from "./section-headings";

describe("the headings the section field offers", () => {
  it("offers the library's headings, asking for more as the reader types only when the page could not list them all", () => {
    const listed = [
      { heading: "Insight from Peace Science", documentCount: 7 },
      { heading: "Summary", documentCount: 1 },
    ];
    expect(offeredSectionHeadings(listed)).toEqual({ choices: listed, fromLibrary: true, partial: false });
    const many = Array.from({ length: SECTION_HEADINGS_OFFERED }, (_, index) => ({
      heading: `Heading ${index}`,
      documentCount: 1,
    }));
    expect(offeredSectionHeadings(many).partial).toBe(true);
    // A library without headings has none to offer: the digest's would find nothing there.
    expect(offeredSectionHeadings([])).toEqual({ choices: [], fromLibrary: true, partial: false });
    expect(SECTION_HEADINGS_OFFERED).toBeLessThanOrEqual(MAX_SECTION_HEADINGS);
  });

  it("falls back to the digest's headings, without counts, when the API could not be asked", () => {
    const offered = offeredSectionHeadings(null);
    expect(offered.partial).toBe(false);
    expect(offered.fromLibrary).toBe(false);
    expect(offered.choices.map((choice) => choice.heading)).toEqual([...suggestedSectionHeadings]);
    expect(offered.choices.map(sectionHeadingLabel)).toEqual([...suggestedSectionHeadings]);
  });

  it("labels a suggestion with the heading and its documents, as browsers that show the label alone need", () => {
    expect(sectionHeadingLabel({ heading: "In the News", documentCount: 1 })).toBe(
      "In the News · 1 document",
    );
    expect(sectionHeadingLabel({ heading: "In the News", documentCount: 1234 })).toBe(
      "In the News · 1,234 documents",
    );
  });
});
