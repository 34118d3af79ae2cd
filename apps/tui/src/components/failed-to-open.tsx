import { Box, Text } from "ink";
import { useTheme } from "../theme.js";

/**
 * What a screen shows when its record could not be loaded: what failed and why, and the two ways
 * on (Enter asks again, e.g. once the server is back; Esc goes back).
 */
export function FailedToOpen(props: { what: string; error: string; also?: string }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text color={theme.error} wrap="wrap">
        Could not open {props.what}: {props.error}
      </Text>
      <Text wrap="wrap">Press Enter to try again{props.also ?? ""}, or Esc to go back.</Text>
    </Box>
  );
}
