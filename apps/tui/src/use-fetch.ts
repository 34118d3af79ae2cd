import { useCallback, useEffect, useMemo, useState } from "react";
import { describeError } from "./data-source.js";

export type Fetched<T> =
  | { state: "loading" }
  | { state: "done"; value: T }
  | { state: "failed"; error: string };

/**
 * Loads `load()` whenever `key` changes, and again on `retry()` (after a failure: the server is
 * back, the user says try again). Answers for an older key or attempt are dropped. The returned
 * object changes only when the state does, so it can be a memo's dependency.
 */
export function useFetch<T>(key: string, load: () => Promise<T>): Fetched<T> & { retry(): void } {
  const [fetched, setFetched] = useState<Fetched<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setFetched({ state: "loading" });
    load().then(
      (value) => current && setFetched({ state: "done", value }),
      (error: unknown) => current && setFetched({ state: "failed", error: describeError(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; the key and the attempt say when to ask again.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return useMemo(() => ({ ...fetched, retry }), [fetched, retry]);
}
