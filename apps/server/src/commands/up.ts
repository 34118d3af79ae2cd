import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFiles, prepareBatch } from "@corpus/ingest";
import type { Store } from "@corpus/store";
import { type Command, EXIT_OK, UsageError } from "../command.js";
import { parseServeOptions, SERVE_OPTIONS_HELP, serverEnvironment } from "../http/config.js";
import { closeOnSignal, startServer } from "../http/run-server.js";

// Paths from apps/server/dist/commands/ to the repository's demo library and web app.
const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const demoFolder = fileURLToPath(new URL("../../../../data/demo/", import.meta.url));
const webStart = fileURLToPath(new URL("../../../web/start.mjs", import.meta.url));
const webBuild = fileURLToPath(new URL("../../../web/.next/BUILD_ID", import.meta.url));
const DEFAULT_WEB_PORT = 3000;

const help = `corpus up: the whole thing, with the demo library

Usage: corpus up [options]

Opens the library (./.corpus/library.db unless --db or CORPUS_DATABASE_URL says otherwise),
loads the demo library from data/demo/ when the library is empty, serves the API on
http://127.0.0.1:4000 and, when the web app is built, starts it on http://127.0.0.1:${DEFAULT_WEB_PORT}.
Ctrl+C stops both. This is what \`npm start\` runs.

Options:
  --web-port N           the web app's port (default ${DEFAULT_WEB_PORT}); the browser reaches the API
                         through it, so --cors-origin is not needed for it
As for corpus serve:
${SERVE_OPTIONS_HELP}`;

/** `--web-port N` (or `--web-port=N`) taken out of the arguments; the rest are corpus serve's. */
export function takeWebPort(argv: readonly string[]): { webPort: number; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--web-port") {
      value = argv[++index];
      if (value === undefined) throw new UsageError("--web-port needs a port number, e.g. --web-port 3100");
    } else if (argument.startsWith("--web-port=")) value = argument.slice("--web-port=".length);
    else rest.push(argument);
  }
  if (value === undefined) return { webPort: DEFAULT_WEB_PORT, rest };
  const webPort = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(webPort >= 1 && webPort <= 65535))
    throw new UsageError(`--web-port takes a port from 1 to 65535, not "${value}"`);
  return { webPort, rest };
}

/** The same path as `corpus ingest`: parse every demo file, merge with the library, upsert. */
async function loadDemoIfEmpty(store: Store): Promise<void> {
  const stats = await store.stats();
  if (stats.documents > 0) return;
  if (!existsSync(demoFolder)) {
    process.stderr.write(`corpus up: the library is empty and ${demoFolder} is missing; starting empty.\n`);
    return;
  }
  // Provenance keeps the path it was given: "data/demo/..." from the repository root, not this
  // machine's absolute path, which would leak into every record and export.
  const fromHere = relative(process.cwd(), demoFolder);
  const files = await parseFiles([
    fromHere && !fromHere.startsWith("..") && !isAbsolute(fromHere) ? fromHere : demoFolder,
  ]);
  const batch = await prepareBatch(files, store);
  const summary = await store.upsert(batch);
  const failed = files.filter((file) => file.failed).length;
  process.stderr.write(
    `corpus up: loaded the demo library: ${summary.added} records from ${files.length - failed} files${failed ? ` (${failed} failed)` : ""}.\n`,
  );
}

function withoutAdminToken(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { CORPUS_ADMIN_TOKEN: _token, ...rest } = environment;
  return rest;
}

function startWeb(apiUrl: string, webPort: number): ChildProcess | undefined {
  if (!existsSync(webBuild)) {
    process.stderr.write(
      "corpus up: the web app is not built (apps/web/.next); serving the API only. Build it with: pnpm exec turbo run build --filter @corpus/web\n",
    );
    return undefined;
  }
  return spawn(process.execPath, [webStart], {
    cwd: repositoryRoot,
    stdio: ["ignore", "inherit", "inherit"],
    // The web app reads the API only: it never gets the admin token.
    env: { ...withoutAdminToken(process.env), PORT: String(webPort), CORPUS_API_URL: apiUrl },
  });
}

export const upCommand: Command = {
  name: "up",
  help,
  async run(argv) {
    const { webPort, rest } = takeWebPort(argv);
    const options = parseServeOptions(rest, serverEnvironment());
    if (webPort === options.port)
      throw new UsageError(`--web-port ${webPort} is the API's port too; give the web app another one`);
    const { api, url, logger } = await startServer(options, loadDemoIfEmpty);
    const web = startWeb(url, webPort);
    process.stderr.write(
      `\nCorpus is running.\n  API:     ${url}  (REST ${url}/api/v1, OpenAPI ${url}/api/openapi.json)\n`,
    );
    if (web) process.stderr.write(`  Web app: http://127.0.0.1:${webPort}\n`);
    process.stderr.write("Press Ctrl+C to stop.\n\n");
    const webExited = web
      ? new Promise<void>((resolve) => {
          web.once("exit", () => resolve());
        })
      : Promise.resolve();
    let stopping = false;
    web?.once("exit", (code) => {
      if (!stopping && code !== 0)
        process.stderr.write(`corpus up: the web app exited with code ${code}; the API keeps running.\n`);
    });
    await closeOnSignal(async (signal) => {
      stopping = true;
      logger.info({ signal }, "shutting down");
      if (web && web.exitCode === null && web.signalCode === null) web.kill("SIGTERM");
      await Promise.all([api.close(), webExited]);
    });
    logger.flush();
    return EXIT_OK;
  },
};
