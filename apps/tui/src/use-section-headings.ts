import { MAX_SECTION_HEADINGS, type SectionHeading } from "@corpus/schema";
import { useEffect, useState } from "react";
import { type DataSource, describeError } from "./data-source.js";
import { DEBOUNCE_MS } from "./use-search-results.js";

export interface SectionHeadingAnswer {
  /** The headings starting with `prefix`; undefined until the first answer, or after a failure. */
  headings: SectionHeading[] | undefined;
  /** The typed text the shown answer is for (the rows stay while the next one is asked for). */
  prefix: string | undefined;
  error: string | undefined;
}

const NOT_ASKED: SectionHeadingAnswer = { headings: undefined, prefix: undefined, error: undefined };

/**
 * The library's headings that start with what the heading box holds, while it is open (`prefix`
 * undefined: closed, nothing asked). Typing waits DEBOUNCE_MS after the last key; an answer that
 * comes after a newer question is dropped.
 */
export function useSectionHeadings(dataSource: DataSource, prefix: string | undefined): SectionHeadingAnswer {
  const [answer, setAnswer] = useState<SectionHeadingAnswer>(NOT_ASKED);
  const answered = answer.prefix !== undefined;
  useEffect(() => {
    // Closed: the next opening starts afresh, not from the rows of another heading.
    if (prefix === undefined) return setAnswer(NOT_ASKED);
    let current = true;
    const timer = setTimeout(
      () => {
        dataSource.sectionHeadings(prefix, MAX_SECTION_HEADINGS).then(
          (headings) => {
            if (current) setAnswer({ headings, prefix, error: undefined });
          },
          (error: unknown) => {
            if (current) setAnswer({ headings: undefined, prefix, error: describeError(error) });
          },
        );
      },
      answered ? DEBOUNCE_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `answered` only sets the first delay: it must not ask again when the first answer lands.
  }, [dataSource, prefix]);
  return answer;
}
