import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { publication } from "../conformance/fixtures.js";
import { openStore } from "../index.js";

const folder = mkdtempSync(join(tmpdir(), "corpus-refold-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a library from before its search text folded ø, æ, ł, ß, ı (migration 6)", () => {
  it("indexes those documents again when it is opened, so the folded query finds them", async () => {
    const path = join(folder, "old.db");
    const store = await openStore(path);
    await store.upsert({
      records: [
        publication("Notes from Dahl-Sørensen", { summary: "On the Straße in Łódź." }),
        publication("Plain words only"),
      ],
    });
    await store.close();
    // What an older library holds: the letters indexed as they are written.
    const raw = new Database(path);
    const rows = raw.prepare("SELECT seq, data FROM documents").all() as { seq: number; data: string }[];
    for (const row of rows) {
      const document = JSON.parse(row.data) as { title: string; summary?: string; kind: string };
      raw.prepare("DELETE FROM document_text WHERE rowid = ?").run(row.seq);
      raw
        .prepare("INSERT INTO document_text (rowid, title, body, tags) VALUES (?, ?, ?, ?)")
        .run(row.seq, document.title, document.summary ?? "", `tgkind${document.kind}`);
    }
    raw.exec("UPDATE search_text_state SET folded = 0");
    raw.close();
    const titles = async (library: Awaited<ReturnType<typeof openStore>>, text: string) =>
      (await library.search({ text } as never)).hits.map((hit) => hit.document.title);

    // Without the upgrade a folded query misses them: this is what it mends.
    const unmended = new Database(path);
    expect(
      unmended.prepare("SELECT count(*) AS n FROM document_text WHERE document_text MATCH 'sorensen'").get(),
    ).toEqual({
      n: 0,
    });
    unmended.close();

    const upgraded = await openStore(path);
    try {
      expect(await titles(upgraded, "Sorensen")).toEqual(["Notes from Dahl-Sørensen"]);
      expect(await titles(upgraded, "Dahl-Sørensen")).toEqual(["Notes from Dahl-Sørensen"]);
      expect(await titles(upgraded, "Lodz strasse")).toEqual(["Notes from Dahl-Sørensen"]);
      expect(await titles(upgraded, "plain")).toEqual(["Plain words only"]);
    } finally {
      await upgraded.close();
    }
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT folded FROM search_text_state").get()).toEqual({ folded: 1 });
    check.close();
  });
});
