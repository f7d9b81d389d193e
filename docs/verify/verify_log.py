#!/usr/bin/env python3
"""Independent verifier for Airlock session logs (see docs/formats/session-log.md).

Uses only Python's standard library for hashes, chain and Merkle tree, and the openssl
command (`openssl pkeyutl -verify -rawin`) for Ed25519 signatures.

usage: verify_log.py SESSION.log SESSION.seal --trust DIR
DIR holds workstation/*.pem and supervisor/*.pem (SPKI public keys).
Prints "VALID ..." and exits 0, or "INVALID <KIND> [entry N]: reason" and exits 1.
"""
import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile

MAX_ENTRY = 65536
ZERO = bytes(32)
CONTEXT = {"airlock-workstation": b"airlock checkpoint signature v1\n",
           "airlock-supervisor": b"airlock seal signature v1\n"}


class Bad(Exception):
    def __init__(self, kind, entry, reason):
        super().__init__(reason)
        self.kind, self.entry, self.reason = kind, entry, reason


def leaf(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


class Tree:
    """RFC 6962 Merkle tree head over a stream of leaf hashes (perfect-subtree stack)."""
    def __init__(self):
        self.stack, self.size = [], 0

    def add(self, h):
        size = 1
        while self.stack and self.stack[-1][1] == size:
            left, _ = self.stack.pop()
            h, size = node(left, h), size * 2
        self.stack.append((h, size))
        self.size += 1

    def root(self):
        if not self.stack:
            return hashlib.sha256(b"").digest()
        acc = self.stack[-1][0]
        for h, _ in reversed(self.stack[:-1]):
            acc = node(h, acc)
        return acc


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate member")
    return dict(pairs)


def parse_entry(line, i):
    if len(line) > MAX_ENTRY:
        raise Bad("MALFORMED", i, "entry %d is over %d bytes" % (i, MAX_ENTRY))
    try:
        e = json.loads(line.decode("utf-8"), object_pairs_hook=no_duplicates)
    except ValueError as err:
        raise Bad("MALFORMED", i, "entry %d is not JSON: %s" % (i, err))
    if not isinstance(e, dict) or set(e) != {"actor", "data", "prev", "seq", "time", "type"}:
        raise Bad("MALFORMED", i, "entry %d does not have exactly the six members" % i)
    if type(e["seq"]) is not int or not isinstance(e["prev"], str) or len(e["prev"]) != 64:
        raise Bad("MALFORMED", i, "entry %d has a bad seq or prev" % i)
    return e


def parse_note(text):
    if "\n\n" not in text or not text.endswith("\n"):
        raise ValueError("no blank line before the signatures")
    body, sigs = text.split("\n\n", 1)
    body += "\n"
    lines = body[:-1].split("\n")
    if len(lines) != 4 or not lines[3].startswith("head "):
        raise ValueError("checkpoint is not origin/size/root/head")
    signatures = []
    for line in sigs[:-1].split("\n"):
        if not line.startswith("\u2014 "):
            raise ValueError("bad signature line")
        name, blob = line[2:].split(" ")
        raw = base64.b64decode(blob, validate=True)
        if len(raw) != 68:
            raise ValueError("signature is not keyhash(4) + Ed25519(64)")
        signatures.append((name, raw[:4], raw[4:]))
    return {"body": body, "origin": lines[0], "size": int(lines[1]), "root": base64.b64decode(lines[2], validate=True),
            "head": bytes.fromhex(lines[3][5:]), "signatures": signatures}


def pem_from_der(der):
    b64 = base64.b64encode(der).decode()
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n"


def raw_key(pem_text):
    b64 = "".join(l for l in pem_text.splitlines() if l and not l.startswith("-----") and not l.startswith("#"))
    der = base64.b64decode(b64)
    return der[-32:]


def key_hash(name, pem_text):
    return hashlib.sha256(name.encode() + b"\n\x01" + raw_key(pem_text)).digest()[:4]


def openssl_verify(pem_text, message, signature):
    with tempfile.TemporaryDirectory() as tmp:
        paths = {n: os.path.join(tmp, n) for n in ("key.pem", "msg", "sig")}
        with open(paths["key.pem"], "w") as f:
            f.write(pem_text)
        with open(paths["msg"], "wb") as f:
            f.write(message)
        with open(paths["sig"], "wb") as f:
            f.write(signature)
        result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths["key.pem"], "-rawin",
                                 "-in", paths["msg"], "-sigfile", paths["sig"]], capture_output=True)
        return result.returncode == 0


def load_trust(folder):
    keys = []
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if name.endswith(".pem"):
                with open(os.path.join(folder, name)) as f:
                    text = f.read()
                keys.append((name[:-4], text[text.index("-----BEGIN"):]))
    return keys


def check_signature(note, name, pem_text, what, entry):
    lines = [s for s in note["signatures"] if s[0] == name]
    if len(lines) != 1:
        raise Bad("SIGNATURE_INVALID", entry, "%s carries %d %s signatures" % (what, len(lines), name))
    _, kh, sig = lines[0]
    if kh != key_hash(name, pem_text):
        raise Bad("UNKNOWN_KEY", entry, "%s is signed by another key" % what)
    if not openssl_verify(pem_text, CONTEXT[name] + note["body"].encode(), sig):
        raise Bad("SIGNATURE_INVALID", entry, "%s: signature does not verify" % what)


def verify(log_path, seal_path, trust_dir):
    ws_trust = load_trust(os.path.join(trust_dir, "workstation"))
    sup_trust = load_trust(os.path.join(trust_dir, "supervisor"))
    seal = None
    seal_error = None
    if seal_path and os.path.exists(seal_path) and os.path.getsize(seal_path) > 0:
        try:
            with open(seal_path, "rb") as f:
                seal = parse_note(f.read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            seal_error = str(err)
    with open(log_path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines[-1] != b"":
        raise Bad("TRUNCATED", len(lines) - 1, "entry %d is cut off (no final line feed)" % (len(lines) - 1))
    lines = lines[:-1]
    tree, prev, header, ws_pem, last_type = Tree(), ZERO, None, None, None
    for i, line in enumerate(lines):
        e = parse_entry(line, i)
        if e["seq"] != i:
            raise Bad("SEQUENCE_GAP", i, "line %d holds entry %d" % (i + 1, e["seq"]))
        h = leaf(line)
        if bytes.fromhex(e["prev"]) != prev:
            if i == 0:
                raise Bad("HASH_MISMATCH", 0, "entry 0 must link to zeros")
            if i + 1 < len(lines):
                try:
                    intact = bytes.fromhex(parse_entry(lines[i + 1], i + 1)["prev"]) == h
                except Bad:
                    intact = False
            else:
                intact = seal is not None and seal["head"] == h
            if intact:
                raise Bad("HASH_MISMATCH", i - 1, "entry %d was altered" % (i - 1))
            raise Bad("HASH_MISMATCH", i, "entry %d does not link to entry %d" % (i, i - 1))
        if last_type == "session.end":
            raise Bad("MALFORMED", i, "entry %d follows the end entry" % i)
        if i == 0:
            header = e["data"]
            if e["type"] != "session.start":
                raise Bad("MALFORMED", 0, "entry 0 is not a session start")
            ws_pem = pem_from_der(base64.b64decode(header["workstationKey"], validate=True))
            if ws_trust and raw_key(ws_pem) not in [raw_key(p) for _, p in ws_trust]:
                raise Bad("UNKNOWN_KEY", 0, "workstation key is not trusted")
            origin = "airlock.session/%s/%s" % (header["workstation"], header["session"])
        elif e["type"] == "session.start":
            raise Bad("MALFORMED", i, "second start entry")
        elif e["type"] == "checkpoint":
            try:
                cp = parse_note(e["data"]["note"])
            except (ValueError, KeyError) as err:
                raise Bad("MALFORMED", i, "entry %d: %s" % (i, err))
            if cp["origin"] != origin or cp["size"] != i or cp["head"] != prev or cp["root"] != tree.root():
                raise Bad("CHECKPOINT_INCONSISTENT", i, "checkpoint in entry %d does not match the entries" % i)
            check_signature(cp, "airlock-workstation", ws_pem, "checkpoint in entry %d" % i, i)
        tree.add(h)
        prev, last_type = h, e["type"]
    n = len(lines)
    if n == 0:
        raise Bad("MALFORMED", None, "no entries")
    if seal_error:
        raise Bad("MALFORMED", None, "seal file: " + seal_error)
    if seal is None:
        raise Bad("SEAL_MISSING", None, "no seal file")
    if seal["origin"] != origin:
        raise Bad("SESSION_MISMATCH", None, "seal is for " + seal["origin"])
    if seal["size"] > n:
        raise Bad("TRUNCATED", n, "seal covers %d entries, log has %d" % (seal["size"], n))
    if seal["size"] < n:
        raise Bad("CHECKPOINT_INCONSISTENT", seal["size"], "entries added after sealing")
    if seal["head"] != prev:
        raise Bad("HASH_MISMATCH", n - 1, "entry %d was altered" % (n - 1))
    if seal["root"] != tree.root():
        raise Bad("CHECKPOINT_INCONSISTENT", None, "final checkpoint root differs from the entries")
    check_signature(seal, "airlock-workstation", ws_pem, "final checkpoint", None)
    sup_lines = [s for s in seal["signatures"] if s[0] == "airlock-supervisor"]
    if not sup_lines:
        raise Bad("SEAL_MISSING", None, "no supervisor signature")
    sealed_by = []
    for name, kh, sig in sup_lines:
        candidates = [(label, pem) for label, pem in sup_trust if key_hash(name, pem) == kh]
        if not candidates:
            raise Bad("UNKNOWN_KEY", None, "seal key is not on the supervisor trust list")
        good = [label for label, pem in candidates if openssl_verify(pem, CONTEXT[name] + seal["body"].encode(), sig)]
        if not good:
            raise Bad("SIGNATURE_INVALID", None, "supervisor seal does not verify")
        sealed_by.append(good[0])
    if last_type != "session.end":
        raise Bad("MALFORMED", n - 1, "sealed log does not end with session.end")
    return "session %s, %d entries, root %s, sealed by %s" % (
        header["session"], n, base64.b64encode(tree.root()).decode(), ", ".join(sealed_by))


def main():
    parser = argparse.ArgumentParser(description="Verify an Airlock session log without Airlock")
    parser.add_argument("log")
    parser.add_argument("seal")
    parser.add_argument("--trust", required=True)
    args = parser.parse_args()
    try:
        print("VALID " + verify(args.log, args.seal, args.trust))
        return 0
    except Bad as bad:
        where = "" if bad.entry is None else " entry %d" % bad.entry
        print("INVALID %s%s: %s" % (bad.kind, where, bad.reason))
        return 1


if __name__ == "__main__":
    sys.exit(main())
