import { Box, Text } from "ink";
import { fit } from "../format.js";
import type { PageLine } from "../page-lines.js";
import { useTheme } from "../theme.js";

/** A window of page lines with the cursor line marked "›" and shown in inverse video. */
export function PageView(props: {
  lines: readonly PageLine[];
  top: number;
  cursor: number;
  height: number;
  width: number;
}) {
  const theme = useTheme();
  const visible = props.lines.slice(props.top, props.top + props.height);
  return (
    <Box flexDirection="column" height={props.height} width={props.width}>
      {visible.map((line, offset) => {
        const index = props.top + offset;
        const selected = index === props.cursor;
        const text = fit(line.text, props.width - 2);
        return (
          <Text key={index} wrap="truncate-end">
            {selected ? "›" : " "}{" "}
            <Text
              inverse={selected}
              bold={line.style === "title" || line.style === "heading"}
              dimColor={line.style === "muted" && theme.dim}
              color={line.link ? theme.link : line.style === "heading" ? theme.accent : undefined}
            >
              {text}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
