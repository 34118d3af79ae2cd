"use client";

import type { EntityListItem } from "@corpus/schema";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState, useTransition } from "react";
import { entityKindLabels } from "@/lib/ids";
import {
  type EntityFilterName,
  entityFilterPrefixes,
  type SearchState,
  searchHref,
  toSearchParams,
  withChanges,
} from "@/lib/search-params";
import type { OfferedSectionHeadings } from "@/lib/section-headings";
import { useDebounced } from "@/lib/use-debounced";
import { useTRPC } from "@/trpc/client";
import { lacksSectionHeading, readSearchOptions, SearchOptions } from "./search-options";

const filterForKind: Record<EntityListItem["kind"], EntityFilterName> = {
  person: "person",
  organization: "organization",
  topic: "topic",
  region: "region",
};

/**
 * The query box with typeahead (an ARIA 1.2 combobox) and the options of how its words are read.
 * Picking a suggestion filters the search by that person, organization, topic or region. Without
 * JavaScript it is a plain GET form.
 */
export function SearchBox({
  state,
  sectionHeadings,
  action = "/",
}: {
  state: SearchState;
  /** What the "One section" heading field suggests (see offeredSectionHeadings). */
  sectionHeadings: OfferedSectionHeadings;
  action?: string;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState(state.text);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The options (as in the URL) under which "One section" was sent without a heading: the request
  // for one stays up until the reader changes an option or the URL's options change.
  const [headingMissingFor, setHeadingMissingFor] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The options follow the URL (a chip removed, the back button) by starting over from it.
  const optionsKey = `${state.advanced}|${state.scope}|${state.section ?? ""}`;
  const prefix = useDebounced(text.trim(), 150);
  const suggestions = useQuery({
    ...trpc.entities.autocomplete.queryOptions({ prefix: prefix.slice(0, 100), limit: 8 }),
    enabled: open && prefix.length >= 2,
    staleTime: 5 * 60_000,
  });
  // Suggestions only for what the box says now: while the debounce catches up, the list of the
  // previous words ("peace" while "sud" is typed) would offer, and let Enter pick, the wrong thing.
  const items = open && prefix.length >= 2 && prefix === text.trim() ? (suggestions.data ?? []) : [];
  const expanded = items.length > 0;

  // The box follows the URL's words when a link changes them. On the first run the box is the one
  // the server sent, and may hold words typed before this script arrived: React's state does not
  // know them, so the first Search would look for nothing. They are taken up instead.
  const inputRef = useRef<HTMLInputElement>(null);
  const followedText = useRef(state.text);
  useEffect(() => {
    if (followedText.current === state.text) {
      const typed = inputRef.current?.value;
      if (typed !== undefined) setText(typed);
      return;
    }
    followedText.current = state.text;
    setText(state.text);
  }, [state.text]);

  function choose(item: EntityListItem) {
    const name = filterForKind[item.kind];
    const slug = item.id.slice(entityFilterPrefixes[name].length + 1);
    const current = state[name];
    setOpen(false);
    setText("");
    router.push(
      searchHref(
        withChanges(state, {
          ...(formRef.current ? readSearchOptions(formRef.current) : {}),
          text: "",
          [name]: current.includes(slug) ? current : [...current, slug],
        }),
      ),
    );
  }

  // The page under a new search keeps showing until the new one is ready (no route-level
  // loading screen: it hid the results from readers without JavaScript), so say it is coming.
  const [searching, startSearch] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOpen(false);
    const form = event.currentTarget;
    // "One section" with no heading would quietly search everywhere: ask for the heading instead.
    if (lacksSectionHeading(form)) {
      setHeadingMissingFor(optionsKey);
      form.querySelector<HTMLInputElement>('input[name="section"]')?.focus();
      return;
    }
    setHeadingMissingFor(null);
    const href = searchHref(withChanges(state, { ...readSearchOptions(form), text: text.trim() }));
    startSearch(() => router.push(href));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % items.length);
    } else if (event.key === "ArrowUp" && items.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? items.length - 1 : index - 1));
    } else if (event.key === "Enter" && expanded && active >= 0 && items[active]) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  }

  // Everything the URL holds that the form's own fields do not: the filters, the sort.
  const hidden = [
    ...toSearchParams(
      withChanges(state, { text: "", advanced: false, scope: "all", section: undefined }),
    ).entries(),
  ];

  return (
    <search aria-label="Search the library">
      <form ref={formRef} className="search-form" action={action} method="get" onSubmit={submit}>
        <div className="combobox">
          <label htmlFor="search-input" className="visually-hidden">
            Search words
          </label>
          <input
            ref={inputRef}
            id="search-input"
            type="search"
            name="q"
            value={text}
            placeholder="Search events, publications, people, topics…"
            autoComplete="off"
            maxLength={500}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
          />
          <div id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!expanded}>
            {items.map((item, index) => (
              <div
                key={item.id}
                tabIndex={-1}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(item);
                }}
              >
                <span>{item.name}</span>
                <span className="small">
                  {entityKindLabels[item.kind].one} · {item.documentCount}
                </span>
              </div>
            ))}
          </div>
        </div>
        {hidden.map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" aria-busy={searching || undefined}>
          {searching ? "Searching…" : "Search"}
        </button>
        <SearchOptions
          key={optionsKey}
          state={state}
          sectionHeadings={sectionHeadings}
          headingMissing={headingMissingFor === optionsKey}
          onChange={() => setHeadingMissingFor(null)}
        />
      </form>
      <p className="visually-hidden" aria-live="polite">
        {expanded ? `${items.length} suggestions; use the arrow keys to choose` : ""}
      </p>
    </search>
  );
}
