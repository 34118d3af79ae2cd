import type { Key } from "ink";
import { createContext, useContext, useLayoutEffect, useRef } from "react";

/**
 * One `useInput` (in the app) reads every key and offers it first to the screen on top; what
 * the screen does not handle falls through to the global keys (help, search, back, quit). One
 * reader avoids two handlers both reacting to the same Esc.
 */
export type KeyHandler = (input: string, key: Key) => boolean;

/**
 * The handlers of the mounted screens, newest on top: a citation picker opened over a document
 * takes the keys, and when it closes they go back to the document, not to nobody.
 */
export interface ScreenKeyStack {
  /** Offers the key to the handler on top; true when it used the key. */
  handle(input: string, key: Key): boolean;
  /** Puts a handler on top; returns what takes it off again (wherever it is by then). */
  push(handler: KeyHandler): () => void;
}

export function createScreenKeyStack(): ScreenKeyStack {
  const handlers: KeyHandler[] = [];
  return {
    handle: (input, key) => handlers.at(-1)?.(input, key) ?? false,
    push(handler) {
      handlers.push(handler);
      return () => {
        const index = handlers.lastIndexOf(handler);
        if (index !== -1) handlers.splice(index, 1);
      };
    },
  };
}

export const ScreenKeysContext = createContext<ScreenKeyStack>(createScreenKeyStack());

/** Makes `handler` the current screen's key handler while the calling component is mounted. */
export function useScreenKeys(handler: KeyHandler): void {
  const stack = useContext(ScreenKeysContext);
  const latest = useRef(handler);
  latest.current = handler;
  // A layout effect: the handler is in place when the frame that shows the screen is drawn, so
  // a key pressed on seeing it (or typed right after the key that opened it) reaches it.
  useLayoutEffect(() => stack.push((input, key) => latest.current(input, key)), [stack]);
}
