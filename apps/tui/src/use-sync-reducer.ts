import { useCallback, useRef, useState } from "react";

/**
 * useReducer whose state can be read right after dispatching. Key handlers read `current()`:
 * keys that arrive in one burst (a paste, tmux send-keys "jj" then Enter) each act on the state
 * the previous one left, not on the last rendered one.
 */
export function useSyncReducer<State, Action>(
  reducer: (state: State, action: Action) => State,
  initial: () => State,
) {
  const stateRef = useRef<State | undefined>(undefined);
  if (stateRef.current === undefined) stateRef.current = initial();
  const [, rerender] = useState(0);
  const dispatch = useCallback(
    (action: Action) => {
      const next = reducer(stateRef.current as State, action);
      if (next !== stateRef.current) {
        stateRef.current = next;
        rerender((count) => count + 1);
      }
    },
    [reducer],
  );
  const current = useCallback(() => stateRef.current as State, []);
  return { state: stateRef.current, dispatch, current };
}
