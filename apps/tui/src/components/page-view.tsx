import { Box, Text } from "ink";
import { fit } from "../format.js";
import type { PageLine, TextRange } from "../page-lines.js";
import { useTheme } from "../theme.js";

/**
 * A window of page lines with the cursor line marked "›" and, by default, shown in inverse video.
 * Marked characters (`PageLine.marks`) are shown in inverse video in the highlight colour; a page
 * of marked text passes `cursorStyle="marker"` so the cursor line is only "›" and the inverse
 * video means one thing.
 */
export function PageView(props: {
  lines: readonly PageLine[];
  top: number;
  cursor: number;
  height: number;
  width: number;
  cursorStyle?: "inverse" | "marker";
}) {
  const theme = useTheme();
  const visible = props.lines.slice(props.top, props.top + props.height);
  const inverseCursor = (props.cursorStyle ?? "inverse") === "inverse";
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
              inverse={selected && inverseCursor}
              bold={line.style === "title" || line.style === "heading"}
              dimColor={line.style === "muted" && theme.dim}
              color={line.link ? theme.link : line.style === "heading" ? theme.accent : undefined}
            >
              {line.marks
                ? segments(text, line.text, line.marks).map((segment, position) =>
                    segment.marked ? (
                      <Text key={position} inverse bold color={theme.highlight}>
                        {segment.text}
                      </Text>
                    ) : (
                      segment.text
                    ),
                  )
                : text}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}

/**
 * Cuts the shown text (`line` fitted to the width: padded, or cut with "…") into marked and
 * unmarked runs. Marks index into `line`; past a cut they have nothing left to mark.
 */
export function segments(
  shown: string,
  line: string,
  marks: readonly TextRange[],
): { text: string; marked: boolean }[] {
  const kept = shown.startsWith(line) ? line.length : Math.max(0, shown.length - 1);
  const runs: { text: string; marked: boolean }[] = [];
  let position = 0;
  for (const mark of marks) {
    const start = Math.max(position, Math.min(mark.start, kept));
    const end = Math.min(mark.end, kept);
    if (end <= start) continue;
    if (start > position) runs.push({ text: shown.slice(position, start), marked: false });
    runs.push({ text: shown.slice(start, end), marked: true });
    position = end;
  }
  if (position < shown.length) runs.push({ text: shown.slice(position), marked: false });
  return runs;
}
