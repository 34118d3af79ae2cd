import { appRouter, createContextInner } from "@corpus/api";
import {
  type CorpusRecord,
  type CorpusRecordInput,
  createDocumentId,
  createOrganizationId,
  createPersonId,
  createRegionId,
  createTopicId,
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
    },
    {
      kind: "publication",
      subtype: "article",
      id: ids.escape,
      title: ESCAPE_TITLE,
      date: { year: 2022 },
      summary: "Clear\u001b[2J\u001b[Hscreen and \u001b]0;owned\u0007title",
      people: [{ person: aum, role: "author" }],
    },
    ...briefings,
  ];
}

export async function createTestLibrary(): Promise<DataSource> {
  const store = await openStore(":memory:");
  const records: CorpusRecord[] = fixtureRecords().map((record) => recordSchema.parse(record));
  await store.upsert({ records });
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
