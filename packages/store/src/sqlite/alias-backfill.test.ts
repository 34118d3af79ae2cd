import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { publication } from "../conformance/fixtures.js";
import { openStore } from "../index.js";

const folder = mkdtempSync(join(tmpdir(), "corpus-aliases-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a library from before entity aliases were indexed (migration 5)", () => {
  it("indexes its aliases at the first write after the upgrade, folding the entities they name", async () => {
    const path = join(folder, "old.db");
    const store = await openStore(path);
    await store.upsert({
      records: [
        publication("Reunions", {
          people: [
            { person: { id: "person:min-ji-seo", name: "Min-ji Seo" }, role: "author", affiliations: [] },
          ],
        }),
        {
          id: "person:seo-min-ji",
          kind: "person",
          name: "Seo Min-ji",
          aliases: [],
          honorifics: [],
          provenance: [],
        },
      ],
    });
    await store.close();
    // What an older library looks like: the alias is in the record, the index knows nothing.
    const raw = new Database(path);
    raw
      .prepare(
        "UPDATE entities SET data = json_set(data, '$.aliases', json('[\"Min-ji Seo\"]')) WHERE id = ?",
      )
      .run("person:seo-min-ji");
    raw.exec("DELETE FROM entity_aliases; UPDATE entity_aliases_state SET backfilled = 0");
    raw.close();

    const upgraded = await openStore(path);
    try {
      expect(await upgraded.get("person:min-ji-seo")).not.toBeNull();
      const summary = await upgraded.upsert({ records: [publication("Something else entirely")] });
      expect(summary.merged).toBeUndefined(); // folded by the backfill, before this batch
      expect(await upgraded.get("person:min-ji-seo")).toBeNull();
      expect((await upgraded.entity("person:seo-min-ji"))?.documentCount).toBe(1);
    } finally {
      await upgraded.close();
    }
  });
});
