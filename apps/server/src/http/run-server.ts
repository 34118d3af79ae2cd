import { defaultDatabasePath, isPostgresUrl, openStore, type Store } from "@corpus/store";
import type { ServeOptions } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { type ApiServer, createApiServer } from "./server.js";
import { createStorePool } from "./store-pool.js";

export interface RunningServer {
  api: ApiServer;
  url: string;
  logger: Logger;
}

/** Opens the library and starts the API on it: what `corpus serve` and `corpus up` share. */
export async function startServer(
  options: ServeOptions,
  prepare?: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>,
): Promise<RunningServer> {
  const logger = createLogger({ level: options.logLevel });
  const location = options.database ?? defaultDatabasePath(process.cwd());
  let store: Store = await openStore(location);
  try {
    await prepare?.(store);
    if (options.readWorkers > 0 && !isPostgresUrl(location) && location !== ":memory:") {
      store = await createStorePool(store, location, options.readWorkers);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const api = createApiServer({
    store,
    logger,
    adminToken: options.adminToken,
    corsOrigins: options.corsOrigins,
    maxBodyBytes: options.maxBodyBytes,
    rateLimit: options.rateLimit,
    shutdownDeadlineMs: options.shutdownDeadlineMs,
  });
  let address: Awaited<ReturnType<ApiServer["listen"]>>;
  try {
    address = await api.listen(options.port, options.host);
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(
        `port ${options.port} on ${options.host} is already in use; stop the other server or pass --port`,
      );
    }
    throw error;
  }
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, engine: store.engine, writes: options.adminToken ? "on" : "off" }, "listening");
  return { api, url, logger };
}

/** Resolves once SIGTERM or SIGINT arrives, after the server has shut down gracefully. */
export function closeOnSignal(onSignal: (signal: NodeJS.Signals) => Promise<void>): Promise<NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    const handler = (signal: NodeJS.Signals) => {
      process.off("SIGTERM", handler);
      process.off("SIGINT", handler);
      onSignal(signal).then(() => resolve(signal), reject);
    };
    process.on("SIGTERM", handler);
    process.on("SIGINT", handler);
  });
}
