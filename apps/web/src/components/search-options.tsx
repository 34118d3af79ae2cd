"use client";

import { useId } from "react";
import {
  normalizeSectionHeading,
  type SearchScope,
  type SearchState,
  scopeChanges,
  suggestedSectionHeadings,
} from "@/lib/search-params";

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
 * The options of the search form: advanced syntax (with what it allows, in words a screen reader
 * reads with the checkbox) and where the words must match. Plain form fields, read when the form
 * is sent, so they work without JavaScript too; the heading field shows (by CSS) only while "One
 * section" is chosen. The parent remounts this with a new `key` when the URL's options change.
 */
export function SearchOptions({
  state,
  headingMissing,
  onChange,
}: {
  state: SearchState;
  /** Set after "One section" was sent without a heading. */
  headingMissing: boolean;
  onChange: () => void;
}) {
  const id = useId();
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
            maxLength={200}
            aria-invalid={headingMissing ? true : undefined}
            aria-describedby={headingMissing ? problemId : undefined}
          />
          <datalist id={headingsId}>
            {suggestedSectionHeadings.map((heading) => (
              <option key={heading} value={heading} />
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
