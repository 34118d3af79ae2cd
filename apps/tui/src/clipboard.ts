import { clipboardAllowed, osc52 } from "./osc52.js";

/** Where a citation goes when the user copies it. */
export interface Clipboard {
  /** "copied" when sent to the terminal's clipboard; "deferred" when it will be printed at exit. */
  copy(text: string): "copied" | "deferred";
  /** Text to print on the normal screen after the TUI closes (citations that could not be copied). */
  pending(): string[];
}

export function createTerminalClipboard(options: {
  write: (data: string) => void;
  isTTY: boolean;
  term: string | undefined;
  clipboard: "on" | "off";
}): Clipboard {
  const deferred: string[] = [];
  const allowed = clipboardAllowed({
    isTTY: options.isTTY,
    term: options.term,
    clipboard: options.clipboard,
  });
  return {
    copy(text) {
      if (allowed) {
        options.write(osc52(text));
        return "copied";
      }
      deferred.push(text);
      return "deferred";
    },
    pending: () => [...deferred],
  };
}
