#!/usr/bin/env python3
"""Canonical dump of a symbol index (definitions and references per file), to check that a change to
the index builder keeps its results: build the same folder with the old and the new build and compare
the dumps.  Usage: python3 bench/symbols-dump.py index.sqlite [max-files] > dump.txt
References are read from the SQLite table (indexes before 5 Dec 2026, evening) or, when the index's meta
says refs_format 1, from the reference file beside it (index.sqlite.refs: records up to the data end).
Definitions are read from the defs table or, when the meta says defs_format 1 (6 Dec 2026), from the
definition file (index.sqlite.defs, same records); each dumped file's own definitions blob (its outline) is
then checked against them, a difference printed as an OUTLINE line (none is expected).
Prints one line per definition (path, name, kind, line, column, end line, scope, signature) and per
reference (path, name, line, column, flags), sorted (definitions with their #if branch where the index has one); row ids, batches and name ids are left out on
purpose (they are storage details, not results). A sorted sample of paths (every n-th) keeps it small."""
import sqlite3
import sys


def varints(blob, pos):
    v = 0
    shift = 0
    while True:
        b = blob[pos]
        pos += 1
        v |= (b & 0x7F) << shift
        if b & 0x80 == 0:
            return v, pos
        shift += 7


KINDS = ["FUNCTION", "METHOD", "MACRO", "STRUCT", "UNION", "CLASS", "INTERFACE", "ENUM", "ENUMERATOR", "TYPEDEF",
         "TYPE", "NAMESPACE", "MODULE", "TRAIT", "CONSTANT", "FIELD", "PROTOTYPE"]  # SymbolKind's order


def def_entries(blob, pos, count):
    """Definition entries (airlock.core.symbols.DefEntries): (key, kind, line, column, end line, scope, cond)."""
    out = []
    for _ in range(count):
        vals = []
        for _ in range(5):
            v, pos = varints(blob, pos)
            vals.append(v)
        key, kind, line, col, z = vals
        end = line + ((z >> 1) ^ -(z & 1))
        texts = []
        for _ in range(2):
            n, pos = varints(blob, pos)
            texts.append(blob[pos:pos + n].decode("utf-8"))
            pos += n
        out.append((key, KINDS[kind], line, col, end, texts[0], texts[1] or None))
    return out, pos


def refs_file(path, meta, key="refs"):
    """The (name id, count, blob) records of a reference or definition file (RefsFile), up to its data end."""
    import struct
    data = open(path, "rb").read()
    assert data[:8] == b"AIRREF01", "not a reference file"
    if meta.get("state") == "complete":
        end = struct.unpack_from("<q", data, len(data) - 16)[0]
    else:
        end = int(meta[key + "_end"])
    pos = 8
    while pos < end:
        name_id, pos = varints(data, pos)
        _batch, pos = varints(data, pos)
        count, pos = varints(data, pos)
        length, pos = varints(data, pos)
        yield name_id, count, data[pos:pos + length]
        pos += length + 4


def main():
    db = sqlite3.connect(sys.argv[1])
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    paths = dict(db.execute("SELECT id, path FROM files"))
    ids = sorted(paths, key=paths.get)
    if limit and len(ids) > limit:
        step = len(ids) / limit
        ids = [ids[int(i * step)] for i in range(limit)]
    keep = set(ids)
    names = dict(db.execute("SELECT id, name FROM names"))
    out = []
    for f, marks, done in db.execute("SELECT id, marks, done FROM files"):
        if f in keep:
            out.append("F\t%s\t%d\t%d" % (paths[f], marks, done))
    meta = dict(db.execute("SELECT key, value FROM meta"))
    if meta.get("defs_format") == "1":
        by_name = {}
        for name_id, count, blob in refs_file(sys.argv[1] + ".defs", meta, "defs"):
            entries, _ = def_entries(blob, 0, count)
            for f, kind, line, col, end, scope, c in entries:
                if f in keep:
                    # the signature column was always stored empty (shown from the source), so it dumps as ""
                    row = (names[name_id], kind, line, col, end, scope, "", c)
                    by_name.setdefault(f, []).append(row)
                    out.append("D\t%s\t%s" % (paths[f], row[0]) + "".join("\t%s" % (v,) for v in row[1:]))
        for f, blob in db.execute("SELECT id, defs FROM files WHERE defs IS NOT NULL"):
            if f in keep:
                count, pos = varints(blob, 0)
                entries, _ = def_entries(blob, pos, count)
                mine = sorted((names[n], k, l, c, e, s, "", x) for n, k, l, c, e, s, x in entries)
                if mine != sorted(by_name.get(f, [])):
                    out.append("OUTLINE\t%s" % paths[f])
    else:
        # the definition's #if branch (schema V3 on) is a result too: dumped when the index has it
        cond = ", cond" if any(c[1] == "cond" for c in db.execute("PRAGMA table_info(defs)")) else ""
        for row in db.execute("SELECT name_id, file_id, kind, line, col, end_line, scope, signature%s FROM defs"
                              % cond):
            if row[1] in keep:
                out.append("D\t%s\t%s" % (paths[row[1]], names[row[0]]) + "".join("\t%s" % (v,) for v in row[2:]))
    if meta.get("refs_format") == "1":
        rows = refs_file(sys.argv[1] + ".refs", meta)
    else:
        rows = db.execute("SELECT name_id, count, positions FROM refs")
    for name_id, count, blob in rows:
        pos = 0
        seen = 0
        while pos < len(blob):
            f, pos = varints(blob, pos)
            n, pos = varints(blob, pos)
            line = 0
            for _ in range(n):
                d, pos = varints(blob, pos)
                c, pos = varints(blob, pos)
                fl, pos = varints(blob, pos)
                line += d
                if f in keep:
                    out.append("R\t%s\t%s\t%d\t%d\t%d" % (paths[f], names[name_id], line, c, fl))
            seen += n
        if seen != count:
            out.append("BADCOUNT\t%s\t%d\t%d" % (names[name_id], seen, count))
    out.sort()
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
