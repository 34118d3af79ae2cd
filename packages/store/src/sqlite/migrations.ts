/**
 * Versioned schema of the SQLite engine. A migration is applied once, in order, inside a
 * transaction, and recorded in schema_migrations; never edit one that has shipped, add the next.
 */
export const sqliteMigrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "documents, entities, references, full text",
    sql: `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  subtype TEXT,
  title TEXT NOT NULL,
  extent TEXT NOT NULL,
  date_start INTEGER,
  date_end INTEGER,
  data TEXT NOT NULL
);
CREATE TABLE entities (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  minimal INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL
);
CREATE INDEX entities_kind_name ON entities (kind, name_key);
CREATE INDEX entities_name ON entities (name_key);
CREATE TABLE refs (doc_seq INTEGER NOT NULL, entity_id TEXT NOT NULL, entity_kind TEXT NOT NULL, role TEXT NOT NULL DEFAULT '');
CREATE INDEX refs_doc ON refs (doc_seq);
CREATE INDEX refs_entity ON refs (entity_id, doc_seq);
CREATE TABLE links (doc_seq INTEGER NOT NULL, type TEXT NOT NULL, target_id TEXT NOT NULL);
CREATE INDEX links_doc ON links (doc_seq);
CREATE INDEX links_target ON links (target_id);
CREATE TABLE sections (id INTEGER PRIMARY KEY, doc_seq INTEGER NOT NULL, heading TEXT);
CREATE INDEX sections_doc ON sections (doc_seq);
CREATE VIRTUAL TABLE document_text USING fts5(title, body, tags, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO document_text (document_text, rank) VALUES ('rank', 'bm25(10.0, 1.0, 0.0)');
CREATE VIRTUAL TABLE section_text USING fts5(text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');
CREATE TABLE sources (content_hash TEXT PRIMARY KEY, media_type TEXT NOT NULL, path TEXT, text TEXT NOT NULL);
CREATE TABLE inputs (path TEXT PRIMARY KEY, content_hash TEXT NOT NULL, record_ids TEXT NOT NULL, stored_at TEXT NOT NULL);
CREATE TABLE changes (id INTEGER PRIMARY KEY AUTOINCREMENT, doc_seq INTEGER NOT NULL);
CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL, summary TEXT NOT NULL, details TEXT NOT NULL);
`,
  },
  {
    version: 2,
    name: "entity references indexed by document bucket",
    // See core/entity-refs.ts: keeps a batch's index inserts in the newest bucket.
    sql: `
DROP INDEX refs_entity;
CREATE INDEX refs_entity_bucket ON refs ((doc_seq >> 12), entity_id, doc_seq);
`,
  },
  {
    version: 3,
    name: "facet index snapshot",
    // One row: the in-memory facet index as bytes (core/facet-index.ts, IndexSnapshot).
    sql: `
CREATE TABLE facet_snapshot (format INTEGER NOT NULL, mark INTEGER NOT NULL, data BLOB NOT NULL);
`,
  },
  {
    version: 4,
    name: "full-text pending-terms buffer for large ingests",
    // Decision 0024. A 64 MiB pending-terms buffer keeps a whole batch in memory until it is
    // flushed as one segment; the default of 1 MiB flushed, and merged, several times per batch.
    sql: `
INSERT INTO document_text (document_text, rank) VALUES ('hashsize', 67108864);
INSERT INTO section_text (section_text, rank) VALUES ('hashsize', 67108864);
`,
  },
  {
    version: 5,
    name: "entity aliases: ids that resolve to another entity",
    // Decision 0025. Filled by writes; a library from before this migration is filled by its
    // first write (entity_aliases_state.backfilled), because alias ids are made in code.
    sql: `
CREATE TABLE entity_aliases (alias_id TEXT PRIMARY KEY, entity_id TEXT NOT NULL);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);
CREATE TABLE entity_aliases_state (backfilled INTEGER NOT NULL);
INSERT INTO entity_aliases_state (backfilled) VALUES (0);
`,
  },
  {
    version: 6,
    name: "searchable text folds the letters accents cannot (ø, æ, ł, ß, ı...)",
    // Filled in code when a library is opened (core/write.ts, refoldSearchText): the documents
    // that hold such a letter have their text indexed again, folded as queries are.
    sql: `
CREATE TABLE search_text_state (folded INTEGER NOT NULL);
INSERT INTO search_text_state (folded) VALUES (0);
`,
  },
];
