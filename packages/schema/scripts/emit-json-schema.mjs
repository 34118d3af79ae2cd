// Writes one JSON Schema file per record type into json-schema/, from the built package, so
// that Python, R and other tools can validate Corpus records without TypeScript.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";
import { jsonSchemaTargets } from "../dist/index.js";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "json-schema");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemaTargets)) {
  // "input" describes what a producer may write: defaulted fields are optional.
  const document = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
  document.$id = `https://corpus.dev/schema/${name}.schema.json`;
  writeFileSync(join(outDir, `${name}.schema.json`), `${JSON.stringify(document, null, 2)}\n`);
}
console.log(`json-schema/: ${Object.keys(jsonSchemaTargets).length} files`);
