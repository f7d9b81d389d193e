-- The preprocessor branch each definition sits in (Tag.condition: "#else of CONFIG_X", nested branches
-- joined outermost first), NULL when it is compiled unconditionally. A V2 index has no such column filled,
-- so its derived rows are dropped and the next build starts afresh, as V2 did.
-- Never edit after it lands: add V4__... instead.
DELETE FROM refs;
DELETE FROM defs;
DELETE FROM files;
DELETE FROM names;
DELETE FROM meta;
ALTER TABLE defs ADD COLUMN cond TEXT;
