import { MAX_SECTION_LENGTH, type SearchQuery } from "@corpus/schema";

/** The command line of `pnpm tui` / `corpus tui`. */
export interface TuiArguments {
  help: boolean;
  server: string | undefined;
  database: string | undefined;
  query: string;
  /** --advanced: read "phrases", prefix*, OR and -not in the query (a toggles it in the TUI). */
  mode: SearchQuery["mode"];
  /** --scope, or "section" implied by --section alone; undefined: everywhere. */
  scope: SearchQuery["scope"] | undefined;
  section: string | undefined;
}

const SCOPES: readonly SearchQuery["scope"][] = ["all", "title", "section"];

export const HELP = `corpus tui: search, read and cite the library at the keyboard

Usage: corpus tui [options] [query]     (or: pnpm tui [options] [query])

Options:
  --server URL   the Corpus API to use (default: CORPUS_API_URL or http://127.0.0.1:4000).
                 When nothing answers there, the TUI opens the local library itself
                 (in-process) and says so in its status bar.
  --db PATH      the library for in-process mode (default: CORPUS_DATABASE_URL or
                 <repository>/.corpus/library.db); a SQLite file or a postgres:// URL.
                 Given without --server, the TUI opens this library and asks no server.
  --advanced     read "phrases", prefix*, OR and -not in the query (key a)
  --scope S      where the words must be: all (default), title (key t), or section
  --section H    only in sections with the heading H, e.g. "In the News" (key h)
  -h, --help     show this help

A query given on the command line is searched at start. When the output is not a terminal
(a pipe, a file), the TUI prints the first page of results as plain lines and exits.

Keys: "/" search, arrows or j/k move, Enter open, Esc back, "?" all keys, q quit.
On the results, a turns advanced syntax on or off ("a b" phrase, word* prefix, a OR b,
-word without), t searches titles only, h asks for a section heading to search under.
On a document, s shows the page text it was read from with each traced field marked
(Tab / Shift+Tab next or previous field, n / N the field's next or previous place).
Environment: NO_COLOR turns colour off; CORPUS_TUI_CLIPBOARD=off never touches the clipboard.`;

export class ArgumentError extends Error {
  override name = "ArgumentError";
}

export function parseArguments(argv: readonly string[]): TuiArguments {
  const result: TuiArguments = {
    help: false,
    server: undefined,
    database: undefined,
    query: "",
    mode: "simple",
    scope: undefined,
    section: undefined,
  };
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
    else if (flag === "--advanced") {
      // A flag: "--advanced=false" must not turn it on, nor must any other value pass unread.
      if (inlineValue !== undefined && inlineValue !== "true" && inlineValue !== "false")
        throw new ArgumentError(`--advanced takes no value (or true / false), not "${inlineValue}"`);
      result.mode = inlineValue === "false" ? "simple" : "advanced";
    } else if (flag === "--scope") result.scope = checkScope(value());
    else if (flag === "--section") result.section = checkSection(value());
    else if (flag === "--") {
      words.push(...argv.slice(index + 1));
      break;
    } else if (flag.startsWith("-") && flag.length > 1) throw new ArgumentError(`unknown option ${flag}`);
    else words.push(argument);
  }
  result.query = words.join(" ");
  if (result.scope === "section" && !result.section)
    throw new ArgumentError('--scope section needs the heading: add --section "In the News", say');
  return result;
}

function checkSection(text: string): string | undefined {
  // The API refuses a longer heading; said here, it is not a failed search on the first screen.
  if (text.trim().length > MAX_SECTION_LENGTH)
    throw new ArgumentError(
      `--section is ${text.trim().length} characters; a heading has at most ${MAX_SECTION_LENGTH}`,
    );
  return text.trim() || undefined;
}

function checkScope(text: string): SearchQuery["scope"] {
  const scope = SCOPES.find((candidate) => candidate === text);
  if (!scope) throw new ArgumentError(`--scope "${text}" is not one of: ${SCOPES.join(", ")}`);
  return scope;
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
