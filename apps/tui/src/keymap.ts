import type { Key } from "ink";

/**
 * Every key binding of the TUI, in one place. Components ask `matches(action, input, key)`;
 * the help screen (`?`) is generated from this list, so it cannot drift from what the keys do.
 */

export type Scope =
  | "everywhere"
  | "lists and pages"
  | "search box"
  | "results"
  | "filters"
  | "page"
  | "source text"
  | "citation";

/** One physical key: a printable character, or a named key from Ink's `Key`, optionally with Ctrl. */
interface KeyChord {
  input?: string;
  named?: keyof Pick<
    Key,
    | "upArrow"
    | "downArrow"
    | "leftArrow"
    | "rightArrow"
    | "pageUp"
    | "pageDown"
    | "return"
    | "escape"
    | "tab"
    | "home"
    | "end"
    | "backspace"
    | "delete"
  >;
  ctrl?: boolean;
  shift?: boolean;
}

interface Binding {
  action: string;
  scope: Scope;
  /** How the keys read in the help screen. */
  label: string;
  description: string;
  /** Lines the help screen shows under the binding, indented. */
  details?: readonly string[];
  chords: KeyChord[];
}

export const bindings = [
  {
    action: "help",
    scope: "everywhere",
    label: "?",
    description: "show or hide this help",
    chords: [{ input: "?" }],
  },
  {
    action: "focusSearch",
    scope: "everywhere",
    label: "/",
    description: "go to the search box",
    chords: [{ input: "/" }],
  },
  {
    action: "back",
    scope: "everywhere",
    label: "Esc",
    description: "go back",
    chords: [{ named: "escape" }],
  },
  {
    action: "quit",
    scope: "everywhere",
    label: "q  Ctrl+C",
    description: "quit (not while typing)",
    chords: [{ input: "q" }],
  },
  {
    action: "forceQuit",
    scope: "everywhere",
    label: "Ctrl+C",
    description: "quit from anywhere",
    chords: [{ input: "c", ctrl: true }],
  },
  {
    action: "up",
    scope: "lists and pages",
    label: "↑  k",
    description: "move up",
    chords: [{ named: "upArrow" }, { input: "k" }],
  },
  {
    action: "down",
    scope: "lists and pages",
    label: "↓  j",
    description: "move down",
    chords: [{ named: "downArrow" }, { input: "j" }],
  },
  {
    action: "pageUp",
    scope: "lists and pages",
    label: "PgUp  Ctrl+U",
    description: "up a screen",
    chords: [{ named: "pageUp" }, { input: "u", ctrl: true }],
  },
  {
    action: "pageDown",
    scope: "lists and pages",
    label: "PgDn  Ctrl+D",
    description: "down a screen",
    chords: [{ named: "pageDown" }, { input: "d", ctrl: true }],
  },
  {
    action: "top",
    scope: "lists and pages",
    label: "Home  g",
    description: "to the first line",
    chords: [{ named: "home" }, { input: "g" }],
  },
  {
    action: "bottom",
    scope: "lists and pages",
    label: "End  G",
    description: "to the last line",
    chords: [{ named: "end" }, { input: "G" }],
  },
  {
    action: "open",
    scope: "lists and pages",
    label: "Enter",
    description: "open the selection",
    chords: [{ named: "return" }],
  },
  {
    action: "nextPage",
    scope: "results",
    label: "n  ]",
    description: "next page of results",
    chords: [{ input: "n" }, { input: "]" }],
  },
  {
    action: "previousPage",
    scope: "results",
    label: "p  [",
    description: "previous page of results",
    chords: [{ input: "p" }, { input: "[" }],
  },
  {
    action: "sort",
    scope: "results",
    label: "s",
    description: "sort: relevance/newest/…",
    chords: [{ input: "s" }],
  },
  {
    action: "filters",
    scope: "results",
    label: "f  Tab",
    description: "filters (facet panel)",
    chords: [{ input: "f" }, { named: "tab" }],
  },
  {
    action: "advanced",
    scope: "results",
    label: "a",
    description: "advanced syntax on/off:",
    // The syntax itself, under the key that turns it on (80x24 has no room for a section of its own).
    details: ['"a b"  word*  a OR b  -word'],
    chords: [{ input: "a" }],
  },
  {
    action: "titles",
    scope: "results",
    label: "t",
    description: "titles only on/off",
    chords: [{ input: "t" }],
  },
  {
    action: "section",
    scope: "results",
    label: "h",
    description: "in one section (heading)",
    chords: [{ input: "h" }],
  },
  {
    action: "toggle",
    scope: "filters",
    label: "Space  Enter",
    description: "filter on or off",
    chords: [{ input: " " }, { named: "return" }],
  },
  {
    action: "clearFilters",
    scope: "filters",
    label: "x",
    description: "clear every filter",
    chords: [{ input: "x" }],
  },
  {
    action: "deleteBackward",
    scope: "search box",
    label: "Backspace",
    description: "delete a character",
    chords: [{ named: "backspace" }, { named: "delete" }],
  },
  {
    action: "clearSearch",
    scope: "search box",
    label: "Ctrl+U",
    description: "clear the search box",
    chords: [{ input: "u", ctrl: true }],
  },
  {
    action: "leaveSearch",
    scope: "search box",
    label: "↓  Enter  Tab",
    description: "to the results",
    chords: [{ named: "downArrow" }, { named: "return" }, { named: "tab" }],
  },
  {
    action: "nextLink",
    scope: "page",
    label: "Tab",
    description: "next link",
    chords: [{ named: "tab", shift: false }],
  },
  {
    action: "previousLink",
    scope: "page",
    label: "Shift+Tab",
    description: "previous link",
    chords: [{ named: "tab", shift: true }],
  },
  {
    action: "cite",
    scope: "page",
    label: "c",
    description: "cite (BibTeX, RIS, APA…)",
    chords: [{ input: "c" }],
  },
  {
    action: "source",
    scope: "page",
    label: "s",
    description: "page text, fields marked",
    chords: [{ input: "s" }],
  },
  {
    action: "nextField",
    scope: "source text",
    label: "Tab",
    description: "next traced field",
    chords: [{ named: "tab", shift: false }],
  },
  {
    action: "previousField",
    scope: "source text",
    label: "Shift+Tab",
    description: "previous traced field",
    chords: [{ named: "tab", shift: true }],
  },
  {
    action: "nextPlace",
    scope: "source text",
    label: "n",
    description: "next place of the field",
    chords: [{ input: "n" }],
  },
  {
    action: "previousPlace",
    scope: "source text",
    label: "N",
    description: "previous place",
    chords: [{ input: "N" }],
  },
  {
    action: "nextSource",
    scope: "source text",
    label: "s",
    description: "next source page",
    chords: [{ input: "s" }],
  },
  {
    action: "copy",
    scope: "citation",
    label: "Enter",
    description: "copy (OSC 52) or print",
    chords: [{ named: "return" }],
  },
] as const satisfies readonly Binding[];

export type Action = (typeof bindings)[number]["action"];

function chordMatches(chord: KeyChord, input: string, key: Key): boolean {
  if (Boolean(chord.ctrl) !== key.ctrl) return false;
  if (chord.shift !== undefined && chord.shift !== key.shift) return false;
  if (chord.named) return key[chord.named] === true;
  return chord.input === input && !key.meta;
}

/** True when the key pressed is one of `action`'s chords. */
export function matches(action: Action, input: string, key: Key): boolean {
  const binding = bindings.find((candidate) => candidate.action === action);
  return binding?.chords.some((chord) => chordMatches(chord, input, key)) ?? false;
}

/** The help screen's sections, in keymap order. Ctrl+C appears once, under quit. */
export function helpSections(): {
  scope: Scope;
  rows: { label: string; description: string; details?: readonly string[] }[];
}[] {
  const sections: ReturnType<typeof helpSections> = [];
  for (const binding of bindings as readonly Binding[]) {
    if (binding.action === "forceQuit") continue;
    let section = sections.find((candidate) => candidate.scope === binding.scope);
    if (!section) {
      section = { scope: binding.scope, rows: [] };
      sections.push(section);
    }
    section.rows.push({
      label: binding.label,
      description: binding.description,
      ...(binding.details ? { details: binding.details } : {}),
    });
  }
  return sections;
}
