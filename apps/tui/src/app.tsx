import { Box, type Key, useApp, useInput } from "ink";
import { type ReactNode, useCallback, useRef, useState } from "react";
import type { Clipboard } from "./clipboard.js";
import { DocumentScreen } from "./components/document-screen.js";
import { EntityScreen } from "./components/entity-screen.js";
import { HelpScreen, helpLayout } from "./components/help-screen.js";
import { SearchScreen } from "./components/search-screen.js";
import { SourceScreen } from "./components/source-screen.js";
import { StatusBar } from "./components/status-bar.js";
import type { DataSource } from "./data-source.js";
import { flattenPaste, splitBurst } from "./key-burst.js";
import { matches } from "./keymap.js";
import type { Target } from "./page-lines.js";
import { createScreenKeyStack, ScreenKeysContext } from "./screen-keys.js";
import { initialSearchState, searchReducer } from "./search-state.js";
import { createTheme, ThemeContext } from "./theme.js";
import { useSearchResults } from "./use-search-results.js";
import { useSyncReducer } from "./use-sync-reducer.js";
import { useTerminalSize } from "./use-terminal-size.js";

export interface AppProps {
  dataSource: DataSource;
  clipboard: Clipboard;
  noColor?: boolean;
  initialQuery?: string;
}

type HistoryEntry = { screen: "search" } | (Target & { key: number });

/**
 * The whole TUI: a history of screens (search at the bottom; documents and entities pushed on
 * Enter, a document's source text on s; popped on Esc), the help overlay, and the status bar. Search state lives here so it
 * survives a trip into a document and back.
 */
export function App({ dataSource, clipboard, noColor = false, initialQuery = "" }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  // One line short of the terminal: a frame as tall as the terminal makes Ink clear and redraw.
  const height = Math.max(6, rows - 1);
  const width = Math.max(20, columns);
  const bodyHeight = height - 1;
  const search = useSyncReducer(searchReducer, () => initialSearchState(initialQuery));
  const results = useSearchResults(dataSource, search.state);
  const [history, setHistory] = useState<HistoryEntry[]>([{ screen: "search" }]);
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
  const helpRef = useRef(false);
  helpRef.current = helpOpen;
  // Where the help starts, when a small terminal makes it scroll. A ref as well, for key bursts.
  const helpTop = useRef(0);
  const [, setHelpTop] = useState(0);

  const open = useCallback((target: Target) => {
    setMessage(undefined);
    setHistory((current) => [...current, { ...target, key: nextKey.current++ }]);
  }, []);

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
      setHistory([{ screen: "search" }]);
      search.dispatch({ type: "focus", focus: "input" });
    } else if (matches("back", input, key)) {
      setMessage(undefined);
      setHistory((current) => (current.length > 1 ? current.slice(0, -1) : current));
    } else if (matches("quit", input, key)) exit();
  };

  useInput((input, key) => {
    const typing = history[history.length - 1]?.screen === "search" && search.current().focus === "input";
    const burst = typing ? flattenPaste(input) : input;
    for (const [character, characterKey] of splitBurst(burst, key)) handleKey(character, characterKey);
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
        <Box flexDirection="column" width={width} height={height}>
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
