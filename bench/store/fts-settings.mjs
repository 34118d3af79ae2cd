// FTS5 options for both full-text tables of an SQLite library, set through a connection of its
// own before the first write, so a benchmark can compare settings against the store's
// (`--fts hashsize=1048576,automerge=4` in run.mjs and profile-ingest.mjs; decision 0024).
export function applyFtsSettings(Database, location, text) {
  const settings = new Database(location);
  try {
    for (const pair of text.split(",")) {
      const [key, value] = pair.split("=");
      // BigInt: FTS5 wants an INTEGER, and better-sqlite3 binds a JavaScript number as a REAL.
      for (const table of ["document_text", "section_text"])
        settings.prepare(`INSERT INTO ${table} (${table}, rank) VALUES (?, ?)`).run(key, BigInt(value));
    }
  } finally {
    settings.close();
  }
}
