import { Box, type Key, Text, useApp, useInput, useStdin } from "ink";
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Clipboard } from "./clipboard.js";
import { DocumentScreen } from "./components/document-screen.js";
import { EntityScreen } from "./components/entity-screen.js";
import { HelpScreen, helpLayout } from "./components/help-screen.js";
import { SearchScreen } from "./components/search-screen.js";
import { SourceScreen } from "./components/source-screen.js";
import { StatusBar } from "./components/status-bar.js";
import type { DataSource } from "./data-source.js";
import { wrapText } from "./format.js";
import { flattenPaste, splitBurst, splitEscapePrefix } from "./key-burst.js";
import { matches } from "./keymap.js";
import type { Target } from "./page-lines.js";
import { createScreenKeyStack, ScreenKeysContext } from "./screen-keys.js";
import { initialSearchState, isChoosingHeading, type SearchStart, searchReducer } from "./search-state.js";
import { createTheme, ThemeContext } from "./theme.js";
import { useSearchResults } from "./use-search-results.js";
import { useSectionHeadings } from "./use-section-headings.js";
import { useSyncReducer } from "./use-sync-reducer.js";
import { useTerminalSize } from "./use-terminal-size.js";

export interface AppProps {
  dataSource: DataSource;
  clipboard: Clipboard;
  noColor?: boolean;
  initialQuery?: string;
  /** --advanced, --scope and --section from the command line. */
  initialOptions?: Omit<SearchStart, "text">;
}

/** The smallest terminal the screens fit: the width of a result row's kind and date, six lines. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 7;

/** What Ink hands useInput for the bracketed-paste markers ESC[200~ and ESC[201~. */
const PASTE_START = "[200~";
const PASTE_END = "[201~";

/** Pasted text for the one-line search box: a trailing line break dropped, the others spaces. */
function pastedText(text: string): string {
  return text.replace(/[\r\n]+$/, "").replace(/[\r\n\t]+/g, " ");
}

type HistoryEntry = { screen: "search" } | (Target & { key: number });

/**
 * The whole TUI: a history of screens (search at the bottom; documents and entities pushed on
 * Enter, a document's source text on s; popped on Esc), the help overlay, and the status bar. Search state lives here so it
 * survives a trip into a document and back.
 */
export function App({
  dataSource,
  clipboard,
  noColor = false,
  initialQuery = "",
  initialOptions = {},
}: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  // Below this the screens cannot be laid out; drawn anyway they run past the terminal's edges
  // and the terminal wraps and scrolls them into garbage. The screens stay mounted, hidden.
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // One line short of the terminal: a frame as tall as the terminal makes Ink clear and redraw.
  const height = Math.max(MIN_ROWS - 1, rows - 1);
  const width = Math.max(MIN_COLUMNS, columns);
  const bodyHeight = height - 1;
  const search = useSyncReducer(searchReducer, () =>
    initialSearchState({ ...initialOptions, text: initialQuery }),
  );
  const results = useSearchResults(dataSource, search.state);
  const headings = useSectionHeadings(
    dataSource,
    isChoosingHeading(search.state) ? search.state.sectionDraft.trim() : undefined,
  );
  const [history, setHistory] = useState<HistoryEntry[]>([{ screen: "search" }]);
  // The history as of the last key, for keys that come in one burst (a render may not have
  // happened between them), and the keys of a burst that follow a change of screen: they are for
  // the screen that is coming, whose key handler is in place only once it has been drawn.
  const historyNow = useRef(history);
  // `whole`: as Ink gave it (a burst, a paste), not yet split into keys.
  const heldKeys = useRef<{ input: string; key: Key; whole: boolean }[]>([]);
  const screenChanging = useRef(false);
  const changeHistory = useCallback((change: (current: HistoryEntry[]) => HistoryEntry[]) => {
    const next = change(historyNow.current);
    if (next === historyNow.current) return;
    historyNow.current = next;
    screenChanging.current = true;
    setHistory(next);
  }, []);
  const [helpOpen, setHelpOpen] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [screenKeys] = useState(createScreenKeyStack);
  const nextKey = useRef(1);
  // Cursor line per history entry, so Esc returns to the line a link was opened from.
  const places = useRef(new Map<number, number>());
  const placeFor = (entryKey: number) => ({
    initial: places.current.get(entryKey) ?? 0,
    remember: (line: number) => places.current.set(entryKey, line),
  });
  const pasting = useRef(false);
  const helpRef = useRef(false);
  helpRef.current = helpOpen;
  // Where the help starts, when a small terminal makes it scroll. A ref as well, for key bursts.
  const helpTop = useRef(0);
  const [, setHelpTop] = useState(0);

  const open = useCallback(
    (target: Target) => {
      setMessage(undefined);
      changeHistory((current) => [...current, { ...target, key: nextKey.current++ }]);
    },
    [changeHistory],
  );

  const handleKey = (input: string, key: Key) => {
    if (matches("forceQuit", input, key)) return exit();
    if (helpRef.current) {
      if (matches("help", input, key) || matches("back", input, key) || matches("quit", input, key)) {
        helpRef.current = false;
        setHelpOpen(false);
        return;
      }
      const { lastTop, shown } = helpLayout(width, bodyHeight);
      const by = matches("up", input, key)
        ? -1
        : matches("down", input, key)
          ? 1
          : matches("pageUp", input, key)
            ? -shown
            : matches("pageDown", input, key)
              ? shown
              : 0;
      helpTop.current = Math.max(0, Math.min(lastTop, helpTop.current + by));
      setHelpTop(helpTop.current);
      return;
    }
    if (screenKeys.handle(input, key)) return;
    if (matches("help", input, key)) {
      helpRef.current = true;
      helpTop.current = 0;
      setHelpTop(0);
      setHelpOpen(true);
    } else if (matches("focusSearch", input, key)) {
      changeHistory((current) => (current.length > 1 ? [{ screen: "search" }] : current));
      search.dispatch({ type: "focus", focus: "input" });
    } else if (matches("back", input, key)) {
      setMessage(undefined);
      changeHistory((current) => (current.length > 1 ? current.slice(0, -1) : current));
    } else if (matches("quit", input, key)) exit();
  };

  // Two Escs that arrive together ("\u001b\u001b") reach useInput as one Esc: Ink's key does not
  // say there were two. Its raw input does; this listener runs before useInput's and notes it.
  // (An internal of Ink's stdin context: should it go away, two Escs are one again, as before.)
  const { internal_eventEmitter: inputEvents } = useStdin();
  const doubleEscape = useRef(false);
  useEffect(() => {
    if (!inputEvents) return;
    const note = (data: string) => {
      doubleEscape.current = data === "\u001b\u001b";
    };
    inputEvents.prependListener("input", note);
    return () => {
      inputEvents.off("input", note);
    };
  }, [inputEvents]);

  useInput((input, key) => {
    const twice = key.escape && doubleEscape.current;
    doubleEscape.current = false;
    // Keys for screens that cannot be seen would act blind; quitting still works.
    if (tooSmall) {
      if (matches("forceQuit", input, key) || matches("quit", input, key)) exit();
      return;
    }
    const keys = splitEscapePrefix(input, key);
    for (const [oneInput, oneKey] of twice ? [...keys, ...keys] : keys) handleInput(oneInput, oneKey);
  });

  const handleInput = (input: string, key: Key) => {
    if (screenChanging.current) {
      heldKeys.current.push({ input, key, whole: true });
      return;
    }
    // In the search box or the heading box (h): printable keys and pastes are text there.
    const typing =
      historyNow.current[historyNow.current.length - 1]?.screen === "search" &&
      (search.current().focus === "input" || search.current().focus === "section");
    // A paste the terminal brackets (main.tsx turns bracketed paste on) is text, never keys: in the
    // search box it is typed whole, line breaks as spaces; anywhere else its letters would run as
    // commands ("q" quits), so it is set aside with a word on how to search for it.
    if (input === PASTE_START || input === PASTE_END) {
      pasting.current = input === PASTE_START;
      return;
    }
    if (pasting.current) {
      if (typing) search.dispatch({ type: "append", text: pastedText(input) });
      else setMessage("To search for pasted text, press / first, then paste.");
      return;
    }
    const burst = typing ? flattenPaste(input) : input;
    for (const [character, characterKey] of splitBurst(burst, key)) {
      if (screenChanging.current)
        heldKeys.current.push({ input: character, key: characterKey, whole: false });
      else handleKey(character, characterKey);
    }
  };

  // After each drawn frame: the new screen's handler is in place (children's layout effects run
  // before this one), so the keys held for it are handled now, in the order they came.
  useLayoutEffect(() => {
    screenChanging.current = false;
    const held = heldKeys.current.splice(0);
    for (const item of held) {
      if (screenChanging.current) heldKeys.current.push(item);
      else if (item.whole) handleInput(item.input, item.key);
      else handleKey(item.input, item.key);
    }
  });

  const top = history[history.length - 1]!;
  let body: ReactNode;
  if (top.screen === "search")
    body = (
      <SearchScreen
        state={search.state}
        current={search.current}
        dispatch={search.dispatch}
        results={results}
        headings={headings}
        width={width}
        height={bodyHeight}
        onOpen={open}
      />
    );
  else if (top.screen === "document")
    body = (
      <DocumentScreen
        key={top.key}
        id={top.id}
        cursor={placeFor(top.key)}
        dataSource={dataSource}
        clipboard={clipboard}
        width={width}
        height={bodyHeight}
        onOpen={open}
        onMessage={setMessage}
      />
    );
  else if (top.screen === "source")
    body = (
      <SourceScreen key={top.key} id={top.id} dataSource={dataSource} width={width} height={bodyHeight} />
    );
  else
    body = (
      <EntityScreen
        key={top.key}
        id={top.id}
        cursor={placeFor(top.key)}
        dataSource={dataSource}
        width={width}
        height={bodyHeight}
        onOpen={open}
      />
    );

  return (
    <ThemeContext.Provider value={createTheme({ noColor })}>
      <ScreenKeysContext.Provider value={screenKeys}>
        {tooSmall ? <TooSmall columns={columns} rows={rows} /> : null}
        <Box flexDirection="column" width={width} height={height} display={tooSmall ? "none" : "flex"}>
          {/* The screen stays mounted under the help, so closing it keeps the place. */}
          <Box height={bodyHeight} flexDirection="column" display={helpOpen ? "none" : "flex"}>
            {body}
          </Box>
          {helpOpen ? <HelpScreen width={width} height={bodyHeight} top={helpTop.current} /> : null}
          <StatusBar
            source={dataSource.label}
            inProcess={dataSource.mode === "in-process"}
            message={message}
            width={width}
          />
        </Box>
      </ScreenKeysContext.Provider>
    </ThemeContext.Provider>
  );
}

/** In place of the screens on a terminal too small for them: what is wrong and what to do. */
function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const lines = wrapText(
    `Terminal too small (${columns}x${rows}). Make it at least ${MIN_COLUMNS}x${MIN_ROWS}, or press q to quit.`,
    Math.max(1, columns),
  ).slice(0, Math.max(1, rows - 1));
  return (
    <Box flexDirection="column" width={Math.max(1, columns)}>
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
