/**
 * Copies text to the clipboard of the terminal the user sits at (even over SSH) with the OSC 52
 * escape. Terminals that do not support it ignore the sequence, which is why the caller also
 * keeps the text visible. Inside tmux the sequence goes to tmux, which sets its own buffer and,
 * with `set-clipboard on`, forwards it.
 */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, "utf8").toString("base64")}\u0007`;
}

/** Whether to try OSC 52 at all: only on a terminal, and not where the user said no. */
export function clipboardAllowed(environment: {
  isTTY: boolean;
  term: string | undefined;
  clipboard: string | undefined;
}): boolean {
  if (!environment.isTTY) return false;
  if (environment.clipboard === "off") return false;
  return environment.term !== "dumb";
}
