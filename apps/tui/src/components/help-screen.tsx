import { Box, Text } from "ink";
import { fit } from "../format.js";
import { helpSections } from "../keymap.js";
import { useTheme } from "../theme.js";

/** Generated from keymap.ts: every binding the app has, by where it applies. */
export function HelpScreen(props: { width: number; height: number }) {
  const theme = useTheme();
  const lines: { text: string; heading?: boolean }[] = [];
  for (const section of helpSections()) {
    lines.push({ text: section.scope, heading: true });
    for (const row of section.rows) lines.push({ text: `  ${fit(row.label, 14)}${row.description}` });
  }
  // Two columns when one does not fit the height (80x24 needs them).
  const height = Math.max(1, props.height - 1);
  const columns = lines.length > height && props.width >= 70 ? 2 : 1;
  const perColumn = Math.ceil(lines.length / columns);
  const columnWidth = Math.floor(props.width / columns);
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold color={theme.accent}>
        Keys (? or Esc to close)
      </Text>
      <Box flexDirection="row">
        {Array.from({ length: columns }, (_, column) => (
          <Box key={column} flexDirection="column" width={columnWidth}>
            {lines.slice(column * perColumn, (column + 1) * perColumn).map((line, index) => (
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
    </Box>
  );
}
