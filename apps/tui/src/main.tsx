import { ArgumentError, HELP, parseArguments } from "./args.js";
import { createTerminalClipboard } from "./clipboard.js";
import { connect } from "./connect.js";
import { readEnvironment } from "./env.js";
import { printPlain } from "./plain-output.js";
import { withPrefetchedSearch } from "./prefetch.js";
import { initialSearchState, toQuery } from "./search-state.js";

// With bracketed paste on, the terminal marks a paste (ESC[200~ ... ESC[201~), so the app can
// tell pasted text from typed keys (app.tsx); it is turned off again on leaving.
const ENTER_ALTERNATE_SCREEN = "\u001b[?1049h\u001b[H\u001b[?2004h";
const LEAVE_ALTERNATE_SCREEN = "\u001b[?2004l\u001b[?1049l";

/** Runs the TUI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseArguments>;
  let environment: ReturnType<typeof readEnvironment>;
  try {
    options = parseArguments(argv);
    environment = readEnvironment();
  } catch (error) {
    if (error instanceof ArgumentError || error instanceof Error) {
      process.stderr.write(`corpus tui: ${error.message}\nRun "corpus tui --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const server = (options.server ?? environment.apiUrl).replace(/\/+$/, "");
  const interactive = Boolean(process.stdout.isTTY && process.stdin.isTTY);
  // Ink and the screens load while the server is asked and the first search runs.
  const screens = interactive ? Promise.all([import("ink"), import("./app.js")]) : undefined;
  screens?.catch(() => {});
  const connected = await connect({
    server,
    databaseUrl: options.database ?? environment.databaseUrl,
    // --db alone names the library to open; with --server too, the server comes first.
    local: options.database !== undefined && options.server === undefined,
  });
  const searchOptions = { mode: options.mode, scope: options.scope, section: options.section };
  const start = { ...searchOptions, text: options.query };
  try {
    if (!screens) {
      await printPlain(connected, start, (line) => process.stdout.write(`${line}\n`));
      return 0;
    }
    const dataSource = withPrefetchedSearch(connected, toQuery(initialSearchState(start)));
    const [{ render }, { App }] = await screens;
    const clipboard = createTerminalClipboard({
      write: (data) => process.stdout.write(data),
      isTTY: true,
      term: environment.term,
      clipboard: environment.clipboard,
    });
    // The alternate screen keeps the user's scrollback as it was; leaving it on any exit restores it.
    process.stdout.write(ENTER_ALTERNATE_SCREEN);
    const restore = () => process.stdout.write(LEAVE_ALTERNATE_SCREEN);
    process.once("exit", restore);
    const instance = render(
      <App
        dataSource={dataSource}
        clipboard={clipboard}
        noColor={environment.noColor}
        initialQuery={options.query}
        initialOptions={searchOptions}
      />,
      { exitOnCtrlC: false, patchConsole: true },
    );
    await instance.waitUntilExit();
    process.removeListener("exit", restore);
    restore();
    for (const text of clipboard.pending()) process.stdout.write(`${text}\n`);
    return 0;
  } finally {
    await connected.close();
  }
}
