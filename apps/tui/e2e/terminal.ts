import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

/**
 * A real terminal for end-to-end tests: a tmux server on its own socket (so tests never touch a
 * user's tmux or each other's), one 80x24 pane per session, keys in with send-keys, what a person
 * would see out with capture-pane.
 */
export class Terminal {
  readonly socket = `corpus-tui-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private sessions = 0;

  static available(): boolean {
    try {
      execFileSync("tmux", ["-V"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
  }

  /** Starts `command` (a shell line) in a fresh 80x24 pane; returns the session name. */
  start(command: string, size = { columns: 80, rows: 24 }): string {
    const name = `tui${++this.sessions}`;
    this.tmux("new-session", "-d", "-s", name, "-x", String(size.columns), "-y", String(size.rows), command);
    return name;
  }

  /** The pane as text (`escapes` keeps colour and attribute codes, for the NO_COLOR check). */
  capture(session: string, escapes = false): string {
    return this.tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", session);
  }

  /** Types literal text. */
  type(session: string, text: string): void {
    this.tmux("send-keys", "-t", session, "-l", text);
  }

  /** Pastes `text` as a terminal does: bracketed (ESC[200~ … ESC[201~) when the program asked for it. */
  paste(session: string, text: string): void {
    this.tmux("set-buffer", "-b", session, text);
    this.tmux("paste-buffer", "-p", "-d", "-b", session, "-t", session);
  }

  /** Presses named keys: Enter, Escape, Down, Tab, C-c ... */
  press(session: string, ...keys: string[]): void {
    this.tmux("send-keys", "-t", session, ...keys);
  }

  /** Polls the pane until `predicate` holds; fails with the last screen after `timeoutMs`. */
  async waitFor(
    session: string,
    predicate: (screen: string) => boolean,
    timeoutMs = 10_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = "";
    while (Date.now() < deadline) {
      screen = this.capture(session);
      if (predicate(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting in tmux; the screen was:\n${screen}`);
  }

  close(): void {
    let socketPath: string | undefined;
    try {
      socketPath = this.tmux("display-message", "-p", "#{socket_path}").trim();
      this.tmux("kill-server");
    } catch {
      // Already gone: every session ended.
    }
    // tmux leaves its socket file behind; tests leave nothing behind.
    if (socketPath) rmSync(socketPath, { force: true });
  }
}

/** Quotes a value for the shell line tmux runs. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The runs of text shown in inverse video on each line of a `capture(session, true)` screen, as
 * a person sees highlighted text: SGR 7 turns it on, 27 or a reset (0, or no parameters) off.
 */
export function inverseRuns(screenWithEscapes: string): string[][] {
  return screenWithEscapes.split("\n").map((line) => {
    const runs: string[] = [];
    let inverse = false;
    let run = "";
    const end = () => {
      if (run) runs.push(run);
      run = "";
    };
    for (const part of line.split(/(\u001b\[[\d;]*m)/)) {
      const sgr = /^\u001b\[([\d;]*)m$/.exec(part);
      if (!sgr) {
        if (inverse) run += part;
        continue;
      }
      const codes = (sgr[1] || "0").split(";").map(Number);
      for (let index = 0; index < codes.length; index++) {
        const code = codes[index];
        // 38/48;5;n and 38/48;2;r;g;b are colours: their numbers are not attributes.
        if (code === 38 || code === 48) index += codes[index + 1] === 5 ? 2 : 4;
        else if (code === 7) inverse = true;
        else if (code === 0 || code === 27) {
          inverse = false;
          end();
        }
      }
    }
    end();
    return runs;
  });
}
