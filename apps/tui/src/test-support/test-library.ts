import { appRouter, createContextInner } from "@corpus/api";
import {
  type CorpusRecord,
  type CorpusRecordInput,
  createDocumentId,
  createOrganizationId,
  createPersonId,
  createRegionId,
  createTopicId,
  type MediaType,
  type Provenance,
  recordSchema,
} from "@corpus/schema";
import { openStore } from "@corpus/store";
import { createTRPCClient, unstable_localLink } from "@trpc/client";
import type { Clipboard } from "../clipboard.js";
import { createTrpcDataSource, type DataSource } from "../data-source.js";

// A small library written for these tests (names are public facts; no third-party prose), held
// in an in-memory SQLite store and reached through the real router over tRPC's local link: the
// screens under test get exactly what they get in production.

export const ESCAPE_TITLE = "\u001b[31mRed Alert\u001b[0m Escape \u001b]52;c;ZXZpbA==\u0007Sequences";
export const ids = {
  panel: createDocumentId("Armistice at Seventy: A Panel"),
  analysis: createDocumentId("Seventy Years After the Armistice"),
  escape: createDocumentId("Escape Sequences"),
  aum: createPersonId("Frank Aum"),
  yun: createPersonId("Joseph Yun"),
  usip: createOrganizationId("United States Institute of Peace"),
  nuclear: createTopicId("Nuclear Security"),
  korea: createRegionId("Korean Peninsula"),
};

/**
 * The page the panel was read from, as the store keeps it: long enough to scroll at 80x24, with
 * curly quotes and accents (one UTF-16 unit each, so offsets are plain string indexes), a word
 * that ends the text, and "Frank Aum" twice.
 */
export const PANEL_PAGE = [
  "Armistice at Seventy: A Panel",
  "Thursday, July 27, 2023",
  "Washington, DC",
  "",
  "Speakers weighed what seven decades of an “unfinished war” mean for talks today.",
  "",
  ...Array.from(
    { length: 14 },
    (_, index) =>
      `Background paragraph ${index + 1}: delegates from Genève and Séoul compared notes on the ceasefire line, the hotlines and the commissions that still meet.`,
  ),
  "",
  "Speakers",
  "",
  "Frank Aum, moderator",
  "Senior Expert, Korea, United States Institute of Peace",
  "",
  "Ambassador Joseph Yun",
  "",
  "Related: Seventy Years After the Armistice, by Frank Aum",
  "Filed under Korean Peninsula",
].join("\n");

/** The analysis's own page, and its teaser on the panel page: two stored inputs for one record. */
export const ANALYSIS_PAGE = [
  "Seventy Years After the Armistice",
  "Monday, July 24, 2023",
  "By: Frank Aum",
  "",
  "The armistice still does the work of a peace treaty.",
].join("\n");

/** A stored page that still holds escape sequences before the characters a field came from. */
export const ESCAPE_PAGE = `${ESCAPE_TITLE}\n\u001b[2J2022\tby Frank Aum`;

export const hashes = {
  panel: "a".repeat(64),
  analysis: "b".repeat(64),
  escape: "c".repeat(64),
  records: "d".repeat(64),
};

/** Every place `needle` occurs in `text`, as spans. */
function spansOf(text: string, needle: string, only?: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1))
    spans.push({ start: index, end: index + needle.length });
  if (spans.length === 0) throw new Error(`test page lacks "${needle}"`);
  return only === undefined ? spans : [spans[only]!];
}

function provenance(
  input: { path: string; contentHash: string; mediaType?: MediaType },
  fields: Record<string, { start: number; end: number }[]>,
): Provenance {
  return {
    input: { mediaType: "text/plain", ...input },
    parser: { name: "@corpus/ingest/test", version: "0.0.0" },
    parsedAt: "2024-01-01T00:00:00Z",
    fields,
  };
}

function fixtureRecords(): CorpusRecordInput[] {
  const aum = { id: ids.aum, name: "Frank Aum" };
  const usip = { id: ids.usip, name: "United States Institute of Peace" };
  const topic = { id: ids.nuclear, name: "Nuclear Security" };
  const region = { id: ids.korea, name: "Korean Peninsula" };
  const briefings: CorpusRecordInput[] = Array.from({ length: 25 }, (_, index) => ({
    kind: "publication",
    subtype: "brief",
    id: createDocumentId(`Field Briefing ${index + 1}`),
    title: `Field Briefing ${index + 1}`,
    date: { year: 2010 + (index % 10), month: 1 + (index % 12) },
    topics: [{ id: createTopicId("Mediation"), name: "Mediation" }],
    // Headings to choose from after h: "Key Findings" in twelve briefings, "Recommendations" in
    // four, besides the panel's "About the event".
    sections: [
      ...(index < 12 ? [{ heading: "Key Findings", text: "Mediators kept the channels open." }] : []),
      ...(index < 4 ? [{ heading: "Recommendations", text: "Keep the channels open." }] : []),
    ],
    // The first briefing came as a JSON record: an input, but no page text to show.
    ...(index === 0
      ? {
          provenance: [
            provenance(
              {
                path: "records/briefings.ndjson",
                contentHash: hashes.records,
                mediaType: "application/x-ndjson",
              },
              {},
            ),
          ],
        }
      : {}),
  }));
  return [
    { kind: "person", id: ids.aum, name: "Frank Aum", aliases: ["Frank A. Aum"] },
    { kind: "person", id: ids.yun, name: "Joseph Yun", honorifics: ["Ambassador"] },
    { kind: "organization", id: ids.usip, name: usip.name, acronym: "USIP" },
    { kind: "topic", id: ids.nuclear, name: topic.name },
    { kind: "topic", id: createTopicId("Mediation"), name: "Mediation" },
    { kind: "region", id: ids.korea, name: region.name, regionType: "named", countries: ["KP", "KR"] },
    {
      kind: "event",
      id: ids.panel,
      title: "Armistice at Seventy: A Panel",
      date: { year: 2023, month: 7, day: 27 },
      location: "Washington, DC",
      summary: "Speakers weighed what seven decades of an unfinished war mean for talks today.",
      people: [
        { person: aum, role: "moderator", title: "Senior Expert, Korea", affiliations: [usip] },
        { person: { id: ids.yun, name: "Joseph Yun" }, role: "speaker", honorific: "Ambassador" },
      ],
      organizations: [{ organization: usip, role: "host" }],
      topics: [topic],
      regions: [region],
      links: [{ type: "related", target: { id: ids.analysis, title: "Seventy Years After the Armistice" } }],
      provenance: [
        provenance(
          { path: "pages/armistice-panel.txt", contentHash: hashes.panel },
          {
            title: spansOf(PANEL_PAGE, "Armistice at Seventy: A Panel"),
            date: spansOf(PANEL_PAGE, "Thursday, July 27, 2023"),
            location: spansOf(PANEL_PAGE, "Washington, DC"),
            summary: spansOf(
              PANEL_PAGE,
              "Speakers weighed what seven decades of an “unfinished war” mean for talks today.",
            ),
            "people[0].person.name": spansOf(PANEL_PAGE, "Frank Aum"),
            "people[0].title": spansOf(PANEL_PAGE, "Senior Expert, Korea"),
            "people[1].person.name": spansOf(PANEL_PAGE, "Joseph Yun"),
            "organizations[0].organization.name": spansOf(PANEL_PAGE, "United States Institute of Peace"),
            // Past the end of the page: a stale span is clipped, never trusted.
            "regions[0]": [
              ...spansOf(PANEL_PAGE, "Korean Peninsula"),
              { start: PANEL_PAGE.length + 5, end: PANEL_PAGE.length + 9 },
            ],
          },
        ),
      ],
      sections: [
        {
          heading: "About the event",
          text: "A first paragraph.\n\nA second paragraph about the ceasefire line.",
        },
      ],
    },
    {
      kind: "publication",
      subtype: "analysis",
      id: ids.analysis,
      title: "Seventy Years After the Armistice",
      date: { year: 2023, month: 7, day: 24 },
      people: [{ person: aum, role: "author", affiliations: [usip] }],
      topics: [topic],
      regions: [region],
      provenance: [
        provenance(
          { path: "pages/armistice-panel.txt", contentHash: hashes.panel },
          { title: spansOf(PANEL_PAGE, "Seventy Years After the Armistice") },
        ),
        provenance(
          { path: "pages/seventy-years-after.txt", contentHash: hashes.analysis },
          {
            title: spansOf(ANALYSIS_PAGE, "Seventy Years After the Armistice"),
            date: spansOf(ANALYSIS_PAGE, "Monday, July 24, 2023"),
            "people[0].person.name": spansOf(ANALYSIS_PAGE, "Frank Aum"),
          },
        ),
      ],
    },
    {
      kind: "publication",
      subtype: "article",
      id: ids.escape,
      title: ESCAPE_TITLE,
      date: { year: 2022 },
      summary: "Clear\u001b[2J\u001b[Hscreen and \u001b]0;owned\u0007title",
      people: [{ person: aum, role: "author" }],
      provenance: [
        provenance(
          { path: "pages/escape.txt", contentHash: hashes.escape },
          {
            "people[0].person.name": spansOf(ESCAPE_PAGE, "Frank Aum"),
            "\u001b[31mdate": spansOf(ESCAPE_PAGE, "2022"),
          },
        ),
      ],
    },
    ...briefings,
  ];
}

export async function createTestLibrary(): Promise<DataSource> {
  const store = await openStore(":memory:");
  const records: CorpusRecord[] = fixtureRecords().map((record) => recordSchema.parse(record));
  await store.upsert({
    records,
    sources: [
      {
        contentHash: hashes.panel,
        mediaType: "text/plain",
        path: "pages/armistice-panel.txt",
        text: PANEL_PAGE,
      },
      {
        contentHash: hashes.analysis,
        mediaType: "text/plain",
        path: "pages/seventy-years-after.txt",
        text: ANALYSIS_PAGE,
      },
      { contentHash: hashes.escape, mediaType: "text/plain", path: "pages/escape.txt", text: ESCAPE_PAGE },
    ],
  });
  const context = createContextInner({ store });
  const client = createTRPCClient<typeof appRouter>({
    links: [unstable_localLink({ router: appRouter, createContext: async () => context })],
  });
  return createTrpcDataSource(client, {
    label: "in-process test library",
    mode: "in-process",
    close: () => store.close(),
  });
}

/** Remembers what was copied, as a terminal's clipboard would. */
export function createRecordingClipboard(available = true): Clipboard & { copied: string[] } {
  const copied: string[] = [];
  const deferred: string[] = [];
  return {
    copied,
    copy(text) {
      if (!available) {
        deferred.push(text);
        return "deferred";
      }
      copied.push(text);
      return "copied";
    },
    pending: () => [...deferred],
  };
}

export const keys = {
  up: "\u001b[A",
  down: "\u001b[B",
  enter: "\r",
  escape: "\u001b",
  tab: "\t",
  backspace: "\u007f",
  ctrlC: "\u0003",
};
