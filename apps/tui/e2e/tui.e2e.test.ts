import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inverseRuns, shellQuote, Terminal } from "./terminal.js";

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

/** The source screen's status line: "field 2 of 37 · place 1 of 1 · line 9 of 88". */
const FIELD_STATUS = /^field (\d+) of \d+ · place \d+ of \d+ · line \d+ of \d+/m;

/**
 * What the source screen says about its marked field: the selected row's excerpt of the page
 * (between “ ”, maybe cut with …) and the text shown in inverse video under the status line,
 * joined across the lines it was wrapped over.
 */
function markedField(
  terminal: Terminal,
  session: string,
): { field: string; excerpt: string; marked: string } {
  const plain = terminal.capture(session).split("\n");
  const runs = inverseRuns(terminal.capture(session, true));
  const status = plain.findIndex((line) => FIELD_STATUS.test(line));
  expect(status, `no field status line on:\n${plain.join("\n")}`).toBeGreaterThan(0);
  const row = plain.slice(1, status).find((line) => line.startsWith("›")) ?? "";
  // The text view ends at the key hints; the status bar under them is inverse video too.
  const hints = plain.findIndex((line) => line.startsWith("Tab/Shift+Tab field"));
  return {
    field: FIELD_STATUS.exec(plain[status]!)![1]!,
    excerpt: /“(.*)$/.exec(row)?.[1]?.replace(/”$/, "") ?? "",
    marked: runs
      .slice(status + 1, hints)
      .flat()
      .join(" ")
      .replace(/\s+/g, " ")
      .trim(),
  };
}

/** The marked text is the page's text the field list quotes (the list may cut it short with …). */
function expectMarkedMatchesList(marked: { excerpt: string; marked: string }) {
  expect(marked.marked.length).toBeGreaterThan(0);
  const quoted = marked.excerpt.replace(/…$/, "");
  expect(quoted.length).toBeGreaterThan(0);
  if (marked.excerpt.endsWith("…")) expect(marked.marked.startsWith(quoted)).toBe(true);
  else expect(marked.marked).toBe(quoted);
}

/** Searches, then opens the first event among the results; returns the screen of the event. */
async function openFirstEvent(terminal: Terminal, session: string, query: string): Promise<string> {
  await terminal.waitFor(session, (text) => /1–\d+ of \d+ · newest/.test(text), 20_000);
  terminal.type(session, "/");
  await terminal.waitFor(session, (text) => text.includes("▏"));
  terminal.type(session, query);
  await terminal.waitFor(
    session,
    (text) =>
      new RegExp(`Search\\s+${query}`).test(text) && /of \d+ · relevance/.test(text) && !text.includes("· …"),
  );
  terminal.press(session, "Enter");
  await terminal.waitFor(session, (text) => selectedRow(text) !== "");
  for (let step = 0; step < 20 && !/^›\s*event/.test(selectedRow(terminal.capture(session))); step++) {
    const before = selectedRow(terminal.capture(session));
    terminal.press(session, "j");
    await terminal.waitFor(session, (text) => selectedRow(text) !== before);
  }
  expect(selectedRow(terminal.capture(session))).toMatch(/event/);
  terminal.press(session, "Enter");
  return terminal.waitFor(session, (text) => text.includes("Kind: event"));
}

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

    // The page text it was read from, its first field marked in inverse video; Tab marks the next.
    terminal.type(session, "s");
    screen = await terminal.waitFor(
      session,
      (text) => /^Source( \d+ of \d+)? · /.test(text) && FIELD_STATUS.test(text),
    );
    expect(screen.trimEnd().split("\n").length).toBeLessThanOrEqual(24);
    const firstField = markedField(terminal, session);
    expect(firstField.field).toBe("1");
    expectMarkedMatchesList(firstField);
    terminal.press(session, "Tab");
    await terminal.waitFor(session, (text) => FIELD_STATUS.exec(text)?.[1] === "2");
    const secondField = markedField(terminal, session);
    expectMarkedMatchesList(secondField);
    expect(secondField.marked).not.toBe(firstField.marked);
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

  it("takes a paste as text: into the search box whole, and never as keys elsewhere", async () => {
    const session = terminal.start(tuiCommand(["--server", serverUrl]));
    await terminal.waitFor(session, (text) => /1–20 of \d+ · newest/.test(text));
    // On the results list, a pasted "q" would quit if the paste were taken as keys.
    terminal.paste(session, "jjq");
    await terminal.waitFor(session, (text) => text.includes("press / first, then paste"));
    terminal.type(session, "/");
    await terminal.waitFor(session, (text) => text.includes("▏"));
    terminal.paste(session, "north\nkorea\n");
    await terminal.waitFor(
      session,
      (text) => /Search\s+north korea▏/.test(text) && /of \d+ · relevance/.test(text),
    );
    terminal.press(session, "C-c");
    const screen = await terminal.waitFor(session, (text) => text.includes("tui exited with 0"));
    // Bracketed paste is turned off again: the shell after it gets pastes as it did before.
    expect(screen).not.toContain("200~");
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

  it("shows a document's source in-process in a narrower terminal, marks visible", async () => {
    const session = terminal.start(
      tuiCommand(["--server", "http://127.0.0.1:9"], { CORPUS_DATABASE_URL: database }),
      { columns: 60, rows: 20 },
    );
    await openFirstEvent(terminal, session, "armistice");
    terminal.type(session, "s");
    const screen = await terminal.waitFor(session, (text) => FIELD_STATUS.test(text), 20_000);
    expect(screen).toContain("in-process");
    expect(screen.trimEnd().split("\n").length).toBeLessThanOrEqual(20);
    expectMarkedMatchesList(markedField(terminal, session));
    // A field further down the page: the view scrolls to it and marks it.
    terminal.press(session, "BTab");
    const last = await terminal.waitFor(session, (text) => FIELD_STATUS.exec(text)?.[1] !== "1");
    expect(last).toMatch(/line \d+ of \d+/);
    expectMarkedMatchesList(markedField(terminal, session));
    terminal.press(session, "C-c");
    await terminal.waitFor(session, (text) => text.includes("tui exited with 0"));
  }, 60_000);

  it("names what failed when the server stops answering before the source is asked for", async () => {
    const own = await startServer();
    try {
      const session = terminal.start(tuiCommand(["--server", own.url]));
      await openFirstEvent(terminal, session, "armistice");
      own.process.kill("SIGTERM");
      await new Promise((resolve) => own.process.once("exit", resolve));
      terminal.type(session, "s");
      const screen = await terminal.waitFor(session, (text) => text.includes("Could not open the source of"));
      expect(screen.replace(/\s+/g, " ")).toMatch(/server (stopped answering|did not answer in time)/);
      // Back on the document, which is asked for again: it says the same, and the TUI still quits cleanly.
      terminal.press(session, "Escape");
      await terminal.waitFor(session, (text) => /^Could not open doc:/.test(text));
      terminal.type(session, "q");
      await terminal.waitFor(session, (text) => text.includes("tui exited with 0"));
    } finally {
      own.process.kill("SIGTERM");
    }
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

    // The marked field of a source page still shows, in inverse video, with no colour.
    await openFirstEvent(terminal, session, "armistice");
    terminal.type(session, "s");
    await terminal.waitFor(session, (text) => FIELD_STATUS.test(text));
    expectMarkedMatchesList(markedField(terminal, session));
    const sourceColours = [...terminal.capture(session, true).matchAll(/\u001b\[([\d;]*)m/g)]
      .flatMap((match) => match[1]!.split(";"))
      .filter((code) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(code));
    expect(sourceColours).toEqual([]);
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

  it("stops quietly when the reader of its plain lines has gone (| head, | true)", () => {
    // `true` exits without reading: the first line written meets a closed pipe, every time.
    const piped = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${tuiCli}" --server "${serverUrl}" "" | true; exit \${PIPESTATUS[0]}`],
      { encoding: "utf8" },
    );
    expect(piped.stderr).toBe("");
    expect(piped.status).toBe(0);
  });
});
