/**
 * @corpus/store: the library's home. `openStore(location)` gives the one Store interface over
 * SQLite (a file path; the default) or PostgreSQL (a postgres:// URL).
 */
export { type CopySummary, copyLibrary } from "./core/copy.js";
export { groupPossibleDuplicates } from "./core/duplicates.js";
export {
  defaultSearchTuning,
  InvalidCursorError,
  LibraryUnavailableError,
  type SearchTuning,
} from "./core/search.js";
export { type ParsedQuery, parseQueryText, type QueryNode } from "./core/query-text.js";
export {
  defaultDatabasePath,
  isPostgresUrl,
  type OpenStoreOptions,
  openStore,
  sqliteFileOf,
} from "./open-store.js";
export { dropPostgresSchema, type PostgresOptions } from "./postgres/postgres-driver.js";
export type {
  AuditEntry,
  ListEntitiesOptions,
  PossibleDuplicatesPage,
  Store,
  StoredInput,
  UpsertBatch,
  UpsertSummary,
} from "./store.js";
export {
  generateSyntheticLibrary,
  type SyntheticOptions,
  syntheticRecords,
  syntheticVocabulary,
} from "./synthetic/index.js";
