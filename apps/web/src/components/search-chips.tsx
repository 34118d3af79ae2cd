import type { Facets } from "@corpus/schema";
import Link from "next/link";
import { formatDate, humanize, kindLabels } from "@/lib/format";
import {
  emptySearchState,
  entityFilterNames,
  entityFilterPrefixes,
  type ListFilterName,
  type SearchState,
  searchHref,
  toggleValue,
  withChanges,
} from "@/lib/search-params";

interface Chip {
  key: string;
  label: string;
  href: string;
}

/** A date filter as the reader says it: "2021-04" -> "April 2021"; none -> "". */
function formatDateBound(bound: string | undefined): string {
  if (!bound) return "";
  const [year, month, day] = bound.split("-").map(Number);
  return formatDate({
    year,
    ...(month === undefined ? {} : { month }),
    ...(day === undefined ? {} : { day }),
  });
}

/** "moderator", "moderator or speaker", "author, editor or speaker": roles as a sentence says them. */
function joinRoles(roles: readonly string[]): string {
  const words = roles.map((role) => humanize(role).toLowerCase());
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? "");
}

/**
 * Every active filter as a chip whose link removes it, and the way the words are read (advanced
 * syntax, titles or a section only) likewise. Labels come from the facets when known.
 */
export function activeChips(state: SearchState, facets: Facets | undefined): Chip[] {
  const chips: Chip[] = [];
  if (state.advanced) {
    chips.push({
      key: "mode",
      label: "Syntax: advanced",
      href: searchHref(withChanges(state, { advanced: false })),
    });
  }
  if (state.scope !== "all") {
    chips.push({
      key: "scope",
      label:
        state.scope === "title" ? "Search in: titles only" : `Search in: section “${state.section ?? ""}”`,
      href: searchHref(withChanges(state, { scope: "all", section: undefined })),
    });
  }
  // A label equal to the id is the API echoing a value it does not know: the slug reads better.
  const labelOf = (name: keyof Facets, value: string) => {
    const label = facets?.[name].find((item) => item.value === value)?.label;
    return label === value ? undefined : label;
  };
  const add = (name: ListFilterName, value: string, label: string, title: string) =>
    chips.push({
      key: `${name}:${value}`,
      label: `${title}: ${label}`,
      href: searchHref(toggleValue(state, name, value)),
    });
  for (const value of state.kind) add("kind", value, kindLabels[value] ?? value, "Kind");
  for (const value of state.subtype) add("subtype", value, humanize(value), "Type");
  // With people chosen, the API reads the roles as theirs ("Frank Aum as moderator"), so each
  // person's chip says so and no role stands on its own. Removing the last of those people
  // removes the roles too: what the chip said goes as a whole, not leaving "someone as moderator".
  const rolesOfPeople = state.person.length > 0 && state.role.length > 0 ? joinRoles(state.role) : "";
  for (const name of entityFilterNames) {
    for (const slug of state[name]) {
      const id = `${entityFilterPrefixes[name]}:${slug}`;
      const label = labelOf(name, id) ?? slug;
      if (name === "person" && rolesOfPeople) {
        const rest = state.person.filter((item) => item !== slug);
        chips.push({
          key: `person:${slug}`,
          label: `Person: ${label} as ${rolesOfPeople}`,
          href: searchHref(withChanges(state, rest.length ? { person: rest } : { person: [], role: [] })),
        });
      } else add(name, slug, label, humanize(name));
    }
  }
  if (!rolesOfPeople) for (const value of state.role) add("role", value, humanize(value), "Role");
  if (state.from || state.to) {
    const from = formatDateBound(state.from);
    const to = formatDateBound(state.to);
    // "2019 to …" left the reader to guess what the dots stood for.
    const label = from === to ? from : !to ? `from ${from}` : !from ? `until ${to}` : `${from} to ${to}`;
    chips.push({
      key: "date",
      label: `Date: ${label}`,
      href: searchHref(withChanges(state, { from: undefined, to: undefined })),
    });
  }
  return chips;
}

export function SearchChips({ state, facets }: { state: SearchState; facets: Facets | undefined }) {
  const chips = activeChips(state, facets);
  if (!chips.length) return null;
  return (
    <section aria-label="Active filters">
      <ul className="chips">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link className="chip" href={chip.href} title={`Remove filter ${chip.label}`} prefetch={false}>
              <span className="visually-hidden">Remove filter </span>
              {chip.label}{" "}
              <span className="remove" aria-hidden="true">
                ×
              </span>
            </Link>
          </li>
        ))}
        <li>
          <Link
            className="chip"
            href={searchHref({ ...emptySearchState(), text: state.text })}
            prefetch={false}
          >
            Clear all filters
          </Link>
        </li>
      </ul>
    </section>
  );
}
