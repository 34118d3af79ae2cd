import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shellQuote, Terminal } from "./terminal.js";

// The TUI as a person meets it: the built CLI in a real 80x24 terminal (tmux), against a real
// `corpus serve` holding the demo library, and once more with no server (in-process mode).

const repository = fileURLToPath(new URL("../../../", import.meta.url));
const tuiCli = join(repository, "apps/tui/dist/cli.js");
const corpusCli = join(repository, "apps/server/dist/cli.js");
const demo = join(repository, "data/demo");
const missing = [tuiCli, corpusCli, demo].filter((path) => !existsSync(path));
const skip = !Terminal.available() || missing.length > 0;
if (skip) {
  console.log(
    `tui e2e skipped: ${!Terminal.available() ? "tmux is not installed" : `missing ${missing.join(", ")} (build first)`}`,
  );
}

let folder: string;
let database: string;
let server: ChildProcess | undefined;
let serverUrl: string;
let terminal: Terminal;
const timings: Record<string, number> = {};

/** Starts `corpus serve --port 0` and reads the address it prints. */
function startServer(): Promise<{ process: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [corpusCli, "serve", "--port", "0", "--db", database, "--log-level", "silent"],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`corpus serve did not start in 20 s:\n${output}`)),
      20_000,
    );
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1]!.replace(/\/$/, "") });
      }
    });
    child.on("exit", (code) => reject(new Error(`corpus serve exited (${code}):\n${output}`)));
  });
}

/** The shell line tmux runs: the TUI, then its exit code, so we can see it quit cleanly. */
function tuiCommand(args: string[], environment: Record<string, string> = {}): string {
  const variables = Object.entries(environment).map(([name, value]) => `${name}=${shellQuote(value)}`);
  return `env -u CI ${variables.join(" ")} ${shellQuote(process.execPath)} ${shellQuote(tuiCli)} ${args.map(shellQuote).join(" ")}; echo "tui exited with $?"; sleep 30`;
}

const selectedRow = (screen: string) => screen.split("\n").find((line) => line.startsWith("›")) ?? "";

describe.skipIf(skip)("the TUI in a real terminal", () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "corpus-tui-e2e-"));
    database = join(folder, "library.db");
    // Exit code 1 means some files failed and the others were stored: the demo library is
    // being edited by others while these tests run, so that is enough for a TUI test.
    const ingest = spawnSync(process.execPath, [corpusCli, "ingest", demo, "--db", database], {
      encoding: "utf8",
    });
    if (ingest.status !== 0 && ingest.status !== 1) {
      throw new Error(`corpus ingest ${demo} failed (exit ${ingest.status}):\n${ingest.stderr}`);
    }
    const started = await startServer();
    server = started.process;
    serverUrl = started.url;
    terminal = new Terminal();
  }, 120_000);

  afterAll(() => {
    terminal?.close();
    server?.kill("SIGTERM");
    if (folder) rmSync(folder, { recursive: true, force: true });
    if (Object.keys(timings).length > 0)
      console.log(`time to the first screen with results: ${JSON.stringify(timings)}`);
  });

  it("searches, moves, opens a document and a person against corpus serve, and quits cleanly", async () => {
    const started = Date.now();
    const session = terminal.start(tuiCommand(["--server", serverUrl]));
    let screen = await terminal.waitFor(session, (text) => /1–20 of \d+ · newest/.test(text));
    timings.server = Date.now() - started;
    expect(screen).toContain(`server ${serverUrl}`);
    expect(screen.trimEnd().split("\n").length).toBeLessThanOrEqual(24);

    terminal.type(session, "/");
    await terminal.waitFor(session, (text) => text.includes("▏"));
    terminal.type(session, "armistice");
    screen = await terminal.waitFor(
      session,
      (text) => /Search\s+armistice/.test(text) && /of \d+ · relevance/.test(text) && !text.includes("· …"),
    );
    expect(screen).toMatch(/Armistice/);

    terminal.press(session, "Enter");
    const first = selectedRow(await terminal.waitFor(session, (text) => selectedRow(text) !== ""));
    terminal.press(session, "j");
    const second = selectedRow(await terminal.waitFor(session, (text) => selectedRow(text) !== first));
    expect(second).not.toBe(first);
    terminal.press(session, "k");
    await terminal.waitFor(session, (text) => selectedRow(text) === first);

    // Open the first event in the results, whichever it is.
    for (let step = 0; step < 20 && !/^›\s*event/.test(selectedRow(terminal.capture(session))); step++) {
      terminal.press(session, "j");
      await terminal.waitFor(session, () => true);
    }
    const eventRow = selectedRow(terminal.capture(session));
    expect(eventRow).toMatch(/event/);
    terminal.press(session, "Enter");
    screen = await terminal.waitFor(session, (text) => text.includes("Kind: event"));
    expect(screen).toMatch(/Date: \d{4}/);
    expect(screen).toMatch(/People \(\d+\)/);

    // The first link of an event page is its first person.
    terminal.press(session, "Tab");
    await terminal.waitFor(session, (text) => /^› → /m.test(text));
    terminal.press(session, "Enter");
    screen = await terminal.waitFor(session, (text) => text.includes("Kind: person"));
    expect(screen).toMatch(/Documents: \d+/);

    terminal.press(session, "Escape");
    await terminal.waitFor(session, (text) => text.includes("Kind: event"));
    terminal.press(session, "Escape");
    await terminal.waitFor(session, (text) => /Search\s+armistice/.test(text));

    terminal.type(session, "?");
    screen = await terminal.waitFor(session, (text) => text.includes("Keys (? or Esc to close)"));
    expect(screen).toContain("go to the search box");
    terminal.type(session, "?");
    await terminal.waitFor(session, (text) => /Search\s+armistice/.test(text));

    terminal.type(session, "q");
    screen = await terminal.waitFor(session, (text) => text.includes("tui exited with 0"));
    // The alternate screen is gone: nothing of the TUI is left on the user's terminal.
    expect(screen).not.toContain("? help · q quit");
  }, 60_000);

  it("runs in-process on the local library when no server answers, and says so", async () => {
    const started = Date.now();
    const session = terminal.start(
      tuiCommand(["--server", "http://127.0.0.1:9"], { CORPUS_DATABASE_URL: database }),
    );
    let screen = await terminal.waitFor(session, (text) => /1–20 of \d+ · newest/.test(text), 20_000);
    timings.inProcess = Date.now() - started;
    expect(screen).toContain("in-process");
    expect(screen).toContain("no server at");

    terminal.type(session, "/");
    await terminal.waitFor(session, (text) => text.includes("▏"));
    terminal.type(session, "sudan");
    await terminal.waitFor(
      session,
      (text) => /Search\s+sudan/.test(text) && /of \d+ · relevance/.test(text) && !text.includes("· …"),
    );
    terminal.press(session, "Enter");
    await terminal.waitFor(session, (text) => selectedRow(text) !== "");
    terminal.press(session, "Enter");
    screen = await terminal.waitFor(session, (text) => text.includes("Kind: "));
    expect(screen).toMatch(/Sudan/i);

    terminal.press(session, "C-c");
    await terminal.waitFor(session, (text) => text.includes("tui exited with 0"));
  }, 60_000);

  it("draws no colour at all with NO_COLOR", async () => {
    const session = terminal.start(tuiCommand(["--server", serverUrl], { NO_COLOR: "1" }));
    await terminal.waitFor(session, (text) => /1–20 of \d+ · newest/.test(text));
    const withEscapes = terminal.capture(session, true);
    // SGR colour parameters: 30-37, 38;..., 90-97 (foreground), 40-47, 48;..., 100-107 (background).
    const colours = [...withEscapes.matchAll(/\u001b\[([\d;]*)m/g)]
      .flatMap((match) => match[1]!.split(";"))
      .filter((code) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(code));
    expect(colours).toEqual([]);
    terminal.type(session, "q");
    await terminal.waitFor(session, (text) => text.includes("tui exited with 0"));
  }, 30_000);

  it("prints plain lines when stdout is not a terminal", () => {
    const output = execFileSync(process.execPath, [tuiCli, "--server", serverUrl, "sudan"], {
      encoding: "utf8",
    });
    const lines = output.trim().split("\n");
    expect(lines[0]).toMatch(/^# \d+ records? for "sudan"/);
    expect(lines[1]!.split("\t")).toHaveLength(5);
    expect(output).not.toContain("\u001b");
  });
});
