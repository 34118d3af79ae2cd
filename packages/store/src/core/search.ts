import {
  type Document,
  type FacetName,
  type Facets,
  type FacetValue,
  facetNames,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type TimelineBucket,
} from "@corpus/schema";
import { Bitset } from "./bitset.js";
import { filterTag, summarize } from "./derive.js";
import { labelFromId } from "./facet-labels.js";
import type { ScoreFilter, ScoredSeq, SqlDriver } from "./driver.js";
import { DIMENSIONS, dateBoundToNumber, type Dimension, type FacetIndex } from "./facet-index.js";

/** What a search is narrowed by: a dimension's filter, or people and roles taken together. */
type FilterKey = Dimension | "personRole";
import { type ParsedQuery, parseQueryText, type QueryNode, toFts5 } from "./query-text.js";
import { buildSnippet } from "./snippet.js";

/** A cursor that does not belong to this search (tampered, or from another sort order). */
export class InvalidCursorError extends Error {
  override name = "InvalidCursorError";
}

/**
 * The library's database does not answer (PostgreSQL down or unreachable, or every connection
 * busy): the request may succeed later, unlike a bug. Servers answer it with 503.
 */
export class LibraryUnavailableError extends Error {
  override name = "LibraryUnavailableError";
}

/** Past this many matches, relevance is computed for the engine's best few instead of every match. */
/** Sizes of the ranking strategy; tests shrink them to exercise every path on a small library. */
export interface SearchTuning {
  scoreAllLimit: number;
  scoreFilteredLimit: number;
  champions: number;
  recentWindow: number;
}

export const defaultSearchTuning: SearchTuning = {
  scoreAllLimit: 20_000,
  scoreFilteredLimit: 5_000,
  champions: 2_000,
  recentWindow: 20_000,
};
const FACET_VALUES_SHOWN = 100;
/** The documents a query's text matches, and whether the engine read any of its words to rank by. */
interface TextMatch {
  set: Bitset;
  rankable: boolean;
}

/** A term the engine ignores (a stop word on PostgreSQL), as the term cache remembers it. */
const IGNORED = Symbol("ignored by the engine");
const ENTITY_FACETS = new Set<FacetName>(["topic", "region", "person", "organization"]);

interface Ranked extends ScoredSeq {
  /** 0: among the newest matches; 1: older (see rank). */
  tier: number;
}

interface Cursor {
  sort: string;
  tier?: number;
  score?: number;
  date?: number;
  seq: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string, sort: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (value.sort === sort && Number.isInteger(value.seq)) return value;
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError("this cursor does not belong to this search; start again without a cursor");
}

/** Least-recently-used entries, bounded by count or, with `weigh`, by total weight (bytes). */
class LruCache<V> {
  private entries = new Map<string, V>();
  private weight = 0;
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.weight -= this.weigh(previous);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.weight += this.weigh(value);
    while (this.weight > this.capacity && this.entries.size > 1) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, V];
      this.entries.delete(oldestKey);
      this.weight -= this.weigh(oldest);
    }
  }
}

/**
 * The `limit` codes with the highest counts (ties by value), best first, without sorting every
 * value: a person facet over a million documents has tens of thousands of non-zero values and
 * sorting them all cost ~60 ms a search. A bounded heap keeps the current best `limit`.
 */
export function topCodes(
  codes: readonly number[],
  counts: Uint32Array,
  labels: readonly string[],
  limit: number,
): number[] {
  // `worse(a, b)`: a ranks below b (fewer, or as many with a later value).
  const worse = (a: number, b: number) => {
    const difference = (counts[a] as number) - (counts[b] as number);
    return difference !== 0 ? difference < 0 : (labels[a] as string) > (labels[b] as string);
  };
  const heap: number[] = []; // a min-heap: heap[0] is the worst of the kept codes
  const siftDown = (start: number) => {
    let index = start;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && worse(heap[left] as number, heap[smallest] as number)) smallest = left;
      if (right < heap.length && worse(heap[right] as number, heap[smallest] as number)) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest] as number, heap[index] as number];
      index = smallest;
    }
  };
  for (const code of codes) {
    if ((counts[code] ?? 0) === 0) continue;
    if (heap.length < limit) {
      heap.push(code);
      let index = heap.length - 1;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (!worse(heap[index] as number, heap[parent] as number)) break;
        [heap[index], heap[parent]] = [heap[parent] as number, heap[index] as number];
        index = parent;
      }
    } else if (worse(heap[0] as number, code)) {
      heap[0] = code;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

const FILTER_DIMENSIONS = [
  "kind",
  "subtype",
  "topic",
  "region",
  "person",
  "organization",
  "role",
  "hashtag",
] as const;

export class SearchEngine {
  // 256 match sets of a million documents are 32 MB; champion lists are 2,000 numbers each.
  private matchCache = new LruCache<TextMatch>(256);
  // Per-term sets: ~64 MB at a million documents (a bitset is 125 KB there; rare terms far less).
  private termCache = new LruCache<Bitset | Uint32Array | typeof IGNORED>(64 * 1024 * 1024, (value) =>
    value === IGNORED ? 8 : value instanceof Bitset ? value.words.byteLength : value.byteLength,
  );
  private championCache = new LruCache<ScoredSeq[]>(1024);

  constructor(
    private readonly driver: SqlDriver,
    readonly index: FacetIndex,
    private readonly loadDocuments: (seqs: readonly number[]) => Promise<Map<number, Document>>,
    private readonly entityNames: (ids: readonly string[]) => Promise<Map<string, string>>,
    private readonly tuning: SearchTuning = defaultSearchTuning,
  ) {}

  private cacheKey(parsed: ParsedQuery, query: SearchQuery): string {
    return `${this.index.mark}|${query.scope}|${query.section ?? ""}|${parsed.node ? toFts5(parsed.node) : ""}`;
  }

  /** The documents the text matches (every document for empty text). */
  private async matchSet(parsed: ParsedQuery, query: SearchQuery, hasText: boolean): Promise<TextMatch> {
    if (!hasText) return { set: this.index.alive, rankable: false };
    if (!parsed.node) return { set: new Bitset(this.index.size), rankable: false };
    const key = this.cacheKey(parsed, query);
    const cached = this.matchCache.get(key);
    if (cached) return cached;
    // Over whole documents, AND / OR / NOT of the engine's per-term sets is exactly what the
    // engine would compute; within one section it is not (both words must be in the same section).
    let set: Bitset | null;
    if (query.scope === "section") {
      const seqs = await this.driver.matchSeqs(parsed.node, query.scope, query.section);
      set = seqs ? Bitset.fromSeqs(this.index.size, seqs) : null;
    } else set = await this.nodeSet(parsed.node, query);
    // Only words the engine ignores (stop words on PostgreSQL): as if no text was given, and
    // nothing to rank by.
    const match = set ? { set, rankable: true } : { set: this.index.alive.clone(), rankable: false };
    match.set.andInPlace(this.index.alive);
    this.matchCache.set(key, match);
    return match;
  }

  /**
   * The documents matching one node of the query, combined in memory from the sets of its terms
   * and phrases. Those are cached one by one, so a new query made of words seen before (the
   * common case: "peace talks" after "peace") costs no engine work; reading the set of a word
   * found in most of the library is the slowest thing a search does (100-250 ms at 1M).
   */
  private async nodeSet(node: QueryNode, query: SearchQuery): Promise<Bitset | null> {
    switch (node.type) {
      case "term":
      case "phrase": {
        const key = `${this.index.mark}|${query.scope}|${toFts5(node)}`;
        let members = this.termCache.get(key);
        if (!members) {
          const seqs = await this.driver.matchSeqs(node, query.scope, query.section);
          // Small sets stay as sorted arrays (4 bytes a match), large ones as bitsets (1 bit a
          // document); a word the engine ignores is remembered as such.
          members =
            seqs === null
              ? IGNORED
              : seqs.length * 32 < this.index.size
                ? seqs
                : Bitset.fromSeqs(this.index.size, seqs);
          this.termCache.set(key, members);
        }
        if (members === IGNORED) return null;
        return members instanceof Bitset ? members.clone() : Bitset.fromSeqs(this.index.size, members);
      }
      case "and": {
        // A word the engine ignores constrains nothing: "the truce" is "truce".
        let result: Bitset | null = null;
        for (const child of node.children)
          if (child.type !== "not") {
            const set = await this.nodeSet(child, query);
            if (set) result = result ? result.andInPlace(set) : set;
          }
        const positive = node.children.some((child) => child.type !== "not");
        if (!result) {
          if (positive) return null;
          result = new Bitset(this.index.size);
        }
        for (const child of node.children)
          if (child.type === "not") {
            const excluded = await this.nodeSet(child.child, query);
            if (excluded) result.andNotInPlace(excluded);
          }
        return result;
      }
      case "or": {
        const sets = [];
        for (const child of node.children) sets.push(await this.nodeSet(child, query));
        const known = sets.filter((set): set is Bitset => set !== null);
        if (known.length === 0) return null;
        const result = new Bitset(this.index.size);
        for (const set of known) result.orInPlace(set);
        return result;
      }
      case "not":
        // The parser never leaves a lone negation; like the engine rendering, it matches nothing.
        return new Bitset(this.index.size);
    }
  }

  private filterSets(query: SearchQuery): Map<FilterKey, Bitset> {
    const sets = new Map<FilterKey, Bitset>();
    const filters = query.filters ?? {};
    for (const dimension of FILTER_DIMENSIONS) {
      let values = filters[dimension];
      if (!values || values.length === 0) continue;
      if (dimension === "hashtag") values = values.map((value) => value.toLowerCase());
      sets.set(dimension, this.index.valueSet(dimension, values));
    }
    // People and roles together mean those people in those roles: Frank Aum as moderator, not a
    // document he spoke at that someone else moderated. Each alone keeps its meaning (anyone in
    // the role; the person in any role).
    if (filters.person?.length && filters.role?.length)
      sets.set("personRole", this.index.pairSet(filters.person, filters.role));
    if (filters.from || filters.to) {
      const from = filters.from ? dateBoundToNumber(filters.from, false) : 0;
      const to = filters.to ? dateBoundToNumber(filters.to, true) : 99_991_231;
      sets.set("year", this.index.dateSet(from, to));
    }
    return sets;
  }

  /** The match set under every filter but `except`'s (the pairing of people and roles goes with either). */
  private combine(match: Bitset, sets: Map<FilterKey, Bitset>, except?: Dimension): Bitset {
    const result = match.clone();
    const tiedToExcept = except === "person" || except === "role";
    for (const [dimension, set] of sets)
      if (dimension !== except && !(dimension === "personRole" && tiedToExcept)) result.andInPlace(set);
    return result;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.index.refresh();
    const text = query.text ?? "";
    const hasText = text.trim().length > 0;
    const parsed = parseQueryText(text, query.mode ?? "simple");
    const scope = query.scope ?? "all";
    const scoped = scope === "section" && !query.section ? { ...query, scope: "all" as const } : query;
    const match = await this.matchSet(parsed, scoped, hasText);
    const sets = this.filterSets(query);
    const results = this.combine(match.set, sets);
    const total = results.count();
    const limit = query.limit ?? 20;
    const sort = query.sort ?? "relevance";
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;

    let page: { seq: number; score?: number }[];
    let nextCursor: string | null = null;
    // Text the engine ignores entirely has no relevance to rank by: newest first, as with none.
    if (sort === "relevance" && match.rankable && parsed.node) {
      const ranked = await this.rank(parsed, scoped, match.set, results, total, cursor, limit);
      page = ranked.slice(0, limit);
      const last = ranked[page.length - 1];
      if (ranked.length > limit && last)
        nextCursor = encodeCursor({ sort, score: last.score, seq: last.seq, tier: last.tier });
    } else {
      const oldest = sort === "oldest";
      const after = cursor ? { date: cursor.date ?? 0, seq: cursor.seq } : null;
      const seqs = this.index.dateOrder(results, oldest, after, limit + 1);
      page = seqs.slice(0, limit).map((seq) => ({ seq }));
      const last = page[page.length - 1];
      if (seqs.length > limit && last)
        nextCursor = encodeCursor({ sort, date: this.index.dateStart[last.seq] as number, seq: last.seq });
    }

    const documents = await this.loadDocuments(page.map((item) => item.seq));
    const hits: SearchHit[] = [];
    for (const item of page) {
      const document = documents.get(item.seq);
      if (!document) continue;
      const hit: SearchHit = { document: summarize(document) };
      if (item.score !== undefined) hit.score = item.score;
      const snippet = buildSnippet(
        document,
        parsed.words,
        scope === "section" && query.section ? { section: query.section } : {},
      );
      if (snippet) hit.snippet = snippet;
      hits.push(hit);
    }
    const result: SearchResult = { total, hits, nextCursor, fellBackToLiteral: parsed.fellBackToLiteral };
    if (query.facets ?? true) result.facets = await this.facets(match.set, sets, results, total, query);
    return result;
  }

  /**
   * Relevance order. Up to `scoreAllLimit` matches, the engine scores every match. Past that
   * (a query of words found in most of the library), ranking is in two tiers: first the newest
   * `recentWindow` matches by score, then all older matches by score. The engine can seek its
   * posting lists to a seq range, so the first pages cost the window, not the library; only
   * paging past the window pays for scoring everything. See decision 0020.
   */
  private async rank(
    parsed: ParsedQuery,
    query: SearchQuery,
    match: Bitset,
    results: Bitset,
    total: number,
    cursor: Cursor | null,
    limit: number,
  ): Promise<Ranked[]> {
    const node = parsed.node as NonNullable<ParsedQuery["node"]>;
    const cursorTier = cursor?.tier ?? 0;
    const after = (item: Ranked) => {
      if (!cursor) return true;
      if (item.tier !== cursorTier) return item.tier > cursorTier;
      return item.score < (cursor.score ?? 0) || (item.score === cursor.score && item.seq < cursor.seq);
    };
    const order = (left: Ranked, right: Ranked) =>
      left.tier - right.tier || right.score - left.score || right.seq - left.seq;
    const finish = (scored: readonly ScoredSeq[], tier: number) =>
      scored
        .map((item) => ({ seq: item.seq, score: item.score, tier }))
        .filter((item) => results.has(item.seq) && after(item))
        .sort(order);
    if (total === 0) return [];
    const score = (filter: ScoreFilter | null, top: number | null) =>
      this.driver.score(node, query.scope, query.section, filter, top);
    const matchCount = match.count();
    const filtered = total < matchCount;
    const postgres = this.driver.engine === "postgres";
    if (matchCount <= this.tuning.scoreAllLimit) return finish(await score(null, null), 0);
    if (filtered && total <= this.tuning.scoreFilteredLimit)
      return finish(
        await score(postgres ? { seqs: [...results.toArray()] } : { tags: this.filterTags(query) }, null),
        0,
      );
    // Two tiers: the newest window first, by score, then everything older, by score. The older
    // tier is scored only when a page reaches past the first.
    const tiers = async (minSeq: number, firstTier: () => Promise<Ranked[]>, older: ScoreFilter) => {
      let first: Ranked[] = [];
      if (cursorTier === 0) {
        first = await firstTier();
        if (first.length > limit) return first;
      }
      return [...first, ...finish(await score({ ...older, maxSeq: minSeq }, null), 1)];
    };
    if (filtered) {
      // Many results after filters: the window is the newest `scoreFilteredLimit` results. It is
      // a seq range, so the engine scores only its members (SQLite: text AND filter tokens from
      // minSeq on); it is cached for the next pages.
      const minSeq = results.thresholdForTop(this.tuning.scoreFilteredLimit);
      const tags = postgres ? [] : this.filterTags(query);
      return tiers(
        minSeq,
        async () => {
          const key = `filtered|${minSeq}|${JSON.stringify(query.filters ?? {})}|${this.cacheKey(parsed, query)}`;
          let scored = this.championCache.get(key);
          if (!scored) {
            scored = await score(
              postgres ? { seqs: [...results.toArray()].filter((seq) => seq >= minSeq) } : { minSeq, tags },
              null,
            );
            this.championCache.set(key, scored);
          }
          return finish(scored, 0);
        },
        postgres ? {} : { tags },
      );
    }
    // A query matching most of the library, no filters: the window is the newest `recentWindow`
    // matches, and its best `champions` are cached; the whole window is scored only when a page
    // reaches past them.
    const minSeq = match.thresholdForTop(this.tuning.recentWindow);
    return tiers(
      minSeq,
      async () => {
        const key = `recent|${minSeq}|${this.cacheKey(parsed, query)}`;
        let champions = this.championCache.get(key);
        if (!champions) {
          champions = await score({ minSeq }, this.tuning.champions);
          this.championCache.set(key, champions);
        }
        const first = finish(champions, 0);
        return first.length <= limit && champions.length >= this.tuning.champions
          ? finish(await score({ minSeq }, null), 0)
          : first;
      },
      {},
    );
  }

  private filterTags(query: SearchQuery): string[][] {
    const groups: string[][] = [];
    const filters = query.filters ?? {};
    for (const dimension of FILTER_DIMENSIONS) {
      const values = filters[dimension];
      if (!values || values.length === 0) continue;
      groups.push(
        values.map((value) => filterTag(dimension, dimension === "hashtag" ? value.toLowerCase() : value)),
      );
    }
    const fromYear = filters.from ? Number(filters.from.slice(0, 4)) : null;
    const toYear = filters.to ? Number(filters.to.slice(0, 4)) : null;
    if (fromYear !== null || toYear !== null) {
      const first = fromYear ?? toYear! - 60;
      const last = toYear ?? fromYear! + 60;
      // A few years narrow the engine's work; a wide range is an OR of many long posting lists
      // that costs more than it saves (the exact date filter is applied in memory anyway).
      if (last - first <= 4)
        groups.push(
          Array.from({ length: last - first + 1 }, (_, offset) => filterTag("year", String(first + offset))),
        );
    }
    return groups;
  }

  private async facets(
    match: Bitset,
    sets: Map<FilterKey, Bitset>,
    results: Bitset,
    total: number,
    query: SearchQuery,
  ): Promise<Facets> {
    const shared = this.index.countsFast(results, total);
    const own = new Map<Dimension, Uint32Array>();
    const selected = query.filters ?? {};
    for (const dimension of sets.keys()) {
      if (dimension === "hashtag" || dimension === "personRole") continue;
      // Counted tied to the other below.
      if (
        (dimension === "person" && selected.role?.length) ||
        (dimension === "role" && selected.person?.length)
      )
        continue;
      const base = this.combine(match, sets, dimension);
      own.set(dimension, this.index.countsFast(base, base.count()));
    }
    // With a role chosen, the people facet counts who held it; with people chosen, the roles facet
    // counts the roles they held (not anyone's role in their documents).
    if (selected.role?.length)
      own.set(
        "person",
        this.index.tiedCounts(
          sets.has("person") ? this.combine(match, sets, "person") : results,
          "person",
          selected.role,
        ),
      );
    if (selected.person?.length)
      own.set(
        "role",
        this.index.tiedCounts(
          sets.has("role") ? this.combine(match, sets, "role") : results,
          "role",
          selected.person,
        ),
      );
    const perFacet = new Map<FacetName, { value: string; count: number }[]>();
    const entityIds: string[] = [];
    const { codeValue, dimensionCodes } = this.index;
    for (const name of facetNames) {
      const counts = own.get(name) ?? shared;
      const codes = dimensionCodes[DIMENSIONS.indexOf(name)] ?? [];
      let values: { value: string; count: number }[];
      if (name === "year") {
        values = [];
        for (const code of codes)
          if ((counts[code] ?? 0) > 0)
            values.push({ value: codeValue[code] as string, count: counts[code] as number });
        values.sort((left, right) => Number(right.value) - Number(left.value));
        values = values.slice(0, FACET_VALUES_SHOWN);
      } else
        values = topCodes(codes, counts, codeValue, FACET_VALUES_SHOWN).map((code) => ({
          value: codeValue[code] as string,
          count: counts[code] as number,
        }));
      const wanted = name === "year" ? [] : ((selected as Record<string, string[] | undefined>)[name] ?? []);
      for (const value of wanted)
        if (!values.some((item) => item.value === value)) {
          const code = this.index.lookup(name, value);
          values.push({ value, count: code === undefined ? 0 : (counts[code] ?? 0) });
        }
      perFacet.set(name, values);
      if (ENTITY_FACETS.has(name)) entityIds.push(...values.map((item) => item.value));
    }
    const names = await this.entityNames(entityIds);
    const facets = {} as Facets;
    for (const name of facetNames)
      facets[name] = (perFacet.get(name) ?? []).map(
        (item): FacetValue => ({
          value: item.value,
          label: names.get(item.value) ?? (ENTITY_FACETS.has(name) ? labelFromId(item.value) : item.value),
          count: item.count,
        }),
      );
    return facets;
  }

  async timeline(query: SearchQuery, bucket: "month" | "year"): Promise<TimelineBucket[]> {
    await this.index.refresh();
    const text = query.text ?? "";
    const parsed = parseQueryText(text, query.mode ?? "simple");
    const match = await this.matchSet(parsed, query, text.trim().length > 0);
    const results = this.combine(match.set, this.filterSets(query));
    const buckets = new Map<string, TimelineBucket>();
    const { dateStart, dateEnd } = this.index;
    results.forEach((seq) => {
      const start = dateStart[seq] as number;
      if (start === 0) return;
      const year = Math.floor(start / 10000);
      let key = String(year);
      if (bucket === "month") {
        // A date known only to the year cannot be placed in a month: it is left out of month buckets.
        if (Math.floor(start / 100) !== Math.floor((dateEnd[seq] as number) / 100)) return;
        key = `${year}-${String(Math.floor(start / 100) % 100).padStart(2, "0")}`;
      }
      let entry = buckets.get(key);
      if (!entry) {
        entry = { bucket: key, total: 0, byKind: {} };
        buckets.set(key, entry);
      }
      entry.total++;
      const kind = this.index.kindOf(seq);
      entry.byKind[kind] = (entry.byKind[kind] ?? 0) + 1;
    });
    return [...buckets.values()].sort((left, right) => (left.bucket < right.bucket ? -1 : 1));
  }
}
