import { parseArgs } from "node:util";
import { UsageError } from "../command.js";
import { readEnvironment } from "../env.js";
import { DEFAULT_CORS_ORIGINS } from "./cors.js";
import type { RateLimitOptions } from "./rate-limit.js";
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMIT } from "./server.js";

/** What `corpus serve` and `corpus up` accept, after the command line and environment are read. */
export interface ServeOptions {
  host: string;
  port: number;
  database: string | undefined;
  adminToken: string | undefined;
  corsOrigins: string[];
  maxBodyBytes: number;
  rateLimit: RateLimitOptions | false;
  logLevel: string;
  shutdownDeadlineMs: number;
  /** Worker threads for searches and other heavy reads (SQLite); 0 runs everything on one thread. */
  readWorkers: number;
}

export const SERVE_OPTIONS_HELP = `  --host H               address to listen on (default 127.0.0.1; 0.0.0.0 exposes the API)
  --port N               port (default 4000; 0 picks a free one)
  --db PATH|URL          the library: a SQLite file or a postgres:// URL
                         (default CORPUS_DATABASE_URL, else ./.corpus/library.db)
  --cors-origin URL      a browser origin allowed to call the API; repeat for several
                         (default ${DEFAULT_CORS_ORIGINS.join(" and ")})
  --max-body-bytes N     largest request body (default ${DEFAULT_MAX_BODY_BYTES}); larger gets 413
  --rate-limit N|off     requests per second per client address (default ${DEFAULT_RATE_LIMIT.perSecond},
                         bursts of twice that); over it gets 429 with Retry-After
  --log-level L          fatal, error, warn, info (default), debug or silent
  --shutdown-deadline-ms N  how long in-flight requests get on SIGTERM/SIGINT (default 10000)
  --read-workers N       threads that run searches on their own connections, so a slow search
                         does not hold up other requests (SQLite; default 2, 0 for none)

Environment:
  CORPUS_ADMIN_TOKEN     the Bearer token admin procedures need; unset, writes are off
  CORPUS_DATABASE_URL    the library, when --db is not given`;

function positiveInteger(value: string, option: string, allowZero = false): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) {
    throw new UsageError(
      `${option} needs a ${allowZero ? "non-negative" : "positive"} whole number, not "${value}"`,
    );
  }
  return number;
}

export function parseServeOptions(
  argv: string[],
  environment: { adminToken?: string | undefined; databaseUrl?: string | undefined },
  defaults: { port: number } = { port: 4000 },
): ServeOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values;
  const port = values.port === undefined ? defaults.port : positiveInteger(values.port, "--port", true);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}`);
  let rateLimit: RateLimitOptions | false = DEFAULT_RATE_LIMIT;
  if (values["rate-limit"] === "off") rateLimit = false;
  else if (values["rate-limit"] !== undefined) {
    const perSecond = positiveInteger(values["rate-limit"], "--rate-limit");
    rateLimit = { perSecond, burst: perSecond * 2 };
  }
  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
  const logLevel = values["log-level"] ?? "info";
  if (!levels.includes(logLevel)) throw new UsageError(`--log-level must be one of ${levels.join(", ")}`);
  for (const origin of values["cors-origin"] ?? []) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new UsageError(
        `--cors-origin takes an origin such as http://localhost:3000 (scheme, host, port; no path), not "${origin}"`,
      );
    }
  }
  return {
    host: values.host ?? "127.0.0.1",
    port,
    database: values.db ?? (environment.databaseUrl || undefined),
    adminToken: environment.adminToken || undefined,
    corsOrigins: values["cors-origin"] ?? DEFAULT_CORS_ORIGINS,
    maxBodyBytes:
      values["max-body-bytes"] === undefined
        ? DEFAULT_MAX_BODY_BYTES
        : positiveInteger(values["max-body-bytes"], "--max-body-bytes"),
    rateLimit,
    logLevel,
    shutdownDeadlineMs:
      values["shutdown-deadline-ms"] === undefined
        ? 10_000
        : positiveInteger(values["shutdown-deadline-ms"], "--shutdown-deadline-ms", true),
    readWorkers:
      values["read-workers"] === undefined
        ? 2
        : positiveInteger(values["read-workers"], "--read-workers", true),
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      db: { type: "string" },
      "cors-origin": { type: "string", multiple: true },
      "max-body-bytes": { type: "string" },
      "rate-limit": { type: "string" },
      "log-level": { type: "string" },
      "shutdown-deadline-ms": { type: "string" },
      "read-workers": { type: "string" },
    },
  });
}

/** The variables `serve` and `up` use, from the server's one validated environment. */
export function serverEnvironment(): { adminToken: string | undefined; databaseUrl: string | undefined } {
  const environment = readEnvironment();
  return { adminToken: environment.CORPUS_ADMIN_TOKEN, databaseUrl: environment.CORPUS_DATABASE_URL };
}
