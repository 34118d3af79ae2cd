/** A progress bar on a terminal; on a pipe, one plain line per step so logs stay readable. */
export interface Progress {
  update(done: number, note?: string): void;
  finish(): void;
}

export function createProgress(
  total: number,
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY) {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
    return {
      update(done, note = "") {
        const filled = total === 0 ? width : Math.round((done / total) * width);
        const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
        // The end of a long path is the part that changes from file to file (its name).
        const shown = note.length > 30 ? `…${note.slice(-29)}` : note;
        stream.write(`\r${label} ${bar} ${done}/${total} ${shown.padEnd(30)}`);
      },
      finish() {
        stream.write("\n");
      },
    };
  }
  return {
    update(done, note = "") {
      stream.write(`${label} ${done}/${total}${note ? ` ${note}` : ""}\n`);
    },
    finish() {},
  };
}
