import { render } from "ink-testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App, type AppProps } from "./app.js";
import type { DataSource } from "./data-source.js";
import { helpSections } from "./keymap.js";
import { createRecordingClipboard, createTestLibrary, ids, keys } from "./test-support/test-library.js";

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

function start(
  options: {
    clipboard?: ReturnType<typeof createRecordingClipboard>;
    size?: { columns: number; rows: number };
    dataSource?: DataSource;
    initialQuery?: string;
    initialOptions?: AppProps["initialOptions"];
  } = {},
) {
  const clipboard = options.clipboard ?? createRecordingClipboard();
  instance = render(
    <App
      dataSource={options.dataSource ?? library}
      clipboard={clipboard}
      initialQuery={options.initialQuery}
      initialOptions={options.initialOptions}
    />,
  );
  if (options.size) resize(options.size.columns, options.size.rows);
  return { ...instance, clipboard };
}

function resize(columns: number, rows: number) {
  const stdout = instance!.stdout;
  Object.defineProperty(stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(stdout, "rows", { value: rows, configurable: true });
  stdout.emit("resize");
}

const frame = () => instance?.lastFrame() ?? "";

/** Writes keys one at a time, waiting for each to change nothing but what it should. */
async function press(...sequence: string[]) {
  for (const key of sequence) {
    instance!.stdin.write(key);
    // Ink reads stdin on the next tick; the frames after are what the user sees.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Presses "j" until `reached` holds for the frame. Each press waits for the frame to change, so a
 * slow render on a loaded machine cannot make the loop press again and overshoot the row.
 */
async function moveDownUntil(reached: (frame: string) => boolean, what: string) {
  for (let step = 0; step < 30; step++) {
    if (reached(frame())) return;
    const before = frame();
    await press("j");
    await vi.waitFor(() => expect(frame()).not.toBe(before), { timeout: 3000 });
  }
  throw new Error(`never reached ${what}:\n${frame()}`);
}

/** Moves down the list until the selected row (marked "›") holds `text`. */
async function selectRow(text: string) {
  await moveDownUntil(
    (current) =>
      current
        .split("\n")
        .find((line) => line.startsWith("›"))
        ?.includes(text) ?? false,
    `a selected row holding "${text}"`,
  );
}

async function see(text: string | RegExp) {
  await vi.waitFor(() => expect(frame()).toMatch(text), { timeout: 3000 });
}

/** Opens the test library's one panel, a long page, in an 80x24 terminal. */
async function openPanelAt80x24() {
  start({ size: { columns: 80, rows: 24 } });
  await see("of 28");
  await press("/", ..."panel", keys.enter);
  await see(/1–1 of 1/);
  await press(keys.enter);
  await see("Location: Washington, DC");
}

describe("the search screen", () => {
  it("opens on the newest records with kind, date, title and people, and says it runs in-process", async () => {
    start();
    await see("1–20 of 28 · newest");
    const lines = frame().split("\n");
    const panel = lines.find((line) => line.includes("Armistice at Seventy"))!;
    expect(panel).toMatch(/event\s+2023-07-27\s+Armistice at Seventy: A Panel\s+Frank Aum, Joseph Yun/);
    expect(frame()).toContain("in-process test library");
    // Newest first: the panel (July 27) above the analysis (July 24).
    expect(frame().indexOf("Armistice at Seventy")).toBeLessThan(frame().indexOf("Seventy Years After"));
  });

  it("searches as you type after / and keeps the query when coming back from a document", async () => {
    start();
    await see("of 28");
    await press("/", ..."armistice");
    await see(/Search\s+armistice/);
    await see(/of 2 · relevance/);
    expect(frame()).not.toContain("Field Briefing");
    await press(keys.enter);
    await see("› ");
    await press("j", keys.enter);
    await see("Kind:");
    await press(keys.escape);
    await see(/of 2 · relevance/);
    expect(frame()).toMatch(/Search\s+armistice/);
  });

  it("shows the selected result's snippet under the list, and the next one's when the cursor moves", async () => {
    const { hits } = await library.search({ text: "armistice", limit: 20 });
    const snippetStart = (index: number) =>
      (hits[index]?.snippet ?? [])
        .map((run) => run.text)
        .join("")
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 30);
    expect(hits.length).toBe(2);
    start();
    await see("of 28");
    await press("/", ..."armistice", keys.enter);
    await see(/of 2 · relevance/);
    await see(snippetStart(0));
    await press("j");
    await see(snippetStart(1));
    // A short terminal keeps every line for the list.
    resize(80, 10);
    await vi.waitFor(() => expect(frame()).not.toContain(snippetStart(1)), { timeout: 3000 });
  });

  it("takes a pasted text with line breaks into the search box whole, instead of running its letters as keys", async () => {
    start();
    await see("of 28");
    await press("/");
    // One write is one burst, as a terminal delivers a paste.
    instance!.stdin.write("armistice\nquestions");
    await see(/Search\s+armistice questions/);
    expect(frame()).toContain("▏"); // still typing: the break was not Enter, and "q" did not quit
  });

  it("types a bracketed paste into the search box whole, its line breaks as spaces", async () => {
    start();
    await see("of 28");
    await press("/");
    // As a terminal sends a paste once the app has turned bracketed paste on.
    await press("\u001b[200~", "armistice\r\nquestions\n", "\u001b[201~");
    await see(/Search\s+armistice questions▏/);
  });

  it("does not run a paste outside the search box as keys, and says where pasted text goes", async () => {
    start();
    await see("1–20 of 28");
    await press("\u001b[200~", "jjq", "\u001b[201~");
    await see("To search for pasted text, press / first, then paste.");
    // Not moved by the j's, not quit by the q: the app still takes keys.
    expect(
      frame()
        .split("\n")
        .find((line) => line.startsWith("›")),
    ).toContain("Armistice at Seventy: A Panel");
    await press("j");
    await vi.waitFor(() =>
      expect(
        frame()
          .split("\n")
          .find((line) => line.startsWith("›")),
      ).not.toContain("Armistice at Seventy: A Panel"),
    );
  });

  it("keeps the end of a query longer than the search box in view while typing, spaces included", async () => {
    start({ size: { columns: 40, rows: 12 } });
    await see("of 28");
    await press("/", ..."armistice panel questions about the ceasefire ");
    await see(/….*the ceasefire ▏/);
    await press(..."line");
    await see(/….*ceasefire line▏/);
    for (const line of frame().split("\n")) expect([...line].length).toBeLessThanOrEqual(40);
  });

  it("names more of a record's people in a wide terminal instead of counting them", async () => {
    const speakers = ["Ingrid Solberg", "Layla Haddad-Monroe", "Olena Marchenko"].map((name) => ({
      id: `person:${name.toLowerCase().replace(/\W+/g, "-")}`,
      name,
      role: "speaker" as const,
    }));
    const crowded: DataSource = {
      ...library,
      search: async (query) => {
        const result = await library.search(query);
        const hits = result.hits.map((hit) =>
          hit.document.title.startsWith("Armistice at Seventy")
            ? { ...hit, document: { ...hit.document, people: [...hit.document.people, ...speakers] } }
            : hit,
        );
        return { ...result, hits };
      },
    };
    start({ dataSource: crowded, size: { columns: 160, rows: 30 } });
    await see("1–20 of 28");
    expect(frame()).toContain("Frank Aum, Joseph Yun, Ingrid Solberg +2");
    for (const line of frame().split("\n")) expect([...line].length).toBeLessThanOrEqual(160);
  });

  it("pages forward and back with n and p", async () => {
    start();
    await see("1–20 of 28");
    await press("n");
    await see("21–28 of 28");
    expect(frame()).toContain("Field Briefing");
    await press("p");
    await see("1–20 of 28");
  });

  it("toggles a filter from the facet panel and shows it", async () => {
    start();
    await see("of 28");
    await press("f");
    await see("[ ]   2 Nuclear Security");
    // Move down to the Nuclear Security value, whichever row it is on.
    await moveDownUntil(
      (current) => /›\[ \]\s+2 Nuclear Security/.test(current.replace(/› /g, "›")),
      "the Nuclear Security value",
    );
    await press(" ");
    await see("topic: Nuclear Security");
    await see(/1–2 of 2/);
    await press("x");
    await see("1–20 of 28");
  });

  it("explains an empty result instead of showing nothing", async () => {
    start();
    await see("of 28");
    await press("/", ..."zzzqqq");
    await see("No records match. Try fewer or other words.");
    // No filter is on, so the advice does not send the user to clear them.
    expect(frame()).not.toContain("filters");
  });

  it("shows no rows under a failed search, so Enter cannot open an answer to an older query", async () => {
    const failing: DataSource = {
      ...library,
      search: (query) =>
        query.text ? Promise.reject(new Error("The server stopped answering.")) : library.search(query),
    };
    start({ dataSource: failing });
    await see("1–20 of 28");
    await press("/", ..."armistice", keys.enter);
    await see("Search failed (Enter to try again): The server stopped answering.");
    expect(frame()).not.toContain("Field Briefing");
    await press(keys.enter);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frame()).not.toContain("Kind:");
    expect(frame()).toContain("Search failed");
  });

  it("asks again on Enter after a failed search, once the server answers again", async () => {
    let serverDown = true;
    const flaky: DataSource = {
      ...library,
      search: (query) =>
        serverDown && query.text
          ? Promise.reject(new Error("The server stopped answering; start it again."))
          : library.search(query),
    };
    start({ dataSource: flaky });
    await see("1–20 of 28");
    await press("/", ..."armistice", keys.enter);
    await see("Search failed (Enter to try again): The server stopped answering; start it again.");
    serverDown = false;
    await press(keys.enter);
    await see(/1–2 of 2 · relevance/);
  });

  it("names the facet of the values shown when its heading has scrolled away, and jumps with G and g", async () => {
    start({ size: { columns: 80, rows: 16 } });
    await see("1–20 of 28");
    await press("f");
    await see(/›\[ \]\s+\d+ \w/);
    await moveDownUntil((current) => current.includes("(continued)"), "a facet heading scrolled away");
    await press("G");
    await see(/›\[ \]\s+\d+ 2010/);
    await press("g");
    await see(/›\[ \]\s+\d+ publication/);
    expect(frame()).not.toContain("(continued)");
  });
});

describe("the document and entity views", () => {
  it("shows every field, opens a person by its link, and Esc walks back through the history", async () => {
    start();
    await see("of 28");
    await press("/", ..."panel", keys.enter);
    await see(/1–1 of 1/);
    await press(keys.enter);
    await see("Location: Washington, DC");
    expect(frame()).toContain("Date: 2023-07-27");
    expect(frame()).toContain("→ Ambassador Joseph Yun: speaker");
    expect(frame()).toContain(
      "→ Frank Aum: moderator; Senior Expert, Korea; United States Institute of Peace",
    );
    await press(keys.tab);
    await see(/› → Frank Aum: moderator/);
    await press(keys.enter);
    await see("Also written: Frank A. Aum");
    expect(frame()).toMatch(/→ event 2023-07-27\s+Armistice at Seventy: A Panel \(moderator\)/);
    await press(keys.escape);
    await see("Location: Washington, DC");
    // Back on the line the person was opened from.
    expect(frame()).toMatch(/› → Frank Aum: moderator/);
    await press(keys.escape);
    await see(/1–1 of 1/);
  });

  it("opens a document that failed to load on Enter, once the server answers again", async () => {
    let serverDown = true;
    const flaky: DataSource = {
      ...library,
      document: (id) =>
        serverDown
          ? Promise.reject(new Error("The server stopped answering; start it again."))
          : library.document(id),
    };
    start({ dataSource: flaky });
    await see("of 28");
    await press("/", ..."panel", keys.enter);
    await see(/1–1 of 1/);
    await press(keys.enter);
    await see("Press Enter to try again, or Esc to go back.");
    expect(frame()).toMatch(/Could not open doc:[\w-]+: The server stopped answering/);
    serverDown = false;
    await press(keys.enter);
    await see("Location: Washington, DC");
  });

  it("opens a person that failed to load on Enter, once the server answers again", async () => {
    let serverDown = true;
    const flaky: DataSource = {
      ...library,
      entity: (id) =>
        serverDown
          ? Promise.reject(new Error("The server stopped answering; start it again."))
          : library.entity(id),
    };
    start({ dataSource: flaky });
    await see("of 28");
    await press("/", ..."panel", keys.enter);
    await see(/1–1 of 1/);
    await press(keys.enter);
    await see("Location: Washington, DC");
    await press(keys.tab, keys.enter);
    await see("Press Enter to try again, or Esc to go back.");
    serverDown = false;
    await press(keys.enter);
    await see("Also written: Frank A. Aum");
  });

  it("counts one document in the singular on a person's page", async () => {
    expect((await library.entity(ids.yun)).documentCount).toBe(1);
    start();
    await see("of 28");
    await press("/", ..."panel", keys.enter);
    await see(/1–1 of 1/);
    await press(keys.enter);
    await see("Location: Washington, DC");
    await press(keys.tab, keys.tab, keys.enter);
    await see("Joseph Yun");
    await see("person · 1 document · line 1 of");
  });

  it("goes back and moves on when Esc and a key arrive together, instead of losing both", async () => {
    start();
    await see("of 28");
    await press("/", ..."armistice", keys.enter);
    await see(/1–2 of 2 · relevance/);
    const first = frame()
      .split("\n")
      .find((line) => line.startsWith("›"))!;
    await press(keys.enter);
    await see("Kind:");
    // One write, as a terminal delivers Esc then j typed quickly: to Ink, Alt+j.
    instance!.stdin.write("\u001bj");
    await see(/1–2 of 2 · relevance/);
    await vi.waitFor(() => {
      const selected = frame()
        .split("\n")
        .find((line) => line.startsWith("›"));
      expect(selected).toBeDefined();
      expect(selected).not.toBe(first);
    });
  });

  it("goes back twice for two Escs that arrive together", async () => {
    start();
    await see("of 28");
    await press("/", ..."panel", keys.enter);
    await see(/1–1 of 1/);
    await press(keys.enter);
    await see("Location: Washington, DC");
    await press(keys.tab, keys.enter);
    await see("Also written: Frank A. Aum");
    instance!.stdin.write("\u001b\u001b");
    await see(/1–1 of 1/);
  });

  it("scrolls a long page to its last lines with PgDn", async () => {
    await openPanelAt80x24();
    expect(frame()).not.toContain("A second paragraph");
    await press("\u001b[6~", "\u001b[6~");
    await see("A second paragraph about the ceasefire line.");
  });

  it("shows escape sequences from a page as inert text", async () => {
    start();
    await see("of 28");
    await press("/", ..."sequences", keys.enter);
    await see(/1–1 of 1/);
    expect(frame()).toContain("Red Alert Escape Sequences");
    await press(keys.enter);
    await see("Red Alert Escape Sequences");
    await see("Clearscreen and title");
    const text = frame();
    expect(text).not.toContain("\u001b]");
    expect(text).not.toContain("\u0007");
    expect(text).not.toContain("ZXZpbA==");
    expect(text).not.toMatch(/\u001b\[(2J|H|31m)/);
  });

  it("cites a document: pick a format, see it, copy it", async () => {
    const { clipboard } = start();
    await see("of 28");
    await press("/", ..."seventy years", keys.enter);
    await see(/1–1 of 1/);
    await selectRow("Seventy Years After");
    await press(keys.enter);
    await see("Kind: publication, analysis");
    await press("c");
    await see("› BibTeX");
    await see(/@\w+\{/);
    await press(keys.enter);
    await see("BibTeX copied to the clipboard (OSC 52)");
    expect(clipboard.copied[0]).toMatch(/^@\w+\{/);
    expect(clipboard.copied[0]).toContain("Aum, Frank");
    await press("j");
    await see("› RIS");
    await see("TY  -");
    await press(keys.escape);
    await see("Kind: publication, analysis");
    // The page has its keys back: Tab goes to its first link.
    await press(keys.tab);
    await see(/› → Frank Aum: author/);
  });

  it("says so when Enter comes before the citation is ready, instead of doing nothing", async () => {
    const slow: DataSource = { ...library, cite: () => new Promise<string>(() => {}) };
    start({ dataSource: slow });
    await see("of 28");
    await press("/", ..."seventy years", keys.enter);
    await see(/1–1 of 1/);
    await press(keys.enter);
    await see("Kind: publication, analysis");
    await press("c");
    await see("› BibTeX");
    await press(keys.enter);
    await see("BibTeX is still being prepared; press Enter again when it shows.");
  });

  it("goes to the last line of a page with G (End) and back to the first with g (Home)", async () => {
    await openPanelAt80x24();
    expect(frame()).not.toContain("Where this came from");
    await press("G");
    await see(/line (\d+) of \1/);
    await press("\u001b[H");
    await see(/› Armistice at Seventy/);
  });

  it("says a citation will be printed when the terminal has no clipboard", async () => {
    start({ clipboard: createRecordingClipboard(false) });
    await see("of 28");
    await press("/", ..."seventy years", keys.enter);
    await see(/1–1 of 1/);
    await selectRow("Seventy Years After");
    await press(keys.enter);
    await see("Kind: publication");
    await press("c");
    await see(/@\w+\{/);
    await press(keys.enter);
    await see("no clipboard here; it will be printed when you quit");
  });
});

/** The search line: the first line of the frame. */
const searchLine = () => frame().split("\n")[0] ?? "";

describe("advanced syntax and where to search", () => {
  it("switches advanced syntax on and off with a on the results, and says so on the search line", async () => {
    start();
    await see("of 28");
    await press("/", ..."armistice -panel", keys.enter);
    // Plain words: "-panel" is the word panel, so the panel is what matches.
    await see(/1–1 of 1 · relevance/);
    expect(frame()).toContain("Armistice at Seventy: A Panel");
    expect(searchLine()).not.toContain("advanced");
    await press("a");
    await see("Seventy Years After the Armistice");
    expect(searchLine()).toMatch(/Search advanced\s+armistice -panel/);
    expect(frame()).not.toContain("Armistice at Seventy: A Panel");
    await press("a");
    await see("Armistice at Seventy: A Panel");
    expect(searchLine()).not.toContain("advanced");
  });

  it("says on the results screen when the text was not valid advanced syntax and was searched as written", async () => {
    start({ size: { columns: 80, rows: 24 } });
    await see("of 28");
    await press("/", ...'"armistice', keys.enter, "a");
    await see("Not valid advanced syntax: searched the words as written (? shows the syntax).");
    await see(/1–2 of 2/);
    // Closing the quote makes it valid: the notice goes.
    await press("/", '"', keys.enter);
    await vi.waitFor(() => expect(frame()).not.toContain("Not valid advanced syntax"), { timeout: 3000 });
  });

  it("searches titles only with t, says so, and explains an empty answer", async () => {
    start();
    await see("of 28");
    await press("/", ..."aum", keys.enter);
    await see(/1–3 of 3/);
    await press("t");
    await see("No titles match. t searches everywhere.");
    expect(searchLine()).toMatch(/Search titles\s+aum/);
    await press("t");
    await see(/1–3 of 3/);
    expect(searchLine()).not.toContain("titles");
  });

  it("searches under a section heading typed after h, its letters text, and Esc leaves it as it was", async () => {
    start();
    await see("of 28");
    await press("/", ..."ceasefire", keys.enter);
    await see(/1–1 of 1/);
    await press("h");
    await see("Heading  ▏");
    await see("Enter: search under this heading");
    // t, h, a, q and ? are keys on the results; in the heading box they are letters.
    await press(..."Speakers q?", keys.enter);
    await see('Search in "Speakers q?"');
    await see("Nothing matches under that heading.");
    await press("h");
    await see("Heading  Speakers q?▏");
    await press("\u0015", ..."About the event", keys.enter);
    await see('Search in "About the event"');
    await see(/1–1 of 1/);
    // Esc in the box changes nothing.
    await press("h", ..."Other", keys.escape);
    await see('Search in "About the event"');
    expect(frame()).toMatch(/1–1 of 1/);
    // An empty heading searches everywhere again.
    await press("h", "\u0015", keys.enter);
    await vi.waitFor(() => expect(searchLine()).not.toContain("About the event"), { timeout: 3000 });
    await see(/1–1 of 1/);
  });

  it("keeps advanced syntax and titles only when coming back from a document", async () => {
    start();
    await see("of 28");
    await press("/", ..."armistice", keys.enter);
    await see(/1–2 of 2/);
    await press("a", "t");
    await see(/Search advanced · titles\s+armistice/);
    // Enter opens a row only once the rows answer the new question (no "· …" after the sort).
    await see(/1–2 of 2 · relevance\n/);
    await press(keys.enter);
    await see("Kind:");
    await press(keys.escape);
    await see(/1–2 of 2/);
    expect(searchLine()).toMatch(/Search advanced · titles\s+armistice/);
    // / from a document goes back to the same search, options and all.
    await press(keys.enter);
    await see("Kind:");
    await press("/");
    await see(/Search advanced · titles\s+armistice▏/);
  });

  it("offers the library's headings after h, by documents, narrowed as a heading is typed, to search under", async () => {
    start({ size: { columns: 80, rows: 24 } });
    await see("of 28");
    await press("/", ..."channels", keys.enter);
    await see(/1–12 of 12/);
    await press("h");
    // Every heading with its documents, most first, in place of the results.
    await see(/^ {2}12 {2}Key Findings\s*\n {3}4 {2}Recommendations\s*\n {3}1 {2}About the event/m);
    expect(frame()).not.toContain("Field Briefing");
    // Typed in any case, the list keeps the headings that start with it.
    await press(..."rE");
    await vi.waitFor(() => expect(frame()).not.toContain("Key Findings"), { timeout: 3000 });
    expect(frame()).toMatch(/^ {2}4 {2}Recommendations/m);
    await press(keys.backspace, keys.backspace, ..."zz");
    await see('No heading of the library starts with "zz".');
    // ↓ goes down to the list (not while it is empty), Enter searches under the heading chosen.
    await press(keys.down);
    expect(frame()).toContain("Heading  zz▏");
    await press(keys.backspace, keys.backspace);
    await see(/^ {2}12 {2}Key Findings/m);
    await press(keys.down);
    await see(/^› 12 {2}Key Findings/m);
    await press("j");
    await see(/^› {2}4 {2}Recommendations/m);
    // ↑ from the first heading is back in the box, its text as it was.
    await press("k", keys.up);
    await see("Heading  ▏");
    await press(keys.down, "j", keys.enter);
    await see('Search in "Recommendations"');
    await see(/1–4 of 4/);
  });

  it("searches under a typed heading when the library's headings cannot be listed", async () => {
    const stopped = new Error("fetch failed");
    start({ dataSource: { ...library, sectionHeadings: () => Promise.reject(stopped) } });
    await see("of 28");
    await press("/", ..."channels", keys.enter);
    await see(/1–12 of 12/);
    await press("h");
    await see("Could not list the library's headings (fetch failed); a typed heading still searches.");
    await press(keys.down, ..."Recommendations", keys.enter);
    await see('Search in "Recommendations"');
    await see(/1–4 of 4/);
  });

  it("starts with the command line's --advanced and --section", async () => {
    start({ initialQuery: "ceasefire", initialOptions: { mode: "advanced", section: "About the event" } });
    await see(/1–1 of 1/);
    expect(searchLine()).toMatch(/Search advanced · in "About the event"\s+ceasefire/);
  });

  it("fits 80x24 and 40x12 with every option on and the heading box open", async () => {
    const fits = (columns: number, rows: number) => {
      const lines = frame().split("\n");
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
    };
    start({
      size: { columns: 40, rows: 12 },
      initialQuery: '"ceasefire',
      initialOptions: { mode: "advanced", section: "About the event, the long heading of a long page" },
    });
    await see("Bad syntax: searched words as written");
    fits(40, 12);
    expect(searchLine()).toContain('Search advanced · in "About the…"');
    await press("h");
    await see("↓ headings · Enter: search · Esc: cancel");
    fits(40, 12);
    // Down to the library's headings (all of them once the box is empty), in place of the results.
    await press("\u0015");
    await see(/12 {2}Key Findings/);
    await press(keys.down);
    await see("Enter: search under it · Esc: typing");
    await see(/^› 12 {2}Key Findings/m);
    fits(40, 12);
    resize(80, 24);
    await see("Enter: search under this heading · ↑ at the top or Esc: back to typing");
    fits(80, 24);
    await press(keys.escape);
    await see("↓ headings · Enter: search under this heading · empty: everywhere · Esc: cancel");
    fits(80, 24);
    await press(keys.escape);
    await see("Not valid advanced syntax: searched the words as written (? shows the syntax).");
    fits(80, 24);
  });
});

describe("keys, help and size", () => {
  it("? shows help generated from the keymap, and ? closes it again", async () => {
    start();
    await see("of 28");
    await press("?");
    await see("Keys (? or Esc to close)");
    for (const section of helpSections()) expect(frame()).toContain(section.scope);
    expect(frame()).toContain("go to the search box");
    expect(frame()).toContain("next page of results");
    // The keys for advanced syntax and titles, and the syntax itself.
    expect(frame()).toContain("advanced syntax on/off:");
    expect(frame()).toContain('"a b"  word*  a OR b  -word');
    expect(frame()).toContain("titles only on/off");
    expect(frame()).toContain("in one section (heading)");
    await press("?");
    await see("1–20 of 28");
  });

  it("scrolls the help on a terminal too small for it, inside the screen", async () => {
    start({ size: { columns: 60, rows: 16 } });
    await see("1–20 of 28");
    await press("?");
    await see(/more keys \(lines 1–\d+ of \d+\)/);
    const fits = () => {
      const lines = frame().split("\n");
      expect(lines.length).toBeLessThanOrEqual(15);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    };
    fits();
    expect(frame()).not.toContain("copy (OSC 52)");
    await press("\u001b[6~", "\u001b[6~", "\u001b[6~");
    await see("copy (OSC 52) or print");
    fits();
    expect(frame()).toContain("next source page");
    await press(keys.escape);
    await see("1–20 of 28");
  });

  it("types q and ? into the search box instead of quitting", async () => {
    start();
    await see("of 28");
    await press("/", "q", "?");
    await see(/Search\s+q\?/);
    await press(keys.backspace, keys.backspace);
    await see("1–20 of 28 · newest");
  });

  it("says the terminal is too small instead of drawing past its edges, and comes back when it grows", async () => {
    start({ size: { columns: 80, rows: 24 } });
    await see("1–20 of 28");
    resize(16, 5);
    await see(/Terminal too\s+small \(16x5\)/);
    const lines = frame().split("\n");
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(16);
    expect(frame()).not.toContain("1–20 of 28");
    // Keys for the hidden screens do nothing blind: the selection is where it was.
    await press("j", "j");
    resize(80, 24);
    await see("1–20 of 28");
    expect(
      frame()
        .split("\n")
        .find((line) => line.startsWith("›")),
    ).toContain("Armistice at Seventy: A Panel");
  });

  it("keeps the library's file name in view when the status bar is too narrow for its whole path", async () => {
    const far: DataSource = {
      ...library,
      label: "in-process (no server at http://127.0.0.1:4000) · /home/analyst/projects/peace/library.db",
    };
    start({ dataSource: far, size: { columns: 80, rows: 24 } });
    await see("1–20 of 28");
    const status = frame().split("\n").at(-1)!;
    expect(status).toContain("in-process");
    expect(status).toContain("/library.db");
    expect([...status].length).toBeLessThanOrEqual(80);
  });

  it("fits 80x24 and redraws to a new size", async () => {
    start({ size: { columns: 80, rows: 24 } });
    await see("1–20 of 28");
    const fits = (columns: number, rows: number) => {
      const lines = frame().split("\n");
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
    };
    fits(80, 24);
    expect(frame()).toContain("? help · q quit");
    resize(60, 16);
    await vi.waitFor(() => fits(60, 16));
    expect(frame()).toContain("? help · q quit");
  });
});
