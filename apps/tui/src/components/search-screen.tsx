import type { SearchHit } from "@corpus/schema";
import { Box, Text } from "ink";
import type { Dispatch } from "react";
import { fit, formatDate, formatPeople, kindLabel } from "../format.js";
import { matches } from "../keymap.js";
import type { Target } from "../page-lines.js";
import { sanitizeBlock, sanitizeLine } from "../sanitize.js";
import { useScreenKeys } from "../screen-keys.js";
import {
  describeFilters,
  effectiveSort,
  type FacetRow,
  facetCursorIn,
  facetRows,
  isChoosingHeading,
  PAGE_SIZE,
  type SearchAction,
  type SearchState,
} from "../search-state.js";
import { sparkline } from "../sparkline.js";
import {
  FELL_BACK_NOTICES,
  firstThatFits,
  HEADING_LIST_HINTS,
  SECTION_BOX_HINTS,
  SearchLine,
} from "./search-line.js";
import { useTheme } from "../theme.js";
import type { SearchResults } from "../use-search-results.js";
import type { SectionHeadingAnswer } from "../use-section-headings.js";
import { SectionHeadingList } from "./section-heading-list.js";

const FILTER_PANEL_WIDTH = 30;

interface Props {
  state: SearchState;
  /** The state as of the last key, for handlers (see useSyncReducer). */
  current(): SearchState;
  dispatch: Dispatch<SearchAction>;
  results: SearchResults;
  /** The library's headings for the heading box, while it is open. */
  headings: SectionHeadingAnswer;
  width: number;
  height: number;
  onOpen(target: Target): void;
}

/**
 * Search box, result count and sparkline, the results list and (with f) the filter panel; while
 * a heading is typed (h), the library's headings in place of the results.
 */
export function SearchScreen({ state, current, dispatch, results, headings, width, height, onOpen }: Props) {
  const theme = useTheme();
  const hits = results.result?.hits ?? [];
  const rows = facetRows(results.result?.facets, state.filters);
  const showFilters = state.focus === "filters";
  const choosingHeading = isChoosingHeading(state);
  const headingRows = headings.headings ?? [];
  // The selected result's snippet, with the matched words marked, on the two lines under the
  // list; left out on screens too short to spare them (the list matters more there).
  const snippet = hits[state.selected]?.snippet;
  const showSnippet = snippet !== undefined && snippet.length > 0 && height >= 12 && !choosingHeading;
  const listHeight = Math.max(1, height - 3 - (showSnippet ? SNIPPET_LINES : 0));
  const listWidth = showFilters ? width - FILTER_PANEL_WIDTH - 1 : width;

  useScreenKeys((input, key) => {
    const state = current();
    if (state.focus === "headings") {
      const moveHeading = (by: number) => dispatch({ type: "moveHeading", by, count: headingRows.length });
      if (matches("up", input, key)) {
        // Up from the first heading is back in the box above, as from the first result.
        if (state.headingCursor === 0) dispatch({ type: "typeHeading" });
        else moveHeading(-1);
      } else if (matches("down", input, key)) moveHeading(1);
      else if (matches("pageUp", input, key)) moveHeading(-(listHeight - 1));
      else if (matches("pageDown", input, key)) moveHeading(listHeight - 1);
      else if (matches("top", input, key)) moveHeading(-headingRows.length);
      else if (matches("bottom", input, key)) moveHeading(headingRows.length);
      else if (matches("open", input, key)) {
        const chosen = headingRows[state.headingCursor];
        if (chosen) dispatch({ type: "applySection", heading: chosen.heading });
      } else if (matches("back", input, key)) dispatch({ type: "typeHeading" });
      else return false;
      return true;
    }
    // ↓ (the one key both "to the results" and "down" are) leaves the heading box for the
    // library's headings under it, as it leaves the search box for the results; not while the
    // rows shown answer an earlier text, whose headings would change under the cursor.
    if (state.focus === "section" && matches("leaveSearch", input, key) && matches("down", input, key)) {
      if (headingRows.length > 0 && headings.prefix === state.sectionDraft.trim())
        dispatch({ type: "browseHeadings" });
      return true;
    }
    if (state.focus === "input" || state.focus === "section") {
      // The heading box: Enter (as leaving the search box) searches under the heading, Esc
      // cancels. The search box: both go to the results, the text already searched as typed.
      if (state.focus === "section" && matches("leaveSearch", input, key)) dispatch({ type: "applySection" });
      else if (matches("back", input, key) || matches("leaveSearch", input, key))
        dispatch({ type: "focus", focus: "results" });
      else if (matches("deleteBackward", input, key)) dispatch({ type: "deleteBackward" });
      else if (matches("clearSearch", input, key)) dispatch({ type: "type", text: "" });
      else if (key.ctrl && input === "c") return false;
      else if (input && !key.ctrl && !key.meta) dispatch({ type: "append", text: input });
      return true;
    }
    if (state.focus === "filters") {
      const from = facetCursorIn(state, rows);
      const moveFacet = (by: number) => dispatch({ type: "moveFacet", from, by, count: rows.length });
      if (matches("up", input, key)) moveFacet(-1);
      else if (matches("down", input, key)) moveFacet(1);
      else if (matches("pageUp", input, key)) moveFacet(-(listHeight - 1));
      else if (matches("pageDown", input, key)) moveFacet(listHeight - 1);
      else if (matches("top", input, key)) moveFacet(-rows.length);
      else if (matches("bottom", input, key)) moveFacet(rows.length);
      else if (matches("toggle", input, key)) {
        const row = rows[from];
        if (row) dispatch({ type: "toggleFacet", facet: row.facet, value: row.value });
      } else if (matches("clearFilters", input, key)) dispatch({ type: "clearFilters" });
      else if (matches("back", input, key) || matches("filters", input, key))
        dispatch({ type: "focus", focus: "results" });
      else return false;
      return true;
    }
    if (matches("up", input, key)) {
      if (state.selected === 0) dispatch({ type: "focus", focus: "input" });
      else dispatch({ type: "move", by: -1, count: hits.length });
    } else if (matches("down", input, key)) dispatch({ type: "move", by: 1, count: hits.length });
    else if (matches("pageUp", input, key))
      dispatch({ type: "move", by: -(listHeight - 1), count: hits.length });
    else if (matches("pageDown", input, key))
      dispatch({ type: "move", by: listHeight - 1, count: hits.length });
    else if (matches("top", input, key)) dispatch({ type: "move", by: -hits.length, count: hits.length });
    else if (matches("bottom", input, key)) dispatch({ type: "move", by: hits.length, count: hits.length });
    else if (matches("open", input, key)) {
      if (results.error) {
        results.retry();
        return true;
      }
      // While a newer search runs, the rows on screen answer an older question: opening one
      // would open something the user did not pick.
      if (results.loading) return true;
      const hit = hits[state.selected];
      if (hit) onOpen({ screen: "document", id: hit.document.id });
    } else if (matches("nextPage", input, key)) {
      // The cursor on screen belongs to the previous query (another sort, say) until the new
      // answer arrives; paging with it would be refused as invalid.
      if (results.loading) return true;
      if (results.result?.nextCursor)
        dispatch({ type: "nextPage", cursor: results.result.nextCursor, after: results.answered ?? "" });
    } else if (matches("previousPage", input, key)) dispatch({ type: "previousPage" });
    else if (matches("sort", input, key)) dispatch({ type: "cycleSort" });
    else if (matches("advanced", input, key)) dispatch({ type: "toggleAdvanced" });
    else if (matches("titles", input, key)) dispatch({ type: "toggleTitles" });
    else if (matches("section", input, key)) dispatch({ type: "editSection" });
    else if (matches("filters", input, key)) dispatch({ type: "focus", focus: "filters" });
    else return false;
    return true;
  });

  const total = results.result?.total ?? 0;
  const first = state.page * PAGE_SIZE + 1;
  const counts = results.error
    ? // The key first: the line is cut at the terminal's edge, and the reason can be long.
      `Search failed (Enter to try again): ${results.error}`
    : results.result === undefined
      ? "Searching…"
      : total === 0
        ? Object.keys(state.filters).length > 0
          ? "No records match. Try fewer words, or clear the filters: f, then x."
          : state.scope === "title" && state.text.trim()
            ? "No titles match. t searches everywhere."
            : state.scope === "section" && state.text.trim()
              ? "Nothing matches under that heading. h: another heading, or empty for all."
              : state.text.trim()
                ? "No records match. Try fewer or other words."
                : "The library is empty. Add pages with: pnpm corpus ingest <files or folders>"
        : `${first}–${first + hits.length - 1} of ${total} · ${effectiveSort(state)}${results.loading ? " · …" : ""}`;
  const filters = describeFilters(state.filters, rows);
  const line = sparkline(results.timeline, Math.max(10, width - 24));
  // The third line: what the keys do in the heading box and in the headings under it; that the
  // text was not read as advanced syntax when the API says so (the rows answer other words than
  // the user meant); else the sparkline.
  const notice =
    state.focus === "section"
      ? firstThatFits(SECTION_BOX_HINTS, width)
      : state.focus === "headings"
        ? firstThatFits(HEADING_LIST_HINTS, width)
        : results.result?.fellBackToLiteral
          ? firstThatFits(FELL_BACK_NOTICES, width)
          : undefined;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <SearchLine state={state} width={width} />
      <Text wrap="truncate-end" color={results.error ? theme.error : undefined}>
        {counts}
        {filters ? <Text color={theme.highlight}>{` · ${filters}`}</Text> : null}
      </Text>
      {notice ? (
        <Text wrap="truncate-end" color={choosingHeading ? undefined : theme.highlight}>
          {notice}
        </Text>
      ) : (
        <Text wrap="truncate-end" dimColor={theme.dim}>
          {line ? `${line.from} ${line.line} ${line.to}  by year` : " "}
        </Text>
      )}
      <Box flexDirection="row" height={listHeight}>
        {choosingHeading ? (
          <SectionHeadingList
            answer={headings}
            cursor={state.headingCursor}
            focused={state.focus === "headings"}
            width={listWidth}
            height={listHeight}
          />
        ) : (
          <ResultsList
            hits={hits}
            selected={state.selected}
            focused={state.focus === "results"}
            width={listWidth}
            height={listHeight}
          />
        )}
        {showFilters ? (
          <Box marginLeft={1} width={FILTER_PANEL_WIDTH}>
            <FilterPanel rows={rows} cursor={facetCursorIn(state, rows)} height={listHeight} />
          </Box>
        ) : null}
      </Box>
      {showSnippet ? <SnippetPreview runs={snippet} width={width} /> : null}
    </Box>
  );
}

const SNIPPET_LINES = 2;

/** A snippet's runs as at most two lines, cut to fit; matched words bold in the highlight colour. */
function SnippetPreview(props: { runs: NonNullable<SearchHit["snippet"]>; width: number }) {
  const theme = useTheme();
  let room = Math.max(10, (props.width - 2) * SNIPPET_LINES - 1);
  const shown: { text: string; highlight: boolean }[] = [];
  for (const run of props.runs) {
    if (room <= 0) break;
    // Not sanitizeLine: it trims, and the spaces at a run's ends separate it from the marked word.
    const text = sanitizeBlock(run.text).replace(/\s+/g, " ");
    shown.push({ text: text.length > room ? `${text.slice(0, room - 1)}…` : text, highlight: run.highlight });
    room -= text.length;
  }
  return (
    <Box height={SNIPPET_LINES} width={props.width} overflow="hidden" paddingLeft={2}>
      <Text wrap="wrap" dimColor={theme.dim}>
        {shown.map((run, index) =>
          run.highlight ? (
            <Text key={index} bold color={theme.highlight} dimColor={false}>
              {run.text}
            </Text>
          ) : (
            run.text
          ),
        )}
      </Text>
    </Box>
  );
}

function ResultsList(props: {
  hits: readonly SearchHit[];
  selected: number;
  focused: boolean;
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const top = Math.max(0, Math.min(props.selected - props.height + 1, props.hits.length - props.height));
  const start = Math.max(0, Math.min(top, props.selected));
  const visible = props.hits.slice(start, start + props.height);
  // A wide terminal gives the people column room for more names, so "+4" hides fewer of them.
  const peopleWidth = props.width >= 80 ? Math.min(60, Math.max(22, Math.floor(props.width / 4))) : 0;
  const titleWidth = Math.max(10, props.width - 2 - 6 - 11 - (peopleWidth ? peopleWidth + 2 : 0));
  return (
    <Box flexDirection="column" width={props.width}>
      {visible.map((hit, offset) => {
        const index = start + offset;
        const selected = index === props.selected;
        const document = hit.document;
        return (
          <Text key={document.id} wrap="truncate-end">
            {selected && props.focused ? "›" : " "}{" "}
            <Text inverse={selected && props.focused} bold={selected}>
              <Text color={selected ? undefined : theme.accent}>{fit(kindLabel(document.kind), 6)}</Text>
              {fit(formatDate(document.date), 11)}
              {fit(sanitizeLine(document.title), titleWidth)}
              {peopleWidth ? `  ${fit(formatPeople(document.people, peopleWidth), peopleWidth)}` : ""}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}

function FilterPanel(props: { rows: readonly FacetRow[]; cursor: number; height: number }) {
  const theme = useTheme();
  // Each facet's name is printed above its first value; the window follows the cursor.
  const lines: { text: string; row?: number; heading?: boolean }[] = [];
  props.rows.forEach((row, index) => {
    if (index === 0 || props.rows[index - 1]!.facet !== row.facet)
      lines.push({ text: row.facet, heading: true });
    lines.push({
      text: `${row.active ? "[x]" : "[ ]"}${String(row.count).padStart(4)} ${sanitizeLine(row.label)}`,
      row: index,
    });
  });
  if (lines.length === 0) lines.push({ text: "No filters for these results." });
  const cursorLine = Math.max(
    0,
    lines.findIndex((line) => line.row === props.cursor),
  );
  const top = Math.max(0, Math.min(cursorLine - Math.floor(props.height / 2), lines.length - props.height));
  const visible = lines.slice(top, top + props.height);
  // Deep in a long facet its name has scrolled away ("Niger": a region or a person?): the first
  // line names it. The cursor sits mid-window, so the line given up is never the cursor's.
  const first = visible[0];
  if (first?.row !== undefined && props.height > 2)
    visible[0] = { text: `${props.rows[first.row]!.facet} (continued)`, heading: true };
  return (
    <Box flexDirection="column">
      {visible.map((line, offset) => {
        const selected = line.row === props.cursor;
        return (
          <Text
            key={top + offset}
            wrap="truncate-end"
            bold={line.heading}
            color={line.heading ? theme.accent : undefined}
          >
            {line.heading ? (
              line.text
            ) : (
              <Text
                inverse={selected}
              >{`${selected ? "›" : " "}${fit(line.text, FILTER_PANEL_WIDTH - 1)}`}</Text>
            )}
          </Text>
        );
      })}
    </Box>
  );
}
