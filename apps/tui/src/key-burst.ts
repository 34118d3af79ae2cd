import type { Key } from "ink";

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
} as Key;

/**
 * Ink hands a run of plain characters that arrived together ("j\r" from a fast typist, a paste,
 * tmux send-keys) to useInput as one string. Split it back into one key each, so "j" then Enter
 * moves and then opens, instead of being one unknown key.
 */
export function splitBurst(input: string, key: Key): [string, Key][] {
  const characters = [...input];
  if (characters.length <= 1 || key.ctrl || key.meta || input.includes("\u001b")) return [[input, key]];
  return characters.map((character): [string, Key] => {
    if (character === "\r" || character === "\n") return ["", { ...NO_KEY, return: true }];
    if (character === "\t") return ["", { ...NO_KEY, tab: true }];
    if (character === "\u007f" || character === "\b") return ["", { ...NO_KEY, backspace: true }];
    const code = character.codePointAt(0)!;
    if (code < 0x20) return [String.fromCharCode(code + 0x60), { ...NO_KEY, ctrl: true }];
    return [character, { ...NO_KEY, shift: character !== character.toLowerCase() }];
  });
}

/**
 * Text pasted into the one-line search box: a line break inside it is a space there. Split as
 * keys, it would be Enter, which leaves the box and runs the rest of the paste as commands
 * ("q" quits). A burst with no break before more text (one word, "word" then Enter) is unchanged.
 */
export function flattenPaste(input: string): string {
  if (!/[\r\n][^\r\n]/.test(input)) return input;
  return input.replace(/[\r\n]+/g, " ").trimEnd();
}

/**
 * A terminal sends Alt+key as Esc followed by the key, so Esc and a key that arrive together
 * (pressed quickly, or while the app was busy) reach Ink as one Alt+key, which no binding has:
 * both would be lost. No key here uses Alt, so it is taken as what it most likely was, Esc then
 * the key. (Two Escs together stay one: Ink does not say that there were two.)
 */
export function splitEscapePrefix(input: string, key: Key): [string, Key][] {
  if (!key.meta || key.escape) return [[input, key]];
  return [
    ["", { ...NO_KEY, escape: true, meta: true }],
    [input, { ...key, meta: false }],
  ];
}
