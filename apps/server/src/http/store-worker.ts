import { parentPort, workerData } from "node:worker_threads";
import { openStore, type Store } from "@corpus/store";

// One read connection of the pool (see store-pool.ts): opens the library itself and answers
// the read methods it is sent, one message per call.
interface Call {
  id: number;
  method: string;
  args: unknown[];
}

const store: Store = await openStore((workerData as { location: string }).location);
const port = parentPort;
if (!port) throw new Error("store-worker.js runs only as a worker thread");

// One call at a time, in arrival order: the store's methods await internally, and letting calls
// interleave would let later searches overtake earlier ones without finishing any sooner.
let queue: Promise<void> = Promise.resolve();

async function answer(message: Call): Promise<void> {
  try {
    const method = (store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[
      message.method
    ];
    if (typeof method !== "function") throw new Error(`no store method ${message.method}`);
    const result = await method.apply(store, message.args);
    port?.postMessage({ id: message.id, ok: true, result });
  } catch (error) {
    const { name, message: text } =
      error instanceof Error ? error : { name: "Error", message: String(error) };
    port?.postMessage({ id: message.id, ok: false, name, message: text });
  }
}

port.on("message", (message: Call | "close") => {
  if (message === "close") {
    queue = queue.then(async () => {
      await store.close();
      port.close();
    });
    return;
  }
  queue = queue.then(() => answer(message));
});
port.postMessage({ ready: true });
// Load the facet index now rather than on the first search: at a million documents that is 2 s
// from the library's snapshot, or ~25 s when it must be rebuilt (decision 0023), which the
// first reader would otherwise wait through. Calls queue behind it.
queue = queue.then(async () => {
  try {
    await store.stats();
  } catch {
    // A library that cannot be read answers each call with its own error instead.
  }
});
