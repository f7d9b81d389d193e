#!/usr/bin/env python3
"""Canonical dump of a symbol index (definitions and references per file), to check that a change to
the index builder keeps its results: build the same folder with the old and the new build and compare
the dumps.  Usage: python3 bench/symbols-dump.py index.sqlite [max-files] > dump.txt
References are read from the SQLite table (indexes before 5 Dec 2026, evening) or, when the index's meta
says refs_format 1, from the reference file beside it (index.sqlite.refs: records up to the data end).
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


def refs_file(path, meta):
    """The (name id, count, blob) records of a reference file (airlock.core.symbols.RefsFile), each checked."""
    import struct
    data = open(path, "rb").read()
    assert data[:8] == b"AIRREF01", "not a reference file"
    if meta.get("state") == "complete":
        end = struct.unpack_from("<q", data, len(data) - 16)[0]
    else:
        end = int(meta["refs_end"])
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
    # the definition's #if branch (schema V3 on) is a result too: dumped when the index has it
    cond = ", cond" if any(c[1] == "cond" for c in db.execute("PRAGMA table_info(defs)")) else ""
    for row in db.execute("SELECT name_id, file_id, kind, line, col, end_line, scope, signature%s FROM defs" % cond):
        if row[1] in keep:
            out.append("D\t%s\t%s" % (paths[row[1]], names[row[0]]) + "".join("\t%s" % (v,) for v in row[2:]))
    meta = dict(db.execute("SELECT key, value FROM meta"))
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
