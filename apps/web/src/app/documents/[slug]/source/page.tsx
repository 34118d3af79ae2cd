import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { fieldValueAtPath, spanExcerpt } from "@corpus/schema";
import { ApiProblemNotice } from "@/components/api-problem";
import { ScrollToMark } from "@/components/scroll-to-mark";
import { documentPath } from "@/lib/ids";
import { load, loadOptional } from "@/lib/load";
import { describeFieldOfRecord, segmentText } from "@/lib/provenance";
import { documentIdFromSegment } from "@/lib/route-ids";
import { getQueryClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Source text" };

/**
 * The normalised page text a record was read from. Choosing a field marks the characters it
 * came from: the state is the URL (?field=...), so it needs no JavaScript and can be shared.
 */
export default async function SourcePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const field = typeof query.field === "string" ? query.field : undefined;
  const contentHash =
    typeof query.source === "string" && /^[0-9a-f]{64}$/.test(query.source) ? query.source : undefined;
  const id = documentIdFromSegment(slug);
  if (!id) notFound();
  const queryClient = getQueryClient();
  const [view, record] = await Promise.all([
    load(
      queryClient.fetchQuery(trpc.documents.source.queryOptions(contentHash ? { id, contentHash } : { id })),
    ),
    loadOptional(queryClient.fetchQuery(trpc.documents.get.queryOptions({ id }))),
  ]);
  if (!view.ok) return <ApiProblemNotice problem={view.problem} what="the source text" headingLevel={1} />;
  const { source, provenance } = view.data;
  const fields = Object.entries(provenance?.fields ?? {}).filter(([, spans]) => spans.length > 0);
  const selected = fields.find(([path]) => path === field);
  const segments = segmentText(source.text, selected?.[1] ?? []);
  // The notice quotes this page's own characters: the record's value may differ (an honorific
  // dropped, a value from another input), and is then named beside them, not claimed as marked.
  const firstMarked = segments.find((segment) => segment.highlighted);
  const quoted = firstMarked
    ? spanExcerpt(
        source.text,
        { start: firstMarked.start, end: firstMarked.start + firstMarked.text.length },
        200,
      )
    : undefined;
  const recordValue = selected && record ? fieldValueAtPath(record.document, selected[0]) : undefined;
  const sourceQuery = `&source=${source.contentHash}`;
  let firstMark = true;
  return (
    <>
      <p className="small">
        <Link href={documentPath(id)}>← {view.data.record?.label ?? "Back to the document"}</Link>
      </p>
      <h1>Source text</h1>
      <p className="muted small">
        {source.path ?? "Input"} · {source.mediaType} · sha256 {source.contentHash.slice(0, 12)}… The text is
        shown as the parser read it, after normalising.
      </p>
      {record && record.sources.filter((item) => item.available).length > 1 ? (
        <nav aria-label="Inputs this record was read from" className="small" style={{ marginBottom: "1rem" }}>
          Read from {record.sources.filter((item) => item.available).length} inputs:{" "}
          {record.sources
            .filter((item) => item.available)
            .map((item, index) => (
              <span key={item.contentHash}>
                {index > 0 ? " · " : ""}
                <Link
                  href={`?source=${item.contentHash}`}
                  aria-current={item.contentHash === source.contentHash ? "true" : undefined}
                  prefetch={false}
                >
                  {item.path?.split("/").at(-1) ?? item.contentHash.slice(0, 12)}
                </Link>
              </span>
            ))}
        </nav>
      ) : null}
      <div className="source-view">
        <nav aria-label="Fields read from this text">
          <h2 style={{ marginTop: 0 }}>Fields</h2>
          {fields.length ? (
            <ul className="plain field-list">
              {fields.map(([path, spans]) => (
                <li key={path}>
                  <Link
                    href={`?field=${encodeURIComponent(path)}${sourceQuery}#selected`}
                    aria-current={path === field ? "true" : undefined}
                    scroll={false}
                    prefetch={false}
                  >
                    {describeFieldOfRecord(path, record?.document)}
                  </Link>
                  <span className="small muted"> ({spans.length})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">No field of this record carries character positions in this text.</p>
          )}
        </nav>
        <section aria-label="Source text">
          {selected ? (
            <p className="notice" aria-live="polite">
              <strong>{describeFieldOfRecord(selected[0], record?.document)}</strong>
              {quoted ? (
                <>
                  : “{quoted.text}
                  {quoted.cut ? "…" : ""}”
                </>
              ) : null}{" "}
              is marked below.
              {recordValue &&
              quoted &&
              !quoted.cut &&
              recordValue.replace(/\s+/g, " ").trim() !== quoted.text ? (
                <> The record holds “{recordValue}”.</>
              ) : null}
            </p>
          ) : fields.length ? (
            <p className="notice">Choose a field to mark the characters it was read from.</p>
          ) : null}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <pre className="source-text" tabIndex={0}>
            {segments.map((segment) => {
              if (!segment.highlighted) return <span key={segment.start}>{segment.text}</span>;
              const id = firstMark ? "selected" : undefined;
              firstMark = false;
              return (
                <mark key={segment.start} id={id}>
                  {segment.text}
                </mark>
              );
            })}
          </pre>
          <ScrollToMark targetId="selected" field={selected?.[0]} />
        </section>
      </div>
    </>
  );
}
