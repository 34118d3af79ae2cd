import * as z from "zod";
import { describe, expect, it } from "vitest";
import { idSchema, jsonSchemaTargets } from "./index.js";

/** Every "pattern" anywhere in a JSON Schema document. */
function patternsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(patternsOf);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "pattern" && typeof inner === "string" ? [inner] : patternsOf(inner),
  );
}

const documents = Object.entries(jsonSchemaTargets).map(([name, schema]) => ({
  name,
  document: z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }),
}));

describe("the JSON Schema files", () => {
  it("use no regular expression syntax that validators outside JavaScript refuse (\\p{...})", () => {
    for (const { name, document } of documents)
      for (const pattern of patternsOf(document)) {
        expect(pattern, `${name}.schema.json`).not.toMatch(/\\[pPu]\{|\(\?<[=!]|\(\?<\w/);
        // Readable by JavaScript with and without the u flag, as ECMA-262 dialect validators do.
        expect(() => new RegExp(pattern, "u")).not.toThrow();
        expect(() => new RegExp(pattern)).not.toThrow();
      }
  });

  it("check ids as the zod schema does for every ASCII character, and let letters of any script through", () => {
    const ids = documents.find((entry) => entry.name === "record")!.document as {
      $defs: Record<string, { pattern: string }>;
    };
    const portable = new RegExp(ids.$defs.Id!.pattern, "u");
    const samples: string[] = [];
    for (let code = 0; code < 128; code++) {
      const character = String.fromCharCode(code);
      samples.push(
        `person:${character}`,
        `person:a${character}`,
        `person:a${character}b`,
        `doc${character}a`,
      );
    }
    samples.push(
      "person:josé-ramos",
      "doc:北朝鮮の核-1a2b3c4d",
      "region:ωμέγα",
      "person:a\u00a0b",
      "person:\u3000a",
    );
    for (const sample of samples)
      expect(portable.test(sample), JSON.stringify(sample)).toBe(idSchema.safeParse(sample).success);
  });
});
