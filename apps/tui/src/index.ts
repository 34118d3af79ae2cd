/**
 * @corpus/tui: the terminal UI. `pnpm tui` / `corpus tui` run `dist/cli.js`; the pieces are
 * exported for tests and for embedding the same screens elsewhere.
 */
export { App, type AppProps } from "./app.js";
export { parseArguments, HELP, type TuiArguments } from "./args.js";
export { type Clipboard, createTerminalClipboard } from "./clipboard.js";
export { connect, connectToServer, openInProcess, serverAnswers } from "./connect.js";
export { citationFormats, createTrpcDataSource, type DataSource } from "./data-source.js";
export { bindings, helpSections, matches } from "./keymap.js";
export { printPlain } from "./plain-output.js";
export { sanitizeBlock, sanitizeDeep, sanitizeLine } from "./sanitize.js";
export { main } from "./main.js";
