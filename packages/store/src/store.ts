import type {
  CorpusRecord,
  DocumentSummary,
  EntityListItem,
  EntityView,
  RelatedDocument,
  SearchQuery,
  SectionHeading,
  SearchResult,
  SourceText,
  Stats,
  TimelineBucket,
} from "@corpus/schema";

/**
 * The one interface both engines (SQLite, PostgreSQL) implement. The conformance suite in
 * src/conformance/ runs the same tests against each. Every method validates nothing itself that
 * the schema already guarantees: callers pass parsed records.
 */
export interface Store {
  readonly engine: "sqlite" | "postgres";

  /** Writes records and source texts in one transaction: all of them or none. */
  upsert(batch: UpsertBatch): Promise<UpsertSummary>;
  /** Deletes documents or entities by id; returns how many existed. */
  delete(ids: readonly string[]): Promise<number>;
  /** Folds entity `from` into `into` (same kind): references move, `from`'s name becomes an alias. */
  mergeEntities(into: string, from: string): Promise<CorpusRecord>;

  get(id: string): Promise<CorpusRecord | null>;
  getMany(ids: readonly string[]): Promise<CorpusRecord[]>;
  getSourceText(contentHash: string): Promise<SourceText | null>;
  search(query: SearchQuery): Promise<SearchResult>;
  timeline(query: SearchQuery, bucket: "month" | "year"): Promise<TimelineBucket[]>;
  related(documentId: string, limit?: number): Promise<RelatedDocument[]>;
  /** An entity's page; for an id merged into another or listed as its alias, that entity's page. */
  entity(id: string): Promise<EntityView | null>;
  listEntities(options: ListEntitiesOptions): Promise<{ items: EntityListItem[]; nextCursor: string | null }>;
  autocomplete(prefix: string, limit?: number): Promise<EntityListItem[]>;
  /**
   * The section headings documents have, most documents first (ties by heading), headings that
   * differ only in case counted as one, as section-scoped search matches them. `prefix` keeps
   * those that start with it in any case; `limit` is 1 to 100 (default 20).
   */
  sectionHeadings(options?: { prefix?: string; limit?: number }): Promise<SectionHeading[]>;
  /** People who may be one person written two ways, grouped, for a person to decide; nothing is merged. */
  possibleDuplicates(options?: { limit?: number; cursor?: string }): Promise<PossibleDuplicatesPage>;
  stats(): Promise<Stats>;
  /** Every record in id order (sources excluded), for export. */
  exportRecords(): AsyncIterable<CorpusRecord>;
  /** Every stored page text (what provenance spans point into), for a copy of the library. */
  exportSources(): AsyncIterable<SourceText>;
  /** What the library stored for each input path (idempotent ingest), for a copy of the library. */
  exportInputs(): AsyncIterable<StoredInput>;
  summaries(ids: readonly string[]): Promise<DocumentSummary[]>;

  /** Appends to and reads the admin audit trail (ingest, delete, merge). */
  appendAudit(entry: Omit<AuditEntry, "id" | "at">): Promise<AuditEntry>;
  listAudit(options?: { limit?: number; before?: number }): Promise<AuditEntry[]>;

  /** What the library last stored for these input paths (for idempotent ingest: same hash, nothing to do). */
  getInputs(paths: readonly string[]): Promise<Map<string, StoredInput>>;
  /** Problems the engine's consistency check finds (SQLite integrity_check); empty when sound. */
  checkIntegrity(): Promise<string[]>;

  /** An online backup to a file (SQLite) or a dump (PostgreSQL) that opens as a valid database. */
  backup(destination: string): Promise<void>;
  close(): Promise<void>;
}

export interface UpsertBatch {
  records: readonly CorpusRecord[];
  sources?: readonly SourceText[];
  /** Ingest bookkeeping: which input file produced which records, so unchanged files are no-ops. */
  inputs?: readonly { path: string; contentHash: string; recordIds: readonly string[] }[];
}

export interface StoredInput {
  path: string;
  contentHash: string;
  recordIds: string[];
  storedAt: string;
}

export interface UpsertSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Entities folded into another because it names them as an alias (decision 0025); absent when none. */
  merged?: { into: string; from: string }[];
}

export interface PossibleDuplicatesPage {
  /** Each group lists its most documented person first. */
  groups: EntityListItem[][];
  /** How many groups the whole library has, over all pages. */
  total: number;
  nextCursor: string | null;
}

export interface ListEntitiesOptions {
  kind: "person" | "organization" | "topic" | "region";
  prefix?: string;
  limit?: number;
  cursor?: string;
  sort?: "name" | "count";
}

export interface AuditEntry {
  id: number;
  at: string;
  action: "ingest" | "delete" | "merge";
  actor: string;
  summary: string;
  details: Record<string, unknown>;
}
