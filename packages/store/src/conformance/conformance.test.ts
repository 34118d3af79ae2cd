import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropPostgresSchema, openStore } from "../index.js";
import { describeStoreConformance } from "./suite.js";

let counter = 0;

describeStoreConformance("sqlite", async () => {
  const folder = mkdtempSync(join(tmpdir(), "corpus-store-"));
  const store = await openStore(join(folder, "library.db"));
  const extra: { close(): Promise<void> }[] = [];
  return {
    store,
    async createEmpty(options) {
      const other = await openStore(join(folder, `other-${++counter}.db`), options);
      extra.push(other);
      return other;
    },
    async reopen(options) {
      const again = await openStore(join(folder, "library.db"), options);
      extra.push(again);
      return again;
    },
    async cleanup() {
      for (const other of extra) await other.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});

const postgresUrl = process.env.CORPUS_TEST_PG_URL;
if (postgresUrl) {
  // One schema per test and per run, so concurrent runs on one server never meet.
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  describeStoreConformance("postgres", async () => {
    const schemas = [`corpus_test_${runId}_${++counter}`];
    const store = await openStore(postgresUrl, { postgres: { schema: schemas[0] as string } });
    const reopened: { close(): Promise<void> }[] = [];
    return {
      store,
      async createEmpty(options) {
        const schema = `corpus_test_${runId}_${++counter}`;
        schemas.push(schema);
        return openStore(postgresUrl, { ...options, postgres: { schema } });
      },
      async reopen(options) {
        const again = await openStore(postgresUrl, {
          ...options,
          postgres: { schema: schemas[0] as string },
        });
        reopened.push(again);
        return again;
      },
      async cleanup() {
        for (const other of reopened) await other.close();
        await store.close();
        for (const schema of schemas) await dropPostgresSchema(postgresUrl, schema);
      },
    };
  });
} else {
  console.log(
    "store conformance: PostgreSQL skipped (set CORPUS_TEST_PG_URL to run it, e.g. postgres://postgres@127.0.0.1:5432/test)",
  );
}
