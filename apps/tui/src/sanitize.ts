/**
 * Text read from saved pages is data, never terminal instructions. A page can carry escape
 * sequences (colour, cursor moves, OSC 52 clipboard writes, hyperlinks, window titles) or bare
 * control characters; printed raw, they would repaint, hijack or confuse the terminal. Everything
 * the TUI shows from the library passes through here first.
 */

// Order matters: whole sequences first, so their parameters do not survive as visible junk.
const ESCAPE_SEQUENCES = [
  // OSC, DCS, SOS, PM, APC: ESC ] / P / X / ^ / _ ... up to BEL or ST (ESC \), or to the end.
  /\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)/g,
  // Their 8-bit forms (0x9d OSC, 0x90 DCS, 0x98 SOS, 0x9e PM, 0x9f APC), ended by BEL or ST (0x9c).
  /[\u009d\u0090\u0098\u009e\u009f][\s\S]*?(?:\u0007|\u009c|\u001b\\|$)/g,
  // CSI: ESC [ or 0x9b, parameter bytes, intermediate bytes, one final byte.
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g,
  // Any other two-character escape (ESC 7, ESC c, ESC ( B ...).
  /\u001b[ -/]*[0-~]?/g,
];

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides and
// isolates that can make text read differently from what it is ("Trojan Source").
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `sanitizeBlock`'s replacements, in order; `sanitizeWithOffsets` applies the same list. */
const BLOCK_STEPS: readonly { pattern: RegExp; replacement: string }[] = [
  { pattern: /\r\n?/g, replacement: "\n" },
  ...ESCAPE_SEQUENCES.map((pattern) => ({ pattern, replacement: "" })),
  { pattern: CONTROL_CHARACTERS, replacement: "" },
  { pattern: /\t/g, replacement: "  " },
];

/** Removes escape sequences and control characters; keeps newlines and turns tabs into spaces. */
export function sanitizeBlock(text: string): string {
  let result = text;
  for (const step of BLOCK_STEPS) result = result.replace(step.pattern, step.replacement);
  return result;
}

/**
 * `sanitizeBlock`, and where each offset of the input ended up in the output. Provenance spans
 * index into a source text as stored; once sanitizing removes or widens characters, a span has
 * to move with the text, or it would mark the wrong characters. `offset(index)` takes an input
 * offset (0 to `text.length`) to the output's; an offset inside something removed goes to where
 * the removal happened.
 */
export function sanitizeWithOffsets(text: string): { text: string; offset(index: number): number } {
  const clampInput = (index: number) => Math.max(0, Math.min(text.length, Math.trunc(index)));
  if (sanitizeBlock(text) === text) return { text, offset: clampInput };
  // positions[i]: where input offset i is in the text as sanitized so far.
  let positions = Int32Array.from({ length: text.length + 1 }, (_, index) => index);
  let current = text;
  for (const step of BLOCK_STEPS) {
    const moved = new Int32Array(current.length + 1);
    let output = "";
    let read = 0;
    let matched = false;
    for (const match of current.matchAll(step.pattern)) {
      matched = true;
      const start = match.index;
      for (let index = read; index < start; index++) moved[index] = output.length + (index - read);
      output += current.slice(read, start);
      for (let index = start; index < start + match[0].length; index++) moved[index] = output.length;
      output += step.replacement;
      read = start + match[0].length;
    }
    if (!matched) continue;
    for (let index = read; index <= current.length; index++) moved[index] = output.length + (index - read);
    output += current.slice(read);
    positions = positions.map((position) => moved[position]!);
    current = output;
  }
  return { text: current, offset: (index) => positions[clampInput(index)]! };
}

/** As `sanitizeBlock`, on one line: runs of whitespace (newlines included) become one space. */
export function sanitizeLine(text: string): string {
  return sanitizeBlock(text).replace(/\s+/g, " ").trim();
}

/**
 * Sanitizes every string inside a JSON-like value (API responses): object keys are left alone,
 * they come from our own schema. Multi-line text keeps its newlines; renderers flatten what
 * they show on one line.
 */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === "string") return sanitizeBlock(value) as T;
  if (Array.isArray(value)) return value.map((item) => sanitizeDeep(item)) as T;
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = sanitizeDeep(item);
    return result as T;
  }
  return value;
}
