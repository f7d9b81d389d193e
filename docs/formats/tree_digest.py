#!/usr/bin/env python3
"""Airlock tree digest of a commit, for auditors (see docs/formats/bundle.md).

Usage: tree_digest.py GIT_DIR REF
Feeds, for every non-tree entry in `git ls-tree -r` order, the record
  <mode in octal ASCII> SP <path bytes> NUL <SHA-256 of the content, 32 bytes>
to one SHA-256 and prints it in hex. Content is the blob's bytes; for a submodule
entry (mode 160000) the 40 ASCII hex digits of its commit id.
"""
import hashlib
import subprocess
import sys

git_dir, ref = sys.argv[1], sys.argv[2]
listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", "--full-tree", ref],
                         check=True, capture_output=True).stdout
digest = hashlib.sha256()
for record in listing.split(b"\0"):
    if not record:
        continue
    meta, path = record.split(b"\t", 1)
    mode, kind, oid = meta.split(b" ")
    if kind == b"commit":
        content = oid
    else:
        content = subprocess.run(["git", "--git-dir", git_dir, "cat-file", "blob", oid.decode()],
                                 check=True, capture_output=True).stdout
    digest.update(mode.lstrip(b"0") + b" " + path + b"\0" + hashlib.sha256(content).digest())
print(digest.hexdigest())
