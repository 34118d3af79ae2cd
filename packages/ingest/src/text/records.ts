import {
  type CorpusRecord,
  createStub,
  type Document,
  type LinkType,
  type OrganizationRole,
  type PersonRole,
  type Span,
} from "@corpus/schema";
import { type ParseContext, createProvenance } from "../context.js";
import { createDocumentId, createPersonId, createTopicId } from "./ids.js";
import { MentionIndex } from "./mentions.js";
import type { OrganizationInfo } from "./organizations.js";
import type { RegionInfo } from "./regions.js";

type Fields = Record<string, Span[]>;
/**
 * A copy filled by push from one array literal: V8 then creates every copy with elements that
 * can hold strings, where a spread of an empty array made one that only held small integers and
 * the first alias pushed later deoptimised the reader ("not a Smi").
 */
function copyOfStrings(items: readonly string[]): string[] {
  const copy: string[] = [];
  for (let index = 0; index < items.length; index++) copy.push(items[index]!);
  return copy;
}

interface Entry<T> {
  record: T;
  fields: Fields;
}
const MAX_SPANS = 20;

function note(fields: Fields, path: string, span: Span | undefined) {
  if (!span) return;
  let list = fields[path];
  if (!list) {
    list = [];
    fields[path] = list;
  }
  if (list.length >= MAX_SPANS) return;
  for (let index = 0; index < list.length; index++) {
    const item = list[index]!;
    if (item.start === span.start && item.end === span.end) return;
  }
  list.push(span);
}

/**
 * `${prefix}[${index}]`, made once per index and reused: the same few keys are noted on every
 * page, and a reused key string is found in the fields table without being hashed again.
 */
function indexedKey(keys: string[], prefix: string, index: number): string {
  let key = keys[index];
  if (key === undefined) {
    key = `${prefix}[${index}]`;
    if (index < 256) keys[index] = key;
  }
  return key;
}
const peopleKeys: string[] = [];
const organizationKeys: string[] = [];
const topicKeys: string[] = [];
const regionKeys: string[] = [];
const hashtagKeys: string[] = [];
const linkKeys: string[] = [];

export interface ParticipationInput {
  name: string;
  nameSpan?: Span;
  role: PersonRole;
  roleLabel?: string;
  honorific?: string;
  title?: string;
  titleSpan?: Span;
  affiliations?: { info: OrganizationInfo; written: string; span: Span }[];
  biography?: string;
  biographySpan?: Span;
}

/** Collects the records one page yields: its documents, and one entity record per person, organization, topic, region. */
export class PageRecords {
  readonly documents: DocumentBuilder[] = [];
  private readonly people = new Map<
    string,
    Entry<Record<string, unknown> & { aliases: string[]; honorifics: string[] }>
  >();
  private readonly organizations = new Map<string, Entry<Record<string, unknown> & { aliases: string[] }>>();
  private readonly topics = new Map<string, Entry<Record<string, unknown>>>();
  private readonly regions = new Map<string, Entry<Record<string, unknown> & { aliases: string[] }>>();
  private readonly stubs = new Map<string, { title: string }>();
  /** Known names on the page, found once and shared by every reader. */
  readonly mentionIndex: MentionIndex;

  constructor(
    private readonly context: ParseContext,
    readonly layout: string,
    text: string,
  ) {
    this.mentionIndex = new MentionIndex(text);
  }

  document(
    kind: Document["kind"],
    title: string,
    titleSpan: Span | undefined,
    titleDerived = false,
  ): DocumentBuilder {
    const builder = new DocumentBuilder(this, kind, title.trim(), titleSpan, titleDerived);
    this.documents.push(builder);
    return builder;
  }

  person(name: string, span: Span | undefined, honorific?: string): { id: string; name: string } {
    const id = createPersonId(name);
    let entry = this.people.get(id);
    if (!entry) {
      entry = { record: { id, kind: "person", name, aliases: [], honorifics: [] }, fields: {} };
      this.people.set(id, entry);
    } else if (entry.record.name !== name && !entry.record.aliases.includes(name)) {
      entry.record.aliases.push(name);
    }
    if (honorific && !entry.record.honorifics.includes(honorific)) entry.record.honorifics.push(honorific);
    note(entry.fields, "name", span);
    return { id, name: entry.record.name as string };
  }

  organization(
    info: OrganizationInfo,
    written: string,
    span: Span | undefined,
  ): { id: string; name: string } {
    let entry = this.organizations.get(info.id);
    if (!entry) {
      const record: Record<string, unknown> & { aliases: string[] } = {
        id: info.id,
        kind: "organization",
        name: info.name,
        aliases: copyOfStrings(info.aliases),
      };
      if (info.acronym) record.acronym = info.acronym;
      entry = { record, fields: {} };
      this.organizations.set(info.id, entry);
    }
    if (written !== info.name && written !== info.acronym && !entry.record.aliases.includes(written))
      entry.record.aliases.push(written);
    // Another reading of the same organization may know more of its names (a bilingual masthead);
    // a known organization's aliases all came in with its first reading.
    if (!info.known)
      for (const alias of info.aliases)
        if (!entry.record.aliases.includes(alias)) entry.record.aliases.push(alias);
    note(entry.fields, "name", span);
    return { id: info.id, name: written };
  }

  topic(name: string, span: Span | undefined): { id: string; name: string } {
    const id = createTopicId(name);
    let entry = this.topics.get(id);
    if (!entry) {
      entry = { record: { id, kind: "topic", name, aliases: [] }, fields: {} };
      this.topics.set(id, entry);
    }
    note(entry.fields, "name", span);
    return { id, name: entry.record.name as string };
  }

  region(info: RegionInfo, written: string, span: Span | undefined): { id: string; name: string } {
    let entry = this.regions.get(info.id);
    if (!entry) {
      const record: Record<string, unknown> & { aliases: string[] } = {
        id: info.id,
        kind: "region",
        name: info.name,
        aliases: [],
        regionType: info.regionType,
        // Copies: the gazetteer's objects are shared by every page and must not leave with a record.
        countries: copyOfStrings(info.countries),
      };
      if (info.iso3166) record.iso3166 = { ...info.iso3166 };
      entry = { record, fields: {} };
      this.regions.set(info.id, entry);
    }
    if (written !== info.name && !entry.record.aliases.includes(written)) entry.record.aliases.push(written);
    note(entry.fields, "name", span);
    return { id: info.id, name: info.name };
  }

  stub(title: string): { id: string; title: string } {
    const id = createDocumentId(title);
    if (!this.stubs.has(id)) this.stubs.set(id, { title });
    return { id, title };
  }

  /** Every record of the page: documents first, then stubs for links to pages not on this one, then entities. */
  records(): CorpusRecord[] {
    const provenance = (fields: Fields) => [createProvenance(this.context, this.layout, fields)];
    // Loops and one array filled by push, not `map` and spreads: an optimised `map` returns a
    // holey array where the interpreter's is packed, and each kind change deoptimised this method
    // and the record check that walks the result.
    const records: CorpusRecord[] = [];
    const documentIds = new Set<string>();
    for (const builder of this.documents) {
      const document = builder.build(provenance);
      documentIds.add(document.id);
      records.push(document);
    }
    for (const [id, stub] of this.stubs) {
      if (documentIds.has(id)) continue;
      records.push(createStub(id, stub.title, provenance({})));
    }
    for (const entries of [this.people, this.organizations, this.topics, this.regions] as Map<
      string,
      Entry<Record<string, unknown>>
    >[])
      for (const entry of entries.values())
        records.push({ ...entry.record, provenance: provenance(entry.fields) } as unknown as CorpusRecord);
    return records;
  }
}

export class DocumentBuilder {
  readonly record: Record<string, unknown> & {
    people: Record<string, unknown>[];
    organizations: { organization: { id: string; name: string }; role: OrganizationRole }[];
    topics: { id: string; name: string }[];
    regions: { id: string; name: string }[];
    hashtags: string[];
    links: { type: LinkType; target: { id: string; title: string } }[];
    sections: { heading?: string; text: string; quotes: { text: string; source?: string }[] }[];
  };
  readonly fields: Fields = {};

  constructor(
    private readonly page: PageRecords,
    kind: Document["kind"],
    title: string,
    titleSpan: Span | undefined,
    titleDerived: boolean,
  ) {
    this.record = {
      id: createDocumentId(title),
      kind,
      title,
      titleDerived,
      extent: "full",
      sections: [],
      people: [],
      organizations: [],
      topics: [],
      regions: [],
      hashtags: [],
      links: [],
    };
    // The schema's default, set here so the record is complete as built (see valid-record.ts).
    if (kind === "event") this.record.agenda = [];
    note(this.fields, "title", titleSpan);
  }

  get id(): string {
    return this.record.id as string;
  }

  get mentionIndex(): MentionIndex {
    return this.page.mentionIndex;
  }

  set(field: string, value: unknown, span?: Span): this {
    this.record[field] = value;
    note(this.fields, field, span);
    return this;
  }

  note(field: string, span: Span | undefined): this {
    note(this.fields, field, span);
    return this;
  }

  participant(input: ParticipationInput): void {
    const person = this.page.person(input.name, input.nameSpan, input.honorific);
    const existing = this.record.people.findIndex(
      (item) => (item.person as { id: string }).id === person.id && item.role === input.role,
    );
    if (existing !== -1) return;
    const index = this.record.people.length;
    const participation: Record<string, unknown> = {
      person: { id: person.id, name: input.name },
      role: input.role,
      affiliations: [],
    };
    if (input.roleLabel) participation.roleLabel = input.roleLabel;
    if (input.honorific) participation.honorific = input.honorific;
    if (input.title) participation.title = input.title;
    if (input.biography) participation.biography = input.biography;
    const affiliations: { id: string; name: string }[] = [];
    for (const affiliation of input.affiliations ?? []) {
      const reference = this.page.organization(affiliation.info, affiliation.written, affiliation.span);
      if (affiliations.some((item) => item.id === reference.id)) continue;
      note(this.fields, `people[${index}].affiliations[${affiliations.length}]`, affiliation.span);
      affiliations.push(reference);
      this.organization(affiliation.info, affiliation.written, "affiliation", affiliation.span);
    }
    participation.affiliations = affiliations;
    this.record.people.push(participation);
    note(this.fields, indexedKey(peopleKeys, "people", index), input.nameSpan);
    note(this.fields, `people[${index}].title`, input.titleSpan);
    note(this.fields, `people[${index}].biography`, input.biographySpan);
  }

  hasPerson(id: string): boolean {
    return this.record.people.some((item) => (item.person as { id: string }).id === id);
  }

  organization(
    info: OrganizationInfo,
    written: string,
    role: OrganizationRole,
    span: Span | undefined,
  ): void {
    const reference = this.page.organization(info, written, span);
    let index = this.record.organizations.findIndex(
      (item) => item.organization.id === reference.id && item.role === role,
    );
    if (index === -1) {
      // An organization already present as host or affiliation is not also "mentioned".
      if (
        role === "mentioned" &&
        this.record.organizations.some((item) => item.organization.id === reference.id)
      )
        return;
      index = this.record.organizations.length;
      this.record.organizations.push({ organization: reference, role });
    }
    note(this.fields, indexedKey(organizationKeys, "organizations", index), span);
  }

  topic(name: string, span: Span | undefined): void {
    const reference = this.page.topic(name, span);
    let index = this.record.topics.findIndex((item) => item.id === reference.id);
    if (index === -1) {
      index = this.record.topics.length;
      this.record.topics.push(reference);
    }
    note(this.fields, indexedKey(topicKeys, "topics", index), span);
  }

  region(info: RegionInfo, written: string, span: Span | undefined): void {
    const reference = this.page.region(info, written, span);
    let index = this.record.regions.findIndex((item) => item.id === reference.id);
    if (index === -1) {
      index = this.record.regions.length;
      this.record.regions.push(reference);
    }
    note(this.fields, indexedKey(regionKeys, "regions", index), span);
  }

  hashtag(tag: string, span: Span): void {
    let index = this.record.hashtags.indexOf(tag);
    if (index === -1) {
      index = this.record.hashtags.length;
      this.record.hashtags.push(tag);
    }
    note(this.fields, indexedKey(hashtagKeys, "hashtags", index), span);
  }

  link(type: LinkType, target: { id: string; title: string }, span?: Span): void {
    if (target.id === this.id) return;
    let index = this.record.links.findIndex((item) => item.type === type && item.target.id === target.id);
    if (index === -1) {
      index = this.record.links.length;
      this.record.links.push({ type, target });
    }
    note(this.fields, indexedKey(linkKeys, "links", index), span);
  }

  /** A link to a page that may not be ingested yet: a stub stands in for it until it is. */
  linkByTitle(type: LinkType, title: string, span?: Span): void {
    this.link(type, this.page.stub(title), span);
  }

  build(provenance: (fields: Fields) => unknown[]): CorpusRecord {
    return { ...this.record, provenance: provenance(this.fields) } as unknown as CorpusRecord;
  }
}
