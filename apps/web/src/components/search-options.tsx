"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  MAX_SECTION_LENGTH,
  normalizeSectionHeading,
  type SearchScope,
  type SearchState,
  scopeChanges,
} from "@/lib/search-params";
import {
  type OfferedSectionHeadings,
  offeredSectionHeadings,
  SECTION_HEADINGS_OFFERED,
  sectionHeadingLabel,
} from "@/lib/section-headings";
import { useDebounced } from "@/lib/use-debounced";
import { useTRPC } from "@/trpc/client";

const scopeChoices: { value: SearchScope; label: string }[] = [
  { value: "all", label: "Everywhere" },
  { value: "title", label: "Titles only" },
  { value: "section", label: "One section" },
];

/** How the words of a search are read, as the search form's fields say it right now. */
export function readSearchOptions(
  form: HTMLFormElement,
): Pick<SearchState, "advanced" | "scope" | "section"> {
  const data = new FormData(form);
  const scope = scopeChoices.find((choice) => choice.value === data.get("scope"))?.value ?? "all";
  return {
    advanced: data.get("mode") === "advanced",
    ...scopeChanges(scope, String(data.get("section") ?? "")),
  };
}

/** True when the form asks for one section but names none: the reader is asked for the heading. */
export function lacksSectionHeading(form: HTMLFormElement): boolean {
  const data = new FormData(form);
  return data.get("scope") === "section" && normalizeSectionHeading(String(data.get("section") ?? "")) === "";
}

/**
 * The headings to suggest for what is typed in the heading field: the page's list when it is the
 * library's; else, once "One section" is chosen, the library's as the API lists them (the page
 * asks only for a search already scoped to a section, so other searches do not wait for them).
 * When the library has more headings than one list holds, those the API finds starting with the
 * typed text. While an answer is on its way, or when it fails, the list there is.
 */
function useSectionHeadingChoices(offered: OfferedSectionHeadings, sectionChosen: boolean, typed: string) {
  const trpc = useTRPC();
  const listed = useQuery({
    ...trpc.documents.sectionHeadings.queryOptions({ limit: SECTION_HEADINGS_OFFERED }),
    enabled: !offered.fromLibrary && sectionChosen,
    staleTime: 60_000,
  });
  const base = !offered.fromLibrary && listed.data ? offeredSectionHeadings(listed.data) : offered;
  const prefix = useDebounced(normalizeSectionHeading(typed), 150);
  const narrowed = useQuery({
    ...trpc.documents.sectionHeadings.queryOptions({
      prefix: prefix.slice(0, MAX_SECTION_LENGTH),
      limit: SECTION_HEADINGS_OFFERED,
    }),
    enabled: base.partial && prefix.length > 0,
    staleTime: 60_000,
  });
  return base.partial && prefix && narrowed.data ? narrowed.data : base.choices;
}

/**
 * The options of the search form: advanced syntax (with what it allows, in words a screen reader
 * reads with the checkbox) and where the words must match. Plain form fields, read when the form
 * is sent, so they work without JavaScript too; the heading field shows (by CSS) only while "One
 * section" is chosen, suggesting the library's headings with their document counts. The parent
 * remounts this with a new `key` when the URL's options change.
 */
export function SearchOptions({
  state,
  sectionHeadings,
  headingMissing,
  onChange,
}: {
  state: SearchState;
  sectionHeadings: OfferedSectionHeadings;
  /** Set after "One section" was sent without a heading. */
  headingMissing: boolean;
  onChange: () => void;
}) {
  const id = useId();
  const [typedHeading, setTypedHeading] = useState(state.section ?? "");
  const [scope, setScope] = useState(state.scope);
  const headingChoices = useSectionHeadingChoices(sectionHeadings, scope === "section", typedHeading);
  const syntaxId = `${id}-syntax`;
  const headingId = `${id}-heading`;
  const headingsId = `${id}-headings`;
  const problemId = `${id}-problem`;
  return (
    <div className="search-options" onChange={onChange}>
      <div className="search-option advanced-option">
        <input
          type="checkbox"
          id={`${id}-advanced`}
          name="mode"
          value="advanced"
          defaultChecked={state.advanced}
          aria-describedby={syntaxId}
        />
        <label htmlFor={`${id}-advanced`}>Advanced syntax</label>
        <span id={syntaxId} className="small muted syntax-help">
          <code>"exact phrase"</code> for the words in that order · <code>prefix*</code> for any ending ·{" "}
          <code>a OR b</code> for either · <code>-word</code> to leave a word out
        </span>
      </div>
      <fieldset className="search-option search-scope">
        <legend>Search in</legend>
        {scopeChoices.map((choice) => (
          <label key={choice.value} className="scope-choice">
            <input
              type="radio"
              name="scope"
              value={choice.value}
              defaultChecked={state.scope === choice.value}
              onChange={(event) => {
                if (event.target.checked) setScope(choice.value);
              }}
            />{" "}
            {choice.label}
          </label>
        ))}
        <span className="section-heading-field">
          <label htmlFor={headingId}>Section heading</label>
          <input
            type="text"
            id={headingId}
            name="section"
            list={headingsId}
            defaultValue={state.section ?? ""}
            placeholder="e.g. In the News"
            autoComplete="off"
            maxLength={MAX_SECTION_LENGTH}
            aria-invalid={headingMissing ? true : undefined}
            aria-describedby={headingMissing ? problemId : undefined}
            onChange={(event) => setTypedHeading(event.target.value)}
          />
          <datalist id={headingsId}>
            {headingChoices.map((choice) => (
              <option key={choice.heading} value={choice.heading} label={sectionHeadingLabel(choice)} />
            ))}
          </datalist>
        </span>
      </fieldset>
      {headingMissing ? (
        <p id={problemId} className="field-problem small" role="alert">
          Type the heading of the section to search in (for example “In the News”), or choose Everywhere.
        </p>
      ) : null}
    </div>
  );
}
