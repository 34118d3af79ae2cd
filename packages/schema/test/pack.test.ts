import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Packs @corpus/schema the way it is published and uses it from a plain project outside the
// workspace: install the tarball with npm, type-check a consumer with tsc, run it with node.
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(packageDir, "..", "..");
const pnpm = process.env.npm_execpath?.includes("pnpm")
  ? process.env.npm_execpath
  : join(repoRoot, ".corpus/tools/node_modules/pnpm/bin/pnpm.cjs");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const workDir = mkdtempSync(join(tmpdir(), "corpus-schema-consumer-"));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const consumer = `
import { createPersonId, parseRecord, recordSchema, type Person } from "@corpus/schema";

const person: Person = recordSchema.parse({
  id: createPersonId("Frank Aum"),
  kind: "person",
  name: "Frank Aum",
}) as Person;
const bad = parseRecord({ id: "person:x", kind: "person", name: "" });
console.log(JSON.stringify({ id: person.id, aliases: person.aliases, badPath: bad.ok ? null : bad.issues[0]?.path }));
`;

describe("the packed package", () => {
  it("installs outside the workspace, type-checks and validates a record", () => {
    execFileSync(process.execPath, [pnpm, "pack", "--pack-destination", workDir], {
      cwd: packageDir,
      stdio: "pipe",
    });
    const tarball = readdirSync(workDir).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();

    writeFileSync(
      join(workDir, "package.json"),
      JSON.stringify({
        name: "consumer",
        private: true,
        type: "module",
        dependencies: { "@corpus/schema": `file:./${tarball}` },
      }),
    );
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: workDir,
      stdio: "pipe",
    });
    writeFileSync(join(workDir, "consumer.ts"), consumer);
    writeFileSync(
      join(workDir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          strict: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    execFileSync(process.execPath, [tsc, "-p", "."], { cwd: workDir, stdio: "pipe" });
    const output = execFileSync(process.execPath, ["consumer.js"], { cwd: workDir, encoding: "utf8" });
    expect(JSON.parse(output)).toEqual({ id: "person:frank-aum", aliases: [], badPath: "name" });
    const schemaFiles = readdirSync(join(workDir, "node_modules/@corpus/schema/json-schema"));
    expect(schemaFiles).toContain("publication.schema.json");
  }, 180_000);
});
