import {
  documentBaseShape,
  documentSourceSchema,
  eventSchema,
  issueSchema,
  linkTypeSchema,
  organizationRoleSchema,
  organizationSchema,
  partialDateSchema,
  personRoleSchema,
  personSchema,
  provenanceSchema,
  publicationSchema,
  publicationSubtypeSchema,
  regionSchema,
  stubSchema,
  topicSchema,
} from "@corpus/schema";

/**
 * A fast, conservative check that a record the text readers built is valid against
 * `recordSchema` exactly as it is (every defaulted field already present, no unknown keys).
 *
 * `true` means recordSchema accepts the record and would return it unchanged; `false` means
 * "not sure": the caller then runs the full `recordSchema.safeParse`, which decides and names
 * the problem. So the schema stays the guarantee; this only skips the slow path for the records
 * that are plainly fine. Key lists, enums and required fields are read from the schemas
 * themselves; a field this file does not know makes it answer `false`. A test holds that it never
 * says `true` where the schema says no. See docs/decisions/0014-fast-record-validation.md.
 */
export function isPlainlyValidRecord(record: unknown, checkedHeaders?: HeaderMemo): boolean {
  if (!isObject(record)) return false;
  const kind = record.kind;
  if (typeof kind !== "string") return false;
  const shape = shapes.get(kind);
  if (!shape) return false;
  for (const key of shape.mustHave) if (record[key] === undefined) return false;
  for (const key in record) {
    const value = record[key];
    if (value === undefined) return false;
    const check = shape.checks.get(key);
    if (!check?.(value, checkedHeaders)) return false;
  }
  if (kind === "region" && record.regionType === "country" && record.iso3166 === undefined) return false;
  return true;
}

type Check = (value: unknown, checkedHeaders?: HeaderMemo) => boolean;

/** Provenance headers (input, parser, time) the schema has already accepted for this page. */
export interface HeaderMemo {
  seen: Set<string>;
  last?: unknown[];
}
type Plain = Record<string, unknown>;

function isObject(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasOnly(value: Plain, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key) || value[key] === undefined) return false;
  return true;
}

const text: Check = (value) => typeof value === "string";
const nonEmpty: Check = (value) => typeof value === "string" && value.length > 0;
const flag: Check = (value) => typeof value === "boolean";
const count: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
// An enumerated field, decided by the field's own schema and remembered per value.
const oneOf = (schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }): Check => {
  const known = new Map<string, boolean>();
  return (value) => {
    if (typeof value !== "string") return false;
    let valid = known.get(value);
    if (valid === undefined) {
      const parsed = schema.safeParse(value);
      valid = parsed.success && parsed.data === value;
      if (known.size < 100) known.set(value, valid);
    }
    return valid;
  };
};
const listOf =
  (item: Check): Check =>
  (value, headers) => {
    if (!Array.isArray(value)) return false;
    for (const element of value) if (!item(element, headers)) return false;
    return true;
  };
const objectOf = (required: Record<string, Check>, optional: Record<string, Check> = {}): Check => {
  const allowed = new Set([...Object.keys(required), ...Object.keys(optional)]);
  const requiredKeys = Object.keys(required);
  return (value, headers) => {
    if (!isObject(value) || !hasOnly(value, allowed)) return false;
    for (const key of requiredKeys) if (!required[key]!(value[key], headers)) return false;
    for (const key in optional)
      if (value[key] !== undefined && !optional[key]!(value[key], headers)) return false;
    return true;
  };
};

/** Adds the key of a value a schema accepted; each memory holds a few thousand at most. */
function remember(accepted: Set<string>, key: string): void {
  if (accepted.size >= 4096) accepted.clear();
  accepted.add(key);
}

// An object of strings the schema accepted is remembered by its keys and values (in order).
const bySchema = (schema: { safeParse(value: unknown): { success: boolean } }): Check => {
  const accepted = new Set<string>();
  return (value) => {
    if (!isObject(value)) return false;
    let key: string | undefined = "";
    for (const name in value) {
      const item = value[name];
      if (item === undefined) return false;
      if (key !== undefined)
        key =
          typeof item === "string" && Object.hasOwn(value, name)
            ? `${key}${JSON.stringify([name, item])}`
            : undefined;
    }
    if (key !== undefined && accepted.has(key)) return true;
    if (!schema.safeParse(value).success) return false;
    if (key !== undefined) remember(accepted, key);
    return true;
  };
};

const idPattern = /^(doc|person|org|topic|region):[\p{L}\p{N}][\p{L}\p{N}-]*$/u;
const idOf =
  (prefix: string): Check =>
  (value) =>
    typeof value === "string" && value.length <= 200 && value.startsWith(prefix) && idPattern.test(value);
const documentId = idOf("doc:");
const personId = idOf("person:");
const organizationId = idOf("org:");
const topicId = idOf("topic:");
const regionId = idOf("region:");

const span: Check = (value) =>
  isObject(value) &&
  Number.isSafeInteger(value.start) &&
  Number.isSafeInteger(value.end) &&
  (value.start as number) >= 0 &&
  (value.end as number) >= (value.start as number) &&
  keyCount(value) === 2;

/** `Object.keys(value).length` without making the array (spans are many: this runs for each). */
function keyCount(value: Plain): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}
const spanLists: Check = (value) => {
  if (!isObject(value)) return false;
  for (const key in value) {
    const spans = value[key];
    if (!Array.isArray(spans)) return false;
    for (const item of spans) if (!span(item)) return false;
  }
  return true;
};
const provenanceKeys = new Set(["input", "parser", "parsedAt", "fields"]);
// Input, parser and time are the same for every record of a page: the schema checks them once
// (the caller passes a set to remember which it has seen), and only the spans are checked here.
const provenance: Check = (value, headers) => {
  if (!isObject(value) || !hasOnly(value, provenanceKeys) || !spanLists(value.fields)) return false;
  const input = value.input;
  const parser = value.parser;
  if (!isObject(input) || !isObject(parser)) return false;
  const { path, contentHash, mediaType } = input;
  const { name, version } = parser;
  const strings = [contentHash, mediaType, name, version, value.parsedAt];
  if (strings.some((item) => typeof item !== "string")) return false;
  if ("path" in input && typeof path !== "string") return false;
  if (Object.keys(input).length !== ("path" in input ? 3 : 2) || Object.keys(parser).length !== 2)
    return false;
  // Usually the same header as the record before: compare with it before building a key.
  const last = headers?.last;
  if (last && last[0] === path && strings.every((item, index) => item === last[index + 1])) return true;
  const header = JSON.stringify([path ?? null, ...strings]);
  if (headers?.seen.has(header)) {
    headers.last = [path, ...strings];
    return true;
  }
  // The schema's own parts decide: the input (new for each page), and the parser and the time,
  // which are the same for many pages and remembered across them.
  const valid =
    provenanceSchema.shape.input.safeParse(input).success &&
    acceptedPart(`parser ${JSON.stringify([name, version])}`, provenanceSchema.shape.parser, parser) &&
    acceptedPart(`time ${value.parsedAt}`, provenanceSchema.shape.parsedAt, value.parsedAt);
  if (valid && headers) {
    headers.seen.add(header);
    headers.last = [path, ...strings];
  }
  return valid;
};
const acceptedParts = new Set<string>();

/** Whether `schema` accepts `value`; an accepted value is remembered under `key`. */
function acceptedPart(
  key: string,
  schema: { safeParse(value: unknown): { success: boolean } },
  value: unknown,
) {
  if (acceptedParts.has(key)) return true;
  if (!schema.safeParse(value).success) return false;
  remember(acceptedParts, key);
  return true;
}

// Dates are few; the schema's own refinements (days in a month, a day needs a month) decide, and
// a date of plain numbers it accepted is remembered by its parts.
const acceptedDates = new Set<string>();
const date: Check = (value) => {
  if (!isObject(value)) return false;
  // The key of a date whose own fields are only year, month and day, each a number; else none.
  let key: string | undefined = "";
  for (const name in value) {
    const item = value[name];
    if (
      !Object.hasOwn(value, name) ||
      typeof item !== "number" ||
      (name !== "year" && name !== "month" && name !== "day")
    ) {
      key = undefined;
      break;
    }
    key = `${key}${name}${item} `;
  }
  if (key !== undefined && acceptedDates.has(key)) return true;
  const parsed = partialDateSchema.safeParse(value);
  const valid = parsed.success && Object.keys(parsed.data).length === Object.keys(value).length;
  if (valid && key !== undefined) remember(acceptedDates, key);
  return valid;
};
const hashtag: Check = (value) => typeof value === "string" && /^#[\p{L}\p{N}_]+$/u.test(value);
const code =
  (pattern: RegExp): Check =>
  (value) =>
    typeof value === "string" && pattern.test(value);

const organizationReference = objectOf({ id: organizationId, name: nonEmpty });
const documentChecks: Record<string, Check> = {
  id: documentId,
  kind: text,
  title: nonEmpty,
  titleDerived: flag,
  extent: oneOf(documentBaseShape.extent),
  date,
  endDate: date,
  summary: text,
  sections: listOf(
    objectOf(
      { text, quotes: listOf(objectOf({ text: nonEmpty }, { source: nonEmpty })) },
      { heading: nonEmpty },
    ),
  ),
  people: listOf(
    objectOf(
      {
        person: objectOf({ id: personId, name: nonEmpty }),
        role: oneOf(personRoleSchema),
        affiliations: listOf(organizationReference),
      },
      { roleLabel: nonEmpty, honorific: nonEmpty, title: nonEmpty, biography: text },
    ),
  ),
  organizations: listOf(
    objectOf({ organization: organizationReference, role: oneOf(organizationRoleSchema) }),
  ),
  topics: listOf(objectOf({ id: topicId, name: nonEmpty })),
  regions: listOf(objectOf({ id: regionId, name: nonEmpty })),
  hashtags: listOf(hashtag),
  links: listOf(
    objectOf({ type: oneOf(linkTypeSchema), target: objectOf({ id: documentId, title: nonEmpty }) }),
  ),
  // One small object per document: the schema decides (its URL check is the schema's own).
  source: bySchema(documentSourceSchema),
  language: (value) => typeof value === "string" && value.length >= 2 && value.length <= 35,
  provenance: listOf(provenance),
};
const entityChecks: Record<string, Check> = {
  kind: text,
  name: nonEmpty,
  aliases: listOf(nonEmpty),
  description: text,
  provenance: listOf(provenance),
};

const shapes = new Map<string, { mustHave: string[]; checks: Map<string, Check> }>();
function register(
  kind: string,
  schema: { shape: Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }> },
  checks: Record<string, Check>,
): void {
  const mustHave: string[] = [];
  const known = new Map<string, Check>();
  for (const [key, field] of Object.entries(schema.shape)) {
    // A field that is required, or has a default the schema would fill in, must be present
    // already: the fast path returns the record as it is.
    const empty = field.safeParse(undefined);
    if (!empty.success || empty.data !== undefined) mustHave.push(key);
    const check = checks[key];
    if (check) known.set(key, check);
  }
  shapes.set(kind, { mustHave, checks: known });
}
register("event", eventSchema, {
  ...documentChecks,
  time: objectOf({}, { start: nonEmpty, end: nonEmpty, timezone: nonEmpty }),
  location: nonEmpty,
  agenda: listOf(
    objectOf(
      { title: nonEmpty, people: listOf(objectOf({ id: personId, name: nonEmpty })) },
      { start: nonEmpty, end: nonEmpty },
    ),
  ),
});
register("publication", publicationSchema, {
  ...documentChecks,
  subtype: oneOf(publicationSubtypeSchema),
  typeLabel: nonEmpty,
});
register("issue", issueSchema, { ...documentChecks, volume: count, number: count });
register("stub", stubSchema, documentChecks);
register("person", personSchema, { ...entityChecks, id: personId, honorifics: listOf(nonEmpty) });
register("organization", organizationSchema, { ...entityChecks, id: organizationId, acronym: nonEmpty });
register("topic", topicSchema, { ...entityChecks, id: topicId });
register("region", regionSchema, {
  ...entityChecks,
  id: regionId,
  regionType: oneOf(regionSchema.shape.regionType),
  iso3166: objectOf({ alpha2: code(/^[A-Z]{2}$/) }, { alpha3: code(/^[A-Z]{3}$/), numeric: code(/^\d{3}$/) }),
  countries: listOf(code(/^[A-Z]{2}$/)),
});
