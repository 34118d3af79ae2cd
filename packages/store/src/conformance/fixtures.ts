import { createDocumentId, type Document, type Entity } from "@corpus/schema";

/** Small hand-made records whose search results can be reasoned about by reading them. */
export function publication(
  title: string,
  extra: Partial<Document> & Record<string, unknown> = {},
): Document {
  return {
    id: createDocumentId(title),
    kind: "publication",
    subtype: "analysis",
    title,
    titleDerived: false,
    extent: "full",
    sections: [],
    people: [],
    organizations: [],
    topics: [],
    regions: [],
    hashtags: [],
    links: [],
    provenance: [],
    ...extra,
  } as Document;
}

export function event(title: string, extra: Partial<Document> & Record<string, unknown> = {}): Document {
  return { ...publication(title), kind: "event", agenda: [], ...extra } as unknown as Document;
}

export const frank = { id: "person:frank-aum", name: "Frank Aum" };
export const joseph = { id: "person:joseph-yun", name: "Joseph Yun" };
export const usip = { id: "org:united-states-institute-of-peace", name: "United States Institute of Peace" };
export const korea = { id: "region:KR", name: "South Korea" };
export const nuclear = { id: "topic:nuclear-security", name: "Nuclear Security" };
export const peaceProcesses = { id: "topic:peace-processes", name: "Peace Processes" };

export const frankRecord: Entity = {
  ...frank,
  kind: "person",
  aliases: ["Frank A. Aum"],
  honorifics: [],
  provenance: [],
};

export function smallLibrary(): Document[] {
  return [
    event("Negotiating with North Korea", {
      date: { year: 2021, month: 4, day: 29 },
      summary: "A panel on nuclear diplomacy and the prospects of talks on the peninsula.",
      people: [
        { person: frank, role: "moderator", title: "Senior Expert, Northeast Asia", affiliations: [usip] },
        { person: joseph, role: "panelist", honorific: "Ambassador", affiliations: [] },
      ],
      organizations: [{ organization: usip, role: "host" }],
      topics: [nuclear],
      regions: [korea],
      hashtags: ["#KoreaTalks"],
    }),
    publication("Sanctions relief and verification", {
      subtype: "analysis",
      date: { year: 2019, month: 6 },
      summary: "Why verification must come before sanctions relief.",
      sections: [
        {
          heading: "Insight from Peace Science",
          text: "Verification regimes shorten negotiations.",
          quotes: [],
        },
      ],
      people: [
        { person: frank, role: "author", title: "Senior Advisor", affiliations: [usip] },
        { person: joseph, role: "author", affiliations: [] },
      ],
      topics: [nuclear, peaceProcesses],
      regions: [korea],
    }),
    publication("Local ceasefires in civil wars", {
      subtype: "digest-article",
      date: { year: 2020 },
      sections: [
        { heading: "In the News", text: "A ceasefire held in the north for six weeks.", quotes: [] },
        {
          heading: "Insight from Peace Science",
          text: "Local ceasefires often precede national agreements.",
          quotes: [],
        },
      ],
      topics: [peaceProcesses],
      links: [
        {
          type: "next",
          target: { id: createDocumentId("Mediation after ceasefires"), title: "Mediation after ceasefires" },
        },
      ],
    }),
  ];
}

/** A person written family name first, whose record lists the given-name-first spelling (decision 0025). */
export const minji = { id: "person:min-ji-seo", name: "Min-ji Seo" };
export const seo: Entity = {
  id: "person:seo-min-ji",
  kind: "person",
  name: "Seo Min-ji",
  aliases: ["Min-ji Seo"],
  honorifics: [],
  provenance: [],
};
/** A piece whose page names its author "Min-ji Seo". */
export const byMinji = (title: string): Document =>
  publication(title, { people: [{ person: minji, role: "author", affiliations: [] }] });
