import type { CorpusRecordInput } from "../src/index.js";

const provenance = {
  input: { path: "pages/event.txt", contentHash: "a".repeat(64), mediaType: "text/plain" as const },
  parser: { name: "usip-event", version: "1.0.0" },
  parsedAt: "2026-01-05T10:00:00.000Z",
  fields: { title: [{ start: 0, end: 24 }], "people[0].title": [{ start: 120, end: 142 }] },
};

/** One valid record of every kind, written for these tests. */
export const examples: Record<string, CorpusRecordInput> = {
  event: {
    id: "doc:korea-peace-perspectives-0a1b2c3d",
    kind: "event",
    title: "Perspectives on Peace in Korea",
    date: { year: 2021, month: 3, day: 17 },
    time: { start: "9:00am", end: "10:30am", timezone: "EDT" },
    organizations: [
      {
        organization: { id: "org:united-states-institute-of-peace", name: "U.S. Institute of Peace" },
        role: "host",
      },
    ],
    people: [
      {
        person: { id: "person:frank-aum", name: "Frank Aum" },
        role: "moderator",
        title: "Senior Expert, North Korea",
        affiliations: [{ id: "org:united-states-institute-of-peace", name: "U.S. Institute of Peace" }],
      },
    ],
    agenda: [{ start: "9:00am", end: "9:10am", title: "Welcome" }],
    hashtags: ["#KoreaPeace"],
    regions: [{ id: "region:korean-peninsula", name: "Korean Peninsula" }],
    provenance: [provenance],
  },
  publication: {
    id: "doc:talks-at-a-standstill-9f8e7d6c",
    kind: "publication",
    subtype: "digest-article",
    title: "Talks at a Standstill",
    extent: "teaser",
    date: { month: 4, day: 29 },
    sections: [
      {
        heading: "In the News",
        text: "A short summary.",
        quotes: [{ text: "A quoted line.", source: "A newspaper" }],
      },
    ],
    links: [{ type: "next", target: { id: "doc:the-next-piece-11223344", title: "The Next Piece" } }],
  },
  issue: {
    id: "doc:volume-2-issue-6-55667788",
    kind: "issue",
    title: "Volume 2, Issue 6",
    volume: 2,
    number: 6,
    date: { year: 2017, inferred: true },
    links: [
      {
        type: "has-part",
        target: { id: "doc:talks-at-a-standstill-9f8e7d6c", title: "Talks at a Standstill" },
      },
    ],
  },
  stub: { id: "doc:the-next-piece-11223344", kind: "stub", title: "The Next Piece" },
  person: {
    id: "person:joseph-yun",
    kind: "person",
    name: "Joseph Yun",
    honorifics: ["Ambassador"],
    aliases: ["Amb. Joseph Yun"],
  },
  organization: {
    id: "org:united-states-institute-of-peace",
    kind: "organization",
    name: "United States Institute of Peace",
    acronym: "USIP",
    aliases: ["U.S. Institute of Peace"],
  },
  topic: { id: "topic:peace-processes", kind: "topic", name: "Peace Processes" },
  region: {
    id: "region:KR",
    kind: "region",
    name: "South Korea",
    regionType: "country",
    iso3166: { alpha2: "KR", alpha3: "KOR", numeric: "410" },
  },
};
