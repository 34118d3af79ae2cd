import { existsSync } from "node:fs";
import type { AppRouter } from "@corpus/api";
import { createTRPCClient, httpBatchLink, unstable_localLink } from "@trpc/client";
import { createTrpcDataSource, type DataSource } from "./data-source.js";

/** How long to wait for a server before using the local library: a refused port answers at once. */
const PROBE_TIMEOUT_MS = 1500;

/** True when a Corpus server answers its health check at `server`. */
export async function serverAnswers(server: string): Promise<boolean> {
  try {
    const response = await fetch(`${server}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: unknown };
    return body.status === "ok";
  } catch {
    return false;
  }
}

/**
 * How long one request may take. A server that hangs (stopped, overloaded, a dead network) would
 * otherwise leave "Searching…" or "Opening…" on screen forever; the slowest honest answer, the
 * first citation while the server loads its formatter, takes a few seconds.
 */
export const REQUEST_TIMEOUT_MS = 20_000;

export function connectToServer(server: string, options: { timeoutMs?: number } = {}): DataSource {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${server}/trpc`,
        fetch: (url, init) => {
          const timeout = AbortSignal.timeout(timeoutMs);
          const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
          return fetch(url, { ...(init as RequestInit), signal });
        },
      }),
    ],
  });
  return createTrpcDataSource(client, { label: `server ${server}`, mode: "server" });
}

/**
 * Runs the same router in this process on the local library, through tRPC's local link: the
 * screens cannot tell the difference. The API and the store (with its native SQLite module) are
 * imported only here, so the server path starts without loading them.
 */
/** The library itself through the router in this process; `server` names the one that did not answer. */
export async function openInProcess(databaseUrl: string, server: string | undefined): Promise<DataSource> {
  const [{ appRouter, createContextInner }, { openStore, sqliteFileOf }] = await Promise.all([
    import("@corpus/api"),
    import("@corpus/store"),
  ]);
  // Opening a SQLite path creates the file: a typo in --db (or no library yet) would leave an
  // empty database behind and show "The library is empty" instead of saying what went wrong.
  const file = sqliteFileOf(databaseUrl);
  if (file !== undefined && !existsSync(file)) throw new MissingLibraryError(file);
  const store = await openStore(databaseUrl);
  const context = createContextInner({ store });
  const client = createTRPCClient<AppRouter>({
    links: [unstable_localLink({ router: appRouter, createContext: async () => context })],
  });
  const where = withoutCredentials(databaseUrl);
  return createTrpcDataSource(client, {
    label: server === undefined ? `in-process · ${where}` : `in-process (no server at ${server}) · ${where}`,
    mode: "in-process",
    close: () => store.close(),
  });
}

class MissingLibraryError extends Error {
  override name = "MissingLibraryError";
  constructor(readonly path: string) {
    super(`there is no library at ${path}`);
  }
}

/** A postgres:// URL may carry a password: never show it. */
function withoutCredentials(location: string): string {
  return location.replace(/\/\/[^@/]*@/, "//");
}

/**
 * The server when it answers, otherwise the local library; only the local library when `local`
 * (the user named a library with --db and no server: a server that happens to run, e.g. the one
 * `npm start` left, serves another library).
 */
export async function connect(options: {
  server: string;
  databaseUrl: string;
  local?: boolean;
}): Promise<DataSource> {
  if (!options.local && (await serverAnswers(options.server))) return connectToServer(options.server);
  try {
    return await openInProcess(options.databaseUrl, options.local ? undefined : options.server);
  } catch (error) {
    if (error instanceof MissingLibraryError && options.local)
      throw new Error(
        `there is no library at ${error.path}. Build one with "pnpm corpus ingest <files>", or check --db.`,
      );
    if (error instanceof MissingLibraryError) {
      throw new Error(
        `no server answers at ${options.server}, and there is no library at ${error.path}. Start a server with "pnpm corpus serve", build a library with "pnpm corpus ingest <files>" (or "pnpm corpus up" for the demo), or pass --server URL or --db PATH.`,
      );
    }
    // The store's reasons are sentences that already say what to check; they end with a stop.
    const message = error instanceof Error ? error.message : String(error);
    const reason = /[.!?]$/.test(message) ? message : `${message}.`;
    const where = withoutCredentials(options.databaseUrl);
    // With --db alone no server was asked: saying none answered would send the user to the wrong place.
    if (options.local) throw new Error(`the library ${where} could not be opened: ${reason}`);
    throw new Error(
      `no server answers at ${options.server}, and the local library ${where} could not be opened: ${reason} Start a server with "pnpm corpus serve", or pass --server URL or --db PATH.`,
    );
  }
}
