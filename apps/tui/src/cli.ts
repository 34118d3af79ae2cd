#!/usr/bin/env node
import { main } from "./main.js";

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
