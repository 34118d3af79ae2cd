import fc from "fast-check";
import {
  createDocumentId,
  createOrganizationId,
  createPersonId,
  createTopicId,
  personRoleSchema,
  publicationSubtypeSchema,
} from "../src/index.js";

const text = fc.string({ minLength: 1, maxLength: 40 });
const name = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim().length > 0);

const partialDate = fc.oneof(
  fc.record({ year: fc.integer({ min: 1900, max: 2100 }) }),
  fc.record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    inferred: fc.boolean(),
  }),
  fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
);

const personRef = name.map((value) => ({ id: createPersonId(value), name: value }));
const organizationRef = name.map((value) => ({ id: createOrganizationId(value), name: value }));

const base = {
  title: text,
  titleDerived: fc.boolean(),
  extent: fc.constantFrom("full" as const, "teaser" as const),
  date: fc.option(partialDate, { nil: undefined }),
  summary: fc.option(fc.string(), { nil: undefined }),
  sections: fc.array(
    fc.record({
      heading: fc.option(text, { nil: undefined }),
      text: fc.string(),
      quotes: fc.array(fc.record({ text, source: fc.option(text, { nil: undefined }) }), { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  people: fc.array(
    fc.record({
      person: personRef,
      role: fc.constantFrom(...personRoleSchema.options),
      title: fc.option(text, { nil: undefined }),
      affiliations: fc.array(organizationRef, { maxLength: 2 }),
    }),
    { maxLength: 4 },
  ),
  topics: fc.array(
    name.map((value) => ({ id: createTopicId(value), name: value })),
    { maxLength: 3 },
  ),
  hashtags: fc.array(fc.stringMatching(/^#[A-Za-z0-9_]{1,12}$/), { maxLength: 2 }),
  links: fc.array(
    fc.record({
      type: fc.constantFrom("related" as const, "next" as const, "previous" as const, "part-of" as const),
      target: text.map((value) => ({ id: createDocumentId(value), title: value })),
    }),
    { maxLength: 3 },
  ),
};

function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const recordArbitrary = fc
  .oneof(
    fc.record({
      ...base,
      kind: fc.constant("event" as const),
      location: fc.option(text, { nil: undefined }),
    }),
    fc.record({
      ...base,
      kind: fc.constant("publication" as const),
      subtype: fc.constantFrom(...publicationSubtypeSchema.options),
    }),
    fc.record({
      ...base,
      kind: fc.constant("issue" as const),
      volume: fc.option(fc.nat(50), { nil: undefined }),
    }),
    fc.record({ ...base, kind: fc.constant("stub" as const) }),
  )
  .map((record) => withoutUndefined({ ...record, id: createDocumentId(record.title) }));

export const personArbitrary = fc
  .record({
    name,
    aliases: fc.array(name, { maxLength: 3 }),
    honorifics: fc.array(fc.constantFrom("Dr.", "Ambassador", "Col."), { maxLength: 2 }),
  })
  .map((person) => ({ ...person, id: createPersonId(person.name), kind: "person" as const }));
