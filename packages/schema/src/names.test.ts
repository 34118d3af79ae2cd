import { describe, expect, it } from "vitest";
import { namesLookAlike } from "./names.js";
import type { CorpusRecord } from "./record.js";

const entity = (kind: string, name: string, aliases: string[] = []) =>
  ({ id: `${kind}:x`, kind, name, aliases, provenance: [] }) as unknown as CorpusRecord;

describe("namesLookAlike: the guard against merging under a mistyped id", () => {
  it("lets through names that share a word, in any order, or an alias that does", () => {
    expect(namesLookAlike(entity("person", "Seo Min-ji"), entity("person", "Min-ji Seo"))).toBe(true);
    expect(namesLookAlike(entity("person", "Andrés F. Castillo"), entity("person", "Andres Castillo"))).toBe(
      true,
    );
    expect(namesLookAlike(entity("person", "Joseph Yun", ["Amb. J. Yun"]), entity("person", "J. Yun"))).toBe(
      true,
    );
  });

  it("lets through initials of the other name", () => {
    expect(namesLookAlike(entity("org", "USIP"), entity("org", "United States Institute of Peace"))).toBe(
      true,
    );
  });

  it("stops names that share nothing, or only a filler word or an initial", () => {
    expect(namesLookAlike(entity("person", "Seo Min-ji"), entity("person", "Frank Aum"))).toBe(false);
    expect(
      namesLookAlike(entity("org", "Institute of Peace"), entity("org", "Council on Foreign Relations")),
    ).toBe(false);
    expect(namesLookAlike(entity("person", "A. B. Smith"), entity("person", "A. Jones"))).toBe(false);
  });
});
