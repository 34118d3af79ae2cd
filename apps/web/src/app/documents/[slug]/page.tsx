import type { Document } from "@corpus/schema";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiProblemNotice } from "@/components/api-problem";
import { CitationButtons } from "@/components/citation-buttons";
import {
  DocumentAgenda,
  DocumentOrganizations,
  DocumentPeople,
  DocumentSections,
} from "@/components/document-body";
import { DocumentLinks, RelatedDocuments } from "@/components/document-links";
import { EntityLinks } from "@/components/entity-link";
import { citationFormats } from "@/lib/citations";
import { formatDate, humanize, isoDate, kindLabels, safeExternalUrl } from "@/lib/format";
import { highwireTags } from "@/lib/highwire";
import { documentPath } from "@/lib/ids";
import { documentJsonLd, serializeJsonForScript } from "@/lib/json-ld";
import { load, loadOptional } from "@/lib/load";
import { documentIdFromSegment } from "@/lib/route-ids";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function fetchDocument(slug: string) {
  const id = documentIdFromSegment(slug);
  if (!id) notFound();
  return load(getQueryClient().fetchQuery(trpc.documents.get.queryOptions({ id })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await fetchDocument((await params).slug);
  if (!loaded.ok) return { title: "Document" };
  const { document } = loaded.data;
  return {
    title: document.title,
    ...(document.summary ? { description: document.summary.slice(0, 300) } : {}),
    other: highwireTags(document),
  };
}

function Fields({ document }: { document: Document }) {
  const url = safeExternalUrl(document.source?.url);
  return (
    <dl className="fields">
      <dt>Kind</dt>
      <dd>
        {kindLabels[document.kind]}
        {document.kind === "publication" ? ` · ${document.typeLabel ?? humanize(document.subtype)}` : ""}
      </dd>
      <dt>{document.kind === "event" ? "Date" : "Published"}</dt>
      <dd>
        {document.date ? (
          <time dateTime={isoDate(document.date)}>{formatDate(document.date)}</time>
        ) : document.kind === "stub" ? (
          "Not known until its page is ingested"
        ) : (
          "Not given on the page"
        )}
        {document.endDate ? (
          <>
            {" "}
            to <time dateTime={isoDate(document.endDate)}>{formatDate(document.endDate)}</time>
          </>
        ) : null}
      </dd>
      {document.kind === "event" && document.time ? (
        <>
          <dt>Time</dt>
          <dd>
            {[document.time.start, document.time.end].filter(Boolean).join(" – ")}
            {document.time.timezone ? ` (${document.time.timezone})` : ""}
          </dd>
        </>
      ) : null}
      {document.kind === "event" && document.location ? (
        <>
          <dt>Location</dt>
          <dd>{document.location}</dd>
        </>
      ) : null}
      {document.kind === "issue" && (document.volume !== undefined || document.number !== undefined) ? (
        <>
          <dt>Issue</dt>
          <dd>
            {[
              document.volume !== undefined ? `Volume ${document.volume}` : "",
              document.number !== undefined ? `Issue ${document.number}` : "",
            ]
              .filter(Boolean)
              .join(", ")}
          </dd>
        </>
      ) : null}
      {document.source?.site || document.source?.url ? (
        <>
          <dt>Source</dt>
          <dd>
            {document.source.site ?? ""}
            {url ? (
              <>
                {document.source.site ? " · " : ""}
                <a href={url} rel="noopener noreferrer nofollow">
                  original page
                </a>
              </>
            ) : document.source.url ? (
              ` (${document.source.url})`
            ) : null}
          </dd>
        </>
      ) : null}
      {document.topics.length ? (
        <>
          <dt>Topics</dt>
          <dd>
            <EntityLinks items={document.topics} />
          </dd>
        </>
      ) : null}
      {document.regions.length ? (
        <>
          <dt>Regions</dt>
          <dd>
            <EntityLinks items={document.regions} />
          </dd>
        </>
      ) : null}
      {document.hashtags.length ? (
        <>
          <dt>Hashtags</dt>
          <dd>{document.hashtags.join(" ")}</dd>
        </>
      ) : null}
      {document.language ? (
        <>
          <dt>Language</dt>
          <dd>{document.language}</dd>
        </>
      ) : null}
    </dl>
  );
}

export default async function DocumentPage({ params }: Props) {
  const { slug } = await params;
  const loaded = await fetchDocument(slug);
  if (!loaded.ok) return <ApiProblemNotice problem={loaded.problem} what="this document" headingLevel={1} />;
  const { document, sources } = loaded.data;
  const queryClient = getQueryClient();
  const [related] = await Promise.all([
    loadOptional(queryClient.fetchQuery(trpc.documents.related.queryOptions({ id: document.id, limit: 30 }))),
    // The citation panel hydrates from these, so its first paint already shows a reference.
    ...citationFormats.map((format) =>
      loadOptional(
        queryClient.prefetchQuery(
          trpc.documents.cite.queryOptions({ id: document.id, format: format.value }),
        ),
      ),
    ),
  ]);
  const host = (await headers()).get("host") ?? "localhost";
  const pageUrl = `http://${host}${documentPath(document.id)}`;
  const sourceAvailable = sources.some((source) => source.available);
  return (
    <article>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: serializeJsonForScript(documentJsonLd(document, pageUrl)) }}
      />
      <header className="document-header">
        <p className="meta">
          <span className={`badge kind-${document.kind}`}>{kindLabels[document.kind]}</span>
          {document.date ? <time dateTime={isoDate(document.date)}>{formatDate(document.date)}</time> : null}
        </p>
        <h1>{document.title}</h1>
        {document.titleDerived ? (
          <p className="small muted">This title was derived from the page, not printed as its title.</p>
        ) : null}
      </header>
      {document.kind === "stub" ? (
        <p className="notice">
          This document is not in the library yet: another page refers to it. It becomes a full record when
          its page is ingested.
        </p>
      ) : null}
      {/* A stub is less than a teaser: its own notice says so, and "only a teaser" would contradict it. */}
      {document.extent === "teaser" && document.kind !== "stub" ? (
        <p className="notice">
          Only a teaser (a listing entry) of this document is in the library; the full page has not been
          ingested.
        </p>
      ) : null}
      <div className="two-columns">
        <div>
          {document.summary ? <p className="section-text">{document.summary}</p> : null}
          <Fields document={document} />
          <DocumentPeople document={document} />
          <DocumentAgenda document={document} />
          <DocumentSections document={document} />
          <DocumentLinks document={document} related={related} />
        </div>
        <aside aria-label="Cite, sources and related">
          <HydrateClient>
            <CitationButtons id={document.id} downloadBase={`${documentPath(document.id)}/cite`} />
          </HydrateClient>
          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">Where this came from</h2>
            {sources.length ? (
              <ul className="small">
                {sources.map((source) => (
                  <li key={source.contentHash}>
                    {source.path ?? "an input"} ({source.mediaType}), read by {source.parser}
                    {source.available ? "" : " · text not stored"}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="small muted">No provenance: this record was not read from a page.</p>
            )}
            {sourceAvailable ? (
              <p>
                <Link href={`${documentPath(document.id)}/source`} prefetch={false}>
                  Show the source text and where each field was read
                </Link>
              </p>
            ) : null}
          </section>
          <DocumentOrganizations document={document} />
          <RelatedDocuments related={related} />
        </aside>
      </div>
    </article>
  );
}
