import type { SectionHeading } from "@corpus/schema";
import { plural } from "./format";
import { suggestedSectionHeadings } from "./search-params";

// Shared with the search form, a client component: types only from @corpus/schema.

/** How many of the library's headings the search page lists: the most documented ones. */
export const SECTION_HEADINGS_OFFERED = 50;

/** A heading the "One section" field suggests; the count is there when the library listed it. */
export interface SectionHeadingChoice {
  heading: string;
  documentCount?: number;
}

export interface OfferedSectionHeadings {
  choices: SectionHeadingChoice[];
  /** The choices are the library's (not the fixed list the form falls back on). */
  fromLibrary: boolean;
  /**
   * The library has more headings than the page lists: as the reader types, the form asks the
   * API for those starting with what is typed.
   */
  partial: boolean;
}

/**
 * What the heading field offers: the library's headings as the API listed them, or the Peace
 * Science Digest's when the API was not asked or could not answer (`null`), so the search form
 * never depends on the answer. A library without headings offers none.
 */
export function offeredSectionHeadings(listed: readonly SectionHeading[] | null): OfferedSectionHeadings {
  if (!listed)
    return {
      choices: suggestedSectionHeadings.map((heading) => ({ heading })),
      fromLibrary: false,
      partial: false,
    };
  return { choices: [...listed], fromLibrary: true, partial: listed.length >= SECTION_HEADINGS_OFFERED };
}

/**
 * A suggestion's label: "In the News · 12 documents". Chromium shows it under the heading, other
 * browsers show it instead of the heading, so it names the heading too.
 */
export function sectionHeadingLabel(choice: SectionHeadingChoice): string {
  return choice.documentCount === undefined
    ? choice.heading
    : `${choice.heading} · ${plural(choice.documentCount, "document")}`;
}
