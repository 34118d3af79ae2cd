import fc from "fast-check";
import { appRouter } from "@corpus/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const procedures = Object.keys(appRouter._def.procedures);
const restPaths = [
  "documents/search",
  "documents/timeline",
  "documents/export",
  "documents/doc:x-1",
  "documents/doc:x-1/cite",
  "people",
  "people/person:a",
  "entities/autocomplete",
  "records",
  "stats",
];

async function statusOf(url: string, init?: RequestInit): Promise<number> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}

describe("no input produces a 5xx", () => {
  it("random search text, on the REST face and through tRPC", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 600, unit: "binary" }),
        fc.constantFrom("simple", "advanced"),
        async (text, mode) => {
          const rest = await statusOf(
            `${server.url}/api/v1/documents/search?text=${encodeURIComponent(text)}&mode=${mode}&limit=3`,
          );
          expect(rest).toBeLessThan(500);
          const input = encodeURIComponent(JSON.stringify({ text, mode, limit: 3 }));
          expect(await statusOf(`${server.url}/trpc/documents.search?input=${input}`)).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("random query strings on every REST route", async () => {
    const parameter = fc.tuple(
      fc.constantFrom(
        "text",
        "q",
        "kind",
        "limit",
        "cursor",
        "from",
        "to",
        "sort",
        "format",
        "prefix",
        "ids",
        "bucket",
        "facets",
        "x",
      ),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...restPaths),
        fc.array(parameter, { maxLength: 6 }),
        async (path, parameters) => {
          const query = new URLSearchParams(parameters).toString();
          expect(await statusOf(`${server.url}/api/v1/${path}?${query}`)).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("random JSON inputs to every procedure, including admin mutations with the token", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...procedures), fc.jsonValue({ maxDepth: 4 }), async (path, value) => {
        const body = JSON.stringify(value) ?? "null";
        const type = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[
          path
        ]?._def.type;
        const status =
          type === "mutation"
            ? await statusOf(`${server.url}/trpc/${path}`, {
                method: "POST",
                headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
                body,
              })
            : await statusOf(`${server.url}/trpc/${path}?input=${encodeURIComponent(body)}`, {
                headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
              });
        expect(status, `${path} ${body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });

  it("raw bytes as a mutation body, and random procedure paths", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200, unit: "binary" }),
        fc.string({ maxLength: 60 }),
        async (body, path) => {
          const post = await statusOf(`${server.url}/trpc/admin.ingest`, {
            method: "POST",
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
            body,
          });
          expect(post).toBeLessThan(500);
          expect(
            await statusOf(
              `${server.url}/trpc/${encodeURIComponent(path)}?batch=1&input=${encodeURIComponent(body)}`,
            ),
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("malformed percent-escapes anywhere in the path", async () => {
    const pathText = fc.string({
      maxLength: 30,
      unit: fc.constantFrom("%", "E", "0", "A", "f", "/", "a", ":", ".", ","),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/api/v1/documents/", "/api/v1/people/", "/trpc/", "/api/v1/"),
        pathText,
        async (prefix, path) => {
          expect(await statusOf(`${server.url}${prefix}${path}`)).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
