import * as z from "zod";
import {
  documentIdSchema,
  organizationIdSchema,
  personIdSchema,
  regionIdSchema,
  topicIdSchema,
} from "./ids.js";
import { partialDateSchema } from "./partial-date.js";
import { PORTABLE_LETTER_OR_DIGIT } from "./portable-pattern.js";
import { provenanceSchema } from "./provenance.js";

/** The roles a person can hold on a document. `other` keeps a role the parser could not name. */
export const personRoleSchema = z
  .enum([
    "speaker",
    "panelist",
    "moderator",
    "keynote",
    "host",
    "presenter",
    "discussant",
    "welcoming-remarks",
    "closing-remarks",
    "interviewer",
    "interviewee",
    "author",
    "editor",
    "contributor",
    "quoted",
    "mentioned",
    "other",
  ])
  .meta({ id: "PersonRole", description: "The part a person played in a document." });

export type PersonRole = z.infer<typeof personRoleSchema>;

export const organizationRoleSchema = z
  .enum(["host", "co-host", "sponsor", "publisher", "affiliation", "mentioned"])
  .meta({ id: "OrganizationRole", description: "The part an organization played in a document." });

export type OrganizationRole = z.infer<typeof organizationRoleSchema>;

export const linkTypeSchema = z.enum(["related", "next", "previous", "part-of", "has-part"]).meta({
  id: "LinkType",
  description: '"part-of" points from an article to its issue; "has-part" from an issue to its articles.',
});

export type LinkType = z.infer<typeof linkTypeSchema>;

export const organizationRefSchema = z
  .strictObject({ id: organizationIdSchema, name: z.string().min(1) })
  .meta({
    id: "OrganizationRef",
    description: "A reference to an organization, with its name as written here.",
  });

export const participationSchema = z
  .strictObject({
    person: z.strictObject({ id: personIdSchema, name: z.string().min(1) }),
    role: personRoleSchema,
    roleLabel: z
      .string()
      .min(1)
      .optional()
      .describe("The role as printed when it is not one of the known roles."),
    honorific: z.string().min(1).optional().describe('As printed here: "Ambassador", "Dr.".'),
    title: z.string().min(1).optional().describe('The position held at the time: "Senior Expert, Korea".'),
    affiliations: z.array(organizationRefSchema).default([]),
    biography: z.string().optional(),
  })
  .meta({
    id: "Participation",
    description: "A person in a role on one document, with the title and affiliations they held there.",
  });

export type Participation = z.infer<typeof participationSchema>;

export const organizationInvolvementSchema = z
  .strictObject({
    organization: organizationRefSchema,
    role: organizationRoleSchema,
  })
  .meta({ id: "OrganizationInvolvement", description: "An organization in a role on one document." });

export type OrganizationInvolvement = z.infer<typeof organizationInvolvementSchema>;

export const quoteSchema = z
  .strictObject({
    text: z.string().min(1),
    source: z.string().min(1).optional().describe("Who or what is quoted: a person, a news piece, a study."),
    url: z.url().optional(),
  })
  .meta({ id: "Quote", description: "A passage quoted in a section, with its source." });

export const sectionSchema = z
  .strictObject({
    heading: z.string().min(1).optional(),
    text: z.string(),
    quotes: z.array(quoteSchema).default([]),
  })
  .meta({
    id: "Section",
    description: 'A part of a document\'s body, e.g. "In the News" or "Insight from Peace Science".',
  });

export type Section = z.infer<typeof sectionSchema>;

export const documentLinkSchema = z
  .strictObject({
    type: linkTypeSchema,
    target: z.strictObject({ id: documentIdSchema, title: z.string().min(1) }),
  })
  .meta({ id: "DocumentLink", description: "A link from this document to another (which may be a stub)." });

export type DocumentLink = z.infer<typeof documentLinkSchema>;

export const documentSourceSchema = z
  .strictObject({
    site: z
      .string()
      .min(1)
      .optional()
      .describe('The site or publisher name: "United States Institute of Peace".'),
    url: z.url().optional(),
  })
  .meta({ id: "DocumentSource", description: "Where the document was published." });

/** Fields every document kind shares. Kinds add their own fields on top. */
export const documentBaseShape = {
  id: documentIdSchema,
  title: z.string().min(1),
  titleDerived: z
    .boolean()
    .default(false)
    .describe("True when the title was derived (e.g. from the first line), not read as a title."),
  extent: z
    .enum(["full", "teaser"])
    .default("full")
    .describe('"teaser" for a listing entry; when the full page arrives it wins field by field.'),
  date: partialDateSchema.optional(),
  endDate: partialDateSchema.optional(),
  summary: z.string().optional(),
  sections: z.array(sectionSchema).default([]),
  people: z.array(participationSchema).default([]),
  organizations: z.array(organizationInvolvementSchema).default([]),
  topics: z.array(z.strictObject({ id: topicIdSchema, name: z.string().min(1) })).default([]),
  regions: z.array(z.strictObject({ id: regionIdSchema, name: z.string().min(1) })).default([]),
  hashtags: z
    .array(
      z
        .string()
        .regex(/^#[\p{L}\p{N}_]+$/u, "a hashtag starts with # and has no spaces")
        .meta({ pattern: `^#(?:${PORTABLE_LETTER_OR_DIGIT}|_)+$` }),
    )
    .default([]),
  links: z.array(documentLinkSchema).default([]),
  source: documentSourceSchema.optional(),
  language: z.string().min(2).max(35).optional().describe("BCP 47 language tag."),
  provenance: z.array(provenanceSchema).default([]),
};
