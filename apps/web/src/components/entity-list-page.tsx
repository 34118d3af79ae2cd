import Link from "next/link";
import { plural } from "@/lib/format";
import { type EntityKind, entityKindLabels, entityPath, entitySection } from "@/lib/ids";
import { load } from "@/lib/load";
import type { RawSearchParams } from "@/lib/search-params";
import { getQueryClient, trpc } from "@/trpc/server";
import { ApiProblemNotice } from "./api-problem";

export type EntityListPageProps = { searchParams: Promise<RawSearchParams> };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function listQuery(
  kind: EntityKind,
  input: { prefix?: string; limit: number; cursor?: string; sort: "name" | "count" },
) {
  const queryClient = getQueryClient();
  switch (kind) {
    case "person":
      return queryClient.fetchQuery(trpc.people.list.queryOptions(input));
    case "organization":
      return queryClient.fetchQuery(trpc.organizations.list.queryOptions(input));
    case "topic":
      return queryClient.fetchQuery(trpc.topics.list.queryOptions(input));
    default:
      return queryClient.fetchQuery(trpc.regions.list.queryOptions(input));
  }
}

/** Every person (organization, topic, region) in the library, by document count or by name. */
export async function EntityListPage({
  kind,
  searchParams,
}: {
  kind: EntityKind;
  searchParams: RawSearchParams;
}) {
  const sort = one(searchParams.sort) === "name" ? "name" : "count";
  const prefix = (one(searchParams.prefix) ?? "").slice(0, 100);
  const cursors = ([] as string[])
    .concat(searchParams.after ?? [])
    .filter((cursor) => cursor.length <= 500)
    .slice(-50);
  const cursor = cursors.at(-1);
  const loaded = await load(
    listQuery(kind, { limit: 100, sort, ...(prefix ? { prefix } : {}), ...(cursor ? { cursor } : {}) }),
  );
  const base = `/${entitySection(kind)}`;
  const href = (changes: { sort?: string; after?: string[] }) => {
    const params = new URLSearchParams();
    if ((changes.sort ?? sort) === "name") params.set("sort", "name");
    if (prefix) params.set("prefix", prefix);
    for (const value of changes.after ?? []) params.append("after", value);
    const query = params.toString();
    return query ? `${base}?${query}` : base;
  };
  const label = entityKindLabels[kind];
  return (
    <>
      <h1>{label.many}</h1>
      <search aria-label={`Find ${label.many.toLowerCase()}`}>
        <form method="get" action={base} className="search-form">
          <div className="combobox">
            <label htmlFor="prefix" className="visually-hidden">
              Name starts with
            </label>
            <input
              id="prefix"
              type="search"
              name="prefix"
              defaultValue={prefix}
              placeholder="Name starts with…"
              maxLength={100}
            />
          </div>
          {sort === "name" ? <input type="hidden" name="sort" value="name" /> : null}
          <button type="submit">Find</button>
        </form>
      </search>
      <p className="small choices">
        Order:{" "}
        <Link href={href({ sort: "count" })} aria-current={sort === "count" ? "true" : undefined}>
          most documents
        </Link>{" "}
        ·{" "}
        <Link href={href({ sort: "name" })} aria-current={sort === "name" ? "true" : undefined}>
          name
        </Link>
        {kind === "person" ? (
          <>
            {" "}
            · <Link href="/people/duplicates">names that may be one person</Link>
          </>
        ) : null}
      </p>
      {loaded.ok ? (
        <>
          {loaded.data.items.length === 0 ? <p>None found.</p> : null}
          <ul className="plain entity-grid">
            {loaded.data.items.map((item) => (
              <li key={item.id}>
                <Link href={entityPath(item.id) ?? base} prefetch={false}>
                  {item.name}
                </Link>{" "}
                <span className="muted small count">{plural(item.documentCount, "doc")}</span>
              </li>
            ))}
          </ul>
          <nav className="pager" aria-label="Pages">
            {cursors.length ? <Link href={href({ after: cursors.slice(0, -1) })}>← Previous</Link> : null}
            {loaded.data.nextCursor ? (
              <Link href={href({ after: [...cursors, loaded.data.nextCursor] })}>Next →</Link>
            ) : null}
          </nav>
        </>
      ) : (
        <ApiProblemNotice problem={loaded.problem} what={label.many.toLowerCase()} />
      )}
    </>
  );
}
