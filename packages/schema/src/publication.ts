import * as z from "zod";
import { documentBaseShape } from "./document.js";

export const publicationSubtypeSchema = z
  .enum([
    "analysis",
    "commentary",
    "article",
    "report",
    "digest-article",
    "podcast-episode",
    "brief",
    "book",
    "interview",
    "other",
  ])
  .meta({ id: "PublicationSubtype", description: "What sort of publication this is." });

export type PublicationSubtype = z.infer<typeof publicationSubtypeSchema>;

export const publicationSchema = z
  .strictObject({
    ...documentBaseShape,
    kind: z.literal("publication"),
    subtype: publicationSubtypeSchema,
    typeLabel: z
      .string()
      .min(1)
      .optional()
      .describe('The type as the page prints it: "Analysis and Commentary".'),
  })
  .meta({
    id: "Publication",
    description: "An analysis, article, report, digest article, podcast episode or similar.",
  });

export type Publication = z.infer<typeof publicationSchema>;
