import { describe, expect, it } from "vitest";
import { documentIdFromSegment, entityIdFromSegment } from "./route-ids";

describe("the ids that page addresses name", () => {
  it("read a slug, percent-encoded or not, and a whole id typed into the address", () => {
    expect(documentIdFromSegment("armistice-70-6d5df5e6")).toBe("doc:armistice-70-6d5df5e6");
    expect(entityIdFromSegment("person", "frank-aum")).toBe("person:frank-aum");
    expect(entityIdFromSegment("person", "person%3Afrank-aum")).toBe("person:frank-aum");
    expect(entityIdFromSegment("region", "bogot%C3%A1")).toBe("region:bogotá");
  });

  it("are null for an address no record could have, so the page is the 404 page", () => {
    expect(documentIdFromSegment("%E2%80%8B")).toBeNull();
    expect(documentIdFromSegment("doc:doc:x")).toBeNull();
    expect(entityIdFromSegment("organization", "a:b")).toBeNull();
    expect(entityIdFromSegment("topic", "x%00y")).toBeNull();
    expect(entityIdFromSegment("person", "-leading-dash")).toBeNull();
  });
});
