import { render } from "ink-testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "./app.js";
import type { DataSource } from "./data-source.js";
import { createRecordingClipboard, createTestLibrary, keys } from "./test-support/test-library.js";

// The source screen through the whole app, on the test library's in-memory store and the real
// router: the panel's page (pages/armistice-panel.txt) is stored with the panel's field spans.

let library: DataSource;
let instance: ReturnType<typeof render> | undefined;

beforeEach(async () => {
  library = await createTestLibrary();
});

afterEach(async () => {
  instance?.unmount();
  instance = undefined;
  await library.close();
});

const frame = () => instance?.lastFrame() ?? "";
const shiftTab = "\u001b[Z";

function start(size: { columns: number; rows: number }, dataSource: DataSource = library) {
  instance = render(<App dataSource={dataSource} clipboard={createRecordingClipboard()} />);
  const stdout = instance.stdout;
  Object.defineProperty(stdout, "columns", { value: size.columns, configurable: true });
  Object.defineProperty(stdout, "rows", { value: size.rows, configurable: true });
  stdout.emit("resize");
}

async function press(...sequence: string[]) {
  for (const key of sequence) {
    instance!.stdin.write(key);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function see(text: string | RegExp) {
  await vi.waitFor(() => expect(frame()).toMatch(text), { timeout: 3000 });
}

/** The frame as one line: for sentences the screen wraps. */
const flat = () => frame().replace(/\s+/g, " ");

/** The text view's cursor line: "›" in the first column, under the status line. */
function cursorLine(): string {
  const lines = frame().split("\n");
  const status = lines.findIndex((line) => /^(field \d+ of \d+ · place \d+ of \d+ · )?line \d+/.test(line));
  return lines.slice(status + 1).find((line) => line.startsWith("›")) ?? "";
}

/** Waits for the text view's cursor (the marked place's first line) to be on `line`. */
async function cursorOn(line: string) {
  await vi.waitFor(() => expect(cursorLine()).toBe(line), { timeout: 3000 });
}

function fits(columns: number, rows: number) {
  const lines = frame().split("\n");
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
}

/** Searches for `query`, moves to the row holding `title` and opens it. */
async function openDocument(
  query: string,
  title: string,
  size = { columns: 80, rows: 24 },
  source?: DataSource,
) {
  start(size, source);
  await see("of 28");
  await press("/", ...query, keys.enter);
  // The answer to this query (no "· …" still searching), not an earlier one's.
  await see(/of \d+ · relevance$/m);
  const selected = () =>
    frame()
      .split("\n")
      .find((line) => line.startsWith("›")) ?? "";
  for (let step = 0; step < 10 && !selected().includes(title); step++) {
    const before = frame();
    await press("j");
    await vi.waitFor(() => expect(frame()).not.toBe(before), { timeout: 3000 });
  }
  expect(selected()).toContain(title);
  await press(keys.enter);
  await see("Kind:");
}

describe("the source screen", () => {
  it("opens with s on the page text, the first field marked, and Tab / Shift+Tab / n move through fields", async () => {
    await openDocument("panel", "Armistice at Seventy");
    await press("s");
    await see("Source · armistice-panel.txt · read as test");
    await see("field 1 of 9 · place 1 of 1");
    expect(frame()).toMatch(/^› Title\s+“Armistice at Seventy: A Panel”/m);
    await cursorOn("› Armistice at Seventy: A Panel");
    fits(80, 24);

    // Down the page: summary, then the moderator's name, far below the first screen.
    await press(keys.tab, keys.tab, keys.tab);
    await see("field 4 of 9");
    expect(frame()).toMatch(/^› Summary\s+“Speakers weighed what seven decades of an “unfini/m);
    const drawn = instance!.frames.length;
    await press(keys.tab);
    await see("field 5 of 9 · place 1 of 2");
    expect(frame()).toMatch(/^› People 1, person, name\s+“Frank Aum”/m);
    await cursorOn("› Frank Aum, moderator");
    // No frame in between showed the new field over the old stretch of text.
    for (const shown of instance!.frames.slice(drawn).filter((text) => text.includes("field 5 of 9")))
      expect(shown).toContain("› Frank Aum, moderator");
    expect(frame()).not.toContain("Armistice at Seventy: A Panel\n");

    // The same field's second place: the byline at the end of the page.
    await press("n");
    await see("place 2 of 2");
    await cursorOn("› Related: Seventy Years After the Armistice, by Frank Aum");
    await press(shiftTab);
    await see("field 4 of 9 · place 1 of 1");
    // Shift+Tab from the first field wraps to the last: the word that ends the page.
    await press(shiftTab, shiftTab, shiftTab, shiftTab);
    await see("field 9 of 9");
    expect(frame()).toMatch(/^› Regions 1\s+“Korean Peninsula”/m);
    await cursorOn("› Filed under Korean Peninsula");
    fits(80, 24);

    await press(keys.escape);
    await see("Location: Washington, DC");
  });

  it("scrolls long pages with the page keys, and keeps the mark in view at a new width", async () => {
    await openDocument("panel", "Armistice at Seventy");
    await press("s");
    await see("field 1 of 9");
    await press("G");
    await see(/line (\d+) of \1$/m);
    await cursorOn("› Filed under Korean Peninsula");
    await press("g");
    await see(/line 1 of \d+/);
    await press(keys.tab, keys.tab, keys.tab, keys.tab);
    await see("field 5 of 9");
    instance!.stdout.emit("resize");
    Object.defineProperty(instance!.stdout, "columns", { value: 50, configurable: true });
    Object.defineProperty(instance!.stdout, "rows", { value: 14, configurable: true });
    instance!.stdout.emit("resize");
    await vi.waitFor(() => fits(50, 14));
    await cursorOn("› Frank Aum, moderator");
  });

  it("keeps a key pressed the moment the text is drawn, instead of jumping back to the first field", async () => {
    await openDocument("panel", "Armistice at Seventy");
    // G goes in right after the write of the first frame with the page text, before React's
    // scheduled (passive) effects of that render have run: as a quick user or a loaded machine can.
    const stdout = instance!.stdout;
    const write = stdout.write.bind(stdout);
    let pressed = false;
    stdout.write = (text: string) => {
      write(text);
      if (!pressed && text.includes("field 1 of 9")) {
        pressed = true;
        queueMicrotask(() => instance!.stdin.write("G"));
      }
    };
    await press("s");
    await vi.waitFor(() => expect(pressed).toBe(true), { timeout: 3000 });
    await cursorOn("› Filed under Korean Peninsula");
    // It stays there once everything scheduled has run.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frame()).toMatch(/line (\d+) of \1$/m);
  });

  it("opens the input with the most fields of a record read from two, and s switches to the other", async () => {
    await openDocument("seventy years", "Seventy Years After");
    await press("s");
    await see("Source 2 of 2 · seventy-years-after.txt");
    await see("field 1 of 3");
    expect(frame()).toContain("Monday, July 24, 2023");
    expect(frame()).toContain("s next source");
    await press("s");
    await see("Source 1 of 2 · armistice-panel.txt");
    await see("field 1 of 1");
    expect(frame()).toMatch(/^› Title\s+“Seventy Years After the Armistice”/m);
    await cursorOn("› Related: Seventy Years After the Armistice, by Frank Aum");
    await press("s");
    await see("Source 2 of 2");
  });

  it("says plainly when a record has no stored page text, instead of an empty screen", async () => {
    await openDocument("field briefing 1", "Field Briefing 1");
    await press("s");
    await see("No page text is stored for this record");
    expect(flat()).toContain(
      "Read from records/briefings.ndjson (application/x-ndjson): given as structured records, not page text.",
    );
    await press(keys.escape);
    await see("Kind:");
    await press(keys.escape, "/", keys.backspace, "2", keys.enter);
    await see("Field Briefing 2");
  });

  it("removes escape sequences from a stored page and still marks the characters each field came from", async () => {
    await openDocument("sequences", "Escape Sequences");
    await press("s");
    await see("field 1 of 2");
    const text = frame();
    expect(text).not.toContain("\u001b");
    expect(text).toMatch(/^› Date\s+“2022”/m);
    expect(text).toMatch(/^ {2}People 1, person, name\s+“Frank Aum”/m);
    expect(text).toContain("Red Alert Escape Sequences");
    await cursorOn("› 2022  by Frank Aum");
  });

  it("names what failed when the server stops answering", async () => {
    const stopped = new Error("The server stopped answering. Start it again, then retry.");
    const failing: DataSource = { ...library, documentWithSources: () => Promise.reject(stopped) };
    await openDocument("panel", "Armistice at Seventy", undefined, failing);
    await press("s");
    await vi.waitFor(() =>
      expect(flat()).toMatch(/Could not open the source of doc:[\w-]+: The server stopped answering/),
    );
    await press(keys.escape);
    await see("Location: Washington, DC");

    const textFails: DataSource = { ...library, source: () => Promise.reject(stopped) };
    instance?.unmount();
    await openDocument("panel", "Armistice at Seventy", undefined, textFails);
    await press("s");
    await vi.waitFor(() =>
      expect(flat()).toMatch(/Could not open the page text of doc:[\w-]+: The server stopped answering/),
    );
    expect(frame()).toContain("Source · armistice-panel.txt");
  });

  it("asks again on Enter when the source or its page text failed to load", async () => {
    let serverDown = true;
    const stopped = new Error("The server stopped answering; start it again.");
    const flaky: DataSource = {
      ...library,
      documentWithSources: (id) => (serverDown ? Promise.reject(stopped) : library.documentWithSources(id)),
    };
    await openDocument("panel", "Armistice at Seventy", undefined, flaky);
    await press("s");
    await see("Press Enter to try again, or Esc to go back.");
    serverDown = false;
    await press(keys.enter);
    await see("field 1 of");

    instance?.unmount();
    serverDown = true;
    const textFlaky: DataSource = {
      ...library,
      source: (id, hash) => (serverDown ? Promise.reject(stopped) : library.source(id, hash)),
    };
    await openDocument("panel", "Armistice at Seventy", undefined, textFlaky);
    await press("s");
    await see("Press Enter to try again, or Esc to go back.");
    serverDown = false;
    await press(keys.enter);
    await see("field 1 of");
  });
});
