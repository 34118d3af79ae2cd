import { MAX_SECTION_HEADINGS, type SectionHeading } from "@corpus/schema";
import type { Executor } from "./driver.js";

/** One heading of the list, with what a prefix is compared with. */
interface ListedHeading extends SectionHeading {
  /** The heading in lower case (JavaScript's, every script), for case-insensitive prefixes. */
  folded: string;
}

/**
 * A reading slower than `slowReadMs` is not waited for again: the list it gave answers meanwhile,
 * and the next reading starts only `pauseFactor` times its duration after it (a 1 s reading at a
 * million documents: at most one a minute, 2% of one reader, however often the library changes).
 */
export interface HeadingReadTiming {
  slowReadMs: number;
  pauseFactor: number;
}
const DEFAULT_TIMING: HeadingReadTiming = { slowReadMs: 100, pauseFactor: 60 };

/**
 * The library's section headings, most documented first, kept in memory and read again only when
 * the change log says the library changed (the signal the facet index follows). Counting them is
 * a GROUP BY over every section row, about a second at a million documents; an index on the
 * headings would make it cheaper but every ingest slower, and ingest is what is benchmarked.
 * Once a reading has been slow (HeadingReadTiming), a change no longer makes callers wait: they
 * get the list as it was, and a new one is read after the caller has its answer, no more often
 * than the timing allows (suggestions up to a minute old on a large library being ingested,
 * rather than a second's wait, and a reader busy for a second, on every change).
 */
export class SectionHeadingList {
  private current: { mark: number; headings: ListedHeading[] } | null = null;
  private lastRead = { startedAt: 0, ms: 0 };
  /** The reading under way, shared by every call that asks while it runs. */
  private reading: { mark: number; headings: Promise<ListedHeading[]> } | null = null;

  constructor(
    private readonly reader: Executor,
    /** The highest change id now: it moves with every document written or deleted. */
    private readonly changeMark: () => Promise<number>,
    private readonly timing: HeadingReadTiming = DEFAULT_TIMING,
  ) {}

  async list(options: { prefix?: string; limit?: number } = {}): Promise<SectionHeading[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_SECTION_HEADINGS);
    const prefix = (options.prefix ?? "").toLowerCase();
    const headings = await this.headingsAt(await this.changeMark());
    const listed: SectionHeading[] = [];
    for (const entry of headings) {
      if (!entry.folded.startsWith(prefix)) continue;
      listed.push({ heading: entry.heading, documentCount: entry.documentCount });
      if (listed.length === limit) break;
    }
    return listed;
  }

  // The mark is read before the rows: a write landing in between leaves rows newer than their
  // mark, which the next call reads again; never rows older than the mark they are kept under.
  private headingsAt(mark: number): Promise<ListedHeading[]> {
    const current = this.current;
    if (current?.mark === mark) return Promise.resolve(current.headings);
    if (current && this.lastRead.ms > this.timing.slowReadMs) {
      const due = this.lastRead.startedAt + this.lastRead.ms * this.timing.pauseFactor;
      // After this caller's answer (on SQLite the reading holds the thread while it runs); a
      // failed reading keeps the list there is, and a later call tries again.
      if (!this.reading && performance.now() >= due) this.read(mark, "next turn").catch(() => {});
      return Promise.resolve(current.headings);
    }
    if (this.reading?.mark === mark) return this.reading.headings;
    return this.read(mark);
  }

  private read(mark: number, when: "now" | "next turn" = "now"): Promise<ListedHeading[]> {
    const turn = when === "now" ? Promise.resolve() : new Promise<void>((resolve) => setImmediate(resolve));
    let startedAt = 0;
    const headings = turn
      .then(() => {
        startedAt = performance.now();
        return readHeadings(this.reader);
      })
      .then((read) => {
        this.lastRead = { startedAt, ms: performance.now() - startedAt };
        if (!this.current || this.current.mark < mark) this.current = { mark, headings: read };
        return read;
      });
    const reading = { mark, headings };
    this.reading = reading;
    const forget = () => {
      if (this.reading === reading) this.reading = null;
    };
    headings.then(forget, forget);
    return headings;
  }
}

/**
 * Every heading with the number of documents that have it, grouped as section-scoped search
 * matches them: by the engine's lower() (ASCII letters only on SQLite, every script on
 * PostgreSQL). Each group is shown as most of its documents spell it.
 */
async function readHeadings(reader: Executor): Promise<ListedHeading[]> {
  const rows = await reader.values(
    `SELECT heading, lower(heading), count(DISTINCT doc_seq) FROM sections
     WHERE trim(heading) <> '' GROUP BY heading`,
  );
  const groups = new Map<string, { heading: string; spellingCount: number; documentCount: number }>();
  let respelled = false;
  for (const [heading, key, count] of rows as [string, string, number | string][]) {
    const documents = Number(count);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { heading, spellingCount: documents, documentCount: documents });
      continue;
    }
    respelled = true;
    group.documentCount += documents;
    if (documents > group.spellingCount || (documents === group.spellingCount && heading < group.heading)) {
      group.heading = heading;
      group.spellingCount = documents;
    }
  }
  // A document with "Summary" and "SUMMARY" was counted under both spellings. Only when some
  // heading is spelled two ways: a second pass over the rows, about as long as the first.
  if (respelled) {
    const exact = await reader.values(
      `SELECT lower(heading), count(DISTINCT doc_seq) FROM sections
       WHERE trim(heading) <> '' GROUP BY lower(heading) HAVING count(DISTINCT heading) > 1`,
    );
    for (const [key, count] of exact as [string, number | string][]) {
      const group = groups.get(key);
      if (group) group.documentCount = Number(count);
    }
  }
  const headings = [...groups.values()].map(({ heading, documentCount }) => ({
    heading,
    documentCount,
    folded: heading.toLowerCase(),
  }));
  // Ties in the same order on both engines: JavaScript compares, not a database collation.
  return headings.sort(
    (left, right) =>
      right.documentCount - left.documentCount ||
      (left.folded < right.folded ? -1 : left.folded > right.folded ? 1 : 0) ||
      (left.heading < right.heading ? -1 : left.heading > right.heading ? 1 : 0),
  );
}
