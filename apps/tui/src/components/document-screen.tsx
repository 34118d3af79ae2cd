import { Box, Text } from "ink";
import { useMemo, useRef, useState } from "react";
import type { Clipboard } from "../clipboard.js";
import type { DataSource } from "../data-source.js";
import { documentLines } from "../document-lines.js";
import { formatDate } from "../format.js";
import { matches } from "../keymap.js";
import type { Target } from "../page-lines.js";
import { useScreenKeys } from "../screen-keys.js";
import { useTheme } from "../theme.js";
import { useFetch } from "../use-fetch.js";
import { type PlaceKeeper, usePageCursor } from "../use-page-cursor.js";
import { CitationPicker } from "./citation-picker.js";
import { FailedToOpen } from "./failed-to-open.js";
import { PageView } from "./page-view.js";

interface Props {
  id: string;
  dataSource: DataSource;
  clipboard: Clipboard;
  width: number;
  height: number;
  onOpen(target: Target): void;
  onMessage(message: string): void;
  /** Where the cursor was when this page was last left, and where to report it. */
  cursor: PlaceKeeper;
}

export function DocumentScreen({
  id,
  dataSource,
  clipboard,
  width,
  height,
  onOpen,
  onMessage,
  cursor,
}: Props) {
  const theme = useTheme();
  const fetched = useFetch(id, async () => {
    const [document, related] = await Promise.all([
      dataSource.document(id),
      dataSource.related(id).catch(() => []),
    ]);
    return { document, related };
  });
  const [citing, setCiting] = useState(false);
  // Keys typed in one burst after "c" arrive before the picker is drawn: they are not the page's.
  const citingRef = useRef(false);
  citingRef.current = citing;
  const pageHeight = Math.max(1, height - 2);
  const lines = useMemo(
    () =>
      fetched.state === "done" ? documentLines(fetched.value.document, fetched.value.related, width - 2) : [],
    [fetched, width],
  );
  const page = usePageCursor(lines, pageHeight, cursor);

  useScreenKeys((input, key) => {
    if (citing) return false;
    if (citingRef.current) return true;
    if (fetched.state === "failed" && matches("open", input, key)) {
      fetched.retry();
      return true;
    }
    if (fetched.state === "done" && matches("cite", input, key)) {
      citingRef.current = true;
      setCiting(true);
      return true;
    }
    if (fetched.state === "done" && matches("source", input, key)) {
      onOpen({ screen: "source", id });
      return true;
    }
    const outcome = page.handleKey(input, key);
    if (typeof outcome === "object") onOpen(outcome);
    return outcome !== false;
  });

  if (fetched.state === "loading") return <Text>Opening {id}…</Text>;
  if (fetched.state === "failed") return <FailedToOpen what={id} error={fetched.error} />;
  const { document } = fetched.value;
  if (citing) {
    return (
      <CitationPicker
        documentId={document.id}
        title={document.title}
        dataSource={dataSource}
        clipboard={clipboard}
        width={width}
        height={height}
        onClose={() => setCiting(false)}
        onMessage={onMessage}
      />
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" color={theme.accent} bold>
        {document.kind} · {formatDate(document.date)} · line {page.cursor + 1} of {lines.length}
      </Text>
      <PageView lines={lines} top={page.top} cursor={page.cursor} height={pageHeight} width={width} />
      <Text wrap="truncate-end" dimColor={theme.dim}>
        Tab next link · Enter open · s source · c cite · Esc back
      </Text>
    </Box>
  );
}
