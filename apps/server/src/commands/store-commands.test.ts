import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDocumentId, createPersonId, isDocument } from "@corpus/schema";
import { generateSyntheticLibrary } from "@corpus/store";
import { afterAll, describe, expect, it } from "vitest";

// Runs the built CLI as a user would (turbo builds before testing), piped, so output is plain.
const cli = resolve(import.meta.dirname, "../../dist/cli.js");
const folder = mkdtempSync(join(tmpdir(), "corpus-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function corpus(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    env: { ...process.env, CORPUS_DATABASE_URL: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("corpus ingest, search, show, stats, export, import, backup", () => {
  const database = join(folder, "library.db");
  const records = generateSyntheticLibrary(150, 21);
  const good = join(folder, "library.ndjson");
  writeFileSync(good, `${records.map((record) => JSON.stringify(record)).join("\n")}\n`);
  const bad = join(folder, "broken.json");
  writeFileSync(bad, '{"kind": "publication", "title": ');

  it("ingests, stores the good files when one fails (exit 1) and is idempotent", () => {
    const first = corpus("ingest", good, bad, "--db", database);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("broken.json");
    expect(first.stdout).toMatch(/files: 1 stored, 0 unchanged, 1 failed/);
    const again = corpus("ingest", good, "--db", database, "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      added: 0,
      updated: 0,
      files: { stored: 0, unchanged: 1, failed: 0 },
    });
  });

  it("searches with filters, as text and as JSON", () => {
    const text = corpus("search", "peace", "--kind", "event", "--limit", "3", "--db", database);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\d+ match/);
    const json = JSON.parse(
      corpus("search", "peace", "--kind", "event,issue", "--from", "2000", "--json", "--db", database).stdout,
    );
    expect(json.total).toBeGreaterThan(0);
    for (const hit of json.hits) {
      expect(["event", "issue"]).toContain(hit.document.kind);
      expect(hit.document.date.year).toBeGreaterThanOrEqual(2000);
    }
    expect(corpus("search", "x", "--limit", "0", "--db", database).code).toBe(2);
    expect(corpus("search", "x", "--from", "April", "--db", database).code).toBe(2);
    expect(corpus("search", "x", "--bogus", "--db", database).code).toBe(2);
  });

  it("a command that reads a library names a missing one instead of creating it", () => {
    const missing = join(folder, "typo", "libary.db");
    for (const args of [
      ["stats"],
      ["search", "peace"],
      ["show", "person:x"],
      ["export", "--format", "csv"],
    ]) {
      const result = corpus(...args, "--db", missing);
      expect(result.code, args[0]).toBe(2);
      expect(result.stderr).toContain(`there is no library at ${missing}`);
    }
    expect(existsSync(join(folder, "typo"))).toBe(false);
  });

  it("merges a duplicate person into the one kept, and the merge sticks", () => {
    const merging = join(folder, "merging.db");
    const person = (name: string) => ({ id: createPersonId(name), kind: "person", name, aliases: [] });
    const piece = (title: string, name: string) => ({
      id: createDocumentId(title),
      kind: "publication",
      subtype: "analysis",
      title,
      people: [{ person: { id: createPersonId(name), name }, role: "author" }],
    });
    const records = join(folder, "people.json");
    writeFileSync(
      records,
      JSON.stringify([
        person("Ana Ruiz"),
        person("Ana Maria Ruiz"),
        piece("Rivers and truces", "Ana Ruiz"),
        piece("Truces and rivers", "Ana Maria Ruiz"),
      ]),
    );
    expect(corpus("ingest", records, "--db", merging).code).toBe(0);
    // Listed as a possible duplicate first (same first and last name), then joined.
    expect(corpus("duplicates", "--db", merging).stdout).toContain(
      "Ana Ruiz (person:ana-ruiz, 1 document)\n",
    );
    const candidates = JSON.parse(corpus("duplicates", "--json", "--db", merging).stdout);
    expect(candidates.map((group: { id: string }[]) => group.map((item) => item.id).sort())).toEqual([
      ["person:ana-maria-ruiz", "person:ana-ruiz"],
    ]);
    const merged = corpus("merge", "person:ana-ruiz", "person:ana-maria-ruiz", "--db", merging);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain(
      "merged person:ana-maria-ruiz into person:ana-ruiz: Ana Ruiz (2 documents)",
    );
    // The duplicate's id now shows the person kept; ingesting the same file again splits nothing.
    expect(corpus("show", "person:ana-maria-ruiz", "--db", merging).stdout).toContain(
      "Ana Ruiz (person) · 2 documents",
    );
    writeFileSync(records, `${readFileSync(records, "utf8")}\n`);
    expect(corpus("ingest", records, "--db", merging).code).toBe(0);
    const people = JSON.parse(corpus("search", "", "--json", "--db", merging).stdout).facets.person;
    expect(people.map((item: { value: string }) => item.value)).toEqual(["person:ana-ruiz"]);
    // A saved search on the merged-away id searches the person kept, and says so.
    expect(corpus("search", "", "--person", "person:ana-maria-ruiz", "--db", merging).stdout).toMatch(
      /^\(person:ana-maria-ruiz was merged into person:ana-ruiz; searched for person:ana-ruiz\)\n2 matches/,
    );
    // The same merge run again (a script re-run) has nothing left to do, and says so.
    const again = corpus("merge", "person:ana-ruiz", "person:ana-maria-ruiz", "--db", merging);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("person:ana-maria-ruiz was already merged into person:ana-ruiz");
    // A merged-away id named as the one to keep is not "missing": the message names its new id.
    const keptGone = corpus("merge", "person:ana-maria-ruiz", "person:nobody", "--db", merging);
    expect(keptGone.code).toBe(2);
    expect(keptGone.stderr).toContain("person:ana-maria-ruiz was merged into person:ana-ruiz earlier");
    expect(corpus("merge", "person:ana-ruiz", "person:nobody", "--db", merging).code).toBe(1);
    expect(
      corpus("merge", "person:ana-ruiz", createDocumentId("Rivers and truces"), "--db", merging).code,
    ).toBe(2);
    expect(corpus("merge", "person:ana-ruiz", "--db", merging).code).toBe(2);
    // Two people whose names share nothing: refused as a likely typo, done with --force.
    writeFileSync(records, JSON.stringify([person("Joseph Yun")]));
    expect(corpus("ingest", records, "--db", merging).code).toBe(0);
    const refused = corpus("merge", "person:ana-ruiz", "person:joseph-yun", "--db", merging);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /Ana Ruiz \(person:ana-ruiz\) and Joseph Yun \(person:joseph-yun\) share no word/,
    );
    expect(corpus("show", "person:joseph-yun", "--db", merging).stdout).toContain("Joseph Yun");
    expect(corpus("merge", "person:ana-ruiz", "person:joseph-yun", "--force", "--db", merging).code).toBe(0);
  });

  it("takes names where ids are expected: search filters and show", () => {
    const naming = join(folder, "naming.db");
    const person = (name: string) => ({ id: createPersonId(name), kind: "person", name, aliases: [] });
    const piece = (title: string, names: string[]) => ({
      id: createDocumentId(title),
      kind: "publication",
      subtype: "analysis",
      title,
      people: names.map((name) => ({ person: { id: createPersonId(name), name }, role: "author" })),
      regions: [{ id: "region:KR", name: "South Korea" }],
    });
    const file = join(folder, "naming.json");
    writeFileSync(
      file,
      JSON.stringify([
        person("Frank Aum"),
        person("Seo Min-ji"),
        person("Mina Park"),
        piece("Talks at the border", ["Frank Aum"]),
        piece("Letters across the line", ["Seo Min-ji", "Mina Park"]),
      ]),
    );
    expect(corpus("ingest", file, "--db", naming).code).toBe(0);
    // The name as written, in another case and without its accents or hyphen, and a later word.
    for (const name of ["Frank Aum", "frank aum", "aum"]) {
      const found = corpus("search", "", "--person", name, "--db", naming);
      expect(found.code, name).toBe(0);
      expect(found.stdout).toContain(`(--person "${name}" is person:frank-aum)\n1 match`);
    }
    expect(corpus("search", "", "--person", "seo min ji", "--json", "--db", naming).stdout).toContain(
      "Letters across the line",
    );
    // A country by its code or its name; ids still work, mixed with names in one list.
    expect(corpus("search", "", "--region", "kr", "--db", naming).stdout).toContain("2 matches");
    expect(corpus("search", "", "--region", "South Korea", "--db", naming).stdout).toContain("2 matches");
    expect(corpus("search", "", "--person", "person:frank-aum,Mina Park", "--db", naming).stdout).toContain(
      "2 matches",
    );
    // Two people answer to "min": the error lists both ids and nothing is searched.
    const ambiguous = corpus("search", "", "--person", "min", "--db", naming);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('--person: "min" matches 2 people:');
    expect(ambiguous.stderr).toContain("Mina Park (person:mina-park)");
    expect(ambiguous.stderr).toContain("Seo Min-ji (person:seo-min-ji)");
    const nobody = corpus("search", "", "--person", "Nobody Known", "--db", naming);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('--person: no people in the library are named "Nobody Known"');
    // Everything else is checked before names are looked up.
    expect(corpus("search", "", "--person", "aum", "--kind", "bogus", "--db", naming).stderr).toContain(
      "--kind:",
    );
    // show: a name shows that entity's page; an ambiguous one lists the candidates.
    const shown = corpus("show", "Frank Aum", "--db", naming);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^\("Frank Aum" is person:frank-aum\)\nFrank Aum \(person\) · 1 document/);
    expect(JSON.parse(corpus("show", "south korea", "--json", "--db", naming).stdout).entity.id).toBe(
      "region:KR",
    );
    expect(corpus("show", "min", "--db", naming).stderr).toContain('"min" matches 2 people: ');
    expect(corpus("show", "Nobody Known", "--db", naming).stderr).toContain(
      'no people, organizations, topics or regions in the library are named "Nobody Known"',
    );
  });

  it("names the option a bad value came from, also inside a list", () => {
    const kind = corpus("search", "x", "--kind", "event,bogus", "--db", database);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^corpus search: --kind: /);
    const range = corpus("search", "x", "--from", "2021", "--to", "2020-06", "--db", database);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain("--from:");
    expect(range.stderr).toContain("starts after it ends");
  });

  it("a cursor from another search is a usage error (exit 2), not a failure", () => {
    const first = corpus("search", "peace", "--limit", "1", "--db", database).stdout;
    const cursor = /--cursor (\S+)/.exec(first)?.[1];
    expect(cursor).toBeTruthy();
    expect(corpus("search", "peace", "--limit", "1", "--cursor", cursor!, "--db", database).code).toBe(0);
    for (const wrong of ["made-up", cursor!]) {
      const result = corpus("search", "peace", "--sort", "newest", "--cursor", wrong, "--db", database);
      expect(result.code, wrong).toBe(2);
      expect(result.stderr).toMatch(/^corpus search: --cursor does not belong to this search/);
    }
  });

  it("ingest --max-bytes raises the size limit that a refused file's message names", () => {
    const page = join(folder, "long-page.txt");
    writeFileSync(page, `A Long Page About Truces\n\n${"Monitors met again. ".repeat(100)}\n`);
    const refused = corpus("ingest", page, "--max-bytes", "100", "--db", join(folder, "sizes.db"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--max-bytes");
    expect(corpus("ingest", page, "--max-bytes", "100000", "--db", join(folder, "sizes.db")).code).toBe(0);
    expect(corpus("ingest", page, "--max-bytes", "lots", "--db", join(folder, "sizes.db")).code).toBe(2);
  });

  it("import names a file that is not an NDJSON export once, stores nothing and creates no library", () => {
    const pretty = join(folder, "records.json");
    writeFileSync(pretty, JSON.stringify(records.slice(0, 40), null, 2));
    const oneLineArray = join(folder, "records-one-line.json");
    writeFileSync(oneLineArray, JSON.stringify(records.slice(0, 3)));
    const csv = join(folder, "documents.csv");
    writeFileSync(csv, corpus("export", "--format", "csv", "--db", database).stdout);
    const into = join(folder, "not-created.db");
    for (const file of [pretty, oneLineArray, csv]) {
      const result = corpus("import", file, "--db", into);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`${file} is not an NDJSON export`);
      expect(result.stderr).toContain(`corpus ingest ${file}`);
      expect(result.stderr.split("\n").length, file).toBeLessThan(4);
    }
    expect(existsSync(into)).toBe(false);
    // An export with bad lines: each is skipped, but past 20 only their count is printed.
    const damaged = join(folder, "damaged.ndjson");
    const junk = Array.from({ length: 30 }, (_, index) => `junk \u001b[31m${index}`);
    writeFileSync(damaged, [JSON.stringify(records[0]), ...junk].join("\n"));
    const result = corpus("import", damaged, "--db", join(folder, "damaged.db"));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("1 added");
    expect(result.stderr).toContain("damaged.ndjson: 10 more lines skipped (not shown)");
    expect(result.stderr.trim().split("\n")).toHaveLength(21);
    expect(result.stderr).not.toContain("\u001b");
  });

  it("shows a record and an entity page, and prints stats", () => {
    const document = records.find((record) => record.kind === "publication");
    const shown = corpus("show", document!.id, "--json", "--db", database);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: document!.id,
      kind: "publication",
      title: (document as { title: string }).title,
    });
    // As text, a person on a document reads "Name (role), title, affiliation".
    const withAffiliation = records.find(
      (record) => isDocument(record) && record.people.some((item) => item.affiliations.length > 0),
    );
    if (!withAffiliation || !isDocument(withAffiliation))
      throw new Error("the synthetic library has no affiliations");
    const item = withAffiliation.people.find((entry) => entry.affiliations.length > 0)!;
    const text = corpus("show", withAffiliation.id, "--db", database).stdout;
    expect(text).toContain(`${item.person.name} (${item.role})`);
    expect(text).toContain(`, ${item.affiliations[0]!.name}`);
    const person = records.find((record) => record.kind === "person");
    expect(corpus("show", person!.id, "--db", database).stdout).toContain(person!.id);
    expect(corpus("show", "person:nobody-at-all", "--db", database).code).toBe(1);
    const stats = JSON.parse(corpus("stats", "--json", "--db", database).stdout);
    expect(stats.documents).toBeGreaterThanOrEqual(150);
  });

  it("exports, imports into an empty library and exports the same bytes; CSV has one row per document", () => {
    const first = join(folder, "first.ndjson");
    const second = join(folder, "second.ndjson");
    expect(corpus("export", "--format", "ndjson", "--out", first, "--db", database).code).toBe(0);
    expect(corpus("import", first, "--db", join(folder, "copy.db")).code).toBe(0);
    expect(
      corpus("export", "--format", "ndjson", "--out", second, "--db", join(folder, "copy.db")).code,
    ).toBe(0);
    expect(readFileSync(second, "utf8")).toBe(readFileSync(first, "utf8"));
    const csv = corpus("export", "--format", "csv", "--db", database).stdout.trim().split("\r\n");
    expect(csv[0]).toBe(
      "id,kind,subtype,title,date,extent,site,url,people,organizations,topics,regions,summary",
    );
    const stats = JSON.parse(corpus("stats", "--json", "--db", database).stdout);
    expect(csv.length - 1).toBe(stats.documents);
    expect(corpus("export", "--format", "xml", "--db", database).code).toBe(2);
    const folderImport = corpus("import", folder, "--db", join(folder, "copy.db"));
    expect(folderImport.code).toBe(2);
    expect(folderImport.stderr).toContain("is a folder");
    // A bad --out is named before anything is read; a failed write ends the export with words, not a stack.
    const nowhere = corpus(
      "export",
      "--format",
      "ndjson",
      "--out",
      join(folder, "missing", "x.ndjson"),
      "--db",
      database,
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain("its folder does not exist");
    const full = corpus("export", "--format", "ndjson", "--out", "/dev/full", "--db", database);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^corpus: could not write \/dev\/full: the disk is full$/m);
    expect(full.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it("shows an import's progress once it needs more than one batch, and stays quiet before", () => {
    const small = corpus("import", good, "--db", join(folder, "quiet.db"));
    expect(small.code).toBe(0);
    expect(small.stderr).not.toContain("import (MB)");
    const big = join(folder, "big.ndjson");
    const many = generateSyntheticLibrary(5200, 8);
    writeFileSync(big, `${many.map((record) => JSON.stringify(record)).join("\n")}\n`);
    const result = corpus("import", big, "--db", join(folder, "big.db"));
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^import \(MB\) \d+\/\d+ 5000 records stored$/);
    expect(lines.at(-1)).toMatch(new RegExp(`^import \\(MB\\) (\\d+)/\\1 ${many.length} records stored$`));
    expect(result.stdout).toContain(`${many.length} added`);
  });

  it("writes an online backup that opens as a valid library", () => {
    const backup = join(folder, "backup.db");
    const result = corpus("backup", backup, "--db", database);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("integrity ok");
    expect(JSON.parse(corpus("stats", "--json", "--db", backup).stdout).documents).toBe(
      JSON.parse(corpus("stats", "--json", "--db", database).stdout).documents,
    );
    expect(corpus("backup", backup, "--db", database).code).toBe(2);
  });

  it("imports a whole library file: records, page texts and ingest history, so the pages stay traced", () => {
    const page = join(folder, "harbor-accord.txt");
    writeFileSync(
      page,
      "Ceasefire Monitoring After the Harbor Accord\n\nThursday, March 14, 2024\n\nBy: Priya Testwala\n\nMonitors from three countries reported that the accord has held.\n",
    );
    const from = join(folder, "from.db");
    const into = join(folder, "into.db");
    expect(corpus("ingest", page, "--db", from).code).toBe(0);
    const imported = corpus("import", from, "--db", into);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^copied \d+ records, 1 page texts and 1 input files from /);
    // The same page ingested again is a no-op there (its page text came along: the count above).
    expect(JSON.parse(corpus("ingest", page, "--db", into, "--json").stdout)).toMatchObject({
      added: 0,
      updated: 0,
      files: { stored: 0, unchanged: 1 },
    });
    expect(corpus("import", into, "--db", into).code).toBe(2);
  });
});
