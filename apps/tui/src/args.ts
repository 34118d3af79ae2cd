/** The command line of `pnpm tui` / `corpus tui`. */
export interface TuiArguments {
  help: boolean;
  server: string | undefined;
  database: string | undefined;
  query: string;
}

export const HELP = `corpus tui: search, read and cite the library at the keyboard

Usage: corpus tui [options] [query]     (or: pnpm tui [options] [query])

Options:
  --server URL   the Corpus API to use (default: CORPUS_API_URL or http://127.0.0.1:4000).
                 When nothing answers there, the TUI opens the local library itself
                 (in-process) and says so in its status bar.
  --db PATH      the library for in-process mode (default: CORPUS_DATABASE_URL or
                 <repository>/.corpus/library.db); a SQLite file or a postgres:// URL.
                 Given without --server, the TUI opens this library and asks no server.
  -h, --help     show this help

A query given on the command line is searched at start. When the output is not a terminal
(a pipe, a file), the TUI prints the first page of results as plain lines and exits.

Keys: "/" search, arrows or j/k move, Enter open, Esc back, "?" all keys, q quit.
On a document, s shows the page text it was read from with each traced field marked
(Tab / Shift+Tab next or previous field, n / N the field's next or previous place).
Environment: NO_COLOR turns colour off; CORPUS_TUI_CLIPBOARD=off never touches the clipboard.`;

export class ArgumentError extends Error {
  override name = "ArgumentError";
}

export function parseArguments(argv: readonly string[]): TuiArguments {
  const result: TuiArguments = { help: false, server: undefined, database: undefined, query: "" };
  const words: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    const [flag, inlineValue] = argument.startsWith("--") ? splitInline(argument) : [argument, undefined];
    const value = () => {
      const next = inlineValue ?? argv[++index];
      if (next === undefined || next === "") throw new ArgumentError(`${flag} needs a value`);
      return next;
    };
    if (flag === "-h" || flag === "--help") result.help = true;
    else if (flag === "--server") result.server = checkUrl(value());
    else if (flag === "--db") result.database = value();
    else if (flag === "--") {
      words.push(...argv.slice(index + 1));
      break;
    } else if (flag.startsWith("-") && flag.length > 1) throw new ArgumentError(`unknown option ${flag}`);
    else words.push(argument);
  }
  result.query = words.join(" ");
  return result;
}

function splitInline(argument: string): [string, string | undefined] {
  const equals = argument.indexOf("=");
  return equals === -1 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ArgumentError(`--server "${text}" is not a URL; expected e.g. http://127.0.0.1:4000`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ArgumentError(`--server "${text}" must be an http:// or https:// URL`);
  }
  return text.replace(/\/+$/, "");
}
