/** One `corpus <name>` sub-command. `run` returns the process exit code. */
export interface Command {
  name: string;
  /** The full `corpus <name> --help` text: usage, options, examples. */
  help: string;
  run(argv: string[]): Promise<number>;
}

/** Exit codes scripts can trust: 0 all fine, 1 some inputs failed (the good ones were kept), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  override name = "UsageError";
}
