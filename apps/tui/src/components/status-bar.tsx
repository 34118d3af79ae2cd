import { Box, Text } from "ink";
import { truncate, truncateMiddle } from "../format.js";
import { useTheme } from "../theme.js";

/** Bottom line: where the data comes from, the last message, and the two keys to remember. */
export function StatusBar(props: {
  source: string;
  inProcess: boolean;
  message: string | undefined;
  width: number;
}) {
  const theme = useTheme();
  const hint = "? help · q quit";
  const room = props.width - hint.length - 1;
  const left = props.message ? props.message : props.source;
  return (
    <Box width={props.width}>
      <Box width={room}>
        <Text
          wrap="truncate-end"
          inverse
          color={props.message ? undefined : props.inProcess ? theme.highlight : theme.accent}
        >
          {` ${props.message ? truncate(left, room - 2) : truncateMiddle(left, room - 2)} `}
        </Text>
      </Box>
      <Text> {hint}</Text>
    </Box>
  );
}
