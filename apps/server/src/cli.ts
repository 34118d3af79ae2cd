#!/usr/bin/env node
import { EXIT_USAGE, UsageError } from "./command.js";
import { type CommandEntry, commands } from "./commands/index.js";

const HELP = `corpus: a typed, searchable library of peace-and-conflict publications and events

Usage: corpus <command> [options]

Commands:
${commands.map((command: CommandEntry) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run "corpus <command> --help" for a command's options.
The library is ./.corpus/library.db unless --db or CORPUS_DATABASE_URL names another
(a file path for SQLite, or a postgres:// URL).`;

// Output piped into a reader that stops early (`| head`) closes the pipe: that is the reader's
// choice, not a failure to report with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return name ? 0 : EXIT_USAGE;
  }
  const entry = commands.find((candidate: CommandEntry) => candidate.name === name);
  if (!entry) {
    console.error(`corpus: unknown command "${name}". Run "corpus --help" to see the commands.`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`corpus ${name}: ${error.message}\nRun "corpus ${name} --help" for usage.`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
