import type { Key } from "ink";
import { createContext, useContext, useEffect, useRef } from "react";

/**
 * One `useInput` (in the app) reads every key and offers it first to the screen on top; what
 * the screen does not handle falls through to the global keys (help, search, back, quit). One
 * reader avoids two handlers both reacting to the same Esc.
 */
export type KeyHandler = (input: string, key: Key) => boolean;

export const ScreenKeysContext = createContext<{ current: KeyHandler | null }>({ current: null });

/** Makes `handler` the current screen's key handler while the calling component is mounted. */
export function useScreenKeys(handler: KeyHandler): void {
  const slot = useContext(ScreenKeysContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const forward: KeyHandler = (input, key) => latest.current(input, key);
    slot.current = forward;
    return () => {
      if (slot.current === forward) slot.current = null;
    };
  }, [slot]);
}
