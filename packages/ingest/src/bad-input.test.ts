import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFiles, parseInput } from "./index.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const now = () => new Date("2025-01-01T00:00:00.000Z");

describe("bad input yields a diagnostic naming the file, never an exception", () => {
  it("refuses an empty file", () => {
    const parsed = parseInput({ path: "empty.txt", bytes: new Uint8Array() });
    expect(parsed.failed).toBe(true);
    expect(parsed.diagnostics[0]).toMatchObject({ severity: "error", code: "empty", file: "empty.txt" });
  });

  it("refuses a binary file and says where the NUL byte is", () => {
    const parsed = parseInput({
      path: "image.txt",
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    });
    expect(parsed.failed).toBe(true);
    expect(parsed.diagnostics[0]?.code).toBe("binary");
    expect(parsed.diagnostics[0]?.message).toContain("offset 4");
  });

  it("reports the byte offset of invalid UTF-8", () => {
    const parsed = parseInput({
      path: "latin1.txt",
      bytes: new Uint8Array([...bytes("Caf"), 0xe9, ...bytes(" talks")]),
    });
    expect(parsed.diagnostics[0]).toMatchObject({ code: "invalid-utf8", file: "latin1.txt" });
    expect(parsed.diagnostics[0]?.message).toContain("byte 0xe9 at offset 3");
  });

  it("reads UTF-16 text with a byte-order mark, in either byte order, as the same page", () => {
    const page = "Truce Talks Resume in the Valley\n\nNegotiators from both councils met again on Tuesday.";
    const little = new Uint8Array(2 + page.length * 2);
    const big = new Uint8Array(2 + page.length * 2);
    little.set([0xff, 0xfe]);
    big.set([0xfe, 0xff]);
    for (let index = 0; index < page.length; index++) {
      const code = page.charCodeAt(index);
      little.set([code & 0xff, code >> 8], 2 + index * 2);
      big.set([code >> 8, code & 0xff], 2 + index * 2);
    }
    const fromUtf8 = parseInput({ path: "page.txt", bytes: bytes(page) }, { now });
    expect(fromUtf8.sources[0]?.text).toContain("Truce Talks Resume");
    for (const encoded of [little, big]) {
      const parsed = parseInput({ path: "page.txt", bytes: encoded }, { now });
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.records.map((record) => record.id)).toEqual(fromUtf8.records.map((record) => record.id));
      expect(parsed.sources[0]?.text).toBe(fromUtf8.sources[0]?.text);
    }
  });

  it("reports where UTF-16 behind a byte-order mark is broken", () => {
    // "Hi" then an unpaired high surrogate (0xD800) in little-endian order.
    const parsed = parseInput({
      path: "notepad.txt",
      bytes: new Uint8Array([0xff, 0xfe, 0x48, 0, 0x69, 0, 0x00, 0xd8]),
    });
    expect(parsed.diagnostics[0]).toMatchObject({ code: "invalid-utf16", file: "notepad.txt" });
    expect(parsed.diagnostics[0]?.message).toContain("byte offset 6");
  });

  it("refuses a file over the size limit, and the limit is configurable", () => {
    const parsed = parseInput({ path: "big.txt", bytes: bytes("x".repeat(2000)) }, { maxBytes: 1000 });
    expect(parsed.diagnostics[0]?.code).toBe("too-large");
    expect(parsed.diagnostics[0]?.message).toMatch(/2000 bytes is over the 1000-byte limit/);
  });

  it("refuses an HTML page that is nothing but scripts", () => {
    const html = `<html><head><script>${"var a = 1;".repeat(500)}</script></head><body><script>render()</script></body></html>`;
    const parsed = parseInput({ path: "app.html", bytes: bytes(html) });
    expect(parsed.failed).toBe(true);
    expect(parsed.diagnostics[0]?.code).toBe("script-heavy");
  });

  it("names the zod path of a JSON record that fails the schema", () => {
    const record = { id: "person:frank-aum", kind: "person", name: "Frank Aum", honorifics: [3] };
    const parsed = parseInput({
      path: "people.json",
      bytes: bytes(
        JSON.stringify([record, { ...record, id: "person:joseph-yun", name: "Joseph Yun", honorifics: [] }]),
      ),
    });
    expect(parsed.records.map((item) => item.id)).toEqual(["person:joseph-yun"]);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "schema", field: "[0].honorifics[0]" });
    expect(parsed.failed).toBe(false);
  });

  it("keeps the good lines of an NDJSON file and names the bad one", () => {
    const lines = [
      JSON.stringify({ id: "topic:mediation", kind: "topic", name: "Mediation" }),
      "{ not json",
      JSON.stringify({ id: "topic:gender", kind: "topic", name: "Gender" }),
      JSON.stringify({ id: "topic:x", kind: "topic" }),
    ];
    const parsed = parseInput({ path: "topics.ndjson", bytes: bytes(lines.join("\n")) }, { now });
    expect(parsed.records.map((item) => item.id)).toEqual(["topic:mediation", "topic:gender"]);
    expect(parsed.diagnostics.map((item) => [item.code, item.line, item.field])).toEqual([
      ["json-syntax", 2, undefined],
      ["schema", 4, "name"],
    ]);
  });

  it("says a JSON file that holds no records is not a record file, once, instead of a schema error per item", () => {
    const config = parseInput({ path: "biome.json", bytes: bytes('{"root": false, "files": {}}') });
    expect(config.failed).toBe(true);
    expect(config.diagnostics).toHaveLength(1);
    expect(config.diagnostics[0]).toMatchObject({ code: "not-records" });
    expect(config.diagnostics[0]?.message).toMatch(
      /^biome\.json: not Corpus records: it has no "kind" \(its keys: root, files\)/,
    );
    const list = parseInput({ path: "list.json", bytes: bytes('[{"a": 1}, {"b": 2}]') });
    expect(list.diagnostics.map((item) => item.code)).toEqual(["not-records"]);
    expect(parseInput({ path: "n.json", bytes: bytes("42") }).diagnostics[0]?.message).toMatch(
      /holds a number/,
    );
    // One record without a kind among real records is still that record's schema error.
    const mixed = parseInput({
      path: "mixed.json",
      bytes: bytes(JSON.stringify([{ id: "topic:gender", kind: "topic", name: "Gender" }, { name: "x" }])),
    });
    expect(mixed.records).toHaveLength(1);
    expect(mixed.diagnostics.map((item) => item.code)).toEqual(["schema"]);
  });

  it("reports a JSON syntax error", () => {
    const parsed = parseInput({ path: "broken.json", bytes: bytes('{"id": "topic:a",\n "kind": }') });
    expect(parsed.failed).toBe(true);
    expect(parsed.diagnostics[0]?.code).toBe("json-syntax");
  });

  it("refuses file types it cannot read", () => {
    expect(parseInput({ path: "report.pdf", bytes: bytes("%PDF-1.4") }).diagnostics[0]?.code).toBe(
      "unsupported-type",
    );
  });

  it("keeps going after a missing path, and reads folders recursively", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ingest-"));
    writeFileSync(join(folder, "good.txt"), "A Short Title\n\nSome text about talks in Seoul.");
    writeFileSync(join(folder, "empty.txt"), "");
    writeFileSync(join(folder, "notes.pdf"), "ignored");
    const files = await parseFiles([join(folder, "missing.txt"), folder]);
    const byName = Object.fromEntries(files.map((file) => [file.path.split("/").pop(), file]));
    expect(byName["missing.txt"]?.diagnostics[0]?.code).toBe("not-found");
    expect(byName["empty.txt"]?.failed).toBe(true);
    expect(byName["good.txt"]?.failed).toBe(false);
    expect(byName["notes.pdf"]).toBeUndefined();
    const globbed = await parseFiles([`${folder}/*.txt`, `${folder}/nothing-*.html`]);
    expect(globbed.filter((file) => !file.failed).map((file) => file.path.split("/").pop())).toEqual([
      "good.txt",
    ]);
    expect(globbed.some((file) => file.diagnostics[0]?.code === "not-found")).toBe(true);
  });

  it("says a path is a link loop or a broken link, not that it is missing", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ingest-links-"));
    symlinkSync(join(folder, "b.txt"), join(folder, "a.txt"));
    symlinkSync(join(folder, "a.txt"), join(folder, "b.txt"));
    symlinkSync(join(folder, "gone.txt"), join(folder, "dangling.txt"));
    const [loop, dangling] = await parseFiles([join(folder, "a.txt"), join(folder, "dangling.txt")]);
    expect(loop?.diagnostics[0]?.message).toContain("a symbolic link that leads back to itself");
    expect(dangling?.diagnostics[0]?.message).toContain(
      `a symbolic link to ${join(folder, "gone.txt")}, which does not exist`,
    );
    expect([loop?.failed, dangling?.failed]).toEqual([true, true]);
  });
});
