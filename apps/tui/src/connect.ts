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

export function connectToServer(server: string): DataSource {
  const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server}/trpc` })] });
  return createTrpcDataSource(client, { label: `server ${server}`, mode: "server" });
}

/**
 * Runs the same router in this process on the local library, through tRPC's local link: the
 * screens cannot tell the difference. The API and the store (with its native SQLite module) are
 * imported only here, so the server path starts without loading them.
 */
export async function openInProcess(databaseUrl: string, server: string): Promise<DataSource> {
  const [{ appRouter, createContextInner }, { openStore }] = await Promise.all([
    import("@corpus/api"),
    import("@corpus/store"),
  ]);
  const store = await openStore(databaseUrl);
  const context = createContextInner({ store });
  const client = createTRPCClient<AppRouter>({
    links: [unstable_localLink({ router: appRouter, createContext: async () => context })],
  });
  const where = withoutCredentials(databaseUrl);
  return createTrpcDataSource(client, {
    label: `in-process (no server at ${server}) · ${where}`,
    mode: "in-process",
    close: () => store.close(),
  });
}

/** A postgres:// URL may carry a password: never show it. */
function withoutCredentials(location: string): string {
  return location.replace(/\/\/[^@/]*@/, "//");
}

/** The server when it answers, otherwise the local library. */
export async function connect(options: { server: string; databaseUrl: string }): Promise<DataSource> {
  if (await serverAnswers(options.server)) return connectToServer(options.server);
  try {
    return await openInProcess(options.databaseUrl, options.server);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `no server answers at ${options.server}, and the local library ${withoutCredentials(options.databaseUrl)} could not be opened (${reason}). Start a server with "pnpm corpus serve", or pass --server URL or --db PATH.`,
    );
  }
}
