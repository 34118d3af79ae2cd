import { describe, expect, it } from "vitest";
import { contentLines } from "./lines.js";
import { groupParagraphs, sectionsOf } from "./publications.js";

const headingsOf = (text: string) =>
  sectionsOf(groupParagraphs(contentLines(text))).map((section) => section.heading ?? null);

describe("section headings in a page's body", () => {
  it("reads a short line without closing punctuation as a heading", () => {
    expect(headingsOf("Opening words of the piece.\n\nWhat the observers saw\n\nThey saw little.")).toEqual([
      null,
      "What the observers saw",
    ]);
  });

  it("leaves a page's furniture in the text: contact lines, datelines, press-release markers, tags", () => {
    for (const furniture of [
      "Contact: office@mediators.example | Amman, Jordan",
      "More at https://mediators.example/reports",
      "Posted June 3, 2022 by Rana Haddad",
      "Published 12 May 2020",
      "FOR IMMEDIATE RELEASE",
      "Embargoed until Monday",
      "Tags: Jordan, mediation, water",
      "Filed under: Dialogue",
    ]) {
      const sections = sectionsOf(groupParagraphs(contentLines(`${furniture}\n\nThe body of the piece.`)));
      expect(
        sections.map((section) => section.heading ?? null),
        furniture,
      ).toEqual([null]);
      expect(sections[0]?.text, furniture).toContain(furniture);
    }
  });
});
