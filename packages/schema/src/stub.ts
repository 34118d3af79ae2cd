import * as z from "zod";
import { documentBaseShape } from "./document.js";

export const stubSchema = z
  .strictObject({
    ...documentBaseShape,
    kind: z.literal("stub"),
  })
  .meta({
    id: "Stub",
    description:
      "A document another one refers to (next, previous, related) that is not in the library yet; it turns into the real record when that page is ingested.",
  });

export type Stub = z.infer<typeof stubSchema>;

/**
 * The record for a document that is linked to but not in the library yet: a teaser with only a
 * title, so that the real page, when it arrives under the same id, wins every field.
 */
export function createStub(id: string, title: string, provenance: Stub["provenance"] = []): Stub {
  return {
    id,
    kind: "stub",
    title,
    titleDerived: false,
    extent: "teaser",
    sections: [],
    people: [],
    organizations: [],
    topics: [],
    regions: [],
    hashtags: [],
    links: [],
    provenance,
  };
}
