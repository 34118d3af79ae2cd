import type { Store } from "@corpus/store";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_TOKEN, getJson, openTestStore, startTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
let limited: TestServer;
let failing: TestServer;

beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 20_000 });
  limited = await startTestServer({
    rateLimit: { perSecond: 5, burst: 5 },
    store: (await openTestStore(20)).store,
  });
  // A store whose every read fails with an internal message that must never reach a client.
  const { store } = await openTestStore(20);
  const broken = new Proxy(store, {
    get(target, property, receiver) {
      if (property === "stats" || property === "search") {
        return () => Promise.reject(new Error("SQLITE_CORRUPT at /secret/path/library.db line 42"));
      }
      return Reflect.get(target, property, receiver);
    },
  }) as Store;
  failing = await startTestServer({ store: broken });
});
afterAll(async () => {
  await Promise.all([server.close(), limited.close(), failing.close()]);
});

async function stillServing(base: string) {
  const response = await getJson(`${base}/api/v1/documents/search?text=peace&limit=1`);
  expect(response.status).toBe(200);
  expect(response.body.hits).toHaveLength(1);
}

function post(base: string, path: string, body: string) {
  return getJson(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body,
  });
}

describe("limits", () => {
  it("413 for a body over the limit", async () => {
    const records = Array.from({ length: 600 }, (_, index) => ({
      id: `topic:big-${index}`,
      kind: "topic",
      name: `Big topic number ${index}`,
    }));
    const response = await post(server.url, "admin.ingest", JSON.stringify({ records }));
    expect(response.status).toBe(413);
    expect(response.body.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    await stillServing(server.url);
  });

  it("400 for batches over their size", async () => {
    const ids = Array.from({ length: 101 }, (_, index) => `doc:x-${index}`);
    const many = await getJson(
      `${server.url}/trpc/entities.getMany?input=${encodeURIComponent(JSON.stringify({ ids }))}`,
    );
    expect(many.status).toBe(400);
    expect(many.body.error.data.issues[0].path).toBe("ids");
    const records = Array.from({ length: 1001 }, () => ({}));
    const ingest = await post(server.url, "admin.ingest", JSON.stringify({ records }));
    expect(ingest.status).toBe(400);
    const paths = Array.from({ length: 21 }, () => "stats.overview").join(",");
    const batch = await getJson(`${server.url}/trpc/${paths}?batch=1&input=%7B%7D`);
    expect(batch.status).toBe(400);
    expect(batch.body.error.message).toMatch(/at most 20 calls/);
    await stillServing(server.url);
  });

  it("400 for a query over 500 characters or a URL over 8 KB", async () => {
    const long = await getJson(`${server.url}/api/v1/documents/search?text=${"a".repeat(501)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.issues).toEqual([expect.objectContaining({ path: "text" })]);
    const huge = await getJson(`${server.url}/api/v1/documents/search?text=a&${"kind=event&".repeat(900)}`);
    expect(huge.status).toBe(400);
    await stillServing(server.url);
  });

  it("400 naming the field for a date range that starts after it ends", async () => {
    const inverted = await getJson(`${server.url}/api/v1/documents/search?text=a&from=2021&to=2020-06`);
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.issues).toEqual([
      expect.objectContaining({
        path: "filters.from",
        message: expect.stringMatching(/starts after it ends/),
      }),
    ]);
    await stillServing(server.url);
  });

  it("429 with Retry-After past the rate limit, then serves again", async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${limited.url}/api/v1/stats`)),
    );
    const refused = responses.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(Number(refused[0]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await getJson(`${limited.url}/healthz`)).status).toBe(200);
    await vi.waitFor(
      async () => {
        expect((await fetch(`${limited.url}/api/v1/stats`)).status).toBe(200);
      },
      { timeout: 5_000, interval: 250 },
    );
  });

  it("internal errors say nothing about the inside and carry no stack", async () => {
    for (const url of [
      `${failing.url}/api/v1/stats`,
      `${failing.url}/trpc/stats.overview`,
      `${failing.url}/api/v1/documents/search`,
    ]) {
      const response = await fetch(url);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/SQLITE|secret|line 42|\bat .*\.(js|ts):\d+/);
      expect(text).toContain("request's id");
    }
    expect((await getJson(`${failing.url}/api/v1/people?limit=1`)).status).toBe(200);
  });

  it("unknown ids and routes are 404", async () => {
    expect((await getJson(`${server.url}/api/v1/people/person:nobody-here`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/v1/nothing-here`)).status).toBe(404);
    const slashed = await getJson(`${server.url}/api/v1/stats/`);
    expect(slashed.status).toBe(404);
    expect(slashed.body.error.message).toContain("Without the slash at the end, /api/v1/stats is one.");
    expect((await getJson(`${server.url}/trpc/documents.nothing?input=%7B%7D`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/v1/documents/doc%E0%A4%A`)).status).toBe(400);
    expect((await getJson(`${server.url}/trpc/documents.get%E0%A4%A?input=%7B%7D`)).status).toBe(400);
  });
});

describe("paging cursors", () => {
  it("a made-up search cursor is a 400, in a search and in a streamed export", async () => {
    for (const path of [
      "documents/search?text=peace&cursor=made-up",
      "documents/export?text=peace&cursor=made-up",
    ]) {
      expect((await getJson(`${server.url}/api/v1/${path}`)).status, path).toBe(400);
    }
  });
});
