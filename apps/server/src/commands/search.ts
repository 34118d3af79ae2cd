import type { SearchQueryInput } from "@corpus/schema";
import { formatPartialDate } from "@corpus/schema";
import { InvalidCursorError, type Store } from "@corpus/store";
import { type Command, EXIT_OK, UsageError } from "../command.js";
import { listOption, parseArguments, printable } from "../lib/arguments.js";
import { looksLikeId, resolveEntityName } from "../lib/entity-names.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus search "<text>" [options]

Full-text search with filters. Several values of one filter (repeat the option or separate
with commas) combine with OR; different filters with AND. A name given for a topic, region,
person or organization is looked up in the library; when it could be several, the error lists
their ids.

Options:
  --kind K          event, publication, issue, stub
  --subtype S       analysis, commentary, article, report, digest-article, ...
  --topic T         an id or a name: topic:peace-processes, "peace processes"
  --region R        region:KR, KR, "South Korea"
  --person P        person:frank-aum, "Frank Aum", aum (when only one person matches)
  --organization O  org:united-states-institute-of-peace, "United States Institute of Peace"
  --role R          speaker, moderator, author, ...
  --from YYYY[-MM[-DD]]  --to YYYY[-MM[-DD]]   date range (partial dates overlap)
  --sort S          relevance (default), newest, oldest
  --scope S         all (default), title, section (with --section "Heading")
  --advanced        allow "phrases", prefix*, OR and -not
  --limit N         1-100 (default 20)
  --cursor C        the next page, as printed by the previous one
  --json            the full result as JSON (hits, facets, nextCursor)
  --db PATH|URL     the library

Example:
  corpus search "nuclear talks" --kind publication --from 2020`;

/** The filters that name entities, where a name may stand for an id. */
const ENTITY_FILTERS = ["topic", "region", "person", "organization"] as const;

/** The query with the named filters' values left out, to check the rest before the library opens. */
function withoutNames(input: SearchQueryInput, kinds: readonly (typeof ENTITY_FILTERS)[number][]) {
  const filters = { ...input.filters };
  for (const kind of kinds) delete filters[kind];
  return { ...input, filters };
}

/** The option a schema issue is about: ["filters", "kind", 0] is --kind, ["text"] the search text. */
function optionOf(path: readonly PropertyKey[]): string {
  const name = path.filter((part) => typeof part === "string" && part !== "filters").at(-1);
  return name === undefined || name === "text" ? "the search text" : `--${String(name)}`;
}

/** A cursor from another search (or mistyped) is the caller's mistake: a usage error, exit 2. */
async function searchWithCursor(store: Store, query: Parameters<Store["search"]>[0]) {
  try {
    return await store.search(query);
  } catch (error) {
    if (error instanceof InvalidCursorError)
      throw new UsageError(
        "--cursor does not belong to this search (same text, filters and sort as the page that printed it); run the search again without it",
      );
    throw error;
  }
}

export const searchCommand: Command = {
  name: "search",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseArguments(argv, {
      kind: { type: "string", multiple: true },
      subtype: { type: "string", multiple: true },
      topic: { type: "string", multiple: true },
      region: { type: "string", multiple: true },
      person: { type: "string", multiple: true },
      organization: { type: "string", multiple: true },
      role: { type: "string", multiple: true },
      from: { type: "string" },
      to: { type: "string" },
      sort: { type: "string" },
      scope: { type: "string" },
      section: { type: "string" },
      advanced: { type: "boolean", default: false },
      limit: { type: "string" },
      cursor: { type: "string" },
      json: { type: "boolean", default: false },
      db: { type: "string" },
    });
    if (positionals.length > 1)
      throw new UsageError('put the search text in quotes: corpus search "nuclear talks"');
    const filters: Record<string, unknown> = {};
    for (const name of ["kind", "subtype", "topic", "region", "person", "organization", "role"] as const) {
      const list = listOption(values[name] as string[] | undefined);
      if (list) filters[name] = list;
    }
    const named = ENTITY_FILTERS.filter((kind) =>
      (filters[kind] as string[] | undefined)?.some((value) => !looksLikeId(value)),
    );
    if (values.from) filters.from = values.from;
    if (values.to) filters.to = values.to;
    const input: SearchQueryInput = {
      text: positionals[0] ?? "",
      filters: filters as SearchQueryInput["filters"],
    };
    if (values.sort) input.sort = values.sort as SearchQueryInput["sort"];
    if (values.scope) input.scope = values.scope as SearchQueryInput["scope"];
    if (values.section) input.section = values.section as string;
    if (values.advanced) input.mode = "advanced";
    if (values.cursor) input.cursor = values.cursor as string;
    if (values.limit !== undefined) {
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw new UsageError("--limit takes a whole number from 1 to 100");
      input.limit = limit;
    }
    const { searchQuerySchema } = await import("@corpus/schema");
    const checked = (query: SearchQueryInput) => {
      const parsed = searchQuerySchema.safeParse(query);
      if (parsed.success) return parsed.data;
      throw new UsageError(
        parsed.error.issues.map((issue) => `${optionOf(issue.path)}: ${issue.message}`).join("; "),
      );
    };
    // Names are looked up in the library, so everything else is checked before it is opened.
    const query = checked(named.length > 0 ? withoutNames(input, named) : input);
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    try {
      const resolved: string[] = [];
      for (const kind of named) {
        const ids: string[] = [];
        for (const value of filters[kind] as string[]) {
          if (looksLikeId(value)) {
            ids.push(value);
            continue;
          }
          const id = await resolveEntityName(store, value, [kind], `--${kind}`);
          resolved.push(`--${kind} "${printable(value)}" is ${id}`);
          ids.push(id);
        }
        query.filters[kind] = ids;
      }
      const result = await searchWithCursor(store, named.length > 0 ? checked(query) : query);
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return EXIT_OK;
      }
      for (const line of resolved) console.log(`(${line})`);
      if (result.fellBackToLiteral)
        console.log("(the query did not parse as advanced syntax; searched its words literally)");
      for (const { from, to } of result.mergedFilterIds ?? [])
        console.log(`(${from} was merged into ${to}; searched for ${to})`);
      console.log(`${result.total} ${result.total === 1 ? "match" : "matches"}`);
      for (const hit of result.hits) {
        const document = hit.document;
        const date = document.date ? formatPartialDate(document.date, { unknownYear: "????" }) : "undated";
        console.log(
          `\n${printable(document.title)}\n  ${document.kind}${document.subtype ? `/${document.subtype}` : ""} · ${date} · ${document.id}`,
        );
        if (hit.snippet)
          console.log(
            `  ${printable(hit.snippet.map((run) => (run.highlight ? `[${run.text}]` : run.text)).join(""))}`,
          );
      }
      if (result.facets) {
        console.log("");
        for (const name of ["kind", "topic", "person", "year"] as const) {
          const top = result.facets[name]
            .slice(0, 5)
            .map((value) => `${printable(value.label)} (${value.count})`);
          if (top.length > 0) console.log(`${name}: ${top.join(", ")}`);
        }
      }
      if (result.nextCursor) console.log(`\nmore: --cursor ${result.nextCursor}`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
