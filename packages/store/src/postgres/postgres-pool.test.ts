import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropPostgresSchema, openStore } from "../index.js";

const url = process.env.CORPUS_TEST_PG_URL;
const schema = `corpus_pool_${process.pid}_${Date.now().toString(36)}`;

if (!url) console.log("postgres pool tests: PostgreSQL skipped (set CORPUS_TEST_PG_URL to run them)");

describe.skipIf(!url)("the PostgreSQL connection pool", () => {
  afterAll(async () => {
    if (url) await dropPostgresSchema(url, schema);
  });

  it("fails fast with a clear message when every connection is busy", async () => {
    const store = await openStore(url as string, {
      postgres: { schema, poolSize: 1, acquireTimeoutMs: 300 },
    });
    try {
      // Hold the only connection inside a transaction until the search has given up.
      let release: () => void = () => {};
      const held = new Promise<void>((done) => {
        release = done;
      });
      const holding = (
        store as unknown as { driver: { transaction: (work: () => Promise<void>) => Promise<void> } }
      ).driver.transaction(() => held);
      const started = Date.now();
      await expect(store.stats()).rejects.toThrow(/busy: all 1 connections are in use/);
      expect(Date.now() - started).toBeLessThan(5000);
      release();
      await holding;
      expect((await store.stats()).documents).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("keeps working after the server drops every connection (as in a restart)", async () => {
    const applicationName = `corpus_restart_${process.pid}`;
    const store = await openStore(url as string, { postgres: { schema, poolSize: 3, applicationName } });
    try {
      expect((await store.stats()).documents).toBe(0);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Only this test's own connections, found by their application name.
      const terminated = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
        [applicationName],
      );
      expect(terminated.rowCount).toBeGreaterThan(0);
      await admin.end();
      expect((await store.stats()).documents).toBe(0);
      expect((await store.search({ text: "anything" } as never)).total).toBe(0);
    } finally {
      await store.close();
    }
  });
});
