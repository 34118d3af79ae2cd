import { Box, Text } from "ink";
import { useMemo } from "react";
import type { DataSource } from "../data-source.js";
import { entityLines } from "../entity-lines.js";
import { matches } from "../keymap.js";
import type { Target } from "../page-lines.js";
import { useScreenKeys } from "../screen-keys.js";
import { useTheme } from "../theme.js";
import { useFetch } from "../use-fetch.js";
import { type PlaceKeeper, usePageCursor } from "../use-page-cursor.js";
import { FailedToOpen } from "./failed-to-open.js";
import { PageView } from "./page-view.js";

/** A person, organization, topic or region: its record, roles, documents and neighbours. */
export function EntityScreen(props: {
  id: string;
  dataSource: DataSource;
  width: number;
  height: number;
  onOpen(target: Target): void;
  /** Where the cursor was when this page was last left, and where to report it. */
  cursor: PlaceKeeper;
}) {
  const theme = useTheme();
  const fetched = useFetch(props.id, () => props.dataSource.entity(props.id));
  const pageHeight = Math.max(1, props.height - 2);
  const lines = useMemo(
    () => (fetched.state === "done" ? entityLines(fetched.value, props.width - 2) : []),
    [fetched, props.width],
  );
  const page = usePageCursor(lines, pageHeight, props.cursor);

  useScreenKeys((input, key) => {
    if (fetched.state === "failed" && matches("open", input, key)) {
      fetched.retry();
      return true;
    }
    const outcome = page.handleKey(input, key);
    if (typeof outcome === "object") props.onOpen(outcome);
    return outcome !== false;
  });

  if (fetched.state === "loading") return <Text>Opening {props.id}…</Text>;
  if (fetched.state === "failed") return <FailedToOpen what={props.id} error={fetched.error} />;
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text wrap="truncate-end" color={theme.accent} bold>
        {fetched.value.entity.kind} · {fetched.value.documentCount}{" "}
        {fetched.value.documentCount === 1 ? "document" : "documents"} · line {page.cursor + 1} of{" "}
        {lines.length}
      </Text>
      <PageView lines={lines} top={page.top} cursor={page.cursor} height={pageHeight} width={props.width} />
      <Text wrap="truncate-end" dimColor={theme.dim}>
        Tab next link · Enter open · Esc back
      </Text>
    </Box>
  );
}
