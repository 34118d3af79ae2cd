#!/usr/bin/env node
import { main } from "./main.js";

// Output piped into a reader that stops early (`| head`) closes the pipe: that is the reader's
// choice, not a failure to report with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // An open HTTP keep-alive socket or the SQLite handle must not keep a finished TUI alive.
    setImmediate(() => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`corpus tui: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
