import { organizationSchema, personSchema, regionSchema, topicSchema } from "./entities.js";
import { eventSchema } from "./event.js";
import { issueSchema } from "./issue.js";
import { sourceTextSchema } from "./provenance.js";
import { publicationSchema } from "./publication.js";
import { documentSchema, entitySchema, recordSchema } from "./record.js";
import { stubSchema } from "./stub.js";

/** The record types that get a JSON Schema file each, by file name (kebab-case). */
export const jsonSchemaTargets = {
  record: recordSchema,
  document: documentSchema,
  entity: entitySchema,
  event: eventSchema,
  publication: publicationSchema,
  issue: issueSchema,
  stub: stubSchema,
  person: personSchema,
  organization: organizationSchema,
  topic: topicSchema,
  region: regionSchema,
  "source-text": sourceTextSchema,
} as const;
