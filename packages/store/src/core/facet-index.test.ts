import { describe, expect, it } from "vitest";
import {
  DIMENSIONS,
  FacetIndex,
  type IndexDocumentRow,
  type IndexRefRow,
  type IndexSnapshot,
  type IndexSource,
} from "./facet-index.js";

/** An in-memory library for the index: documents, references and a change log. */
class FakeSource implements IndexSource {
  documents = new Map<number, IndexDocumentRow>();
  refs = new Map<number, IndexRefRow[]>();
  changes: number[] = [];
  snapshot: IndexSnapshot | null = null;
  rowsRead = 0;

  put(seq: number, kind: string, year: number, refs: [string, string, string][]) {
    this.documents.set(seq, [seq, kind, kind === "publication" ? "report" : null, year * 10000 + 101, null]);
    this.refs.set(
      seq,
      refs.map(([entityKind, entityId, role]) => [seq, entityKind, entityId, role]),
    );
    this.changes.push(seq);
  }
  remove(seq: number) {
    this.documents.delete(seq);
    this.refs.delete(seq);
    this.changes.push(seq);
  }
  async loadSnapshot() {
    return this.snapshot;
  }
  async saveSnapshot(snapshot: IndexSnapshot) {
    this.snapshot = { ...snapshot, data: snapshot.data.slice() };
  }
  async changeMark() {
    return this.changes.length;
  }
  async maxSeq() {
    return Math.max(0, ...this.documents.keys());
  }
  private rows(seqs: number[]) {
    const documents: IndexDocumentRow[] = [];
    for (const seq of seqs) {
      const document = this.documents.get(seq);
      if (document) documents.push(document);
    }
    const refs = seqs.flatMap((seq) => this.refs.get(seq) ?? []);
    this.rowsRead += documents.length;
    return { documents, refs };
  }
  async loadRange(fromSeq: number, toSeq: number) {
    return this.rows(
      [...this.documents.keys()].filter((seq) => seq >= fromSeq && seq < toSeq).sort((a, b) => a - b),
    );
  }
  async loadSeqs(seqs: readonly number[]) {
    return this.rows([...seqs]);
  }
  async changedSince(mark: number) {
    return { mark: this.changes.length, seqs: [...new Set(this.changes.slice(mark))] };
  }
}

function library(): FakeSource {
  const source = new FakeSource();
  const kinds = ["event", "publication", "issue"];
  for (let seq = 1; seq <= 400; seq++)
    source.put(seq, kinds[seq % 3] as string, 1995 + (seq % 30), [
      ["person", `person:p-${seq % 17}`, seq % 2 ? "speaker" : "author"],
      ["topic", `topic:t-${seq % 5}`, ""],
      ["region", `region:r-${seq % 7}`, ""],
      ["hashtag", `#tag${seq % 3}`, ""],
    ]);
  return source;
}

/** Everything a search can ask of the index, by value name rather than by code. */
function observe(index: FacetIndex) {
  const seen: Record<string, number[]> = {};
  for (const dimension of DIMENSIONS)
    for (const code of index.dimensionCodes[DIMENSIONS.indexOf(dimension)] ?? []) {
      const members = index.valueSet(dimension, [index.codeValue[code] as string]).toArray();
      if (members.length > 0) seen[`${dimension}=${index.codeValue[code]}`] = [...members];
    }
  return { seen, alive: index.aliveCount(), dated: index.dateSet(20000101, 20101231).toArray().length };
}

describe("facet index snapshot", () => {
  it("loads instead of rebuilding, applies later changes, and matches a rebuild", async () => {
    const source = library();
    const first = new FacetIndex(source, 0);
    await first.refresh();
    expect(source.snapshot).not.toBeNull();

    source.put(5, "event", 2024, [["person", "person:someone-new", "moderator"]]);
    source.remove(6);
    source.put(401, "publication", 2025, [["topic", "topic:t-new", ""]]);

    const readBefore = source.rowsRead;
    const loaded = new FacetIndex(source, 0);
    await loaded.refresh();
    // Only the three changed documents were read: the other 398 came from the snapshot.
    expect(source.rowsRead - readBefore).toBe(2);

    const plain = new FakeSource();
    Object.assign(plain, { documents: source.documents, refs: source.refs, changes: source.changes });
    const reference = new FacetIndex(plain, Number.POSITIVE_INFINITY);
    await reference.refresh();
    expect(observe(loaded)).toEqual(observe(reference));
  });

  it("rebuilds when the snapshot is damaged, from another history, or of another format", async () => {
    const source = library();
    await new FacetIndex(source, 0).refresh();
    const good = source.snapshot as IndexSnapshot;
    const reference = observe(await ready(new FacetIndex(library(), Number.POSITIVE_INFINITY)));
    const damaged: IndexSnapshot[] = [
      { ...good, data: good.data.subarray(0, good.data.length - 4) },
      { ...good, data: Uint8Array.from(good.data, (byte, at) => (at === 0 ? byte ^ 0xff : byte)) },
      { ...good, mark: good.mark + 1 },
      { ...good, format: good.format + 1 },
    ];
    for (const snapshot of damaged) {
      source.snapshot = snapshot;
      const before = source.rowsRead;
      const index = await ready(new FacetIndex(source, Number.POSITIVE_INFINITY));
      expect(source.rowsRead - before).toBe(400);
      expect(observe(index)).toEqual(reference);
    }
  });
});

async function ready(index: FacetIndex): Promise<FacetIndex> {
  await index.refresh();
  return index;
}
