import type { EntityView } from "@corpus/schema";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { formatDate, humanize, plural, safeExternalUrl } from "@/lib/format";
import {
  documentPath,
  type EntityKind,
  entityId,
  entityKindLabels,
  entityPath,
  idSlug,
  slugFromSegment,
} from "@/lib/ids";
import { load } from "@/lib/load";
import { entityIdFromSegment } from "@/lib/route-ids";
import { emptySearchState, type EntityFilterName, searchHref, withDateBucket } from "@/lib/search-params";
import { getQueryClient, trpc } from "@/trpc/server";
import { ApiProblemNotice } from "./api-problem";
import { DocumentSummaryItem } from "./document-summary";
import { EntityLink, EntityLinks } from "./entity-link";
import { PeopleNetwork } from "./people-network";
import { TimelineChart } from "./timeline-chart";

export async function fetchEntity(kind: EntityKind, segment: string) {
  const id = entityIdFromSegment(kind, segment);
  if (!id) notFound();
  const input = { id };
  const queryClient = getQueryClient();
  switch (kind) {
    case "person":
      return load(queryClient.fetchQuery(trpc.people.get.queryOptions(input)));
    case "organization":
      return load(queryClient.fetchQuery(trpc.organizations.get.queryOptions(input)));
    case "topic":
      return load(queryClient.fetchQuery(trpc.topics.get.queryOptions(input)));
    default:
      return load(queryClient.fetchQuery(trpc.regions.get.queryOptions(input)));
  }
}

/**
 * People and organizations play parts in a document (speaker, author, host); a topic or region
 * is only ever what a document is about, so its one "role" ("region (2)", "As region") says
 * nothing and is not shown.
 */
function playsParts(kind: EntityKind): boolean {
  return kind === "person" || kind === "organization";
}

function EntityFacts({ view }: { view: EntityView }) {
  const entity = view.entity;
  const facts: [string, React.ReactNode][] = [];
  if (entity.aliases.length) facts.push(["Also written", entity.aliases.join("; ")]);
  if (entity.kind === "person" && entity.honorifics.length)
    facts.push(["Honorifics", entity.honorifics.join("; ")]);
  if (entity.kind === "organization") {
    if (entity.acronym) facts.push(["Acronym", entity.acronym]);
    const url = safeExternalUrl(entity.url);
    if (url)
      facts.push([
        "Website",
        <a key="url" href={url} rel="noopener noreferrer nofollow">
          {url}
        </a>,
      ]);
  }
  if (entity.kind === "region") {
    facts.push(["Type", entity.regionType === "country" ? "Country" : "Named region"]);
    if (entity.iso3166)
      facts.push([
        "ISO 3166",
        [entity.iso3166.alpha2, entity.iso3166.alpha3, entity.iso3166.numeric].filter(Boolean).join(" · "),
      ]);
    if (entity.countries.length) facts.push(["Countries", entity.countries.join(", ")]);
  }
  if (view.roles.length && playsParts(entity.kind))
    facts.push([
      "Roles",
      view.roles.map((role) => `${humanize(role.role).toLowerCase()} (${role.count})`).join(", "),
    ]);
  if (!facts.length) return null;
  return (
    <dl className="fields">
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Position = EntityView["positions"][number];

/** Runs of the same title and affiliations become one entry with a date range. */
export function collapsePositions(
  positions: readonly Position[],
): (Position & { until?: Position["date"]; times: number })[] {
  const result: (Position & { until?: Position["date"]; times: number })[] = [];
  const key = (position: Position) =>
    `${position.title ?? ""}|${position.affiliations.map((item) => item.id).join(",")}`;
  for (const position of positions) {
    const last = result.at(-1);
    if (last && key(last) === key(position)) {
      result[result.length - 1] = {
        ...last,
        document: position.document,
        until: position.date,
        times: last.times + 1,
      };
    } else {
      result.push({ ...position, times: 1 });
    }
  }
  return result;
}

function CountList({ title, items }: { title: string; items: EntityView["people"] }) {
  if (!items.length) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className="plain">
        {items.slice(0, 15).map((item) => (
          <li key={item.id}>
            <EntityLink id={item.id} name={item.name} /> <span className="muted small">({item.count})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A person, organization, topic or region: documents by role, positions over time, who and what co-occurs. */
export async function EntityPage({ kind, segment }: { kind: EntityKind; segment: string }) {
  const loaded = await fetchEntity(kind, segment);
  if (!loaded.ok) return <ApiProblemNotice problem={loaded.problem} what={`this ${kind}`} headingLevel={1} />;
  const view = loaded.data;
  // A merged-away person or another spelling's id (an old link), or a whole id typed into the
  // address ("/people/person:frank-aum"): the page's own address.
  if (view.entity.id !== entityId(kind, slugFromSegment(segment)) || slugFromSegment(segment).includes(":")) {
    const path = entityPath(view.entity.id);
    if (path) permanentRedirect(path);
  }
  const filterName: EntityFilterName = kind;
  const filtered = { ...emptySearchState(), [filterName]: [idSlug(view.entity.id)] };
  const roles = playsParts(kind)
    ? [...new Set(view.documents.flatMap((item) => (item.roles.length ? item.roles : [""])))]
    : [""];
  return (
    <article>
      <p className="meta muted">{entityKindLabels[kind].one}</p>
      <h1>{view.entity.name}</h1>
      {"description" in view.entity && view.entity.description ? (
        <p className="section-text">{view.entity.description}</p>
      ) : null}
      {view.documentCount > 0 ? (
        <p>
          {plural(view.documentCount, "document")} in the library ·{" "}
          <Link href={searchHref(filtered)} prefetch={false}>
            Search within them
          </Link>
        </p>
      ) : (
        // An entity the library knows from a list of names (or whose documents were removed):
        // a page of empty headings and a link to an empty search would look broken.
        <p>No document in the library names this {entityKindLabels[kind].one.toLowerCase()} yet.</p>
      )}
      {view.possibleDuplicates?.length ? (
        <aside className="notice small" aria-label="Possibly the same person">
          May be the same person as{" "}
          {view.possibleDuplicates.map((other, index) => (
            <span key={other.id}>
              {index > 0 ? ", " : ""}
              <Link href={entityPath(other.id) ?? "/people"} prefetch={false}>
                {other.name}
              </Link>{" "}
              ({plural(other.documentCount, "document")})
            </span>
          ))}
          : the same names in another order, or with a middle name more or less.{" "}
          <Link href="/people/duplicates" prefetch={false}>
            Not merged
          </Link>
          , since such names can also be two people.
        </aside>
      ) : null}
      <EntityFacts view={view} />
      {view.timeline.length ? (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Over time</h2>
          <TimelineChart
            buckets={view.timeline}
            title={`Documents naming ${view.entity.name}`}
            hrefFor={(bucket) => searchHref(withDateBucket(filtered, bucket))}
          />
        </section>
      ) : null}
      {view.documentCount > 0 ? (
        <div className="two-columns">
          <div>
            <h2>Documents</h2>
            {roles.map((role) => {
              const documents = playsParts(kind)
                ? view.documents.filter((item) =>
                    role ? item.roles.includes(role) : item.roles.length === 0,
                  )
                : view.documents;
              return (
                <section
                  key={role || "none"}
                  aria-label={role ? `As ${humanize(role).toLowerCase()}` : "Documents"}
                >
                  {role ? <h3>As {humanize(role).toLowerCase()}</h3> : null}
                  <ul className="hits">
                    {documents.map((item) => (
                      <DocumentSummaryItem
                        key={item.document.id}
                        document={item.document}
                        // Under "As speaker" (h3) when grouped by role, else right under "Documents" (h2).
                        headingLevel={role ? 4 : 3}
                        compact
                      />
                    ))}
                  </ul>
                </section>
              );
            })}
            {view.documents.length < view.documentCount ? (
              <p className="small">
                Showing {view.documents.length} of {view.documentCount}.{" "}
                <Link href={searchHref(filtered)} prefetch={false}>
                  See them all in the search
                </Link>
              </p>
            ) : null}
            {view.positions.length ? (
              <section aria-labelledby="positions-heading">
                <h2 id="positions-heading">Titles and affiliations over time</h2>
                <ul className="plain people-list">
                  {collapsePositions(view.positions).map((position) => (
                    <li key={`${position.document.id}-${position.title ?? ""}`}>
                      <span className="muted small">
                        {formatDate(position.date)}
                        {position.until ? ` to ${formatDate(position.until)}` : ""}
                        {position.times > 1 ? ` · in ${position.times} documents, latest:` : ""}
                      </span>
                      <div>
                        {position.title ?? ""}
                        {position.title && position.affiliations.length ? ", " : ""}
                        <EntityLinks items={position.affiliations} />
                      </div>
                      <div className="small">
                        in{" "}
                        <Link href={documentPath(position.document.id)} prefetch={false}>
                          {position.document.title}
                        </Link>
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
          <aside aria-label="Who and what appears alongside">
            <h2>Appears alongside</h2>
            <CountList
              // Everyone named in the same documents, whatever their part: the one a person co-wrote
              // with, and the leader their analysis only mentions.
              title={kind === "person" ? "People in the same documents" : "People"}
              items={view.people}
            />
            <CountList title="Organizations" items={view.organizations} />
            <CountList title="Topics" items={view.topics} />
            <CountList title="Regions" items={view.regions} />
          </aside>
        </div>
      ) : null}
      {view.people.length > 1 ? (
        <section aria-labelledby="network-heading">
          <h2 id="network-heading">Who appeared together</h2>
          <PeopleNetwork
            documents={view.documents.map((item) => item.document)}
            names={
              new Map([
                ...view.people.map((person): [string, string] => [person.id, person.name]),
                [view.entity.id, view.entity.name],
              ])
            }
            maxNodes={30}
          />
        </section>
      ) : null}
    </article>
  );
}
