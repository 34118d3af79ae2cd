import type { FacetName, SearchFilters } from "@corpus/schema";
import { Bitset } from "./bitset.js";

/**
 * An in-memory column store of what every document can be filtered and faceted by. Filters are
 * bitset unions of posting lists; facet counts are one pass over the matching documents' value
 * lists. It replaces SQL GROUP BY (seconds at a million documents) with tens of milliseconds.
 * It is rebuilt from the database on open and kept current from the `changes` log, so a library
 * written by another process (an ingest in a terminal) is seen on the next search.
 * See docs/decisions/0020-search-architecture.md.
 */

export const DIMENSIONS = [
  "kind",
  "subtype",
  "topic",
  "region",
  "person",
  "organization",
  "role",
  "year",
  "hashtag",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const DIMENSION_INDEX = new Map<string, number>(DIMENSIONS.map((name, index) => [name, index]));
/**
 * Besides the dimensions, each person with their role in a document, so that the person and role
 * filters together mean "this person in this role" (see tiedCounts and pairSet).
 * Person-in-role pairs live in `values` as PAIR_BASE + their index, a code space of their own:
 * facet count arrays are sized by the facet codes alone, and counting stops where a document's
 * pairs begin (facetEnds). With pairs among the facet codes, a million-document library has some
 * 300,000 more codes, and every count array, subtraction and pass grew with them (search p50
 * 15.7 -> 25 ms in the seventh session's measurement).
 */
const PAIR_BASE = 0x8000_0000;
export const KIND_CODES = ["event", "publication", "issue", "stub"] as const;

/** How a person in a role is written in the snapshot (ids and roles hold no tab). */
function personRoleValue(personId: string, role: string): string {
  return `${personId}\t${role}`;
}

/** One row per document: [seq, kind, subtype, dateStart, dateEnd]. */
export type IndexDocumentRow = [number, string, string | null, number | null, number | null];
/** One row per reference: [docSeq, entityKind, entityId, role]. */
export type IndexRefRow = [number, string, string, string];

/**
 * The index as bytes, kept in the library so that the next process to open it (a CLI search, a
 * server's read worker) reads one row instead of rebuilding from ten million reference rows (20 s
 * at a million documents), then catches up through the change log like any other reader.
 * Bump SNAPSHOT_FORMAT whenever the layout below or what a document's values are changes.
 */
export interface IndexSnapshot {
  format: number;
  /** The change id the snapshot is current with (later changes are re-read on load). */
  mark: number;
  data: Uint8Array;
}
export const SNAPSHOT_FORMAT = 4;
const SNAPSHOT_MAGIC = 0x31584643; // "CFX1" read as little-endian: a big-endian machine rebuilds.
/** Bytes rounded up to whole 32-bit words, so each typed array of a snapshot starts aligned. */
const padToWords = (bytes: number) => (bytes + 3) & ~3;

export interface IndexSource {
  /** The last snapshot written, or null. Optional: a source without one always rebuilds. */
  loadSnapshot?(): Promise<IndexSnapshot | null>;
  /** Replaces the snapshot; a failure (the library is locked, read-only) is the caller's to ignore. */
  saveSnapshot?(snapshot: IndexSnapshot): Promise<void>;
  /** The highest change id now (the index is current when it has applied this many). */
  changeMark(): Promise<number>;
  maxSeq(): Promise<number>;
  /** Documents and references with fromSeq <= seq < toSeq, each ordered by seq. */
  loadRange(fromSeq: number, toSeq: number): Promise<{ documents: IndexDocumentRow[]; refs: IndexRefRow[] }>;
  loadSeqs(seqs: readonly number[]): Promise<{ documents: IndexDocumentRow[]; refs: IndexRefRow[] }>;
  changedSince(mark: number): Promise<{ mark: number; seqs: number[] }>;
}

function valuesOf(
  document: IndexDocumentRow,
  refs: IndexRefRow[],
  code: (dimension: number, value: string) => number,
  pairCode: (personId: string, role: string) => number,
): number[] {
  const values = [code(0, document[1])];
  // A document has a dozen values or so: a linear check beats building a Set per document.
  const add = (value: number) => {
    if (!values.includes(value)) values.push(value);
  };
  if (document[2]) add(code(1, document[2]));
  if (document[3]) add(code(7, String(Math.floor(document[3] / 10000))));
  const pairs: number[] = [];
  for (const ref of refs) {
    const kind = ref[1];
    const dimension =
      kind === "organization" ? 5 : kind === "person" ? 4 : kind === "topic" ? 2 : kind === "region" ? 3 : 8;
    add(code(dimension, ref[2]));
    if (kind === "person" && ref[3]) {
      add(code(6, ref[3]));
      const pair = pairCode(ref[2], ref[3]);
      if (!pairs.includes(pair)) pairs.push(pair);
    }
  }
  // Person-in-role pairs last: facet counting stops where they start (facetEnds), so they cost
  // the hot loop nothing; filters and tiedCounts read them through postings and valuesAt.
  for (const pair of pairs) values.push(pair);
  return values;
}

export class FacetIndex {
  // One map per dimension: no "dimension + value" key string is built per reference (ten million
  // of them when the index loads at a million documents).
  private codes: Map<string, number>[] = DIMENSIONS.map(() => new Map());
  codeDimension: number[] = [];
  codeValue: string[] = [];
  /** The codes of each dimension, so a facet visits its own values only. */
  dimensionCodes: number[][] = DIMENSIONS.map(() => []);
  private capacity = 0;
  alive = new Bitset(0);
  dateStart = new Int32Array(0);
  dateEnd = new Int32Array(0);
  private offsets = new Uint32Array(1);
  /** Per document, where its person-in-role pairs start in `values` (the end of what facets count). */
  private facetEnds = new Uint32Array(0);
  /** personId → role → pair index, so that loading makes no "person\trole" string per reference. */
  private pairIndex = new Map<string, Map<string, number>>();
  /** Per pair index: "person\trole" (for the snapshot), the person's code and the role's code. */
  private pairValue: string[] = [];
  private pairPerson: number[] = [];
  private pairRole: number[] = [];
  private pairPostings: Uint32Array[] = [];
  private values: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private postings: Uint32Array[] = [];
  private byDate: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private overlay = new Map<number, Uint32Array>();
  private overridden = new Bitset(0);
  private allCounts: Uint32Array | null = null;
  mark = 0;
  private refreshing: Promise<void> | null = null;
  private snapshotTried = false;

  /**
   * @param snapshotAfterMs a rebuild that takes longer leaves a snapshot (small libraries rebuild
   *   faster than a snapshot is written); Infinity never writes one.
   */
  constructor(
    private readonly source: IndexSource,
    private readonly snapshotAfterMs = 1000,
  ) {}

  get size(): number {
    return this.capacity;
  }

  code(dimension: number, value: string): number {
    const codes = this.codes[dimension] as Map<string, number>;
    let code = codes.get(value);
    if (code === undefined) {
      code = this.codeValue.length;
      codes.set(value, code);
      this.codeDimension.push(dimension);
      this.codeValue.push(value);
      (this.dimensionCodes[dimension] as number[]).push(code);
    }
    return code;
  }

  /** The value (PAIR_BASE + index) of a person in a role, made on first sight. */
  private pairCode(personId: string, role: string): number {
    let roles = this.pairIndex.get(personId);
    let index = roles?.get(role);
    if (index === undefined) {
      index = this.pairValue.length;
      this.pairValue.push(personRoleValue(personId, role));
      this.pairPerson.push(this.code(4, personId));
      this.pairRole.push(this.code(6, role));
      if (!roles) {
        roles = new Map();
        this.pairIndex.set(personId, roles);
      }
      roles.set(role, index);
    }
    return PAIR_BASE + index;
  }

  lookup(dimension: Dimension, value: string): number | undefined {
    return this.codes[DIMENSION_INDEX.get(dimension) as number]?.get(value);
  }

  /** Brings the index up to date with the database; concurrent callers share one refresh. */
  async refresh(): Promise<void> {
    if (!this.refreshing)
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const mark = await this.source.changeMark();
    if (mark === this.mark && this.capacity > 0) return;
    if (this.capacity === 0 && !this.snapshotTried) {
      this.snapshotTried = true;
      const snapshot = await this.source.loadSnapshot?.();
      // A snapshot ahead of the change log belongs to another history (a restored file): rebuild.
      if (
        snapshot &&
        snapshot.format === SNAPSHOT_FORMAT &&
        snapshot.mark <= mark &&
        this.restore(snapshot)
      ) {
        if (mark === this.mark) return;
      }
    }
    if (this.capacity > 0) {
      const changed = await this.source.changedSince(this.mark);
      if (changed.seqs.length + this.overlay.size < Math.max(1000, this.capacity / 20)) {
        await this.applyChanges(changed.seqs);
        this.mark = changed.mark;
        return;
      }
    }
    await this.rebuild(mark);
  }

  private async rebuild(mark: number): Promise<void> {
    const started = performance.now();
    await this.rebuildFromRows(mark);
    if (this.source.saveSnapshot && performance.now() - started >= this.snapshotAfterMs) {
      try {
        await this.source.saveSnapshot({ format: SNAPSHOT_FORMAT, mark, data: this.encode() });
      } catch {
        // Only an optimisation: the next process rebuilds as this one did.
      }
    }
  }

  /**
   * Layout, all little-endian 32-bit words: a header [magic, format, capacity, used values, codes,
   * code-text bytes, alive words], each code's dimension (one byte each, padded to 4), the codes'
   * values and the person-in-role pairs as a JSON array [codes, pairs] in UTF-8 (padded to 4), then
   * offsets, values, alive, dateStart, dateEnd.
   */
  private encode(): Uint8Array {
    const codeCount = this.codeValue.length;
    const text = new TextEncoder().encode(JSON.stringify([this.codeValue, this.pairValue]));
    const header = new Uint32Array([
      SNAPSHOT_MAGIC,
      SNAPSHOT_FORMAT,
      this.capacity,
      this.values.length,
      codeCount,
      text.length,
      this.alive.words.length,
    ]);
    const parts: ArrayBufferView[] = [
      header,
      Uint8Array.from(this.codeDimension),
      new Uint8Array(padToWords(codeCount) - codeCount),
      text,
      new Uint8Array(padToWords(text.length) - text.length),
      this.offsets,
      this.values,
      this.alive.words,
      this.dateStart,
      this.dateEnd,
    ];
    const data = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      data.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
      at += part.byteLength;
    }
    return data;
  }

  /** Loads a snapshot written by encode; false (and the index left empty) when it does not fit. */
  private restore(snapshot: IndexSnapshot): boolean {
    // A copy, so that every typed array below starts at an aligned offset of its own buffer.
    const buffer = snapshot.data.slice().buffer;
    if (buffer.byteLength < 28) return false;
    const [magic, format, capacity, used, codeCount, textBytes, aliveWords] = new Uint32Array(buffer, 0, 7);
    if (magic !== SNAPSHOT_MAGIC || format !== SNAPSHOT_FORMAT) return false;
    const sizes = [
      28,
      padToWords(codeCount as number),
      padToWords(textBytes as number),
      ((capacity as number) + 1) * 4,
      (used as number) * 4,
      (aliveWords as number) * 4,
      (capacity as number) * 4,
      (capacity as number) * 4,
    ];
    if (sizes.reduce((total, size) => total + size, 0) !== buffer.byteLength) return false;
    let at = 28;
    const take = <T>(bytes: number, make: (offset: number) => T): T => {
      const view = make(at);
      at += bytes;
      return view;
    };
    const dimensions = take(sizes[1] as number, (offset) => new Uint8Array(buffer, offset, codeCount));
    const text = take(sizes[2] as number, (offset) => new Uint8Array(buffer, offset, textBytes));
    const offsets = take(
      sizes[3] as number,
      (offset) => new Uint32Array(buffer, offset, (capacity as number) + 1),
    );
    const values = take(sizes[4] as number, (offset) => new Uint32Array(buffer, offset, used));
    const words = take(sizes[5] as number, (offset) => new Uint32Array(buffer, offset, aliveWords));
    const dateStart = take(sizes[6] as number, (offset) => new Int32Array(buffer, offset, capacity));
    const dateEnd = take(sizes[7] as number, (offset) => new Int32Array(buffer, offset, capacity));
    const alive = new Bitset(capacity as number);
    let codeValue: unknown;
    let pairValue: unknown;
    try {
      [codeValue, pairValue] = JSON.parse(new TextDecoder().decode(text)) as [unknown, unknown];
    } catch {
      return false;
    }
    if (
      !Array.isArray(codeValue) ||
      !Array.isArray(pairValue) ||
      codeValue.length !== codeCount ||
      alive.words.length !== aliveWords ||
      offsets[capacity as number] !== used
    )
      return false;
    alive.words.set(words);
    this.resetCodes();
    // Registered in order, each value gets back its own code; a repeated pair would not.
    for (let code = 0; code < codeCount; code++) {
      const dimension = dimensions[code] as number;
      const value = codeValue[code];
      if (dimension >= DIMENSIONS.length || typeof value !== "string" || this.code(dimension, value) !== code)
        return this.forget();
    }
    // Each pair comes back with its own index, naming a person and a role the codes know.
    for (const [index, pair] of pairValue.entries()) {
      const [person, role, extra] = typeof pair === "string" ? pair.split("\t") : [];
      if (
        person === undefined ||
        role === undefined ||
        extra !== undefined ||
        this.lookup("person", person) === undefined ||
        this.lookup("role", role) === undefined ||
        this.pairCode(person, role) !== PAIR_BASE + index
      )
        return this.forget();
    }
    const pairEnd = PAIR_BASE + pairValue.length;
    for (const value of values)
      if (value >= codeCount && (value < PAIR_BASE || value >= pairEnd)) return this.forget();
    this.capacity = capacity as number;
    this.offsets = offsets;
    this.values = values;
    this.alive = alive;
    this.dateStart = dateStart;
    this.dateEnd = dateEnd;
    this.overlay = new Map();
    this.overridden = new Bitset(this.capacity);
    this.buildPostings();
    this.buildDateOrder();
    this.allCounts = null;
    this.mark = snapshot.mark;
    return true;
  }

  private resetCodes(): void {
    this.codes = DIMENSIONS.map(() => new Map());
    this.pairIndex = new Map();
    this.pairValue = [];
    this.pairPerson = [];
    this.pairRole = [];
    this.codeDimension = [];
    this.codeValue = [];
    this.dimensionCodes = DIMENSIONS.map(() => []);
  }

  /** Back to the empty index a failed restore must leave (the caller then rebuilds). */
  private forget(): false {
    this.resetCodes();
    this.capacity = 0;
    return false;
  }

  private async rebuildFromRows(mark: number): Promise<void> {
    const maxSeq = await this.source.maxSeq();
    const capacity = maxSeq + 1;
    const offsets = new Uint32Array(capacity + 1);
    let values = new Uint32Array(Math.max(1024, capacity * 8));
    let used = 0;
    const alive = new Bitset(capacity);
    const dateStart = new Int32Array(capacity);
    const dateEnd = new Int32Array(capacity);
    // Small steps keep each step's rows young garbage (cheap to collect); 50k-document steps spent
    // 40% of the load in the garbage collector at a million documents.
    const step = 5_000;
    let nextSeq = 0;
    for (let from = 0; from < capacity; from += step) {
      const { documents, refs } = await this.source.loadRange(from, from + step);
      let refIndex = 0;
      for (const document of documents) {
        const seq = document[0];
        while (nextSeq <= seq) offsets[nextSeq++] = used;
        const own: IndexRefRow[] = [];
        while (refIndex < refs.length && (refs[refIndex] as IndexRefRow)[0] < seq) refIndex++;
        while (refIndex < refs.length && (refs[refIndex] as IndexRefRow)[0] === seq)
          own.push(refs[refIndex++] as IndexRefRow);
        const documentValues = valuesOf(
          document,
          own,
          (dimension, value) => this.code(dimension, value),
          (personId, role) => this.pairCode(personId, role),
        );
        if (used + documentValues.length > values.length) {
          const grown = new Uint32Array(values.length * 2 + documentValues.length);
          grown.set(values);
          values = grown;
        }
        for (const value of documentValues) values[used++] = value;
        alive.add(seq);
        dateStart[seq] = document[3] ?? 0;
        dateEnd[seq] = document[4] ?? document[3] ?? 0;
      }
    }
    while (nextSeq <= capacity) offsets[nextSeq++] = used;
    this.capacity = capacity;
    this.offsets = offsets;
    this.values = values.subarray(0, used);
    this.alive = alive;
    this.dateStart = dateStart;
    this.dateEnd = dateEnd;
    this.overlay = new Map();
    this.overridden = new Bitset(capacity);
    this.buildPostings();
    this.buildDateOrder();
    this.allCounts = null;
    this.mark = mark;
  }

  /** Each code's and each pair's documents, and where each document's pairs start (facetEnds). */
  private buildPostings(): void {
    const counts = new Uint32Array(this.codeValue.length);
    const pairCounts = new Uint32Array(this.pairValue.length);
    for (const value of this.values)
      if (value >= PAIR_BASE) pairCounts[value - PAIR_BASE] = (pairCounts[value - PAIR_BASE] as number) + 1;
      else counts[value] = (counts[value] as number) + 1;
    this.postings = Array.from(counts, (count) => new Uint32Array(count));
    this.pairPostings = Array.from(pairCounts, (count) => new Uint32Array(count));
    const fill = new Uint32Array(this.codeValue.length);
    const pairFill = new Uint32Array(this.pairValue.length);
    // Values are a document's facet values first, then its pairs.
    const facetEnds = new Uint32Array(this.capacity);
    for (let seq = 0; seq < this.capacity; seq++) {
      const end = this.offsets[seq + 1] as number;
      facetEnds[seq] = end;
      for (let position = this.offsets[seq] as number; position < end; position++) {
        const value = this.values[position] as number;
        if (value >= PAIR_BASE) {
          if (facetEnds[seq] === end) facetEnds[seq] = position;
          const pair = value - PAIR_BASE;
          (this.pairPostings[pair] as Uint32Array)[pairFill[pair] as number] = seq;
          pairFill[pair] = (pairFill[pair] as number) + 1;
        } else {
          (this.postings[value] as Uint32Array)[fill[value] as number] = seq;
          fill[value] = (fill[value] as number) + 1;
        }
      }
    }
    this.facetEnds = facetEnds;
  }

  private buildDateOrder(): void {
    const seqs = this.alive.toArray();
    const dates = this.dateStart;
    // Newest first; undated documents last; ties by seq, newest first.
    seqs.sort((left, right) => {
      const a = dates[left] as number;
      const b = dates[right] as number;
      if (a !== b) return a === 0 ? 1 : b === 0 ? -1 : b - a;
      return right - left;
    });
    this.byDate = seqs;
  }

  private grow(capacity: number): void {
    if (capacity <= this.capacity) return;
    const alive = new Bitset(capacity);
    alive.words.set(this.alive.words);
    const overridden = new Bitset(capacity);
    overridden.words.set(this.overridden.words);
    const dateStart = new Int32Array(capacity);
    dateStart.set(this.dateStart);
    const dateEnd = new Int32Array(capacity);
    dateEnd.set(this.dateEnd);
    const offsets = new Uint32Array(capacity + 1);
    offsets.set(this.offsets);
    offsets.fill(this.offsets[this.capacity] as number, this.capacity + 1);
    const facetEnds = new Uint32Array(capacity);
    facetEnds.set(this.facetEnds);
    facetEnds.fill(this.offsets[this.capacity] as number, this.capacity);
    this.facetEnds = facetEnds;
    this.alive = alive;
    this.overridden = overridden;
    this.dateStart = dateStart;
    this.dateEnd = dateEnd;
    this.offsets = offsets;
    this.capacity = capacity;
  }

  private async applyChanges(seqs: number[]): Promise<void> {
    if (seqs.length === 0) return;
    const { documents, refs } = await this.source.loadSeqs(seqs);
    const maxSeq = Math.max(...seqs);
    if (maxSeq >= this.capacity) this.grow(Math.max(maxSeq + 1, Math.ceil(this.capacity * 1.25)));
    const refsBySeq = new Map<number, IndexRefRow[]>();
    for (const ref of refs) {
      const list = refsBySeq.get(ref[0]);
      if (list) list.push(ref);
      else refsBySeq.set(ref[0], [ref]);
    }
    const present = new Set<number>();
    for (const document of documents) {
      const seq = document[0];
      present.add(seq);
      const documentValues = valuesOf(
        document,
        refsBySeq.get(seq) ?? [],
        (dimension, value) => this.code(dimension, value),
        (personId, role) => this.pairCode(personId, role),
      );
      this.overlay.set(seq, Uint32Array.from(documentValues));
      this.overridden.add(seq);
      this.alive.add(seq);
      this.dateStart[seq] = document[3] ?? 0;
      this.dateEnd[seq] = document[4] ?? document[3] ?? 0;
    }
    for (const seq of seqs) {
      if (present.has(seq)) continue;
      this.overlay.set(seq, new Uint32Array(0));
      this.overridden.add(seq);
      this.alive.remove(seq);
      this.dateStart[seq] = 0;
      this.dateEnd[seq] = 0;
    }
    this.allCounts = null;
  }

  private valuesAt(seq: number): Uint32Array {
    if (this.overridden.has(seq)) return this.overlay.get(seq) ?? new Uint32Array(0);
    return this.values.subarray(this.offsets[seq] as number, this.offsets[seq + 1] as number);
  }

  /** Documents having any of the given values of one dimension. */
  valueSet(dimension: Dimension, wanted: readonly string[]): Bitset {
    const set = new Bitset(this.capacity);
    const codes = new Set<number>();
    for (const value of wanted) {
      const code = this.lookup(dimension, value);
      if (code === undefined) continue;
      codes.add(code);
      for (const seq of this.postings[code] ?? []) set.add(seq);
    }
    for (const [seq, overlayValues] of this.overlay) {
      set.remove(seq);
      if (overlayValues.some((value) => codes.has(value))) set.add(seq);
    }
    return set;
  }

  /**
   * Facet counts of people (or roles) where the two are tied: per document of `set`, each person
   * counted once if they hold one of `otherValues` as role there (or each role once if one of the
   * people `otherValues` holds it). With a role filter the people facet then lists who held that
   * role, and with a person filter the roles facet what roles they held, exactly.
   */
  tiedCounts(set: Bitset, target: "person" | "role", otherValues: readonly string[]): Uint32Array {
    const wanted = new Uint8Array(this.codeValue.length);
    for (const value of otherValues) {
      const code = this.lookup(target === "person" ? "role" : "person", value);
      if (code !== undefined) wanted[code] = 1;
    }
    // Each pair → the code it counts for (its person, or its role), or -1 when its other half is not wanted.
    const [targets, others] =
      target === "person" ? [this.pairPerson, this.pairRole] : [this.pairRole, this.pairPerson];
    const countsFor = new Int32Array(this.pairValue.length).fill(-1);
    for (let pair = 0; pair < countsFor.length; pair++)
      if (wanted[others[pair] as number]) countsFor[pair] = targets[pair] as number;
    const counts = new Uint32Array(this.codeValue.length);
    const seen: number[] = [];
    const count = (value: number) => {
      if (value < PAIR_BASE) return;
      const targetCode = countsFor[value - PAIR_BASE] ?? -1;
      if (targetCode < 0 || seen.includes(targetCode)) return;
      seen.push(targetCode);
      counts[targetCode] = (counts[targetCode] as number) + 1;
    };
    set.forEach((seq) => {
      seen.length = 0;
      if (this.overridden.has(seq)) for (const value of this.overlay.get(seq) ?? []) count(value);
      else
        for (
          let position = this.facetEnds[seq] as number;
          position < (this.offsets[seq + 1] as number);
          position++
        )
          count(this.values[position] as number);
    });
    return counts;
  }

  /** Documents where one of `personIds` held one of `roles`. */
  pairSet(personIds: readonly string[], roles: readonly string[]): Bitset {
    const set = new Bitset(this.capacity);
    const values = new Set<number>();
    for (const person of personIds)
      for (const role of roles) {
        const index = this.pairIndex.get(person)?.get(role);
        if (index === undefined) continue;
        values.add(PAIR_BASE + index);
        for (const seq of this.pairPostings[index] ?? []) set.add(seq);
      }
    for (const [seq, overlayValues] of this.overlay) {
      set.remove(seq);
      if (overlayValues.some((value) => values.has(value))) set.add(seq);
    }
    return set;
  }

  /** Documents whose possible days overlap [from, to] (yyyymmdd numbers). */
  dateSet(from: number, to: number): Bitset {
    const set = new Bitset(this.capacity);
    const dates = this.dateStart;
    const ends = this.dateEnd;
    const alive = this.alive;
    for (let seq = 0; seq < this.capacity; seq++) {
      const start = dates[seq] as number;
      if (start !== 0 && start <= to && (ends[seq] as number) >= from && alive.has(seq)) set.add(seq);
    }
    return set;
  }

  counts(set: Bitset): Uint32Array {
    const counts = new Uint32Array(this.codeValue.length);
    const { offsets, values, facetEnds } = this;
    const overridden = this.overridden;
    const hasOverlay = this.overlay.size > 0;
    // The hottest loop of a search (millions of increments for a broad query): bits are walked
    // inline rather than through Bitset.forEach's callback, which halves its cost.
    const words = set.words;
    for (let wordIndex = 0; wordIndex < words.length; wordIndex++) {
      let word = (words[wordIndex] as number) | 0;
      const base = wordIndex << 5;
      while (word !== 0) {
        const seq = base + 31 - Math.clz32(word & -word);
        word &= word - 1;
        if (hasOverlay && overridden.has(seq)) {
          for (const value of this.overlay.get(seq) ?? []) {
            if (value >= PAIR_BASE) break;
            counts[value] = (counts[value] as number) + 1;
          }
          continue;
        }
        const end = facetEnds[seq] as number;
        for (let position = offsets[seq] as number; position < end; position++) {
          const value = values[position] as number;
          counts[value] = (counts[value] as number) + 1;
        }
      }
    }
    return counts;
  }

  /** Counts over `set`, computed from its complement within all documents when that is smaller. */
  countsFast(set: Bitset, setSize: number): Uint32Array {
    const aliveCount = this.aliveCount();
    if (setSize <= aliveCount / 2) return this.counts(set);
    if (!this.allCounts) this.allCounts = this.counts(this.alive);
    const rest = this.counts(this.alive.clone().andNotInPlace(set));
    const counts = new Uint32Array(Math.max(this.allCounts.length, rest.length));
    for (let index = 0; index < counts.length; index++)
      counts[index] = (this.allCounts[index] ?? 0) - (rest[index] ?? 0);
    return counts;
  }

  private aliveCountCache: { mark: number; overlay: number; count: number } | null = null;
  aliveCount(): number {
    const cache = this.aliveCountCache;
    if (cache && cache.mark === this.mark && cache.overlay === this.overlay.size) return cache.count;
    const count = this.alive.count();
    this.aliveCountCache = { mark: this.mark, overlay: this.overlay.size, count };
    return count;
  }

  kindOf(seq: number): string {
    for (const value of this.valuesAt(seq))
      if (this.codeDimension[value] === 0) return this.codeValue[value] as string;
    return "stub";
  }

  /**
   * Members of `set` in date order (newest first unless `oldest`), starting after the cursor
   * position, at most `limit`. Documents changed since the last rebuild are merged in.
   */
  dateOrder(
    set: Bitset,
    oldest: boolean,
    after: { date: number; seq: number } | null,
    limit: number,
  ): number[] {
    const dates = this.dateStart;
    // Sort key: undated last in both directions; then date; then seq in the same direction.
    const before = (leftSeq: number, rightSeq: number) => {
      const a = dates[leftSeq] as number;
      const b = dates[rightSeq] as number;
      if (a !== b) {
        if (a === 0) return false;
        if (b === 0) return true;
        return oldest ? a < b : a > b;
      }
      return oldest ? leftSeq < rightSeq : leftSeq > rightSeq;
    };
    const isAfterCursor = (seq: number) => {
      if (!after) return true;
      const date = dates[seq] as number;
      if (date !== after.date) {
        if (date === 0) return after.date !== 0;
        if (after.date === 0) return false;
        return oldest ? date > after.date : date < after.date;
      }
      return oldest ? seq > after.seq : seq < after.seq;
    };
    const extra: number[] = [];
    for (const seq of this.overlay.keys()) if (set.has(seq) && isAfterCursor(seq)) extra.push(seq);
    extra.sort((left, right) => (before(left, right) ? -1 : 1));
    const result: number[] = [];
    let extraIndex = 0;
    const order = this.byDate;
    // byDate is newest-first with undated last; oldest-first walks the dated part backwards, then the undated part.
    const datedCount = (() => {
      let low = 0;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((dates[order[middle] as number] as number) === 0) high = middle;
        else low = middle + 1;
      }
      return low;
    })();
    // Plain loops, not a generator: a date filter far from the newest end walks most of the library.
    const overridden = this.overridden;
    const visit = (seq: number): boolean => {
      if (!set.has(seq) || overridden.has(seq) || !isAfterCursor(seq)) return false;
      while (extraIndex < extra.length && before(extra[extraIndex] as number, seq) && result.length < limit)
        result.push(extra[extraIndex++] as number);
      if (result.length < limit) result.push(seq);
      return result.length >= limit;
    };
    if (limit > 0) {
      if (oldest) {
        let done = false;
        for (let index = datedCount - 1; index >= 0 && !done; index--) done = visit(order[index] as number);
        for (let index = order.length - 1; index >= datedCount && !done; index--)
          done = visit(order[index] as number);
      } else for (let index = 0; index < order.length; index++) if (visit(order[index] as number)) break;
    }
    while (extraIndex < extra.length && result.length < limit) result.push(extra[extraIndex++] as number);
    return result;
  }
}

export function facetDimension(name: FacetName): Dimension {
  return name;
}

export function dateBoundToNumber(bound: string, end: boolean): number {
  const [year, month, day] = bound.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return year * 10000 + (end ? 1231 : 101);
  if (day === undefined) {
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return year * 10000 + month * 100 + (end ? lastDay : 1);
  }
  return year * 10000 + month * 100 + day;
}

export type FilterDimension = keyof Omit<SearchFilters, "from" | "to">;
