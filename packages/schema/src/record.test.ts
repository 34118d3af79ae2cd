import { describe, expect, it } from "vitest";
import { examples } from "../test/examples.js";
import { describeIssues, parseRecord, recordSchema } from "./index.js";

describe("records", () => {
  it.each(Object.entries(examples))("a valid %s round-trips through JSON unchanged", (_kind, input) => {
    const parsed = recordSchema.parse(input);
    const again = recordSchema.parse(JSON.parse(JSON.stringify(parsed)));
    expect(again).toEqual(parsed);
  });

  it("fills defaults so consumers never meet undefined lists", () => {
    const stub = recordSchema.parse(examples.stub);
    expect(stub).toMatchObject({ people: [], links: [], titleDerived: false, extent: "full" });
  });

  it("names the path of a bad role", () => {
    const event = structuredClone(examples.event) as Record<string, unknown> & {
      people: Array<Record<string, unknown>>;
    };
    event.people = [event.people[0]!, event.people[0]!, { ...event.people[0]!, role: "juggler" }];
    const result = parseRecord(event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toContain("people[2].role");
    expect(describeIssues(result.issues)).toMatch(/^people\[2\]\.role: /);
  });

  it("rejects fields it does not know, at every depth", () => {
    const result = parseRecord({ ...examples.person, nickname: "Joe" });
    expect(result.ok).toBe(false);
    const nested = parseRecord({ ...examples.publication, sections: [{ text: "x", colour: "red" }] });
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.issues[0]?.path).toBe("sections[0]");
  });

  it("rejects an unknown kind and says which kinds exist", () => {
    const result = parseRecord({ ...examples.stub, kind: "blog" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("kind");
  });

  it("rejects ids of the wrong family", () => {
    const result = parseRecord({ ...examples.person, id: "org:frank-aum" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("id");
  });

  it("rejects a country without ISO codes and a span that ends before it starts", () => {
    expect(parseRecord({ ...examples.region, iso3166: undefined }).ok).toBe(false);
    const event = structuredClone(examples.event) as {
      provenance: Array<{ fields: Record<string, unknown> }>;
    };
    event.provenance[0]!.fields.title = [{ start: 10, end: 2 }];
    const result = parseRecord(event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("provenance[0].fields.title[0].end");
  });
});
