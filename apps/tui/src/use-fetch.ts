import { useEffect, useState } from "react";
import { describeError } from "./data-source.js";

export type Fetched<T> =
  | { state: "loading" }
  | { state: "done"; value: T }
  | { state: "failed"; error: string };

/** Loads `load()` whenever `key` changes; answers for an older key are dropped. */
export function useFetch<T>(key: string, load: () => Promise<T>): Fetched<T> {
  const [fetched, setFetched] = useState<Fetched<T>>({ state: "loading" });
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
    // `load` is a new closure each render; the key says when it asks for something new.
  }, [key]);
  return fetched;
}
