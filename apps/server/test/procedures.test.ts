import { createDocumentId, createPersonId, isDocument } from "@corpus/schema";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  createClient,
  getJson,
  SOURCE_DOCUMENT_ID,
  SOURCE_HASH,
  SOURCE_TEXT,
  startTestServer,
  type TestServer,
} from "./helpers.js";

let server: TestServer;
let client: ReturnType<typeof createClient>;
let admin: ReturnType<typeof createClient>;

beforeAll(async () => {
  server = await startTestServer();
  client = createClient(server.url);
  admin = createClient(server.url, ADMIN_TOKEN);
});
afterAll(() => server.close());

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof TRPCClientError)
      return (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    throw error;
  }
}

describe("documents", () => {
  it("search finds, highlights, facets and pages", async () => {
    const result = await client.documents.search.query({ text: "peace", limit: 2 });
    expect(result.total).toBeGreaterThan(2);
    expect(result.hits).toHaveLength(2);
    expect(result.hits.some((hit) => hit.snippet?.some((run) => run.highlight))).toBe(true);
    expect(result.facets?.kind.reduce((sum, value) => sum + value.count, 0)).toBe(result.total);
    expect(result.nextCursor).toBeTruthy();
    const next = await client.documents.search.query({
      text: "peace",
      limit: 2,
      cursor: result.nextCursor ?? "",
    });
    const firstIds = result.hits.map((hit) => hit.document.id);
    expect(next.hits.every((hit) => !firstIds.includes(hit.document.id))).toBe(true);
    const events = await client.documents.search.query({ filters: { kind: ["event"] }, facets: false });
    expect(events.hits.every((hit) => hit.document.kind === "event")).toBe(true);
    expect(events.facets).toBeUndefined();
  });

  it("get returns the document and its sources; unknown ids are 404", async () => {
    const hit = (await client.documents.search.query({ text: "peace", limit: 1 })).hits[0];
    const { document, sources } = await client.documents.get.query({ id: hit?.document.id ?? "" });
    expect(document.title).toBe(hit?.document.title);
    expect(sources.length).toBe(document.provenance.length);
    expect(await statusOf(client.documents.get.query({ id: "doc:no-such-document-00000000" }))).toBe(404);
  });

  it("source shows the text a record was read from, with its field spans", async () => {
    const { sources } = await client.documents.get.query({ id: SOURCE_DOCUMENT_ID });
    expect(sources).toEqual([expect.objectContaining({ contentHash: SOURCE_HASH, available: true })]);
    const view = await client.documents.source.query({ id: SOURCE_DOCUMENT_ID });
    expect(view.record?.id).toBe(SOURCE_DOCUMENT_ID);
    expect(view.provenance?.input.contentHash).toBe(SOURCE_HASH);
    const span = view.provenance?.fields.title?.[0];
    expect(view.source.text.slice(span?.start, span?.end)).toBe("Harbor Accord Monitoring Report");
    const byHash = await client.documents.source.query({ contentHash: SOURCE_HASH });
    expect(byHash.source.text).toBe(SOURCE_TEXT);
    expect(await statusOf(client.documents.source.query({ contentHash: "0".repeat(64) }))).toBe(404);
  });

  it("related, timeline and cite", async () => {
    const all = await client.documents.search.query({ facets: false, limit: 100 });
    const withLinks = all.hits.map((hit) => hit.document.id);
    let relatedCount = 0;
    for (const id of withLinks.slice(0, 20))
      relatedCount += (await client.documents.related.query({ id })).length;
    expect(relatedCount).toBeGreaterThan(0);

    const timeline = await client.documents.timeline.query({ bucket: "year" });
    expect(timeline.length).toBeGreaterThan(1);
    expect(timeline.every((bucket) => /^\d{4}$/.test(bucket.bucket))).toBe(true);
    expect(timeline.reduce((sum, bucket) => sum + bucket.total, 0)).toBeLessThanOrEqual(all.total);

    const id =
      all.hits.find((hit) => hit.document.kind === "publication" && hit.document.people.length > 0)?.document
        .id ?? "";
    const { document } = await client.documents.get.query({ id });
    const bibtex = await client.documents.cite.query({ id, format: "bibtex" });
    expect(bibtex.text).toMatch(/^@\w+\{/);
    expect(bibtex.text).toContain(document.title.split(" ")[0]);
    expect((await client.documents.cite.query({ id, format: "ris" })).text).toMatch(/^TY {2}- /m);
    const csl = JSON.parse((await client.documents.cite.query({ id, format: "csl-json" })).text);
    expect(csl[0].title).toBe(document.title);
    expect((await client.documents.cite.query({ id, format: "apa" })).text).toContain(document.title);
  });

  it("sectionHeadings lists each heading once with its documents, over tRPC and REST, described in OpenAPI", async () => {
    // Counted from the records: a document once per heading, whatever its case.
    const counts = new Map<string, number>();
    for await (const record of server.store.exportRecords()) {
      if (!isDocument(record)) continue;
      const headings = new Set(record.sections.flatMap((section) => section.heading?.toLowerCase() ?? []));
      for (const heading of headings) counts.set(heading, (counts.get(heading) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(1);
    const all = await client.documents.sectionHeadings.query({ limit: 100 });
    expect(all.map((item) => [item.heading.toLowerCase(), item.documentCount])).toEqual(
      [...counts].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1)),
    );
    expect(await client.documents.sectionHeadings.query()).toEqual(all.slice(0, 20));

    const top = all[0]!;
    const prefix = top.heading.slice(0, 3).toLowerCase();
    const rest = await getJson(
      `${server.url}/api/v1/documents/section-headings?prefix=${encodeURIComponent(prefix)}&limit=2`,
    );
    expect(rest.status).toBe(200);
    expect(rest.body[0]).toEqual(top);
    expect(rest.body).toEqual(await client.documents.sectionHeadings.query({ prefix, limit: 2 }));
    // A prefix of digits is text, as a heading can be: not refused as a number.
    expect((await getJson(`${server.url}/api/v1/documents/section-headings?prefix=2021`)).body).toEqual([]);
    const tooMany = await getJson(`${server.url}/api/v1/documents/section-headings?limit=101`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.issues[0].path).toBe("limit");
    expect((await getJson(`${server.url}/api/v1/documents/section-headings?q=peace`)).status).toBe(400);

    const operation = (await getJson(`${server.url}/api/openapi.json`)).body.paths[
      "/api/v1/documents/section-headings"
    ].get;
    expect(operation.description).toContain("documents.sectionHeadings");
    expect(
      operation.parameters.map((parameter: { name: string; required: boolean }) => parameter.name),
    ).toEqual(["prefix", "limit"]);
    expect(operation.parameters.some((parameter: { required: boolean }) => parameter.required)).toBe(false);
    expect(JSON.stringify(operation.responses["200"])).toContain("#/components/schemas/SectionHeading");
  });

  it("export streams every match as NDJSON (tRPC stream and REST download) and CSV", async () => {
    const search = await client.documents.search.query({ text: "peace", facets: false });
    const stream = createClient(server.url, undefined, "stream");
    const chunks: string[] = [];
    for await (const chunk of await stream.documents.export.query({
      query: { text: "peace" },
      format: "ndjson",
    })) {
      chunks.push(chunk);
    }
    const records = chunks
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(search.total);
    const exported = new Set(records.map((record) => record.id));
    expect(search.hits.every((hit) => exported.has(hit.document.id))).toBe(true);

    const download = await fetch(`${server.url}/api/v1/documents/export?text=peace&format=csv`);
    expect(download.headers.get("content-type")).toContain("text/csv");
    const rows = (await download.text()).trim().split("\r\n");
    expect(rows[0]).toBe(
      "id,kind,subtype,title,date,extent,site,url,people,organizations,topics,regions,summary",
    );
    expect(rows.length - 1).toBeGreaterThanOrEqual(search.total);
  });
});

describe("export to a slow reader", () => {
  it("waits for the client at every pause without piling up listeners", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      // The whole library as NDJSON, read a little at a time: the server's writes keep returning
      // false and it waits for "drain" again and again on the same response.
      const response = await fetch(`${server.url}/api/v1/documents/export?format=ndjson`);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(bytes).toBeGreaterThan(200_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((text) => text.startsWith("MaxListenersExceededWarning"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("entities and stats", () => {
  it("list and get each kind", async () => {
    for (const kind of ["people", "organizations", "topics", "regions"] as const) {
      const list = await client[kind].list.query({ limit: 5 });
      expect(list.items.length).toBeGreaterThan(0);
      const counts = list.items.map((item) => item.documentCount);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const first = list.items[0];
      const view = await client[kind].get.query({ id: first?.id ?? "" } as never);
      expect(view.entity.id).toBe(first?.id);
      expect(view.documentCount).toBe(first?.documentCount);
    }
    const person = (await client.people.list.query({ limit: 1 })).items[0];
    const prefixed = await client.people.list.query({ prefix: person?.name.slice(0, 3) ?? "" });
    expect(
      prefixed.items.every((item) =>
        item.name.toLowerCase().startsWith(person?.name.slice(0, 3).toLowerCase() ?? ""),
      ),
    ).toBe(true);
    expect(await statusOf(client.people.get.query({ id: "person:nobody-at-all" }))).toBe(404);
    expect(await statusOf(client.people.get.query({ id: "org:united-states-institute-of-peace" }))).toBe(400);
  });

  it("autocomplete and getMany", async () => {
    const person = (await client.people.list.query({ limit: 1 })).items[0];
    const suggestions = await client.entities.autocomplete.query({ prefix: person?.name.slice(0, 4) ?? "" });
    expect(suggestions.map((item) => item.id)).toContain(person?.id);
    const doc = (await client.documents.search.query({ limit: 1, facets: false })).hits[0]?.document.id ?? "";
    const missing = "person:not-in-this-library";
    const many = await client.entities.getMany.query({ ids: [doc, person?.id ?? "", missing] });
    expect(many.records.map((record) => record.id)).toEqual([doc, person?.id]);
    expect(many.missing).toEqual([missing]);
  });

  it("stats counts the library", async () => {
    const stats = await client.stats.overview.query();
    const all = await client.documents.search.query({ facets: false });
    expect(stats.documents).toBe(all.total);
    expect(stats.entities.person).toBeGreaterThan(0);
    expect(stats.newest.length).toBeGreaterThan(0);
  });
});

describe("admin", () => {
  const title = "A Test Record Written For The API Suite";
  const id = createDocumentId(title);
  const record = {
    id,
    kind: "publication",
    subtype: "analysis",
    title,
    date: { year: 2024, month: 3 },
    people: [
      { person: { id: createPersonId("Jordan Api Tester"), name: "Jordan Api Tester" }, role: "author" },
    ],
  };

  it("ingests records and page text, reporting bad records by path", async () => {
    const result = await admin.admin.ingest.mutate({
      records: [record, { id: "doc:broken-1", kind: "publication" }],
    });
    expect(result.recordIds).toContain(id);
    expect(result.added).toBeGreaterThan(0);
    expect(result.errors.length).toBe(1);
    expect(result.errors[0]?.message).toMatch(/title|subtype/);
    expect((await client.documents.get.query({ id })).document.title).toBe(title);

    const page = [
      "Ceasefire Monitoring After the Harbor Accord",
      "",
      "Thursday, March 14, 2024",
      "",
      "By: Priya Testwala",
      "",
      "Monitors from three countries reported that the harbor accord has held for its first month.",
    ].join("\n");
    const fromText = await admin.admin.ingest.mutate({ file: { name: "harbor-accord.txt", content: page } });
    expect(fromText.errors).toEqual([]);
    expect(fromText.recordIds.some((recordId) => recordId.startsWith("doc:"))).toBe(true);
  });

  it("merges two people and deletes records, all in the audit trail", async () => {
    const a = { id: createPersonId("Merge Candidate One"), kind: "person", name: "Merge Candidate One" };
    const b = { id: createPersonId("Merge Candidate Two"), kind: "person", name: "Merge Candidate Two" };
    await admin.admin.ingest.mutate({ records: [a, b] });
    const merged = await admin.admin.merge.mutate({ into: a.id, from: b.id });
    expect(merged.id).toBe(a.id);
    expect("aliases" in merged && merged.aliases).toContain("Merge Candidate Two");
    // The merge sticks: the same record sent again is folded into the person kept.
    const again = await admin.admin.ingest.mutate({ records: [b] });
    expect(again).toMatchObject({ added: 0, merged: [] });
    // Before and after a merge of two spellings found by people.duplicates (tRPC and REST).
    const d = { id: createPersonId("Candidate Quill Four"), kind: "person", name: "Candidate Quill Four" };
    const e = { id: createPersonId("Four Candidate Quill"), kind: "person", name: "Four Candidate Quill" };
    await admin.admin.ingest.mutate({ records: [d, e] });
    const groupIds = (groups: { id: string }[][]) =>
      groups.map((group) => group.map((item) => item.id).sort());
    const listed = await client.people.duplicates.query({ limit: 200 });
    expect(groupIds(listed.groups)).toContainEqual([e.id, d.id].sort());
    const rest = await getJson(`${server.url}/api/v1/people/duplicates?limit=200`);
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(listed);
    expect((await getJson(`${server.url}/api/v1/people/duplicates?limit=0`)).status).toBe(400);
    await admin.admin.merge.mutate({ into: d.id, from: e.id });
    expect(groupIds((await client.people.duplicates.query({ limit: 200 })).groups)).not.toContainEqual(
      [e.id, d.id].sort(),
    );
    // b's page is now a's: old links land on the person kept.
    expect((await client.people.get.query({ id: b.id })).entity.id).toBe(a.id);
    // A record that names a separate person as its alias absorbs it, and says so.
    const c = { id: createPersonId("Merge Candidate Three"), kind: "person", name: "Merge Candidate Three" };
    await admin.admin.ingest.mutate({ records: [c] });
    const declaring = await admin.admin.ingest.mutate({
      records: [{ ...a, aliases: ["Merge Candidate Two", "Merge Candidate Three"] }],
    });
    expect(declaring.merged).toEqual([{ into: a.id, from: c.id }]);
    expect(await statusOf(admin.admin.merge.mutate({ into: a.id, from: "person:never-existed" }))).toBe(404);
    // Names that share nothing: refused as a likely mistyped id (400), done with force.
    const stranger = { id: createPersonId("Zed Quorum"), kind: "person", name: "Zed Quorum" };
    await admin.admin.ingest.mutate({ records: [stranger] });
    expect(await statusOf(admin.admin.merge.mutate({ into: a.id, from: stranger.id }))).toBe(400);
    expect(await client.people.get.query({ id: stranger.id })).toMatchObject({ entity: { id: stranger.id } });
    expect((await admin.admin.merge.mutate({ into: a.id, from: stranger.id, force: true })).id).toBe(a.id);

    expect(await admin.admin.delete.mutate({ ids: [id] })).toEqual({ deleted: 1 });
    expect(await statusOf(client.documents.get.query({ id }))).toBe(404);

    const audit = await admin.admin.audit.query({ limit: 20 });
    const actions = audit.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["ingest", "merge", "delete"]));
    expect(JSON.stringify(audit)).not.toContain(ADMIN_TOKEN);
  });
});

describe("REST face", () => {
  it("serves the read procedures and describes them in OpenAPI", async () => {
    const search = await getJson(
      `${server.url}/api/v1/documents/search?q=peace&kind=publication,event&limit=3`,
    );
    expect(search.status).toBe(200);
    expect(search.body.hits.length).toBeGreaterThan(0);
    const id = search.body.hits[0].document.id;
    const document = await getJson(`${server.url}/api/v1/documents/${encodeURIComponent(id)}`);
    expect(document.body.document.id).toBe(id);
    expect((await getJson(`${server.url}/api/v1/documents/doc:missing-00000000`)).status).toBe(404);
    const bad = await getJson(`${server.url}/api/v1/documents/search?limit=1000`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("limit");
    expect((await getJson(`${server.url}/api/v1/documents/search?colour=blue`)).status).toBe(400);

    const openapi = await getJson(`${server.url}/api/openapi.json`);
    expect(openapi.body.openapi).toBe("3.1.0");
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/documents/search",
        "/api/v1/documents/{id}",
        "/api/v1/people/{id}",
        "/api/v1/people/duplicates",
        "/api/v1/stats",
      ]),
    );
    const refs = JSON.stringify(openapi.body).match(/#\/components\/schemas\/(\w+)/g) ?? [];
    for (const ref of new Set(refs))
      expect(openapi.body.components.schemas).toHaveProperty(ref.split("/").pop() as string);
  });

  it("every $ref in the OpenAPI document resolves, and required query parameters say so", async () => {
    const openapi = (await getJson(`${server.url}/api/openapi.json`)).body;
    const refs = [...JSON.stringify(openapi).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(openapi.components.schemas).toHaveProperty(ref?.split("/").pop() as string);
    }
    const parameter = (path: string, name: string) =>
      openapi.paths[path].get.parameters.find((item: { name: string }) => item.name === name);
    // The server answers 400 without them, so a generated client must not let them be left out.
    expect(parameter("/api/v1/entities/autocomplete", "prefix").required).toBe(true);
    expect(parameter("/api/v1/records", "ids").required).toBe(true);
    expect(parameter("/api/v1/documents/search", "text").required).toBe(false);
    expect((await getJson(`${server.url}/api/v1/entities/autocomplete`)).status).toBe(400);
  });

  it("refuses parameters it would otherwise quietly ignore", async () => {
    // The export is one download: a search's paging parameters would be dropped.
    for (const query of ["limit=5", "cursor=abc"]) {
      const response = await getJson(`${server.url}/api/v1/documents/export?text=peace&${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message).toMatch(/use max/);
    }
    // A parameter that takes one value, given twice (a Python list): not the first one alone.
    const twice = await getJson(`${server.url}/api/v1/documents/search?text=peace&text=accord`);
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/"text" is given 2 times/);
    expect((await getJson(`${server.url}/api/v1/people?limit=2&limit=3`)).status).toBe(400);
    expect((await getJson(`${server.url}/api/v1/documents/search?q=peace&text=accord`)).status).toBe(400);
    // Filters repeat by design.
    expect((await getJson(`${server.url}/api/v1/documents/search?kind=event&kind=issue`)).status).toBe(200);
    const ids = await getJson(`${server.url}/api/v1/records?ids=${SOURCE_DOCUMENT_ID}&ids=person:nobody`);
    expect(ids.status).toBe(200);
    // A decimal is a number that is not whole, not a string.
    const decimal = await getJson(`${server.url}/api/v1/documents/search?limit=1.5`);
    expect(decimal.status).toBe(400);
    expect(decimal.body.error.issues[0].message).not.toMatch(/received string/);
  });

  it("HEAD answers as GET does without a body; other methods get 405 with Allow", async () => {
    for (const path of ["stats", "documents/export?format=csv", `documents/${SOURCE_DOCUMENT_ID}`]) {
      const response = await fetch(`${server.url}/api/v1/${path}`, { method: "HEAD" });
      expect(response.status, path).toBe(200);
      expect(await response.text()).toBe("");
    }
    const csv = await fetch(`${server.url}/api/v1/documents/export?format=csv`, { method: "HEAD" });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const missing = await fetch(`${server.url}/api/v1/documents/doc:missing-00000000`, { method: "HEAD" });
    expect(missing.status).toBe(404);
    const post = await fetch(`${server.url}/api/v1/stats`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const put = await fetch(`${server.url}/trpc/stats.overview`, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
  });

  it("health and readiness", async () => {
    expect((await getJson(`${server.url}/healthz`)).body).toEqual({ status: "ok" });
    expect((await getJson(`${server.url}/readyz`)).status).toBe(200);
  });
});
