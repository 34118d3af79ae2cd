import * as z from "zod";
import { organizationSchema, personSchema, regionSchema, topicSchema } from "./entities.js";
import { eventSchema } from "./event.js";
import { issueSchema } from "./issue.js";
import { publicationSchema } from "./publication.js";
import { stubSchema } from "./stub.js";

export const documentSchema = z
  .discriminatedUnion("kind", [eventSchema, publicationSchema, issueSchema, stubSchema])
  .meta({ id: "Document", description: "An event, publication, issue or stub, told apart by `kind`." });

export type Document = z.infer<typeof documentSchema>;
export type DocumentKind = Document["kind"];
export const documentKinds = [
  "event",
  "publication",
  "issue",
  "stub",
] as const satisfies readonly DocumentKind[];

export const entitySchema = z
  .discriminatedUnion("kind", [personSchema, organizationSchema, topicSchema, regionSchema])
  .meta({
    id: "Entity",
    description: "A person, organization, topic or region: one node across every source.",
  });

export type Entity = z.infer<typeof entitySchema>;

export const recordSchema = z
  .discriminatedUnion("kind", [
    eventSchema,
    publicationSchema,
    issueSchema,
    stubSchema,
    personSchema,
    organizationSchema,
    topicSchema,
    regionSchema,
  ])
  .meta({ id: "Record", description: "Any record of the library, told apart by `kind`." });

/** A record as stored and returned (defaults filled in). */
export type CorpusRecord = z.infer<typeof recordSchema>;
/** A record as accepted on input (defaulted fields may be left out). */
export type CorpusRecordInput = z.input<typeof recordSchema>;
export type RecordKind = CorpusRecord["kind"];

export function isDocument(record: CorpusRecord): record is Document {
  return (
    record.kind === "event" ||
    record.kind === "publication" ||
    record.kind === "issue" ||
    record.kind === "stub"
  );
}

export function isEntity(record: CorpusRecord): record is Entity {
  return !isDocument(record);
}
