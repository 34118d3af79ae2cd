// Seasons as the date of an issue or a publication ("Spring 2021"). Every page here is written
// fresh for the test; the names are the demo library's fictional ones.
import { type Document, isDocument } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { parseInput } from "../index.js";
import { findDates, seasonDate } from "./dates.js";

const now = () => new Date("2025-01-01T00:00:00.000Z");

function parse(text: string): Document[] {
  const parsed = parseInput({ path: "page.txt", bytes: new TextEncoder().encode(text) }, { now });
  expect(parsed.diagnostics).toEqual([]);
  return parsed.records.filter(isDocument);
}

/** The characters a field's provenance points at (the pages here are already normalised). */
function dateText(document: Document, text: string): string[] {
  const spans = document.provenance[0]?.fields.date ?? [];
  return spans.map((span) => text.slice(span.start, span.end));
}

describe("seasonDate", () => {
  it.each([
    ["Spring 2021", { year: 2021 }, "Spring 2021"],
    ["Summer 2022", { year: 2022 }, "Summer 2022"],
    ["Fall/Autumn 2019", { year: 2019 }, "Fall/Autumn 2019"],
    ["Published: Autumn 2018", { year: 2018 }, "Autumn 2018"],
    ["Spring 2021: Peacemaking Without the State", { year: 2021 }, "Spring 2021"],
  ])("reads %j as the year only, with the span on the season", (text, date, spanText) => {
    const found = seasonDate(text, 100);
    expect(found?.date).toEqual(date);
    expect(found?.date.month).toBeUndefined();
    expect(text.slice(found!.span.start - 100, found!.span.end - 100)).toBe(spanText);
  });

  it("dates a winter across two years to its first year, marked inferred", () => {
    expect(seasonDate("Winter 2020/2021")).toEqual({
      date: { year: 2020, inferred: true },
      span: { start: 0, end: 16 },
    });
    expect(seasonDate("Winter 2020-21")?.date).toEqual({ year: 2020, inferred: true });
    expect(seasonDate("Winter 1999/00")?.date).toEqual({ year: 1999, inferred: true });
  });

  it("reads no date from a season in a sentence, nor from two years that do not follow", () => {
    expect(seasonDate("Spring 2021 brought the first strikes in the capital.")).toBeNull();
    expect(seasonDate("Winter 2020/2023")).toBeNull();
    expect(seasonDate("Springfield 2021")).toBeNull();
    expect(seasonDate("A Winter 2020 retreat")).toBeNull();
  });

  it("leaves findDates as it was: a season is not one of its dates (events keep seasons as text)", () => {
    expect(findDates("Spring 2021: Peacemaking Without the State")).toEqual([]);
  });
});

describe("a season as the date of an issue or a publication", () => {
  it("dates an issue by the season before its theme, with provenance on the season's characters", () => {
    const text = [
      "Peace Science Digest",
      "",
      "Volume 9, Issue 2",
      "",
      "Spring 2021: Ceasefires Written With Villages",
      "",
      "This issue gathers research on local ceasefires, the committees that watch over them, and the people who keep them from collapsing in the first months.",
      "",
      "Articles in this issue",
      "",
      "Village Committees and the First Ninety Days",
      "",
      "A comparison of local monitoring committees finds that the first three months decide most outcomes.",
    ].join("\n");
    const issue = parse(text).find((document) => document.kind === "issue")!;
    expect(issue.date).toEqual({ year: 2021 });
    expect(dateText(issue, text)).toEqual(["Spring 2021"]);
  });

  it("dates an issue by a season line of its own, and does not take the season for its theme", () => {
    const text = [
      "Peace Science Digest",
      "",
      "Volume 9, Issue 3",
      "",
      "Winter 2020/2021",
      "",
      "This issue gathers research on local ceasefires, the committees that watch over them, and the people who keep them from collapsing in the first months.",
      "",
      "Articles in this issue",
      "",
      "Village Committees and the First Ninety Days",
    ].join("\n");
    const issue = parse(text).find((document) => document.kind === "issue")!;
    expect(issue.date).toEqual({ year: 2020, inferred: true });
    expect(dateText(issue, text)).toEqual(["Winter 2020/2021"]);
    expect(issue.sections.map((section) => section.heading)).not.toContain("Winter 2020/2021");
  });

  it("dates a newsletter by the season on its issue line", () => {
    const text = [
      "LAKESIDE PEACE COUNCIL BULLETIN",
      "Issue 7, Fall/Autumn 2019",
      "",
      "A seasonal round-up from the council's river-basin mediators, with news of three local water agreements and a training course.",
    ].join("\n");
    const [bulletin] = parse(text);
    expect(bulletin?.date).toEqual({ year: 2019 });
    expect(dateText(bulletin!, text)).toEqual(["Fall/Autumn 2019"]);
  });

  it("dates a digest article by a 'Published:' season line", () => {
    const text = [
      "Peace Science Digest: conflict research in brief, for people who work on peace.",
      "",
      "Village Committees and the First Ninety Days",
      "",
      "Village Committees and the First Ninety Days",
      "",
      "Published: Summer 2022",
      "",
      "A comparison of local monitoring committees finds that the first three months decide most outcomes, and that committees with women members report violations sooner.",
      "",
      "In the News:",
      "",
      "Reporters in the river towns describe committees that meet weekly under a mango tree and send their notes to both sides.",
    ].join("\n");
    const article = parse(text).find((document) => document.kind === "publication")!;
    expect(article.date).toEqual({ year: 2022 });
    expect(dateText(article, text)).toEqual(["Summer 2022"]);
  });

  it("dates each publication of a listing by its season line", () => {
    const text = [
      "Publications",
      "",
      "Showing 1 - 2 of 2 results",
      "",
      "Village Committees and the First Ninety Days",
      "",
      "Village Committees and the First Ninety Days",
      "",
      "Winter 2020-21",
      "",
      "By: Amira Haddad",
      "",
      "Local monitoring committees decide in their first three months whether a truce holds.",
      "",
      "Type: Analysis",
      "",
      "River Water and Local Truces",
      "",
      "River Water and Local Truces",
      "",
      "Summer 2022",
      "",
      "By: Amira Haddad",
      "",
      "Water-sharing deals between villages outlast the wider war when both banks keep the records.",
      "",
      "Type: Analysis",
    ].join("\n");
    const dates = parse(text)
      .filter((document) => document.kind === "publication")
      .map((document) => [document.title, document.date, dateText(document, text)]);
    expect(dates).toEqual([
      ["Village Committees and the First Ninety Days", { year: 2020, inferred: true }, ["Winter 2020-21"]],
      ["River Water and Local Truces", { year: 2022 }, ["Summer 2022"]],
    ]);
  });
});
