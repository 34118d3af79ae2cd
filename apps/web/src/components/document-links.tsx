import type { Document, RelatedDocument } from "@corpus/schema";
import Link from "next/link";
import { documentPath } from "@/lib/ids";
import { DocumentSummaryItem } from "./document-summary";

const linkHeadings: Record<string, string> = {
  "part-of": "Part of",
  "has-part": "In this issue",
  previous: "Previous",
  next: "Next",
  related: "Related",
};

const derivedHeadings: Record<string, string> = {
  "linked-from": "Linked from",
  "shared-people": "With the same people",
  "shared-topics": "On the same topics",
};

/** A link target: a link when it is in the library, its title and a note when it is a stub. */
function LinkTarget({ id, title, kind }: { id: string; title: string; kind: string | undefined }) {
  if (kind === "stub") {
    return (
      <>
        <Link href={documentPath(id)} prefetch={false}>
          {title}
        </Link>{" "}
        <span className="badge kind-stub">not in the library yet</span>
      </>
    );
  }
  return (
    <Link href={documentPath(id)} prefetch={false}>
      {title}
    </Link>
  );
}

/** The document's own links (part-of, has-part, previous, next, related), stubs marked. */
export function DocumentLinks({
  document,
  related,
}: {
  document: Document;
  related: readonly RelatedDocument[] | null;
}) {
  const kinds = new Map((related ?? []).map((item) => [item.document.id, item.document.kind]));
  const types = ["part-of", "has-part", "previous", "next", "related"] as const;
  const groups = types
    .map((type) => ({ type, links: document.links.filter((link) => link.type === type) }))
    .filter((group) => group.links.length);
  if (!groups.length) return null;
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">Links</h2>
      {groups.map((group) => (
        <div key={group.type}>
          <h3>{linkHeadings[group.type]}</h3>
          <ul>
            {group.links.map((link) => (
              <li key={link.target.id}>
                <LinkTarget id={link.target.id} title={link.target.title} kind={kinds.get(link.target.id)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Documents the library relates by shared people or topics, or that link here. */
export function RelatedDocuments({ related }: { related: readonly RelatedDocument[] | null }) {
  if (!related) return <p className="muted small">Related documents could not be loaded.</p>;
  const groups = Object.keys(derivedHeadings)
    .map((relation) => ({ relation, items: related.filter((item) => item.relation === relation) }))
    .filter((group) => group.items.length);
  if (!groups.length) return null;
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">Related in the library</h2>
      {groups.map((group) => (
        <div key={group.relation}>
          <h3>{derivedHeadings[group.relation]}</h3>
          <ul className="hits">
            {group.items.slice(0, 5).map((item) => (
              <DocumentSummaryItem key={item.document.id} document={item.document} headingLevel={4} compact />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
