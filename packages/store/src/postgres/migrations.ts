/** Versioned schema of the PostgreSQL engine; applied in order under an advisory lock. */
export const postgresMigrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "documents, entities, references, full text",
    sql: `
CREATE TABLE documents (
  seq serial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  kind text NOT NULL,
  subtype text,
  title text NOT NULL,
  extent text NOT NULL,
  date_start integer,
  date_end integer,
  data text NOT NULL,
  body text,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'D')
  ) STORED
);
CREATE INDEX documents_tsv ON documents USING gin (tsv);
CREATE TABLE entities (
  seq serial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  kind text NOT NULL,
  name text NOT NULL,
  name_key text NOT NULL,
  minimal integer NOT NULL DEFAULT 0,
  data text NOT NULL
);
CREATE INDEX entities_kind_name ON entities (kind, name_key text_pattern_ops);
CREATE INDEX entities_name ON entities (name_key text_pattern_ops);
CREATE TABLE refs (doc_seq integer NOT NULL, entity_id text NOT NULL, entity_kind text NOT NULL, role text NOT NULL DEFAULT '');
CREATE INDEX refs_doc ON refs (doc_seq);
CREATE INDEX refs_entity ON refs (entity_id, doc_seq);
CREATE TABLE links (doc_seq integer NOT NULL, type text NOT NULL, target_id text NOT NULL);
CREATE INDEX links_doc ON links (doc_seq);
CREATE INDEX links_target ON links (target_id);
CREATE TABLE sections (
  id bigint PRIMARY KEY,
  doc_seq integer NOT NULL,
  heading text,
  text text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX sections_doc ON sections (doc_seq);
CREATE INDEX sections_tsv ON sections USING gin (tsv);
CREATE TABLE sources (content_hash text PRIMARY KEY, media_type text NOT NULL, path text, text text NOT NULL);
CREATE TABLE inputs (path text PRIMARY KEY, content_hash text NOT NULL, record_ids text NOT NULL, stored_at text NOT NULL);
CREATE TABLE changes (id bigserial PRIMARY KEY, doc_seq integer NOT NULL);
CREATE TABLE audit (id bigserial PRIMARY KEY, at text NOT NULL, action text NOT NULL, actor text NOT NULL, summary text NOT NULL, details text NOT NULL);
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
CREATE TABLE facet_snapshot (format integer NOT NULL, mark bigint NOT NULL, data bytea NOT NULL);
`,
  },
  {
    version: 4,
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
    version: 5,
    name: "ids in byte order, for exports",
    // An export lists records by id in byte order, as SQLite does, so that export -> import ->
    // export is byte-identical whatever collation the database was created with (en_US puts
    // "region:aden" before "region:AF"); these indexes keep that order an index scan.
    sql: `
CREATE INDEX documents_id_bytes ON documents (id COLLATE "C");
CREATE INDEX entities_id_bytes ON entities (id COLLATE "C");
`,
  },
  {
    version: 6,
    name: "full text splits words at inner dots, as SQLite's does",
    // PostgreSQL's parser keeps "U.S." as one token ('u.s') while the query parser (and SQLite's
    // FTS5) reads it as "u" and "s": a search for "U.S." found nothing here. A dot between two
    // letters or digits becomes a space before the text is indexed ("usip.org", "3.5" split too,
    // as they do in FTS5). The columns are rebuilt once, which rewrites the tables.
    sql: `
DROP INDEX documents_tsv;
ALTER TABLE documents DROP COLUMN tsv;
ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', regexp_replace(title, '([[:alnum:]])\\.(?=[[:alnum:]])', '\\1 ', 'g')), 'A') ||
  setweight(to_tsvector('english', regexp_replace(coalesce(body, ''), '([[:alnum:]])\\.(?=[[:alnum:]])', '\\1 ', 'g')), 'D')
) STORED;
CREATE INDEX documents_tsv ON documents USING gin (tsv);
DROP INDEX sections_tsv;
ALTER TABLE sections DROP COLUMN tsv;
ALTER TABLE sections ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  to_tsvector('english', regexp_replace(text, '([[:alnum:]])\\.(?=[[:alnum:]])', '\\1 ', 'g'))
) STORED;
CREATE INDEX sections_tsv ON sections USING gin (tsv);
`,
  },
  {
    version: 7,
    name: "full text keeps every word and folds accents, as SQLite's does",
    // PostgreSQL's 'english' configuration drops stop words and keeps accents, so "it", "not
    // peace" or "Geneve" found fewer documents here than in SQLite's FTS5 (porter, unicode61,
    // remove_diacritics), which indexes every word and folds "Genève" to "geneve". The library's
    // own configuration uses the same English stemmer without a stop-word list, after the
    // unaccent extension's filter when it is (or can be made) available. The extension lives in
    // the database, not in a library's schema (dropping a library must not drop it), so it is
    // created in "public" under a lock that serialises libraries migrating at the same time;
    // where it cannot be created (no contrib package, no right to), accents stay as they were.
    sql: `
DO $migration$
DECLARE
  unaccent_schema text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('corpus-unaccent-extension'));
  SELECT n.nspname INTO unaccent_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent';
  IF unaccent_schema IS NULL THEN
    BEGIN
      CREATE EXTENSION unaccent SCHEMA public;
      unaccent_schema := 'public';
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'corpus: the unaccent extension is not available (%); searches match accents exactly', SQLERRM;
    END;
  END IF;
  CREATE TEXT SEARCH DICTIONARY corpus_english_stem (TEMPLATE = snowball, LANGUAGE = english);
  CREATE TEXT SEARCH CONFIGURATION corpus_english (COPY = pg_catalog.english);
  EXECUTE format(
    'ALTER TEXT SEARCH CONFIGURATION corpus_english ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH %s corpus_english_stem',
    CASE WHEN unaccent_schema IS NULL THEN '' ELSE format('%I.unaccent,', unaccent_schema) END
  );
END
$migration$;
DROP INDEX documents_tsv;
ALTER TABLE documents DROP COLUMN tsv;
ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('corpus_english', regexp_replace(title, '([[:alnum:]])\\.(?=[[:alnum:]])', '\\1 ', 'g')), 'A') ||
  setweight(to_tsvector('corpus_english', regexp_replace(coalesce(body, ''), '([[:alnum:]])\\.(?=[[:alnum:]])', '\\1 ', 'g')), 'D')
) STORED;
CREATE INDEX documents_tsv ON documents USING gin (tsv);
DROP INDEX sections_tsv;
ALTER TABLE sections DROP COLUMN tsv;
ALTER TABLE sections ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  to_tsvector('corpus_english', regexp_replace(text, '([[:alnum:]])\\.(?=[[:alnum:]])', '\\1 ', 'g'))
) STORED;
CREATE INDEX sections_tsv ON sections USING gin (tsv);
`,
  },
  {
    version: 8,
    name: "searchable text folds the letters accents cannot (ø, æ, ł, ß, ı...)",
    // As SQLite's migration 6: filled in code when the library is opened (refoldSearchText).
    sql: `
CREATE TABLE search_text_state (folded integer NOT NULL);
INSERT INTO search_text_state (folded) VALUES (0);
`,
  },
];
