"use client";

import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useState } from "react";
import { type CitationFormatValue, citationFormats } from "@/lib/citations";
import { useTRPC } from "@/trpc/client";

/** Copy or download the document's reference in four formats (prefetched on the server). */
export function CitationButtons({ id, downloadBase }: { id: string; downloadBase: string }) {
  const trpc = useTRPC();
  const [format, setFormat] = useState<CitationFormatValue>("bibtex");
  const [status, setStatus] = useState("");
  const citation = useQuery(trpc.documents.cite.queryOptions({ id, format }));
  const current = citationFormats.find((item) => item.value === format) ?? citationFormats[0];

  function choose(value: CitationFormatValue) {
    setFormat(value);
    setStatus("");
  }

  // The ARIA tabs pattern: one tab in the Tab order, arrow keys (and Home/End) move between tabs.
  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = citationFormats.findIndex((item) => item.value === format);
    const last = citationFormats.length - 1;
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % citationFormats.length
        : event.key === "ArrowLeft"
          ? (index - 1 + citationFormats.length) % citationFormats.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : -1;
    const target = citationFormats[next];
    if (!target) return;
    event.preventDefault();
    choose(target.value);
    document.getElementById(`cite-tab-${target.value}`)?.focus();
  }

  async function copy() {
    if (!citation.data) return;
    try {
      await navigator.clipboard.writeText(citation.data.text);
      setStatus(`${current.label} copied to the clipboard.`);
    } catch {
      setStatus("The browser refused the clipboard: select the text and copy it by hand.");
    }
  }

  return (
    <section className="citation" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite</h2>
      <div className="tabs" role="tablist" aria-label="Citation format">
        {citationFormats.map((item) => (
          <button
            key={item.value}
            type="button"
            role="tab"
            id={`cite-tab-${item.value}`}
            aria-selected={item.value === format}
            aria-controls="cite-panel"
            tabIndex={item.value === format ? 0 : -1}
            onClick={() => choose(item.value)}
            onKeyDown={onTabKeyDown}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div id="cite-panel" role="tabpanel" aria-labelledby={`cite-tab-${format}`}>
        {citation.isError ? (
          <p role="alert">
            Could not load the {current.label} reference: {citation.error.message}
          </p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
          <pre tabIndex={0} data-testid="citation-text">
            {citation.data?.text ?? "Loading…"}
          </pre>
        )}
        <div className="actions">
          <button type="button" onClick={copy} disabled={!citation.data}>
            Copy {current.label}
          </button>
          <a className="button secondary" href={`${downloadBase}/${format}`} download>
            Download .{current.extension}
          </a>
          <span role="status" aria-live="polite" className="small">
            {status}
          </span>
        </div>
      </div>
    </section>
  );
}
