import { documentIdSchema, idSchema } from "@corpus/schema";
import { type EntityKind, entityId, slugFromSegment } from "./ids";

// Server-only (it brings zod): the ids that page addresses name. An address whose id no record
// could have ("/documents/%E2%80%8B", "/organizations/a:b") is answered like an unknown record,
// with the 404 page, instead of passing the API's complaint about the id's form to the reader.

/** The document id of a /documents/<slug> address, or null when no document could have it. */
export function documentIdFromSegment(segment: string): string | null {
  const id = `doc:${slugFromSegment(segment)}`;
  return documentIdSchema.safeParse(id).success ? id : null;
}

/** The entity id of a /people/<slug> (or organization, topic, region) address, or null likewise. */
export function entityIdFromSegment(kind: EntityKind, segment: string): string | null {
  const id = entityId(kind, slugFromSegment(segment));
  return idSchema.safeParse(id).success ? id : null;
}
