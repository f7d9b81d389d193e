-- Symbol index of one commit. Never edit after it lands: add V2__... instead.
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, blob TEXT NOT NULL, lang TEXT NOT NULL,
                   size INTEGER NOT NULL, batch INTEGER NOT NULL DEFAULT 0, done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE defs(name_id INTEGER NOT NULL, file_id INTEGER NOT NULL, kind TEXT NOT NULL, line INTEGER NOT NULL,
                  col INTEGER NOT NULL, end_line INTEGER NOT NULL, scope TEXT NOT NULL, signature TEXT NOT NULL);
CREATE INDEX defs_by_name ON defs(name_id);
CREATE INDEX defs_by_file ON defs(file_id, line);
-- One row per name per build batch: positions = groups of (file id, n, n x (line delta, column, flags)) varints.
CREATE TABLE refs(name_id INTEGER NOT NULL, batch INTEGER NOT NULL, count INTEGER NOT NULL, positions BLOB NOT NULL);
CREATE INDEX refs_by_name ON refs(name_id);
CREATE INDEX refs_by_batch ON refs(batch);
