import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@corpus/api";
import { type CorpusRecord, createDocumentId, createPersonId, recordSchema } from "@corpus/schema";
import { generateSyntheticLibrary, openStore, type Store } from "@corpus/store";
import { createTRPCClient, httpBatchLink, httpBatchStreamLink, httpLink } from "@trpc/client";
import { createLogger } from "../src/http/logger.js";
import { type ApiServerOptions, createApiServer } from "../src/http/server.js";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export interface TestServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** Text written for these tests: the source of the one document that carries provenance. */
export const SOURCE_TEXT = [
  "Harbor Accord Monitoring Report",
  "Thursday, March 14, 2024",
  "By: Priya Testwala",
  "Monitors from three countries reported that the harbor accord held through its first month of peace.",
].join("\n");
export const SOURCE_HASH = createHash("sha256").update(SOURCE_TEXT).digest("hex");
export const SOURCE_DOCUMENT_ID = createDocumentId("Harbor Accord Monitoring Report");

function sourcedDocument(): CorpusRecord {
  const title = "Harbor Accord Monitoring Report";
  return recordSchema.parse({
    id: SOURCE_DOCUMENT_ID,
    kind: "publication",
    subtype: "report",
    title,
    date: { year: 2024, month: 3, day: 14 },
    people: [{ person: { id: createPersonId("Priya Testwala"), name: "Priya Testwala" }, role: "author" }],
    provenance: [
      {
        input: { path: "harbor.txt", contentHash: SOURCE_HASH, mediaType: "text/plain" },
        parser: { name: "api-test", version: "1" },
        parsedAt: "2024-03-15T00:00:00.000Z",
        fields: { title: [{ start: 0, end: title.length }] },
      },
    ],
  });
}

/** A deterministic synthetic library (the store's generator) plus one document with its source text. */
export async function openTestStore(documents = 400): Promise<{ store: Store; directory: string }> {
  const directory = mkdtempSync(join(tmpdir(), "corpus-api-test-"));
  const store = await openStore(join(directory, "library.db"));
  await store.upsert({
    records: [...generateSyntheticLibrary(documents, 7), sourcedDocument()],
    sources: [{ contentHash: SOURCE_HASH, mediaType: "text/plain", path: "harbor.txt", text: SOURCE_TEXT }],
  });
  return { store, directory };
}

/** A real server on a random port over a real store holding the demo library. */
export async function startTestServer(
  options: Partial<Omit<ApiServerOptions, "store">> & { store?: Store } = {},
): Promise<TestServer> {
  const opened = options.store ? { store: options.store, directory: undefined } : await openTestStore();
  const api = createApiServer({
    logger: createLogger({ level: "silent" }),
    rateLimit: false,
    adminToken: ADMIN_TOKEN,
    ...options,
    store: opened.store,
  });
  const address = await api.listen(0, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${address.port}`,
    store: opened.store,
    async close() {
      await api.close();
      if (opened.directory) rmSync(opened.directory, { recursive: true, force: true });
    },
  };
}

export function createClient(url: string, token?: string, kind: "batch" | "single" | "stream" = "batch") {
  const options = { url: `${url}/trpc`, headers: token ? { authorization: `Bearer ${token}` } : {} };
  const link =
    kind === "batch"
      ? httpBatchLink(options)
      : kind === "single"
        ? httpLink(options)
        : httpBatchStreamLink(options);
  return createTRPCClient<AppRouter>({ links: [link] });
}

export async function getJson(
  url: string,
  init?: RequestInit,
  // biome-ignore lint/suspicious/noExplicitAny: any JSON the server under test sends; each test asserts the shape it reads
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, body, headers: response.headers };
}
