import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "../command.js";

// The TUI is its own app (apps/tui, built on Ink and React); running it as a child process keeps
// this CLI free of those dependencies and of their start-up cost for every other command.
const tuiEntry = fileURLToPath(new URL("../../../tui/dist/cli.js", import.meta.url));

const help = `corpus tui: search, read and cite the library at the keyboard

Usage: corpus tui [--server URL] [--db PATH|URL] [query]

Connects to the API at --server (default CORPUS_API_URL or http://127.0.0.1:4000). When nothing
answers there, it opens the library itself (in-process; --db or CORPUS_DATABASE_URL, default
<repository>/.corpus/library.db) and says so in its status bar. When the output is not a terminal it
prints the first page of results as plain lines.

Keys: "/" search, arrows or j/k move, Enter open, Esc back, "?" every key, q or Ctrl+C quit.
NO_COLOR turns colour off; CORPUS_TUI_CLIPBOARD=off never touches the clipboard.

Examples:
  corpus tui
  corpus tui --server http://127.0.0.1:4100 "nuclear talks"
  corpus tui sudan | head`;

export const tuiCommand: Command = {
  name: "tui",
  help,
  run(argv) {
    if (!existsSync(tuiEntry)) {
      process.stderr.write(
        `corpus tui: the terminal UI is not built (${tuiEntry} is missing). Build it with: pnpm exec turbo run build --filter @corpus/tui\n`,
      );
      return Promise.resolve(1);
    }
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [tuiEntry, ...argv], { stdio: "inherit" });
      // The TUI reads Ctrl+C itself (raw mode); a SIGINT sent to the group must not kill this
      // parent first and leave the child drawing on a terminal nobody restores.
      const ignore = () => {};
      process.on("SIGINT", ignore);
      child.on("error", (error) => {
        process.stderr.write(`corpus tui: could not start ${tuiEntry}: ${error.message}\n`);
        process.off("SIGINT", ignore);
        resolve(1);
      });
      child.on("exit", (code, signal) => {
        process.off("SIGINT", ignore);
        resolve(code ?? (signal ? 1 : 0));
      });
    });
  },
};
