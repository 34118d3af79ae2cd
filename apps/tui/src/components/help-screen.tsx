import { Box, Text } from "ink";
import { fit } from "../format.js";
import { helpSections } from "../keymap.js";
import { useTheme } from "../theme.js";

interface HelpLine {
  text: string;
  heading?: boolean;
}

/**
 * How the help fits a screen: two columns when one is too short (80x24 needs them); when even
 * that is too short (a small terminal), one column that scrolls, its last line saying so.
 */
export function helpLayout(width: number, height: number) {
  const lines: HelpLine[] = [];
  for (const section of helpSections()) {
    lines.push({ text: section.scope, heading: true });
    for (const row of section.rows) {
      lines.push({ text: `  ${fit(row.label, 14)}${row.description}` });
      for (const detail of row.details ?? []) lines.push({ text: `    ${detail}` });
    }
  }
  const room = Math.max(1, height - 1);
  const columns = lines.length > room && lines.length <= 2 * room && width >= 70 ? 2 : 1;
  const scrolls = lines.length > room * columns;
  const shown = scrolls ? Math.max(1, room - 1) : room;
  // Where the second column starts: half way, but never just after a heading, which would stand
  // alone at the foot of the first column with its keys at the top of the next.
  let split = Math.ceil(lines.length / columns);
  if (columns === 2 && lines[split - 1]?.heading && lines.length - (split - 1) <= room) split -= 1;
  return { lines, columns, scrolls, shown, lastTop: scrolls ? lines.length - shown : 0, split };
}

/** Generated from keymap.ts: every binding the app has, by where it applies. */
export function HelpScreen(props: { width: number; height: number; top: number }) {
  const theme = useTheme();
  const { lines, columns, scrolls, shown, lastTop, split } = helpLayout(props.width, props.height);
  const top = Math.max(0, Math.min(lastTop, props.top));
  // Two columns never scroll; one column is all one piece.
  const visible = scrolls ? lines.slice(top, top + shown) : lines;
  const pieces = columns === 2 ? [visible.slice(0, split), visible.slice(split)] : [visible];
  const columnWidth = Math.floor(props.width / columns);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Keys (? or Esc to close)
      </Text>
      <Box flexDirection="row">
        {Array.from({ length: columns }, (_, column) => (
          <Box key={column} flexDirection="column" width={columnWidth}>
            {pieces[column]!.map((line, index) => (
              <Text
                key={index}
                wrap="truncate-end"
                bold={line.heading}
                color={line.heading ? theme.accent : undefined}
              >
                {line.text}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      {scrolls ? (
        <Text dimColor={theme.dim} wrap="truncate-end">
          {`↑/↓ more keys (lines ${top + 1}–${top + visible.length} of ${lines.length})`}
        </Text>
      ) : null}
    </Box>
  );
}
