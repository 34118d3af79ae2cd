import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const webDirectory = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repositoryRoot = resolve(webDirectory, "../..");
export const cliPath = join(repositoryRoot, "apps/server/dist/cli.js");
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Why the end-to-end suite cannot run here, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath} (apt-get install chromium)`;
  if (!existsSync(cliPath)) return `the corpus CLI is not built (${cliPath}); run pnpm exec turbo run build`;
  const distDirectory = process.env.CORPUS_WEB_DIST_DIR || ".next";
  if (!existsSync(join(webDirectory, distDirectory, "BUILD_ID")))
    return `the web app is not built (${distDirectory})`;
  return null;
}

/** A port that was free a moment ago: the web app's `next start` needs a number, not 0. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startProcess(
  command: string,
  args: string[],
  environment: Record<string, string>,
): RunningProcess {
  const child = spawn(command, args, {
    cwd: repositoryRoot,
    env: { ...process.env, ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs the corpus CLI to completion and returns its exit code and output. */
export async function runCli(
  args: string[],
  timeoutMs = 120_000,
): Promise<{ code: number | null; output: string }> {
  const running = startProcess(process.execPath, [cliPath, ...args], {});
  const timer = setTimeout(() => running.child.kill("SIGKILL"), timeoutMs);
  const [code] = (await once(running.child, "exit")) as [number | null];
  clearTimeout(timer);
  return { code, output: running.output() };
}

/** Polls until `check` returns a value; no fixed sleeps. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ""}`);
}

/** Starts `corpus serve` on a free port over `database` and waits for it to answer. */
export async function startApi(database: string): Promise<{ url: string; process: RunningProcess }> {
  const running = startProcess(process.execPath, [cliPath, "serve", "--port", "0", "--db", database], {});
  const url = await waitFor(
    () => /API on (http:\/\/[\d.:]+)/.exec(running.output())?.[1],
    "corpus serve to print its address",
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${running.output()}`);
  });
  return { url, process: running };
}

/** Starts the built web app (start.mjs, as `corpus up` does) against `apiUrl`. */
export async function startWeb(apiUrl: string): Promise<{ url: string; process: RunningProcess }> {
  const port = await freePort();
  const running = startProcess(process.execPath, [join(webDirectory, "start.mjs")], {
    PORT: String(port),
    CORPUS_API_URL: apiUrl,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => ((await fetch(`${url}/icon.svg`)).ok ? true : undefined),
    "the web app to answer",
    60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${running.output()}`);
  });
  return { url, process: running };
}

/**
 * `corpus ingest` of `inputs` into a fresh SQLite file under `directory`, `corpus serve` of it and
 * the built web app against that API: what every end-to-end suite starts from.
 */
export async function serveLibrary(
  inputs: string[],
  directory: string,
): Promise<{ apiUrl: string; webUrl: string; api: RunningProcess; web: RunningProcess }> {
  const database = join(directory, "library.db");
  const ingest = await runCli(["ingest", ...inputs, "--db", database]);
  if (ingest.code !== 0) throw new Error(`corpus ingest failed (exit ${ingest.code}):\n${ingest.output}`);
  const api = await startApi(database);
  try {
    const web = await startWeb(api.url);
    return { apiUrl: api.url, webUrl: web.url, api: api.process, web: web.process };
  } catch (error) {
    await api.process.stop();
    throw error;
  }
}
