import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { shortHash } from "@corpus/schema";
import { InvalidCursorError, LibraryUnavailableError, type Store } from "@corpus/store";

/**
 * Searches, entity views and the other heavy reads run on a pool of worker threads, each with
 * its own connection to the library; the main thread keeps HTTP, point lookups and every write.
 * better-sqlite3 blocks the thread it runs on, so with one connection a single slow search
 * (a query of only common words) held up every other request; with the pool a slow search
 * occupies one worker while the others, and the main thread, keep answering. Each worker's
 * facet index follows writes through the store's change log. See docs/decisions/0031.
 */
const POOLED_METHODS = [
  "search",
  "timeline",
  "related",
  "entity",
  "listEntities",
  "autocomplete",
  "sectionHeadings",
  "possibleDuplicates",
  "stats",
] as const;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  inFlight: number;
  pending: Map<number, Pending>;
}

function workerFile(): URL {
  const beside = new URL("./store-worker.js", import.meta.url);
  // Under vitest this module runs from src/, where only the compiled worker exists in dist/.
  return existsSync(beside) ? beside : new URL("../../dist/http/store-worker.js", import.meta.url);
}

function rebuildError(name: string, message: string): Error {
  if (name === "InvalidCursorError") return new InvalidCursorError(message);
  if (name === "LibraryUnavailableError") return new LibraryUnavailableError(message);
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Methods whose cache holds the whole library's answer whatever the arguments: every call goes to
 * the same worker, so one worker reads the section headings (a second at a million documents)
 * after a change, not each worker in turn as a reader types a prefix.
 */
const WHOLE_LIBRARY_CACHES: ReadonlySet<string> = new Set(["sectionHeadings"]);

/** A stable number for what a call's caches depend on: the method and, for searches, the text. */
function affinity(method: string, args: unknown[]): number {
  const first = args[0] as { text?: unknown } | string | undefined;
  const key = WHOLE_LIBRARY_CACHES.has(method)
    ? method
    : `${method}\u0000${typeof first === "object" && first && typeof first.text === "string" ? first.text.trim().toLowerCase() : JSON.stringify(first ?? null)}`;
  return Number.parseInt(shortHash(key), 16);
}

export async function createStorePool(store: Store, location: string, size: number): Promise<Store> {
  let nextId = 0;
  const workers: PoolWorker[] = await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(workerFile(), { workerData: { location } });
      const entry: PoolWorker = { worker, inFlight: 0, pending: new Map() };
      await new Promise<void>((resolve, reject) => {
        worker.once("error", reject);
        worker.once("message", () => {
          worker.off("error", reject);
          resolve();
        });
      });
      worker.on(
        "message",
        (message: { id: number; ok: boolean; result?: unknown; name?: string; message?: string }) => {
          const pending = entry.pending.get(message.id);
          if (!pending) return;
          entry.pending.delete(message.id);
          entry.inFlight--;
          if (message.ok) pending.resolve(message.result);
          else
            pending.reject(rebuildError(message.name ?? "Error", message.message ?? "store worker failed"));
        },
      );
      worker.on("error", (error) => {
        for (const pending of entry.pending.values()) pending.reject(error);
        entry.pending.clear();
      });
      return entry;
    }),
  );

  // Each worker keeps its own caches (match sets, champion lists, term sets), so the same search
  // text goes to the same worker: the pool caches twice as much as one worker would, and a
  // repeated search finds its caches warm. Affinity only breaks ties: when the preferred worker
  // is busier than another, the least busy one answers, so a slow search never queues a fast
  // one behind it while another worker is free.
  function dispatch(method: string, args: unknown[]): Promise<unknown> {
    let leastBusy = workers[0] as PoolWorker;
    for (const candidate of workers) if (candidate.inFlight < leastBusy.inFlight) leastBusy = candidate;
    const preferred = workers[affinity(method, args) % workers.length] as PoolWorker;
    const chosen = preferred.inFlight <= leastBusy.inFlight ? preferred : leastBusy;
    const id = nextId++;
    chosen.inFlight++;
    return new Promise((resolve, reject) => {
      chosen.pending.set(id, { resolve, reject });
      chosen.worker.postMessage({ id, method, args });
    });
  }

  const pooled: Partial<Record<(typeof POOLED_METHODS)[number], (...args: unknown[]) => Promise<unknown>>> =
    {};
  for (const method of POOLED_METHODS) pooled[method] = (...args: unknown[]) => dispatch(method, args);

  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "close") {
        return async () => {
          await Promise.all(
            workers.map(
              (entry) =>
                new Promise<void>((resolve) => {
                  entry.worker.once("exit", () => resolve());
                  entry.worker.postMessage("close");
                }),
            ),
          );
          await target.close();
        };
      }
      if (typeof property === "string" && property in pooled) return pooled[property as keyof typeof pooled];
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
