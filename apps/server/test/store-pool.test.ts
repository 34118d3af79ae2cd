import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createStorePool } from "../src/http/store-pool.js";
import type { Store } from "@corpus/store";
import { ADMIN_TOKEN, createClient, openTestStore, startTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
let directory: string;
/** The main thread's connection, which the pool answers writes and point lookups from. */
let main: Store;

beforeAll(async () => {
  const opened = await openTestStore(200);
  directory = opened.directory;
  main = opened.store;
  const pooled = await createStorePool(opened.store, join(directory, "library.db"), 2);
  server = await startTestServer({ store: pooled });
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("read workers", () => {
  it("answer searches like the main connection, and see writes made on it", async () => {
    const client = createClient(server.url);
    const admin = createClient(server.url, ADMIN_TOKEN);
    const before = await client.documents.search.query({ text: "zyxwvutsrq", facets: true });
    expect(before.total).toBe(0);
    const title = "Zyxwvutsrq Harbour Dialogue";
    await admin.admin.ingest.mutate({
      records: [{ id: "doc:zyxwvutsrq-harbour-dialogue-1", kind: "event", title }],
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => client.documents.search.query({ text: "zyxwvutsrq", facets: true })),
    );
    for (const result of results) {
      expect(result.total).toBe(1);
      expect(result.facets?.kind).toEqual([expect.objectContaining({ value: "event", count: 1 })]);
    }
    const stats = await client.stats.overview.query();
    expect(stats.documents).toBe(202);
    await expect(
      client.documents.search.query({ text: "peace", cursor: "not-a-cursor" }),
    ).rejects.toMatchObject({
      data: { httpStatus: 400 },
    });
  });

  it("list section headings from a worker, and see a heading written on the main connection", async () => {
    const onMainThread = vi.spyOn(main, "sectionHeadings");
    const client = createClient(server.url);
    const admin = createClient(server.url, ADMIN_TOKEN);
    expect(await client.documents.sectionHeadings.query({ prefix: "zyxw" })).toEqual([]);
    const ingested = await admin.admin.ingest.mutate({
      records: [
        {
          id: "doc:zyxwvutsrq-harbour-findings-1",
          kind: "publication",
          subtype: "report",
          title: "Zyxwvutsrq Harbour Findings",
          sections: [{ heading: "Zyxwvutsrq Findings", text: "The harbour stayed open." }],
        },
      ],
    });
    expect(ingested.added).toBe(1);
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        client.documents.sectionHeadings.query({ prefix: "zyxw", limit: 1 + index }),
      ),
    );
    for (const answer of answers)
      expect(answer).toEqual([{ heading: "Zyxwvutsrq Findings", documentCount: 1 }]);
    expect(onMainThread).not.toHaveBeenCalled();
  });
});
