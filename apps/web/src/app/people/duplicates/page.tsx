import type { Metadata } from "next";
import Link from "next/link";
import { ApiProblemNotice } from "@/components/api-problem";
import { plural } from "@/lib/format";
import { entityPath } from "@/lib/ids";
import { load } from "@/lib/load";
import type { RawSearchParams } from "@/lib/search-params";
import { getQueryClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People who may be one person" };

type Props = { searchParams: Promise<RawSearchParams> };

const GROUPS_PER_PAGE = 50;

/**
 * The library's possible duplicate people (decision 0013): names in another order, or the same
 * first and last name around a middle name or initial. Reading only: the web app has no writes,
 * so the page says how a curator joins the ones that are one person.
 */
export default async function PossibleDuplicatesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const cursors = ([] as string[])
    .concat(raw.after ?? [])
    .filter((cursor) => cursor.length <= 500)
    .slice(-50);
  const cursor = cursors.at(-1);
  const loaded = await load(
    getQueryClient().fetchQuery(
      trpc.people.duplicates.queryOptions({ limit: GROUPS_PER_PAGE, ...(cursor ? { cursor } : {}) }),
    ),
  );
  const href = (after: string[]) => {
    const params = new URLSearchParams();
    for (const value of after) params.append("after", value);
    const query = params.toString();
    return query ? `/people/duplicates?${query}` : "/people/duplicates";
  };
  if (!loaded.ok)
    return <ApiProblemNotice problem={loaded.problem} what="possible duplicates" headingLevel={1} />;
  const { groups, total, nextCursor } = loaded.data;
  return (
    <>
      <h1>People who may be one person</h1>
      <p>
        Names written in another order (“Seo Min-ji”, “Min-ji Seo”) or with a middle name or initial more or
        less (“Andrés F. Castillo”, “Andrés Felipe Castillo”) get separate pages until someone decides they
        are one person: the same words can also name two people. Nothing here is merged.
      </p>
      <p className="small muted">
        To join two pages, an editor of the library runs{" "}
        <code>corpus merge &lt;id to keep&gt; &lt;duplicate id&gt;</code> (or the API’s admin merge). Links to
        the duplicate then lead to the person kept.
      </p>
      {total === 0 ? (
        <p>No two people in the library have names that look like one written two ways.</p>
      ) : (
        <>
          <p className="small">
            {plural(total, "group")}
            {cursors.length > 0 || nextCursor ? `, ${GROUPS_PER_PAGE} a page` : ""}
          </p>
          <ol className="plain duplicate-groups">
            {groups.map((group) => (
              <li key={group[0]?.id}>
                <ul className="plain">
                  {group.map((person) => (
                    <li key={person.id}>
                      <Link href={entityPath(person.id) ?? "/people"} prefetch={false}>
                        {person.name}
                      </Link>{" "}
                      <span className="muted small">
                        {plural(person.documentCount, "doc")} · <code>{person.id}</code>
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <nav className="pager" aria-label="Pages">
            {cursors.length ? <Link href={href(cursors.slice(0, -1))}>← Previous</Link> : null}
            {nextCursor ? <Link href={href([...cursors, nextCursor])}>Next →</Link> : null}
          </nav>
        </>
      )}
    </>
  );
}
