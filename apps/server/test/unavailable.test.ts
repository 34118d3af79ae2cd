import { rmSync } from "node:fs";
import { LibraryUnavailableError, type Store } from "@corpus/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, getJson, openTestStore, startTestServer, type TestServer } from "./helpers.js";

// A library whose database stops answering (PostgreSQL down, its network cut): every store call
// fails as the PostgreSQL driver reports it once its retry on a fresh connection failed too.
let down = false;
let server: TestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestStore();
  const failing = new Proxy(opened.store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || property === "close") return value;
      return (...args: unknown[]) => {
        if (down)
          return Promise.reject(new LibraryUnavailableError("the PostgreSQL library is not answering"));
        return value.apply(target, args);
      };
    },
  }) as Store;
  server = await startTestServer({ store: failing });
  close = async () => {
    await server.close();
    await opened.store.close();
    rmSync(opened.directory, { recursive: true, force: true });
  };
});
afterAll(() => close());

describe("a library that stops answering", () => {
  it("is not ready (503) and says so, while /healthz still answers; back when it answers again", async () => {
    down = true;
    const ready = await getJson(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({
      status: "unavailable",
      message: "The library's database is not answering.",
    });
    expect((await getJson(`${server.url}/healthz`)).status).toBe(200);
    down = false;
    expect((await getJson(`${server.url}/readyz`)).status).toBe(200);
  });

  it("answers requests with 503 and a message to try again, on REST and tRPC", async () => {
    down = true;
    try {
      const rest = await getJson(`${server.url}/api/v1/documents/search?q=peace`);
      expect(rest.status).toBe(503);
      expect(rest.body.error.message).toMatch(/not answering\. Try again/);
      const client = createClient(server.url);
      const failure = await client.stats.overview.query().catch((error: unknown) => error);
      expect((failure as { data?: { httpStatus?: number } }).data?.httpStatus).toBe(503);
    } finally {
      down = false;
    }
    expect((await getJson(`${server.url}/api/v1/documents/search?q=peace`)).status).toBe(200);
  });
});
