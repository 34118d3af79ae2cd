import { Text } from "ink";
import { truncate, truncateStart } from "../format.js";
import { sanitizeBlock, sanitizeLine } from "../sanitize.js";
import { isChoosingHeading, type SearchState, searchOptionLabels } from "../search-state.js";
import { useTheme } from "../theme.js";

/**
 * The search screen's first line: "Search", what is on (advanced, titles, a section) and the
 * query; or, while h is typing a heading or one of the library's is chosen, the heading box.
 */
export function SearchLine({ state, width }: { state: SearchState; width: number }) {
  const theme = useTheme();
  if (isChoosingHeading(state)) {
    const typing = state.focus === "section";
    return (
      <Text wrap="truncate-end">
        <Text bold color={theme.accent}>
          Heading{" "}
        </Text>
        <Text
          inverse={typing}
        >{` ${truncateStart(sanitizeBlock(state.sectionDraft).replace(/\s+/g, " "), width - 13)}${typing ? "▏" : ""} `}</Text>
      </Text>
    );
  }
  const options = searchOptionLabels(state, Math.max(6, Math.min(24, Math.floor((width - 20) / 2)))).join(
    " · ",
  );
  // The box gets what the label and the options leave (at least a few characters to type in).
  const boxWidth = Math.max(8, width - 12 - (options ? options.length + 1 : 0));
  return (
    <Text wrap="truncate-end">
      <Text bold color={theme.accent}>
        Search{" "}
      </Text>
      {options ? <Text color={theme.highlight}>{`${options} `}</Text> : null}
      <Text inverse={state.focus === "input"}>{` ${
        // While typing, a query longer than the box shows its end, where the typed keys land.
        // Not trimmed: a space just typed shows as one, before the next word comes.
        state.focus === "input"
          ? truncateStart(sanitizeBlock(state.text).replace(/\s+/g, " "), boxWidth)
          : truncate(sanitizeLine(state.text), boxWidth)
      }${state.focus === "input" ? "▏" : ""} `}</Text>
      {state.focus !== "input" && !state.text ? <Text dimColor={theme.dim}> press / to search</Text> : null}
    </Text>
  );
}

/** The same notice at several lengths, longest first: the longest that fits the terminal is shown. */
export const FELL_BACK_NOTICES = [
  "Not valid advanced syntax: searched the words as written (? shows the syntax).",
  "Not valid advanced syntax: searched the words as written.",
  "Bad syntax: searched words as written",
];
export const SECTION_BOX_HINTS = [
  "Type a section heading, or ↓ to pick one of the library's. Enter: search under it · empty: everywhere · Esc: cancel",
  "↓ headings · Enter: search under this heading · empty: everywhere · Esc: cancel",
  "↓ headings · Enter: search · Esc: cancel",
];
export const HEADING_LIST_HINTS = [
  "The library's headings, most documented first. Enter: search under this one · ↑ at the top or Esc: back to typing",
  "Enter: search under this heading · ↑ at the top or Esc: back to typing",
  "Enter: search under it · Esc: typing",
];

export function firstThatFits(variants: readonly string[], width: number): string {
  return variants.find((text) => text.length <= width) ?? variants[variants.length - 1]!;
}
