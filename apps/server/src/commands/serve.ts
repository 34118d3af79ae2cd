import { type Command, EXIT_OK } from "../command.js";
import { parseServeOptions, SERVE_OPTIONS_HELP, serverEnvironment } from "../http/config.js";
import { closeOnSignal, startServer } from "../http/run-server.js";

const help = `corpus serve: the API over HTTP

Usage: corpus serve [--host 127.0.0.1] [--port 4000] [--db PATH|URL] [options]

Serves tRPC at /trpc (for the web app, the TUI and TypeScript scripts), the read procedures as
REST under /api/v1 with their OpenAPI document at /api/openapi.json (for Python and R),
/healthz and /readyz. Logs one JSON line per request. Ctrl+C or SIGTERM stops accepting,
lets in-flight requests finish and closes the library.

Options:
${SERVE_OPTIONS_HELP}

Examples:
  corpus serve
  CORPUS_ADMIN_TOKEN=$(openssl rand -hex 32) corpus serve --port 4100
  curl 'http://127.0.0.1:4000/api/v1/documents/search?text=nuclear&kind=event'`;

export const serveCommand: Command = {
  name: "serve",
  help,
  async run(argv) {
    const options = parseServeOptions(argv, serverEnvironment());
    const { api, url, logger } = await startServer(options);
    process.stderr.write(
      `corpus serve: API on ${url} (tRPC ${url}/trpc, REST ${url}/api/v1, OpenAPI ${url}/api/openapi.json); writes ${options.adminToken ? "on" : "off (set CORPUS_ADMIN_TOKEN)"}\n`,
    );
    const signal = await closeOnSignal(async (received) => {
      logger.info({ signal: received }, "shutting down");
      await api.close();
    });
    logger.info({ signal }, "stopped");
    logger.flush();
    return EXIT_OK;
  },
};
