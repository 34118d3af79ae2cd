import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createOrganizationId, createPersonId, createTopicId } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { parseFiles } from "./index.js";
import { PARSER_VERSION } from "./version.js";

const demo = join(import.meta.dirname, "..", "..", "..", "data", "demo");

describe("the demo library", () => {
  it.skipIf(!existsSync(demo))("parses every demo file with no errors", async () => {
    const files = await parseFiles([demo]);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) => file.diagnostics.filter((item) => item.severity === "error"));
    expect(problems).toEqual([]);
    expect(files.every((file) => !file.failed && file.records.length > 0)).toBe(true);
  });

  it.skipIf(!existsSync(demo))(
    "gives ready-made entity records the ids the parser gives their names (else they stand apart as duplicates)",
    () => {
      const entities = JSON.parse(readFileSync(join(demo, "records", "entities.json"), "utf8")) as {
        id: string;
        kind: string;
        name: string;
      }[];
      const idOf: Record<string, (name: string) => string> = {
        person: createPersonId,
        organization: createOrganizationId,
        topic: createTopicId,
      };
      const stale = entities
        .filter((entity) => idOf[entity.kind] && idOf[entity.kind]!(entity.name) !== entity.id)
        .map((entity) => `${entity.id} (expected ${idOf[entity.kind]!(entity.name)})`);
      // Fix with: node data/tools/build-demo-records.mjs
      expect(stale).toEqual([]);
    },
  );

  it.skipIf(!existsSync(demo))(
    "describes each ready-made entity in one plain sentence, with no notes on how its name is written",
    () => {
      const entities = JSON.parse(readFileSync(join(demo, "records", "entities.json"), "utf8")) as {
        id: string;
        description?: string;
      }[];
      // Entity pages show the description as is: a note to testers ("…; written family name
      // first or last") reads as part of the person's biography.
      const notes = entities
        .filter(
          (entity) =>
            entity.description !== undefined &&
            (/[;\n]/.test(entity.description) ||
              !/\.$/.test(entity.description) ||
              /\b(?:family name|given name|name order|written|spelled|test)\b/i.test(entity.description)),
        )
        .map((entity) => `${entity.id}: ${entity.description}`);
      expect(notes).toEqual([]);
    },
  );

  it("records the package version as the parser version", () => {
    expect(PARSER_VERSION).toBe(
      JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")).version,
    );
  });
});
