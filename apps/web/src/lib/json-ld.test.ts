import type { Document } from "@corpus/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highwireTags } from "./highwire";
import { documentJsonLd, serializeJsonForScript } from "./json-ld";

const publication = {
  id: "doc:talks-1a2b3c4d",
  kind: "publication",
  subtype: "analysis",
  title: "Talks </script><script>window.__pwned=1</script>",
  titleDerived: false,
  extent: "full",
  date: { year: 2021, month: 4, day: 29 },
  sections: [],
  people: [
    {
      person: { id: "person:frank-aum", name: "Frank Aum" },
      role: "author",
      affiliations: [{ id: "org:usip", name: "USIP" }],
    },
  ],
  organizations: [
    { organization: { id: "org:usip", name: "United States Institute of Peace" }, role: "publisher" },
  ],
  topics: [{ id: "topic:peace-processes", name: "Peace Processes" }],
  regions: [{ id: "region:KR", name: "South Korea" }],
  hashtags: [],
  links: [],
  provenance: [],
  source: { url: "javascript:alert(1)" },
} as unknown as Document;

describe("JSON-LD in a script tag", () => {
  it("cannot close the script element, whatever the text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, text) => {
        const serialized = serializeJsonForScript({ value, text: `${text}</script><!--` });
        expect(serialized).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(serialized)).toEqual(
          JSON.parse(JSON.stringify({ value, text: `${text}</script><!--` })),
        );
      }),
    );
  });

  it("describes a publication in schema.org terms, without unsafe URLs", () => {
    const data = documentJsonLd(publication, "http://localhost/documents/talks-1a2b3c4d");
    expect(data["@type"]).toBe("AnalysisNewsArticle");
    expect(data.datePublished).toBe("2021-04-29");
    expect(data.author).toEqual([
      { "@type": "Person", name: "Frank Aum", affiliation: [{ "@type": "Organization", name: "USIP" }] },
    ]);
    expect(data.url).toBe("http://localhost/documents/talks-1a2b3c4d");
  });
});

describe("Highwire citation tags", () => {
  it("give Zotero the title, authors, date and publisher", () => {
    const tags = highwireTags(publication);
    expect(tags.citation_title).toBe(publication.title);
    expect(tags.citation_author).toEqual(["Frank Aum"]);
    expect(tags.citation_publication_date).toBe("2021/04/29");
    expect(tags.citation_publisher).toBe("United States Institute of Peace");
    expect(tags.citation_public_url).toBeUndefined();
  });
});
