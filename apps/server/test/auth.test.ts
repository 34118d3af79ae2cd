import { Writable } from "node:stream";
import { appRouter } from "@corpus/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/http/logger.js";
import { ADMIN_TOKEN, getJson, openTestStore, startTestServer, type TestServer } from "./helpers.js";

const logLines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, callback) {
    logLines.push(String(chunk));
    callback();
  },
});

let server: TestServer;
let writesOff: TestServer;

beforeAll(async () => {
  server = await startTestServer({ logger: createLogger({ level: "info", destination: capture }) });
  writesOff = await startTestServer({ adminToken: undefined, store: (await openTestStore(20)).store });
});
afterAll(async () => {
  await server.close();
  await writesOff.close();
});

const procedures = Object.keys(appRouter._def.procedures).sort();
const protectedProcedures = procedures.filter((path) => path.startsWith("admin."));

/** Valid inputs, so a refusal can only come from the token. */
const validInputs: Record<string, unknown> = {
  "admin.ingest": { records: [{ id: "topic:auth-matrix", kind: "topic", name: "Auth Matrix" }] },
  "admin.delete": { ids: ["topic:auth-matrix-never-stored"] },
  "admin.merge": { into: "topic:auth-one", from: "topic:auth-two" },
  "admin.audit": { limit: 1 },
};

async function call(base: string, path: string, authorization?: string) {
  const type = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]
    ?._def.type;
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const input = JSON.stringify(validInputs[path]);
  if (type === "mutation") {
    return getJson(`${base}/trpc/${path}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: input,
    });
  }
  return getJson(`${base}/trpc/${path}?input=${encodeURIComponent(input)}`, { headers });
}

describe("auth matrix", () => {
  it("the public procedures are exactly these (grow this list on purpose, never by accident)", () => {
    expect(procedures.filter((path) => !protectedProcedures.includes(path))).toMatchInlineSnapshot(`
      [
        "documents.cite",
        "documents.export",
        "documents.get",
        "documents.related",
        "documents.search",
        "documents.sectionHeadings",
        "documents.source",
        "documents.timeline",
        "entities.autocomplete",
        "entities.getMany",
        "organizations.get",
        "organizations.list",
        "people.duplicates",
        "people.get",
        "people.list",
        "regions.get",
        "regions.list",
        "stats.overview",
        "topics.get",
        "topics.list",
      ]
    `);
    expect(protectedProcedures).toEqual(["admin.audit", "admin.delete", "admin.ingest", "admin.merge"]);
  });

  for (const path of protectedProcedures) {
    it(`${path} rejects a missing, wrong and truncated token, and takes the right one`, async () => {
      for (const authorization of [
        undefined,
        "Bearer wrong-token-of-the-same-length-000",
        `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
        `Bearer ${ADMIN_TOKEN}x`,
        ADMIN_TOKEN,
        `Basic ${ADMIN_TOKEN}`,
      ]) {
        const response = await call(server.url, path, authorization);
        expect(response.status, `${path} with ${authorization}`).toBe(401);
        expect(response.body.error.data.code).toBe("UNAUTHORIZED");
      }
      const accepted = await call(server.url, path, `Bearer ${ADMIN_TOKEN}`);
      expect([200, 404]).toContain(accepted.status);
    });

    it(`${path} is off (403) when the server has no token`, async () => {
      const response = await call(writesOff.url, path, `Bearer ${ADMIN_TOKEN}`);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/CORPUS_ADMIN_TOKEN/);
    });
  }

  it("never accepts a token in the URL and never logs one", async () => {
    const inUrl = await getJson(`${server.url}/trpc/admin.audit?token=${ADMIN_TOKEN}&input=%7B%7D`);
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.error.message).toMatch(/Authorization: Bearer/);
    const rest = await getJson(`${server.url}/api/v1/stats?access_token=${ADMIN_TOKEN}`);
    expect(rest.status).toBe(400);
    await call(server.url, "admin.audit", `Bearer ${ADMIN_TOKEN}`);
    await call(server.url, "admin.audit", `Bearer ${ADMIN_TOKEN.slice(0, 10)}`);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join("")).not.toContain(ADMIN_TOKEN.slice(0, 10));
    expect(JSON.parse(logLines[0] ?? "{}")).toHaveProperty("requestId");
  });
});

describe("CORS and content types", () => {
  it("answers allowlisted origins only, and refuses writes from others", async () => {
    const allowed = await fetch(`${server.url}/api/v1/stats`, {
      headers: { origin: "http://localhost:3000" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const other = await fetch(`${server.url}/api/v1/stats`, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${server.url}/trpc/admin.delete`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
    const goodPreflight = await fetch(`${server.url}/trpc/admin.delete`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:3000", "access-control-request-method": "POST" },
    });
    expect(goodPreflight.status).toBe(204);
    expect(goodPreflight.headers.get("access-control-allow-headers")).toContain("authorization");
    const crossWrite = await getJson(`${server.url}/trpc/admin.delete`, {
      method: "POST",
      headers: {
        origin: "https://evil.example",
        authorization: `Bearer ${ADMIN_TOKEN}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ ids: ["topic:x"] }),
    });
    expect(crossWrite.status).toBe(403);
  });

  it("mutations accept JSON only", async () => {
    for (const contentType of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await getJson(`${server.url}/trpc/admin.delete`, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": contentType },
        body: JSON.stringify({ ids: ["topic:x"] }),
      });
      expect(response.status).toBe(415);
    }
  });
});
