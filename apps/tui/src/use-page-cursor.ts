import type { Key } from "ink";
import { useEffect, useRef, useState } from "react";
import { matches } from "./keymap.js";
import type { PageLine, Target } from "./page-lines.js";

/**
 * A cursor over page lines and the window of lines it keeps in view. Arrows/j/k move a line,
 * PgUp/PgDn a screen, Home/End (g/G) to either end, Tab/Shift+Tab jump between links, Enter
 * opens the link under the cursor.
 * The cursor lives in a ref so keys that arrive faster than React renders (a paste, tmux
 * send-keys) each move from where the previous one left it.
 */
/** Keeps a page's cursor line across a trip away and back (Esc returns to the same line). */
export interface PlaceKeeper {
  initial: number;
  remember(line: number): void;
}

export function usePageCursor(lines: readonly PageLine[], height: number, place?: PlaceKeeper) {
  const cursorRef = useRef(place?.initial ?? 0);
  const [, rerender] = useState(0);
  const [top, setTop] = useState(0);
  const last = Math.max(0, lines.length - 1);
  const clamp = (index: number) => Math.max(0, Math.min(last, index));
  const cursor = clamp(cursorRef.current);

  useEffect(() => {
    // The cursor as it is when React applies this, not as it was when the effect was queued:
    // a jump that sets the view and the cursor at once must not be undone by an older effect.
    setTop((current) => {
      const now = Math.max(0, Math.min(last, cursorRef.current));
      if (now < current) return now;
      if (now >= current + height) return now - height + 1;
      return Math.min(current, Math.max(0, lines.length - height));
    });
  }, [cursor, height, lines.length]);

  const moveTo = (index: number) => {
    cursorRef.current = clamp(index);
    place?.remember(cursorRef.current);
    rerender((count) => count + 1);
  };
  // A page key scrolls the view a screen and takes the cursor along, as a pager does.
  const movePage = (current: number, direction: 1 | -1) => {
    const step = Math.max(1, height - 1) * direction;
    setTop((top) => Math.max(0, Math.min(Math.max(0, lines.length - height), top + step)));
    moveTo(current + step);
  };
  /** The cursor to `index`, with a third of a screen of context above it, as a pager's search does. */
  const jumpTo = (index: number) => {
    const target = clamp(index);
    setTop(Math.max(0, Math.min(Math.max(0, lines.length - height), target - Math.floor(height / 3))));
    moveTo(target);
  };
  const findLink = (from: number, step: 1 | -1) => {
    for (let index = from + step; index >= 0 && index <= last; index += step)
      if (lines[index]?.link) return index;
    return from;
  };

  /** Returns the link to open, true when the key was used, false when it was not ours. */
  const handleKey = (input: string, key: Key): Target | boolean => {
    const current = clamp(cursorRef.current);
    if (matches("up", input, key)) moveTo(current - 1);
    else if (matches("down", input, key)) moveTo(current + 1);
    else if (matches("pageUp", input, key)) movePage(current, -1);
    else if (matches("pageDown", input, key)) movePage(current, 1);
    else if (matches("top", input, key)) moveTo(0);
    else if (matches("bottom", input, key)) moveTo(last);
    else if (matches("previousLink", input, key)) moveTo(findLink(current, -1));
    else if (matches("nextLink", input, key)) moveTo(findLink(current, 1));
    else if (matches("open", input, key)) return lines[current]?.link ?? true;
    else return false;
    return true;
  };

  return { cursor, top, handleKey, jumpTo, cursorRef };
}
