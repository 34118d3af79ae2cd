import {
  type CorpusRecord,
  createDocumentId,
  createOrganizationId,
  createPersonId,
  createRegionId,
  createTopicId,
  type Document,
  type Entity,
  type PersonRole,
  type PublicationSubtype,
} from "@corpus/schema";

/**
 * A deterministic synthetic library of any size, for tests and benchmarks: the same count and
 * seed give the same records on every machine. Text follows a Zipf distribution over a
 * vocabulary whose most frequent words are real domain words, so "peace" or "security" match
 * most of the library (the hard case for ranking and facets) and invented words are rare.
 */
export interface SyntheticOptions {
  /** Number of documents; entities come on top of them. */
  count: number;
  seed?: number;
}

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAIN_WORDS = (
  "peace security conflict dialogue talks nuclear regional policy research analysis governance " +
  "violence ceasefire negotiation sanctions diplomacy humanitarian refugees election democracy military " +
  "alliance treaty mediation reconciliation justice development climate water border trade economy " +
  "insurgency terrorism stability reform protest rights women youth community cooperation summit"
).split(" ");
const SYLLABLES = "ka ri to ne mu sa lo ve di pa zu ha mi ko te ba lu gi fo ya".split(" ");
const FIRST_NAMES =
  "Amina Boris Chen Dalia Emeka Farah Goran Hana Ivan Jae Kofi Lena Mateo Nadia Omar Priya Rosa Sami Tomas Yuki".split(
    " ",
  );
const LAST_NAMES =
  "Abara Brandt Castillo Dube Eriksen Fujita Gatwech Haddad Ivanova Jensen Kamau Lindqvist Moreau Nakamura Okafor Petrov Quispe Rahman Silva Tanaka".split(
    " ",
  );
const TOPICS = (
  "Peace Processes|Nuclear Security|Human Rights|Climate and Conflict|Gender and Peace|Violent Extremism|" +
  "Democracy and Governance|Economics and Conflict|Fragile States|Reconciliation|Mediation|Arms Control|" +
  "Refugees and Migration|Elections|Justice and Security|Youth|Religion and Peace|Cybersecurity|Health and Conflict|Water"
).split("|");
const COUNTRIES =
  "KR KP JP CN US AF IQ SY YE SD SS ET SO NG ML CO VE UA RU GE AM AZ MM PH ID PK IN LB IL PS LY TN EG KE CD CF MZ".split(
    " ",
  );
const SUBTYPES: PublicationSubtype[] = [
  "analysis",
  "commentary",
  "article",
  "report",
  "digest-article",
  "podcast-episode",
  "brief",
];
const EVENT_ROLES: PersonRole[] = ["speaker", "panelist", "moderator", "keynote", "discussant"];
const SECTIONS = [
  "In the News",
  "Insight from Peace Science",
  "Informing Practice",
  "Background",
  "Key Findings",
];

function pseudoWord(rank: number): string {
  let word = "";
  let value = rank + 1;
  do {
    word += SYLLABLES[value % SYLLABLES.length];
    value = Math.floor(value / SYLLABLES.length);
  } while (value > 0);
  return word.length < 4 ? `${word}n` : word;
}

class Zipf {
  private cumulative: Float64Array;
  constructor(size: number, exponent: number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < size; rank++) this.cumulative[rank] = (this.cumulative[rank] as number) / total;
  }
  sample(random: () => number): number {
    const target = random();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

const VOCABULARY_SIZE = 30_000;
const vocabulary = Array.from(
  { length: VOCABULARY_SIZE },
  (_, rank) => DOMAIN_WORDS[rank] ?? pseudoWord(rank),
);

/** The synthetic vocabulary, most frequent first: benchmarks draw common and rare query words from it. */
export function syntheticVocabulary(): readonly string[] {
  return vocabulary;
}

/** Records of a synthetic library: entities first, then `count` documents. */
export function* syntheticRecords(options: SyntheticOptions): Generator<CorpusRecord> {
  const random = createRandom(options.seed ?? 1);
  const words = new Zipf(VOCABULARY_SIZE, 1.0);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const sentence = (length: number) =>
    Array.from({ length }, () => vocabulary[words.sample(random)]).join(" ");

  const peopleCount = Math.max(20, Math.min(60_000, Math.ceil(options.count / 15)));
  const people = Array.from({ length: peopleCount }, (_, index) => {
    const name = `${FIRST_NAMES[index % FIRST_NAMES.length]} ${pseudoWord(index).replace(/^./, (letter) => letter.toUpperCase())} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]}`;
    return { id: createPersonId(name), name };
  });
  const organizations = Array.from(
    { length: Math.max(10, Math.min(3000, Math.ceil(options.count / 300))) },
    (_, index) => {
      const name = `${pseudoWord(index + 500).replace(/^./, (letter) => letter.toUpperCase())} Institute for ${pick(DOMAIN_WORDS)} studies`;
      return { id: createOrganizationId(name), name };
    },
  );
  const topics = TOPICS.map((name) => ({ id: createTopicId(name), name }));
  const regions = COUNTRIES.map((code) => ({ id: createRegionId(code), name: `Country ${code}`, code }));
  const peopleZipf = new Zipf(people.length, 0.9);
  const organizationZipf = new Zipf(organizations.length, 0.9);

  for (const person of people)
    yield {
      id: person.id,
      kind: "person",
      name: person.name,
      aliases: [],
      honorifics: [],
      provenance: [],
    } as Entity;
  for (const organization of organizations)
    yield {
      id: organization.id,
      kind: "organization",
      name: organization.name,
      aliases: [],
      provenance: [],
    } as Entity;
  for (const topic of topics)
    yield { id: topic.id, kind: "topic", name: topic.name, aliases: [], provenance: [] } as Entity;
  for (const region of regions)
    yield {
      id: region.id,
      kind: "region",
      name: region.name,
      aliases: [],
      regionType: "country",
      iso3166: { alpha2: region.code },
      countries: [],
      provenance: [],
    } as Entity;

  let previous: { id: string; title: string } | null = null;
  for (let index = 0; index < options.count; index++) {
    const roll = random();
    const kind = roll < 0.35 ? "event" : roll < 0.93 ? "publication" : roll < 0.97 ? "issue" : "stub";
    const title = `${sentence(3 + Math.floor(random() * 5)).replace(/^./, (letter) => letter.toUpperCase())} ${index.toString(36)}`;
    const id = createDocumentId(title);
    const year = 1995 + Math.floor(random() * 31);
    const precision = random();
    const date =
      precision < 0.1
        ? { year }
        : precision < 0.25
          ? { year, month: 1 + Math.floor(random() * 12) }
          : { year, month: 1 + Math.floor(random() * 12), day: 1 + Math.floor(random() * 28) };
    const base = {
      id,
      title,
      titleDerived: false,
      extent: "full" as const,
      sections: [] as Document["sections"],
      people: [] as Document["people"],
      organizations: [] as Document["organizations"],
      topics: [] as Document["topics"],
      regions: [] as Document["regions"],
      hashtags: [] as string[],
      links: [] as Document["links"],
      provenance: [],
    };
    if (kind === "stub") {
      yield { ...base, kind: "stub", extent: "teaser" } as Document;
      continue;
    }
    const organization = organizations[organizationZipf.sample(random)] as { id: string; name: string };
    const peopleHere = 1 + Math.floor(random() * 4);
    const chosen = new Set<number>();
    while (chosen.size < peopleHere) chosen.add(peopleZipf.sample(random));
    base.people = [...chosen].map((personIndex, position) => {
      const person = people[personIndex] as { id: string; name: string };
      const role: PersonRole =
        kind === "event"
          ? position === 0
            ? "moderator"
            : pick(EVENT_ROLES)
          : kind === "issue"
            ? "editor"
            : "author";
      return { person, role, title: `Senior ${pick(DOMAIN_WORDS)} fellow`, affiliations: [organization] };
    });
    base.organizations = [{ organization, role: kind === "event" ? "host" : "publisher" }];
    const topicCount = 1 + Math.floor(random() * 3);
    base.topics = [...new Set(Array.from({ length: topicCount }, () => pick(topics)))];
    base.regions = [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(regions))),
    ].map((region) => ({ id: region.id, name: region.name }));
    base.sections = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
      heading: pick(SECTIONS),
      text: `${sentence(40 + Math.floor(random() * 60))}.`,
      quotes: [],
    }));
    if (previous && random() < 0.2) base.links = [{ type: "previous", target: previous }];
    if (random() < 0.1) base.hashtags = [`#${pick(DOMAIN_WORDS)}`];
    const summary = `${sentence(15 + Math.floor(random() * 15))}.`;
    const document =
      kind === "event"
        ? { ...base, kind, date, summary, agenda: [], location: "Washington, DC" }
        : kind === "issue"
          ? { ...base, kind, date, summary, volume: 1 + (year - 1995), number: 1 + Math.floor(random() * 6) }
          : { ...base, kind, date, summary, subtype: pick(SUBTYPES) };
    previous = { id, title };
    yield document as Document;
  }
}

/** The whole synthetic library as an array (entities first). For big counts iterate syntheticRecords instead. */
export function generateSyntheticLibrary(count: number, seed = 1): CorpusRecord[] {
  return [...syntheticRecords({ count, seed })];
}
