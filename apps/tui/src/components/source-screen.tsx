import type { Document } from "@corpus/schema";
import { Box, Text } from "ink";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { DataSource, SourceAvailability } from "../data-source.js";
import { fit, truncate } from "../format.js";
import { matches } from "../keymap.js";
import { useScreenKeys } from "../screen-keys.js";
import { lineOfOffset, markedLines, type TracedField, tracedFields, wrapSource } from "../source-lines.js";
import { useTheme } from "../theme.js";
import { useFetch } from "../use-fetch.js";
import { usePageCursor } from "../use-page-cursor.js";
import { FailedToOpen } from "./failed-to-open.js";
import { PageView } from "./page-view.js";

interface Props {
  id: string;
  dataSource: DataSource;
  width: number;
  height: number;
}

/**
 * The stored page text a document was read from, with the characters of one field marked: the
 * product's "every field traceable to the page" in the terminal (the web app's source page).
 * Tab moves to the next field down the page, n to the field's next place, s to another input
 * when the record was read from several (a listing's teaser and the full page).
 */
export function SourceScreen({ id, dataSource, width, height }: Props) {
  const fetched = useFetch(id, () => dataSource.documentWithSources(id));
  const [choice, setChoice] = useState<number | undefined>(undefined);
  // Only ever on top of the key stack while the source text below is not shown: that mounts
  // after this screen has loaded, and so above it.
  useScreenKeys((input, key) => {
    if (fetched.state !== "failed" || !matches("open", input, key)) return false;
    fetched.retry();
    return true;
  });

  if (fetched.state === "loading") return <Text>Opening the source of {id}…</Text>;
  if (fetched.state === "failed") return <FailedToOpen what={`the source of ${id}`} error={fetched.error} />;
  const { document, sources } = fetched.value;
  const stored = sources.filter((source) => source.available);
  if (stored.length === 0) return <NoStoredSource document={document} sources={sources} width={width} />;
  const first = richestSource(document, stored);
  const index = Math.min(stored.length - 1, choice ?? first);
  const input = stored[index]!;
  return (
    <SourceText
      key={input.contentHash}
      id={id}
      input={input}
      position={index}
      count={stored.length}
      dataSource={dataSource}
      width={width}
      height={height}
      // From the choice as it is now, so "s s" typed in one burst moves on twice.
      onNextSource={() => setChoice((current) => ((current ?? first) + 1) % stored.length)}
    />
  );
}

/** The input with the most fields traced to it: a full page rather than a listing's teaser. */
function richestSource(document: Document, stored: readonly SourceAvailability[]): number {
  const traced = (input: SourceAvailability) =>
    document.provenance
      .filter((provenance) => provenance.input.contentHash === input.contentHash)
      .reduce((count, provenance) => count + Object.keys(provenance.fields).length, 0);
  let best = 0;
  stored.forEach((input, index) => {
    if (traced(input) > traced(stored[best]!)) best = index;
  });
  return best;
}

function fileName(input: SourceAvailability): string {
  return input.path?.split("/").at(-1) ?? `sha256 ${input.contentHash.slice(0, 12)}…`;
}

/** "@corpus/ingest/listing@0.1.0" -> "listing": which reader took the page for what. */
function readerName(parser: string): string {
  return (
    parser
      .replace(/@[^@/]*$/, "")
      .split("/")
      .at(-1) || parser
  );
}

/** Said plainly instead of an empty screen: why this record has no text to show. */
function NoStoredSource(props: {
  document: Document;
  sources: readonly SourceAvailability[];
  width: number;
}) {
  const theme = useTheme();
  const reason = (input: SourceAvailability) =>
    input.mediaType === "application/json" || input.mediaType === "application/x-ndjson"
      ? "given as structured records, not page text"
      : "its text is not stored in this library";
  return (
    <Box flexDirection="column" width={props.width}>
      <Text wrap="truncate-end" color={theme.accent} bold>
        Source of {props.document.title}
      </Text>
      <Text> </Text>
      <Text wrap="wrap">
        No page text is stored for this record, so there are no characters to trace its fields to.
      </Text>
      {props.sources.length === 0 ? (
        <Text wrap="wrap">Nothing records which input it was read from.</Text>
      ) : (
        props.sources.map((input) => (
          <Text key={input.contentHash} wrap="wrap">
            Read from {input.path ?? `sha256 ${input.contentHash.slice(0, 12)}…`} ({input.mediaType}):{" "}
            {reason(input)}.
          </Text>
        ))
      )}
      <Text> </Text>
      <Text>Press Esc to go back.</Text>
    </Box>
  );
}

interface TextProps extends Props {
  input: SourceAvailability;
  /** Which of the stored inputs this is, and how many there are. */
  position: number;
  count: number;
  onNextSource(): void;
}

function SourceText({ id, input, position, count, dataSource, width, height, onNextSource }: TextProps) {
  const theme = useTheme();
  const view = useFetch(`${id} ${input.contentHash}`, () => dataSource.source(id, input.contentHash));
  const text = view.state === "done" ? view.value.source.text : "";
  const fields = useMemo(
    () => (view.state === "done" ? tracedFields(view.value.provenance?.fields ?? {}, text) : []),
    [view, text],
  );
  // The field and the place in it that are marked. A ref, so each Tab of a burst moves on from
  // where the one before it left (decision 0051).
  const selection = useRef({ field: 0, place: 0 });
  const [, rerender] = useState(0);
  const field: TracedField | undefined = fields[selection.current.field];

  const listHeight =
    fields.length === 0 ? 1 : Math.min(fields.length, Math.max(2, Math.min(8, Math.round((height - 3) / 4))));
  const textHeight = Math.max(1, height - 3 - listHeight);
  const wrapped = useMemo(() => wrapSource(text, width - 2), [text, width]);
  const lines = useMemo(() => markedLines(text, wrapped, field?.spans ?? []), [text, wrapped, field]);
  const page = usePageCursor(lines, textHeight);

  const showSelection = () => {
    const span = fields[selection.current.field]?.spans[selection.current.place];
    if (span) page.jumpTo(lineOfOffset(wrapped, span.start));
  };
  // On opening, and when a new width rewraps the text, the marked place is brought into view.
  // A layout effect: a passive one ran after the first frame was drawn, so a key pressed on
  // seeing the text (G, a page key) was undone when the jump to the first field came after it.
  useLayoutEffect(showSelection, [wrapped, fields, textHeight]);

  const select = (next: { field: number; place: number }) => {
    selection.current = next;
    showSelection();
    rerender((count) => count + 1);
  };

  useScreenKeys((inputKey, key) => {
    if (matches("nextSource", inputKey, key)) {
      if (count > 1) onNextSource();
      return count > 1;
    }
    if (view.state === "failed" && matches("open", inputKey, key)) {
      view.retry();
      return true;
    }
    if (view.state !== "done") return false;
    const current = selection.current;
    const spans = fields[current.field]?.spans.length ?? 0;
    const wrap = (value: number, size: number) => (size === 0 ? 0 : (value + size) % size);
    if (matches("nextField", inputKey, key))
      select({ field: wrap(current.field + 1, fields.length), place: 0 });
    else if (matches("previousField", inputKey, key))
      select({ field: wrap(current.field - 1, fields.length), place: 0 });
    else if (matches("nextPlace", inputKey, key))
      select({ ...current, place: wrap(current.place + 1, spans) });
    else if (matches("previousPlace", inputKey, key))
      select({ ...current, place: wrap(current.place - 1, spans) });
    else return page.handleKey(inputKey, key) !== false;
    return true;
  });

  const name = `${count > 1 ? `Source ${position + 1} of ${count}` : "Source"} · ${fileName(input)} · read as ${readerName(input.parser)}`;
  const hints = `Tab/Shift+Tab field · n/N place${count > 1 ? " · s next source" : ""} · Esc back`;
  if (view.state !== "done") {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text wrap="truncate-end" color={theme.accent} bold>
          {name}
        </Text>
        {view.state === "loading" ? (
          <Text>Opening the page text…</Text>
        ) : (
          <FailedToOpen
            what={`the page text of ${id}`}
            error={view.error}
            also={count > 1 ? ", s for the next source" : ""}
          />
        )}
      </Box>
    );
  }

  const { field: fieldIndex, place } = selection.current;
  const listTop = Math.max(0, Math.min(fields.length - listHeight, fieldIndex - Math.floor(listHeight / 2)));
  // Labels take at most a third of the width: the page's own words need the rest.
  const labelWidth = Math.min(
    Math.max(...fields.map((item) => item.label.length), 5),
    Math.floor((width - 4) / 3),
  );
  // "of" reads better; a narrow terminal needs the numbers more.
  const of = (at: number, count: number) => (width >= 50 ? `${at} of ${count}` : `${at}/${count}`);
  const status = field
    ? `field ${of(fieldIndex + 1, fields.length)} · place ${of(place + 1, field.spans.length)} · line ${of(page.cursor + 1, lines.length)}`
    : `line ${of(page.cursor + 1, lines.length)}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" color={theme.accent} bold>
        {name}
      </Text>
      <Box flexDirection="column" height={listHeight}>
        {fields.length === 0 ? (
          <Text wrap="truncate-end" dimColor={theme.dim}>
            No field of this record was traced to characters of this text.
          </Text>
        ) : (
          fields.slice(listTop, listTop + listHeight).map((item, offset) => {
            const selected = listTop + offset === fieldIndex;
            const value = `“${item.excerpt}”`;
            return (
              <Text key={item.path} wrap="truncate-end">
                {selected ? "›" : " "}{" "}
                <Text inverse={selected}>
                  {truncate(`${fit(item.label, labelWidth)}  ${value}`, width - 2)}
                </Text>
              </Text>
            );
          })
        )}
      </Box>
      <Text wrap="truncate-end" dimColor={theme.dim}>
        {status}
      </Text>
      <PageView
        lines={lines}
        top={page.top}
        cursor={page.cursor}
        height={textHeight}
        width={width}
        cursorStyle="marker"
      />
      <Text wrap="truncate-end" dimColor={theme.dim}>
        {hints}
      </Text>
    </Box>
  );
}
