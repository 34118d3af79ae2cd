import type { Store } from "@corpus/store";
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createContextInner } from "./context.js";
import { appRouter, createCaller } from "./index.js";

// Input is checked before a procedure touches the store, so these calls need none.
const context = createContextInner({
  store: {} as Store,
  auth: { writesEnabled: true, admin: true, actor: "test" },
});
const caller = createCaller(context);

/** The error a client sees (message and issues) for a call that is expected to be refused. */
async function refusal(path: string, call: () => Promise<unknown>) {
  const error = await call().then(
    () => expect.fail(`${path} accepted an input it should refuse`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error: error as TRPCError,
    type: "query",
    path,
    input: undefined,
    ctx: context,
  });
  return { message: shape.message, issues: shape.data.issues };
}

describe("input errors say what was wrong and where", () => {
  it("documents.source: a malformed contentHash is named, with its path", async () => {
    const { message, issues } = await refusal("documents.source", () =>
      caller.documents.source({ id: "doc:sudan-local-peace-c5168809", contentHash: "abc" }),
    );
    expect(issues).toEqual([
      { path: "contentHash", message: "expected a sha256: 64 lowercase hex characters (0-9, a-f)" },
    ]);
    expect(message).toBe(
      "Input rejected: contentHash: expected a sha256: 64 lowercase hex characters (0-9, a-f)",
    );
  });

  it("documents.source: an input with neither id nor contentHash says which to send", async () => {
    const { message } = await refusal("documents.source", () => caller.documents.source({}));
    expect(message).toMatch(/send "id" .*"contentHash" .*or both/);
    expect(message).not.toContain("Invalid input");
  });

  it("admin.ingest: a bad file name is named, with its path", async () => {
    const { issues } = await refusal("admin.ingest", () =>
      caller.admin.ingest({ file: { name: "", content: "text" } }),
    );
    expect(issues).toEqual([{ path: "file.name", message: expect.stringContaining(">=1 characters") }]);
  });

  it("admin.ingest: neither records nor file, or both, says what to send", async () => {
    const neither = await refusal("admin.ingest", () => caller.admin.ingest({}));
    expect(neither.message).toMatch(/send "records" .* or "file"/);
    const both = await refusal("admin.ingest", () =>
      caller.admin.ingest({ records: [{}], file: { name: "a.txt", content: "text" } }),
    );
    expect(both.issues).toEqual([{ path: "file", message: expect.stringContaining("not both") }]);
  });
});

/** Every zod schema reachable from `schema` (object shapes, wrappers, arrays, union options). */
function* schemasIn(
  schema: unknown,
  seen = new Set<unknown>(),
): Generator<{ _zod: { def: Record<string, unknown> } }> {
  if (typeof schema !== "object" || schema === null || seen.has(schema)) return;
  seen.add(schema);
  if ("_zod" in schema) {
    const zodSchema = schema as { _zod: { def: Record<string, unknown> } };
    yield zodSchema;
    for (const value of Object.values(zodSchema._zod.def)) yield* schemasIn(value, seen);
  } else if (Array.isArray(schema) || Object.getPrototypeOf(schema) === Object.prototype) {
    for (const value of Object.values(schema)) yield* schemasIn(value, seen);
  }
}

describe("procedure inputs", () => {
  it("hold no plain z.union, whose failure is a bare 'Invalid input' with no path", () => {
    // At run time tRPC keeps procedures flat, by dotted path ("documents.source").
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { inputs: unknown[] } }
    >;
    const unions = Object.entries(procedures).flatMap(([path, procedure]) =>
      procedure._def.inputs.flatMap((input) =>
        [...schemasIn(input)]
          // A discriminated union names its discriminator and the values it expects: that is fine.
          .filter((schema) => schema._zod.def.type === "union" && schema._zod.def.discriminator === undefined)
          .map(() => path),
      ),
    );
    expect(procedures["documents.source"]).toBeDefined();
    expect(unions).toEqual([]);
  });
});
