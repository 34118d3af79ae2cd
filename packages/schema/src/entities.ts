import * as z from "zod";
import { organizationIdSchema, personIdSchema, regionIdSchema, topicIdSchema } from "./ids.js";
import { provenanceSchema } from "./provenance.js";

const aliases = z
  .array(z.string().min(1))
  .default([])
  .describe("Other spellings under which this entity appears.");

export const personSchema = z
  .strictObject({
    id: personIdSchema,
    kind: z.literal("person"),
    name: z.string().min(1).describe("The name without honorifics, as most often written."),
    aliases,
    honorifics: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Honorifics and ranks seen with the name: "Ambassador", "Dr.", "Lieutenant General (retired)".',
      ),
    description: z.string().optional(),
    provenance: z.array(provenanceSchema).default([]),
  })
  .meta({ id: "Person", description: "One person, the same node across every source that names them." });

export type Person = z.infer<typeof personSchema>;

export const organizationSchema = z
  .strictObject({
    id: organizationIdSchema,
    kind: z.literal("organization"),
    name: z.string().min(1),
    aliases,
    acronym: z.string().min(1).optional(),
    url: z.url().optional(),
    description: z.string().optional(),
    provenance: z.array(provenanceSchema).default([]),
  })
  .meta({
    id: "Organization",
    description:
      "An institute, government body, university, company or other organization, with its aliases and acronym.",
  });

export type Organization = z.infer<typeof organizationSchema>;

export const topicSchema = z
  .strictObject({
    id: topicIdSchema,
    kind: z.literal("topic"),
    name: z.string().min(1),
    aliases,
    provenance: z.array(provenanceSchema).default([]),
  })
  .meta({
    id: "Topic",
    description: 'A subject a document is about: "Peace Processes", "Nuclear Security".',
  });

export type Topic = z.infer<typeof topicSchema>;

export const iso3166Schema = z
  .strictObject({
    alpha2: z.string().regex(/^[A-Z]{2}$/),
    alpha3: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    numeric: z
      .string()
      .regex(/^\d{3}$/)
      .optional(),
  })
  .meta({ id: "Iso3166", description: "ISO 3166-1 codes of a country." });

export const regionSchema = z
  .strictObject({
    id: regionIdSchema,
    kind: z.literal("region"),
    name: z.string().min(1),
    aliases,
    regionType: z
      .enum(["country", "named"])
      .describe('"country" has ISO 3166 codes; "named" is a region such as "Korean Peninsula".'),
    iso3166: iso3166Schema.optional(),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .default([])
      .describe("For a named region, the alpha-2 codes of the countries it covers, when known."),
    provenance: z.array(provenanceSchema).default([]),
  })
  .superRefine((region, context) => {
    if (region.regionType === "country" && !region.iso3166) {
      context.addIssue({ code: "custom", path: ["iso3166"], message: "a country needs its ISO 3166 codes" });
    }
  })
  .meta({
    id: "Region",
    description: "A country (with ISO 3166 codes) or a named region such as the Korean Peninsula.",
  });

export type Region = z.infer<typeof regionSchema>;

export const entityKinds = ["person", "organization", "topic", "region"] as const;
export type EntityKind = (typeof entityKinds)[number];
