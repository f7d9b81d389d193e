#!/usr/bin/env python3
"""Writes a git fast-import stream of one commit holding N copies of a source tree under top folders
copy-1/ .. copy-N/ (issue 20, four kernels). Copy 1 is the tree as it is; every file of copy k > 1 gets
one line "/* airlock scale copy k */" appended, so no blob is shared between copies: git, the search
index and the symbol index all dedupe identical blobs, and identical copies would measure one kernel.
Blobs are written copy by copy (fast-import deltas only against the blob before, a file of the same copy),
so the pack holds N times the data, as N different releases without shared history would.

  python3 bench/four-kernels-repo.py SRC N | git --git-dir=OUT.git fast-import --quiet
"""
import os
import sys

def main():
    src, n = sys.argv[1], int(sys.argv[2])
    out = sys.stdout.buffer
    files = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            files.append(os.path.join(dirpath, name))
    mark = 0
    entries = []
    for k in range(1, n + 1):
        suffix = b"" if k == 1 else b"/* airlock scale copy %d */\n" % k
        for path in files:
            rel = os.path.relpath(path, src)
            if os.path.islink(path):
                data, mode = os.readlink(path).encode(), "120000"
            else:
                with open(path, "rb") as f:
                    data = f.read() + suffix
                mode = "100755" if os.access(path, os.X_OK) else "100644"
            mark += 1
            out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)))
            out.write(data)
            out.write(b"\n")
            entries.append((mode, mark, "copy-%d/%s" % (k, rel)))
    msg = b"%d copies of %s\n" % (n, os.path.basename(src.rstrip("/")).encode())
    out.write(b"commit refs/heads/main\ncommitter bench <bench@localhost> 1764892800 +0000\n")
    out.write(b"data %d\n%s" % (len(msg), msg))
    for mode, m, p in entries:
        out.write(("M %s :%d %s\n" % (mode, m, p)).encode("utf-8", "surrogateescape"))
    out.write(b"\n")

if __name__ == "__main__":
    main()
