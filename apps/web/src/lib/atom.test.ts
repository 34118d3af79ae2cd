import type { DocumentSummary } from "@corpus/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAtomFeed, escapeXml } from "./atom";

const document: DocumentSummary = {
  id: "doc:talks-1a2b3c4d",
  kind: "event",
  title: 'Talks & "tensions" <b>now</b>',
  date: { year: 2021, month: 4, day: 29 },
  extent: "full",
  people: [{ id: "person:frank-aum", name: "Frank Aum", role: "author" }],
};

describe("Atom feed", () => {
  it("lists each document as an entry with escaped text", () => {
    const xml = createAtomFeed({
      title: "Corpus: talks",
      feedUrl: "http://localhost:3000/feed?q=talks",
      pageUrl: "http://localhost:3000/?q=talks",
      baseUrl: "http://localhost:3000",
      updated: "1970-01-01T00:00:00Z",
      documents: [document],
    });
    expect(xml).toContain("<title>Talks &amp; &quot;tensions&quot; &lt;b&gt;now&lt;/b&gt;</title>");
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="http://localhost:3000/documents/talks-1a2b3c4d"/>',
    );
    expect(xml).toContain("<updated>2021-04-29T00:00:00Z</updated>");
    expect(xml).toContain("<author><name>Frank Aum</name></author>");
  });

  it("escapes any text into something without markup or forbidden characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeXml(text);
        expect(escaped).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
        expect(escaped).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      }),
    );
  });
});
