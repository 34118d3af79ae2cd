import type { Document } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { publication } from "../conformance/fixtures.js";
import { withoutRepeatedReferences } from "./aliases.js";

const seo = { id: "person:seo-min-ji", name: "Seo Min-ji" };
const aum = { id: "person:frank-aum", name: "Frank Aum" };

function event(extra: Partial<Document> & Record<string, unknown>): Document {
  return publication("A panel", { kind: "event", agenda: [], ...extra });
}

describe("withoutRepeatedReferences", () => {
  it("keeps a document with no repeated entity as it is (the same object)", () => {
    const document = event({ people: [{ person: seo, role: "speaker", affiliations: [] }] });
    expect(withoutRepeatedReferences(document)).toBe(document);
  });

  it("lists a person once per role and an agenda item's people once, moving later fields' places up", () => {
    const document = event({
      people: [
        { person: seo, role: "speaker", affiliations: [] },
        { person: { ...seo, name: "Min-ji Seo" }, role: "speaker", title: "Fellow", affiliations: [] },
        { person: seo, role: "moderator", affiliations: [] },
        { person: aum, role: "speaker", affiliations: [] },
      ],
      agenda: [{ time: "10:00", title: "Opening", people: [seo, { ...seo, name: "Min-ji Seo" }, aum] }],
      provenance: [
        {
          input: { contentHash: "c".repeat(64), mediaType: "text/plain" },
          parser: { name: "test", version: "1" },
          parsedAt: "2026-01-01T00:00:00.000Z",
          fields: {
            "people[1].title": [{ start: 1, end: 2 }],
            "people[2].role": [{ start: 3, end: 4 }],
            "people[3].person.name": [{ start: 5, end: 6 }],
            "agenda[0]": [{ start: 7, end: 8 }],
          },
        },
      ],
    });
    const deduped = withoutRepeatedReferences(document);
    expect(deduped.people.map((item) => [item.person.id, item.role, item.title])).toEqual([
      [seo.id, "speaker", "Fellow"],
      [seo.id, "moderator", undefined],
      [aum.id, "speaker", undefined],
    ]);
    expect(deduped.kind === "event" && deduped.agenda[0]?.people.map((person) => person.id)).toEqual([
      seo.id,
      aum.id,
    ]);
    expect(deduped.provenance[0]?.fields).toEqual({
      "people[0].title": [{ start: 1, end: 2 }],
      "people[1].role": [{ start: 3, end: 4 }],
      "people[2].person.name": [{ start: 5, end: 6 }],
      "agenda[0]": [{ start: 7, end: 8 }],
    });
  });
});
