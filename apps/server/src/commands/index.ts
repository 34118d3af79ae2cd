import type { Command } from "../command.js";
import { parseCommand } from "./parse.js";
import { serveCommand } from "./serve.js";
import { upCommand } from "./up.js";

// Each command lives in its own file; this list is the order `corpus --help` shows them in.
// Work in progress adds its command here when it lands.
export const commands: Command[] = [parseCommand, serveCommand, upCommand];
