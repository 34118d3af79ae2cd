import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * JSON lines, one per request and one per failure. Headers are never logged whole, so the
 * Authorization header cannot leak; the redact list is a second guard for anything that might.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "corpus-api" },
      redact: {
        paths: [
          "authorization",
          "headers.authorization",
          "request.headers.authorization",
          "token",
          "*.token",
        ],
        censor: "[redacted]",
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
