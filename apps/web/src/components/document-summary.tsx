import type { DocumentSummary, Snippet } from "@corpus/schema";
import Link from "next/link";
import { Fragment } from "react";
import { formatDate, humanize, isoDate, kindLabels } from "@/lib/format";
import { documentPath } from "@/lib/ids";
import { SnippetText } from "./snippet";

/** One document in a list: title link, kind, date, site, people, and the matching passage. */
export function DocumentSummaryItem({
  document,
  snippet,
  roles,
  headingLevel = 3,
  compact = false,
}: {
  document: DocumentSummary;
  snippet?: Snippet | undefined;
  roles?: string[];
  headingLevel?: 2 | 3 | 4;
  /** Title and one line of facts only: for long lists beside other content. */
  compact?: boolean;
}) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  const people = document.people.slice(0, 4);
  return (
    <li className="hit">
      <Heading>
        <Link href={documentPath(document.id)} prefetch={false}>
          {document.title}
        </Link>
      </Heading>
      <div className="meta">
        <span className={`badge kind-${document.kind}`}>
          {document.subtype ? humanize(document.subtype) : (kindLabels[document.kind] ?? document.kind)}
        </span>
        {/* " · " only between facts, so an undated record does not start with a stray separator */}
        {[
          document.date ? (
            <time key="date" dateTime={isoDate(document.date)}>
              {formatDate(document.date)}
            </time>
          ) : null,
          document.site ?? null,
          document.extent === "teaser" ? "teaser only" : null,
          roles?.length ? `as ${roles.map(humanize).join(", ").toLowerCase()}` : null,
        ]
          .filter((fact) => fact !== null)
          .map((fact, index) => (
            <Fragment key={index}>
              {index > 0 ? " · " : null}
              {fact}
            </Fragment>
          ))}
      </div>
      {people.length && !compact ? (
        <div className="meta">
          {people.map((person, index) => (
            <span key={`${person.id}-${person.role}`}>
              {index > 0 ? ", " : ""}
              {person.name} <span className="small">({humanize(person.role).toLowerCase()})</span>
            </span>
          ))}
          {document.people.length > people.length
            ? ` and ${document.people.length - people.length} more`
            : ""}
        </div>
      ) : null}
      {compact ? null : snippet?.length ? (
        <p className="snippet">
          <SnippetText snippet={snippet} />
        </p>
      ) : document.summary ? (
        <p className="snippet">{document.summary}</p>
      ) : null}
    </li>
  );
}
