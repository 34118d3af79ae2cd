import { Box, Text } from "ink";
import { fit } from "../format.js";
import { sanitizeLine } from "../sanitize.js";
import { useTheme } from "../theme.js";
import type { SectionHeadingAnswer } from "../use-section-headings.js";

/**
 * Under the heading box (h): the library's headings that start with what is typed, each with how
 * many documents have it, most first, as the filter panel lists values. ↓ from the box moves the
 * cursor into the list (`focused`); Enter there searches under the heading on the cursor.
 */
export function SectionHeadingList(props: {
  answer: SectionHeadingAnswer;
  cursor: number;
  focused: boolean;
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const { headings, prefix, error } = props.answer;
  const notice = error
    ? `Could not list the library's headings (${error}); a typed heading still searches.`
    : !headings
      ? "Listing the library's headings…"
      : headings.length === 0
        ? prefix
          ? `No heading of the library starts with "${sanitizeLine(prefix)}".`
          : "The library's documents have no section headings."
        : undefined;
  if (notice)
    return (
      <Box width={props.width} height={props.height}>
        <Text wrap="truncate-end" dimColor={theme.dim}>
          {`  ${notice}`}
        </Text>
      </Box>
    );
  const rows = headings ?? [];
  // The window follows the cursor, as the results list does.
  const top = Math.max(0, Math.min(props.cursor - props.height + 1, rows.length - props.height));
  const countWidth = String(rows[0]?.documentCount ?? 0).length;
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      {rows.slice(top, top + props.height).map((row, offset) => {
        const selected = props.focused && top + offset === props.cursor;
        const count = String(row.documentCount).padStart(countWidth);
        return (
          <Text key={row.heading} wrap="truncate-end">
            {selected ? "›" : " "}{" "}
            <Text inverse={selected}>
              <Text dimColor={!selected && theme.dim}>{count}</Text>
              {`  ${fit(sanitizeLine(row.heading), Math.max(1, props.width - countWidth - 4))}`}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
