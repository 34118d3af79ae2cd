// Families of layouts the demo library showed the readers getting wrong; each test page is
// written fresh for the test (no demo or seed prose), so the rule is tested, not the page.
import { type CorpusRecord, isDocument } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { parseInput } from "../index.js";

const now = () => new Date("2025-01-01T00:00:00.000Z");

function parse(text: string) {
  const parsed = parseInput({ path: "page.txt", bytes: new TextEncoder().encode(text) }, { now });
  expect(parsed.diagnostics).toEqual([]);
  const documents = parsed.records.filter(isDocument);
  return { records: parsed.records, document: documents[0]! };
}

const organizations = (document: ReturnType<typeof parse>["document"]) =>
  document.organizations.map((item) => `${item.role}: ${item.organization.name}`);

describe("hosts named in a sentence", () => {
  it("reads past abbreviations: 'the U.S. Institute of Peace and the X hosted' names both, no fragment", () => {
    const { document } = parse(
      [
        "Water, Borders and Local Truces",
        "",
        "On May 3, the U.S. Institute of Peace and the Lakeside Peace Council hosted a discussion with river-basin negotiators on how local water-sharing deals survive a wider war.",
        "",
        "Speakers",
        "",
        "Amira Haddad, moderator",
        "Director, Lakeside Peace Council",
      ].join("\n"),
    );
    expect(organizations(document)).toContain("host: U.S. Institute of Peace");
    expect(organizations(document)).toContain("host: Lakeside Peace Council");
    expect(document.organizations.map((item) => item.organization.name)).not.toContain("Institute of Peace");
  });

  it("splits 'Convened by X with the Y' into a host and a co-host when both read as organizations", () => {
    const { document } = parse(
      [
        "Harbor Mediation Centre",
        "Webinar",
        "Fishing Rights and Fragile Ceasefires",
        "Tuesday, June 7, 2022 | 10:00 - 11:30 a.m. GMT",
        "",
        "Coastal communities have brokered their own arrangements over fishing grounds, and some of those deals now carry more weight than the national talks.",
        "",
        "Speakers:",
        "Tomas Lindqvist, Senior Advisor at the Northern Dialogue Forum",
        "",
        "Convened by the Harbor Mediation Centre with the Northern Dialogue Forum.",
      ].join("\n"),
    );
    expect(organizations(document)).toContain("host: Harbor Mediation Centre");
    expect(organizations(document)).toContain("co-host: Northern Dialogue Forum");
    expect(document.organizations.some((item) => / with /.test(item.organization.name))).toBe(false);
  });
});

describe("titles and affiliations read from biographies", () => {
  const { document } = parse(
    [
      "Eastern Mediterranean Institute",
      "Seminar",
      "Gas, Borders and the Next Crisis",
      "Monday, October 3, 2022, 2:00 - 4:00 p.m.",
      "",
      "Speakers",
      "",
      "Nadia Farouk",
      "",
      "Nadia Farouk is a senior fellow on Gulf security at the U.S. Institute of Peace. She previously advised the foreign ministry of her country on maritime disputes.",
      "",
      "Pavel Novak",
      "",
      "Pavel Novak is an assistant professor of political science at the Coastal University of Peace Studies, where he teaches negotiation.",
      "",
      "Ines Duarte",
      "",
      "Ines Duarte is a researcher with the Border Studies Chair at the Centre for Security, Diplomacy and Strategy in Brussels. Her work covers maritime boundaries.",
    ].join("\n"),
  );
  const person = (name: string) => document.people.find((item) => item.person.name === name)!;

  it("keeps the whole title before the organization ('... of political science', '... on Gulf security')", () => {
    expect(person("Pavel Novak").title).toBe("assistant professor of political science");
    expect(person("Pavel Novak").affiliations.map((item) => item.name)).toEqual([
      "Coastal University of Peace Studies",
    ]);
    expect(person("Nadia Farouk").title).toBe("senior fellow on Gulf security");
  });

  it("reads a known organization whole, full stops and commas included", () => {
    expect(person("Nadia Farouk").affiliations.map((item) => item.name)).toEqual(["U.S. Institute of Peace"]);
    expect(person("Ines Duarte").affiliations.map((item) => item.name)).toEqual([
      "Centre for Security, Diplomacy and Strategy",
    ]);
    expect(person("Ines Duarte").title).toBe("researcher with the Border Studies Chair");
  });
});

describe("mastheads of newsletters and bulletins", () => {
  it("an all-capitals masthead with an issue line gives 'Name, Issue N' (derived) and the site, not a shouting title", () => {
    const { document } = parse(
      [
        "MEKONG WATER SECURITY BRIEF",
        "No. 7, March 2022",
        "",
        "Notes from the river basin for the people who negotiate over it",
        "",
        "Dam releases upstream were announced late again this season, and downstream provinces say the notice came after the fields had flooded.",
      ].join("\n"),
    );
    expect(document.title).toBe("Mekong Water Security Brief, No. 7");
    expect(document.titleDerived).toBe(true);
    expect(document.source?.site).toBe("Mekong Water Security Brief");
    expect(document.date).toEqual({ year: 2022, month: 3 });
    // The masthead and issue line are the title, not the first section of the body.
    const body = document.sections.map((section) => `${section.heading ?? ""} ${section.text}`).join(" ");
    expect(body).not.toContain("MEKONG");
    expect(body).not.toContain("No. 7");
  });

  it("keeps acronyms in the masthead as printed", () => {
    const { document } = parse(
      "EU BORDER MONITOR\nIssue 3, May 2020\n\nA short round-up of crossings, closures and the talks about them, written for practitioners.",
    );
    expect(document.title).toBe("EU Border Monitor, Issue 3");
  });

  it("an all-capitals first line that is a headline (no issue or date line after it) stays the title", () => {
    const { document } = parse(
      "CEASEFIRE HOLDS ALONG THE RIVER\n\nFor a third week, monitors on both banks reported no shelling, and markets in the border towns have reopened.",
    );
    expect(document.title).toBe("CEASEFIRE HOLDS ALONG THE RIVER");
  });
});

describe("dates printed as a range of weekdays", () => {
  it("gives both days the year printed once at the end", () => {
    const { document } = parse(
      [
        "Lakeside Dialogue Days 2023",
        "",
        "Monday, June 12 - Tuesday, June 13, 2023",
        "Harbour Hall, Lakeside",
        "",
        "Two days of public sessions on how river-basin councils keep talking while the fighting goes on upstream.",
        "",
        "Speakers",
        "",
        "Amira Haddad, moderator",
        "Director, Lakeside Peace Council",
      ].join("\n"),
    );
    expect(document.date).toEqual({ year: 2023, month: 6, day: 12 });
    expect((document as { endDate?: unknown }).endDate).toEqual({ year: 2023, month: 6, day: 13 });
  });
});

describe("the Peace Science Digest's masthead line", () => {
  it("a short first line opening with the Digest's name is the site, not the title", () => {
    const { document } = parse(
      [
        "Peace Science Digest, research notes for mediators",
        "",
        "Grain Corridors and the Price of Calm",
        "",
        "Grain Corridors and the Price of Calm",
        "",
        "A study of wartime shipping deals asks why some corridors held while the guns kept firing nearby.",
      ].join("\n"),
    );
    expect(document.source?.site).toBe("Peace Science Digest");
    expect(document.title).toBe("Grain Corridors and the Price of Calm");
  });

  it("a page whose title starts with the same words, printed twice, keeps its title and names no site", () => {
    const { document } = parse(
      [
        "Peace Science and Its Critics",
        "",
        "Peace Science and Its Critics",
        "",
        "A review essay on what quantitative conflict research has and has not explained about durable settlements.",
      ].join("\n"),
    );
    expect(document.title).toBe("Peace Science and Its Critics");
    expect(document.source?.site).not.toBe("Peace Science Digest");
  });
});

describe("organizations named in two languages", () => {
  it("'English / Spanish' is one organization: the first name, the other an alias", () => {
    const { document, records } = parse(
      [
        "Lakeside Peace Council / Consejo de Paz del Lago",
        "",
        "Forum",
        "",
        "After the Accord: Land, Return and Trust",
        "",
        "Friday, September 8, 2017",
        "",
        "Panel",
        "",
        "Lucia Romero Vega",
        "",
        "Lucia Romero Vega is the founding director of the Lakeside Peace Council. She has worked with returning families since the accord was signed.",
      ].join("\n"),
    );
    expect(organizations(document)).toContain("host: Lakeside Peace Council");
    expect(document.source?.site).toBe("Lakeside Peace Council");
    const council = records.find(
      (record: CorpusRecord) => record.kind === "organization" && record.name === "Lakeside Peace Council",
    );
    expect(council && "aliases" in council ? council.aliases : []).toContain("Consejo de Paz del Lago");
    expect(
      records.filter((record) => record.kind === "organization").map((record) => record.id),
    ).not.toContain("org:lakeside-peace-council-consejo-de-paz-del-lago");
  });
});

describe("a title and an organization under a name", () => {
  const { records, document } = parse(
    [
      "Rebuilding Trust After the Ceasefire",
      "",
      "Thursday, April 6, 2023",
      "",
      "Speakers",
      "",
      "Tamana Azizi, panelist",
      "Founder, Kabul Readers' Collective",
      "",
      "Jonas Whitfield, moderator",
      "President, Lakeshore Mediation Society",
      "",
      "Priya Raman",
      "Senior Fellow, Coastal Studies Program",
      "",
      "Oren Castellanos, Director, Harbor Conflict Studies Network",
    ].join("\n"),
  );
  const people = () => document.people.map((item) => item.person.name);

  it("is the person's title, not another person ('Founder, X', 'President, Y', 'Senior Fellow, Z')", () => {
    expect(people()).toEqual(["Tamana Azizi", "Jonas Whitfield", "Priya Raman", "Oren Castellanos"]);
    expect(records.filter((record) => record.kind === "person").map((record) => record.name)).toEqual(
      people(),
    );
    const title = (name: string) => document.people.find((item) => item.person.name === name)?.title;
    expect(title("Tamana Azizi")).toMatch(/^Founder\b/);
    expect(title("Jonas Whitfield")).toMatch(/^President\b/);
    expect(title("Priya Raman")).toMatch(/^Senior Fellow\b/);
  });

  it("keeps 'Name, Title, Organization' lines as people", () => {
    const oren = document.people.find((item) => item.person.name === "Oren Castellanos");
    expect(oren?.title).toBe("Director");
  });
});

describe("time zones on event pages", () => {
  it("reads a time line with a zone as the event's time, and a zone in an agenda line as part of the time", () => {
    const { document } = parse(
      [
        "Lakeside Peace Council",
        "Webinar",
        "Grain, Ports and a Fragile Corridor",
        "Wednesday, April 9, 2025",
        "",
        "9:00am - 11:15am ET",
        "",
        "Shipping through a contested strait resumed last spring under a narrow arrangement, and the people who run the ports want to know whether it will hold through another season.",
        "",
        "Agenda",
        "9:00am – 9:10am ET: Welcome",
        "9:10am–10:00am: CET Day one of the corridor",
        "10:00 - 11:00 a.m. (GMT+1) | Book launch",
        "11:00am - 11:15am EDT Q&A",
        "",
        "Speakers",
        "",
        "Amira Haddad, moderator",
        "Director, Lakeside Peace Council",
      ].join("\n"),
    );
    if (document.kind !== "event") throw new Error(`expected an event, got ${document.kind}`);
    expect(document.time).toEqual({ start: "9:00am", end: "11:15am", timezone: "ET" });
    expect(document.agenda.map((item) => [item.start, item.end, item.title])).toEqual([
      ["9:00am", "9:10am ET", "Welcome"],
      ["9:10am", "10:00am CET", "Day one of the corridor"],
      ["10:00", "11:00 a.m. GMT+1", "Book launch"],
      ["11:00am", "11:15am EDT", "Q&A"],
    ]);
  });

  it("never makes an agenda item of a time alone, with or without a zone or 'p.m.'", () => {
    const { document } = parse(
      [
        "Harbor Mediation Centre",
        "Seminar",
        "Fishermen as Mediators",
        "Friday, March 14, 2025",
        "6:00 - 8:00 p.m.",
        "",
        "Coastal villages settled their quarrels over nets and fishing grounds long before any ministry took an interest, and some of those customs now shape the talks.",
        "",
        "Agenda",
        "6:00 - 7:00 p.m.",
        "7:00pm - 8:00pm PT",
      ].join("\n"),
    );
    if (document.kind !== "event") throw new Error(`expected an event, got ${document.kind}`);
    expect(document.time).toEqual({ start: "6:00", end: "8:00 p.m." });
    expect(document.agenda).toEqual([]);
  });
});
