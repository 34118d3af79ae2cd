import type { Command } from "../command.js";
import { backupCommand } from "./backup.js";
import { duplicatesCommand } from "./duplicates.js";
import { exportCommand } from "./export.js";
import { importCommand } from "./import.js";
import { ingestCommand } from "./ingest.js";
import { mergeCommand } from "./merge.js";
import { parseCommand } from "./parse.js";
import { searchCommand } from "./search.js";
import { serveCommand } from "./serve.js";
import { showCommand } from "./show.js";
import { statsCommand } from "./stats.js";
import { tuiCommand } from "./tui.js";
import { upCommand } from "./up.js";

// Each command lives in its own file; this list is the order `corpus --help` shows them in.
// Work in progress adds its command here when it lands.
export const commands: Command[] = [
  parseCommand,
  ingestCommand,
  searchCommand,
  showCommand,
  statsCommand,
  duplicatesCommand,
  mergeCommand,
  exportCommand,
  importCommand,
  backupCommand,
  serveCommand,
  upCommand,
  tuiCommand,
];
