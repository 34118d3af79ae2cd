import { describe, expect, it } from "vitest";
import {
  createDocumentId,
  createPersonId,
  createRegionId,
  idSchema,
  personNameKey,
  slugify,
} from "./index.js";

describe("ids", () => {
  it("gives one person id across spellings", () => {
    expect(createPersonId("Kim Jong Un")).toBe(createPersonId("Kim Jong-un"));
    expect(createPersonId("KIM JONG-UN")).toBe("person:kim-jong-un");
    expect(createPersonId("Frank A. Aum")).toBe(createPersonId("Frank Aum"));
    expect(createPersonId("José Ramos-Horta")).toBe("person:jose-ramos-horta");
    expect(createPersonId("Henrik Dahl-Sørensen")).toBe(createPersonId("Henrik Dahl-Sorensen"));
    expect(createPersonId("Lech Wałęsa")).toBe("person:lech-walesa");
  });

  it("keeps a single-letter first or last name", () => {
    expect(personNameKey("J. Smith")).toBe("j-smith");
  });

  it("gives one document id whatever the title's case and punctuation", () => {
    expect(createDocumentId("Talks at a Standstill")).toBe(createDocumentId("talks at a standstill!"));
    expect(createDocumentId("Talks at a Standstill")).not.toBe(
      createDocumentId("Talks at a Standstill, Again"),
    );
    expect(createDocumentId("Talks at a Standstill")).toMatch(/^doc:talks-at-a-standstill-[0-9a-f]{8}$/);
  });

  it("makes valid ids from any text, even text with no letters", () => {
    for (const text of ["", "!!!", "北朝鮮の核", "a".repeat(500), "Ωμέγα"]) {
      expect(idSchema.safeParse(createDocumentId(text)).success).toBe(true);
      expect(idSchema.safeParse(createPersonId(text)).success).toBe(true);
    }
  });

  it("uses ISO codes for countries and slugs for named regions", () => {
    expect(createRegionId("KR")).toBe("region:KR");
    expect(createRegionId("Korean Peninsula")).toBe("region:korean-peninsula");
    expect(slugify("  U.S.–Korea   Relations ")).toBe("u-s-korea-relations");
  });
});
