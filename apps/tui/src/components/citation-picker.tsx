import { Box, Text } from "ink";
import { useState } from "react";
import type { Clipboard } from "../clipboard.js";
import { citationFormats, type DataSource } from "../data-source.js";
import { truncate } from "../format.js";
import { matches } from "../keymap.js";
import { useScreenKeys } from "../screen-keys.js";
import { useTheme } from "../theme.js";
import { useFetch } from "../use-fetch.js";

interface Props {
  documentId: string;
  title: string;
  dataSource: DataSource;
  clipboard: Clipboard;
  width: number;
  height: number;
  onClose(): void;
  onMessage(message: string): void;
}

/** Pick a citation format (↑/↓), see the citation, Enter copies it; Esc returns to the document. */
export function CitationPicker(props: Props) {
  const theme = useTheme();
  const [index, setIndex] = useState(0);
  const choice = citationFormats[index]!;
  const citation = useFetch(`${props.documentId} ${choice.format}`, () =>
    props.dataSource.cite(props.documentId, choice.format),
  );

  useScreenKeys((input, key) => {
    if (matches("up", input, key)) setIndex((current) => Math.max(0, current - 1));
    else if (matches("down", input, key))
      setIndex((current) => Math.min(citationFormats.length - 1, current + 1));
    else if (matches("copy", input, key)) {
      if (citation.state === "loading") {
        props.onMessage(`${choice.label} is still being prepared; press Enter again when it shows.`);
        return true;
      }
      if (citation.state === "failed") {
        props.onMessage(`Asking for the ${choice.label} citation again…`);
        citation.retry();
        return true;
      }
      const outcome = props.clipboard.copy(citation.value);
      props.onMessage(
        outcome === "copied"
          ? `${choice.label} copied to the clipboard (OSC 52)`
          : `${choice.label}: no clipboard here; it will be printed when you quit.`,
      );
    } else if (matches("back", input, key)) props.onClose();
    else return false;
    return true;
  });

  // The title, the blank line under the formats and the key line take the rest of the height.
  const previewHeight = Math.max(1, props.height - citationFormats.length - 3);
  const preview =
    citation.state === "done"
      ? citation.value.split("\n").flatMap((line) => hardWrap(line, props.width - 1))
      : [citation.state === "loading" ? "…" : `Could not cite: ${citation.error} Press Enter to try again.`];
  return (
    <Box flexDirection="column" width={props.width} height={props.height}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Cite: {truncate(props.title, props.width - 8)}
      </Text>
      {citationFormats.map((format, position) => (
        <Text key={format.format} inverse={position === index}>
          {position === index ? "›" : " "} {format.label}
        </Text>
      ))}
      <Text> </Text>
      <Box flexDirection="column" height={previewHeight}>
        {preview.slice(0, previewHeight).map((line, position) => (
          <Text key={position} wrap="truncate-end">
            {line || " "}
          </Text>
        ))}
      </Box>
      <Text dimColor={theme.dim} wrap="truncate-end">
        ↑/↓ format · Enter copy · Esc back to the document
      </Text>
    </Box>
  );
}

/** Cuts a line every `width` characters, keeping its spacing: RIS tags are "TY  - ". */
function hardWrap(line: string, width: number): string[] {
  const characters = [...line];
  if (characters.length <= width) return [line];
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += width)
    pieces.push(characters.slice(start, start + width).join(""));
  return pieces;
}
