#!/usr/bin/env python3
"""Independent verifier for Airlock session logs, written from docs/formats/session-log.md.

Uses only Python's standard library for syntax, hashes, chain and Merkle tree, and the openssl
command (`openssl pkeyutl -verify -rawin`) for Ed25519 signatures. It applies the document's rules
in the document's order and so reaches the same verdict, failure kind and entry number as
`airlock log verify` on every input.

usage: verify_log.py SESSION.log SESSION.seal --trust DIR [--disclosures FILE]
DIR holds workstation/*.pem and supervisor/*.pem (SPKI public keys). FILE (default: SESSION.disclosures
next to the log, when it is there) holds disclosures of committed fields; each is checked against its
commitment in the verified log ("INVALID DISCLOSURE line N: reason", exit 1, at the first bad one).

Prints one line "VALID ..." and exits 0, or "INVALID <KIND>[ entry N]: reason" and exits 1, for
any content of the two files. A log named session-<id>.log that holds another session is refused
with a second line "REFUSED: ..." and exit 1. Files that cannot be read: "CANNOT VERIFY: ...",
exit 3; a wrong command line: exit 2. Everything printed has control, bidi and invisible
characters written as <U+202E>-style tokens (with the brackets U+27E8 and U+27E9), so nothing
taken from the files can rewrite the terminal.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import unicodedata

MAX_ENTRY = 65536
MAX_NOTE = 8192
MAX_SIGNATURES = 16
MAX_DEPTH = 64
MAX_SAFE = 2 ** 53 - 1
MAX_ACTOR = 256
ZERO = bytes(32)
CONTEXT = {"airlock-workstation": b"airlock checkpoint signature v1\n",
           "airlock-supervisor": b"airlock seal signature v1\n"}
MEMBERS = {"actor", "data", "prev", "seq", "time", "type"}
# every event type of the format's table; any other type is invalid
TYPES = {"session.start", "session.confirmed", "session.locked", "session.unlocked", "session.end",
         "bundle.verified", "bundle.imported", "file.opened", "search.run",
         "annotation.created", "annotation.edited", "annotation.deleted", "annotation.status",
         "review.marked", "review.unmarked", "bookmark.added", "export.written", "export.decision",
         "copy.refused", "print.refused", "policy.violation", "checkpoint", "recovery",
         "ledger.start", "seal", "confirmation.failed", "confirmation.accepted"}
SESSION_FORMAT, LEDGER_FORMAT = "airlock-session-log/1", "airlock-ledger/1"
SESSION_MEMBERS = {"format", "session", "workstation", "workstationKey", "inspectors",
                   "bundleManifestSha256", "policySha256"}
LEDGER_MEMBERS = {"format", "workstation", "workstationKey"}
ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
HEX64 = re.compile(r"[0-9a-f]{64}")
ORIGIN = re.compile(r"airlock\.(session|ledger)/[A-Za-z0-9._-]{1,64}(/[A-Za-z0-9._-]{1,64})?")
SIZE = re.compile(r"0|[1-9][0-9]{0,15}")
TIME_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")


class Bad(Exception):
    def __init__(self, kind, entry, reason):
        super().__init__(reason)
        self.kind, self.entry, self.reason = kind, entry, reason


class NotCanonical(Exception):
    pass


def visible(text):
    """Control, format (bidi, zero-width), separator, surrogate, private and unassigned code points as tokens."""
    out = []
    for ch in text:
        cp = ord(ch)
        if ch != "\t" and (unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")
                           or cp in (0x27E8, 0x27E9, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x034F, 0x180E)
                           or 0x2061 <= cp <= 0x2064):
            out.append("\u27e8U+%04X\u27e9" % cp)
        else:
            out.append(ch)
    return "".join(out)


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


# ---- canonical JSON (RFC 8785 restricted to objects, arrays, strings, safe integers, booleans, null)

def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise NotCanonical("a member name is repeated")
    return dict(pairs)


def no_fraction(text):
    raise NotCanonical("fractions and exponents are not allowed (integers only)")


def no_constant(text):
    raise NotCanonical("%s is not JSON" % text)


def canonical(value, depth=0):
    if depth > MAX_DEPTH:
        raise NotCanonical("nesting deeper than %d levels" % MAX_DEPTH)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        if abs(value) > MAX_SAFE:
            raise NotCanonical("an integer is outside +-(2^53-1)")
        return str(value)
    if type(value) is str:
        return canonical_string(value)
    if type(value) is list:
        return "[" + ",".join(canonical(v, depth + 1) for v in value) + "]"
    if type(value) is dict:
        keys = sorted(value, key=lambda k: k.encode("utf-16-be"))  # UTF-16 code unit order
        return "{" + ",".join(canonical_string(k) + ":" + canonical(value[k], depth + 1) for k in keys) + "}"
    raise NotCanonical("a value outside the canonical subset")


SHORT = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def canonical_string(text):
    out = ['"']
    for ch in text:
        if ch in SHORT:
            out.append(SHORT[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def parse_canonical(raw):
    """The value of canonical JSON bytes; NotCanonical for anything else."""
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, object_pairs_hook=no_duplicates, parse_float=no_fraction, parse_constant=no_constant)
        again = canonical(value).encode("utf-8")
    except NotCanonical:
        raise
    except UnicodeError:
        raise NotCanonical("not valid UTF-8, or a lone surrogate")
    except (ValueError, RecursionError) as err:
        raise NotCanonical("not JSON (%s)" % type(err).__name__)
    if again != raw:
        raise NotCanonical("not in canonical form (sorted members, no whitespace, minimal escapes)")
    return value


# ---- field syntax

def valid_time(text):
    if type(text) is not str or not TIME_SHAPE.fullmatch(text):
        return False
    year, month, day = int(text[0:4]), int(text[5:7]), int(text[8:10])
    if month == 2:
        days = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    else:
        days = 30 if month in (4, 6, 9, 11) else 31
    return (1 <= month <= 12 and 1 <= day <= days and int(text[11:13]) <= 23 and int(text[14:16]) <= 59
            and int(text[17:19]) <= 59)


def valid_actor(text):
    return type(text) is str and 1 <= len(text) <= MAX_ACTOR


def valid_inspector(text):
    return (valid_actor(text) and text.strip(" ") != ""
            and not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in text))


def canonical_b64(text, length):
    """The bytes of canonical (padded, no stray bits) Base64 of exactly `length` bytes, else None."""
    if type(text) is not str:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        return None
    if len(raw) != length or base64.b64encode(raw).decode("ascii") != text:
        return None
    return raw


def parse_entry(line, i):
    """Entry i's members after every syntax rule of the format; Bad(MALFORMED) otherwise."""
    def bad(what):
        return Bad("MALFORMED", i, "entry %d %s" % (i, what))
    if len(line) > MAX_ENTRY:
        raise bad("is over %d bytes" % MAX_ENTRY)
    try:
        e = parse_canonical(line)
    except NotCanonical as err:
        raise bad("is not canonical JSON: %s" % err)
    if type(e) is not dict or set(e) != MEMBERS:
        raise bad("does not have exactly the members actor, data, prev, seq, time, type")
    if type(e["seq"]) is not int or e["seq"] < 0:
        raise bad("has no non-negative integer seq")
    if not valid_time(e["time"]):
        raise bad("has no time of the form 2026-01-31T12:00:00.000Z (a real UTC date and time)")
    if not valid_actor(e["actor"]):
        raise bad("has an actor that is empty or longer than %d code points" % MAX_ACTOR)
    if type(e["type"]) is not str or e["type"] not in TYPES:
        raise bad("has an unknown type")
    if type(e["data"]) is not dict:
        raise bad("has data that is not an object")
    if type(e["prev"]) is not str or not HEX64.fullmatch(e["prev"]):
        raise bad("has a prev that is not 64 lower-case hex digits")
    return e


def well_formed_prev(line):
    """The prev of a line that is a well-formed entry (used to look one ahead), else None."""
    if line is None:
        return None
    try:
        return bytes.fromhex(parse_entry(line, -1)["prev"])
    except Bad:
        return None


def parse_header(e):
    """Entry 0's data: (origin, session, key bytes, is_ledger); ValueError names the wrong field."""
    data = e["data"]
    fmt = data.get("format")
    if fmt not in (SESSION_FORMAT, LEDGER_FORMAT):
        raise ValueError("has format that is neither %s nor %s" % (SESSION_FORMAT, LEDGER_FORMAT))
    ledger = fmt == LEDGER_FORMAT
    if e["type"] != ("ledger.start" if ledger else "session.start"):
        raise ValueError("has the wrong type for its format")
    if set(data) != (LEDGER_MEMBERS if ledger else SESSION_MEMBERS):
        raise ValueError("does not have exactly the data members of its format")
    workstation = data["workstation"]
    if type(workstation) is not str or not ID.fullmatch(workstation):
        raise ValueError("has no valid workstation id")
    spki = canonical_b64(data["workstationKey"], 44)
    if spki is None or not spki.startswith(ED25519_SPKI_PREFIX):
        raise ValueError("has a workstationKey that is not the canonical Base64 of an Ed25519 public key")
    if ledger:
        return "airlock.ledger/" + workstation, "ledger", spki, True
    session = data["session"]
    if type(session) is not str or not ID.fullmatch(session):
        raise ValueError("has no valid session id")
    inspectors = data["inspectors"]
    if type(inspectors) is not list or not inspectors or not all(valid_inspector(n) for n in inspectors):
        raise ValueError("has no valid list of inspectors")
    if type(data["bundleManifestSha256"]) is not str or not HEX64.fullmatch(data["bundleManifestSha256"]):
        raise ValueError("has no bundleManifestSha256 of 64 lower-case hex digits")
    policy = data["policySha256"]
    if policy is not None and (type(policy) is not str or not HEX64.fullmatch(policy)):
        raise ValueError("has a policySha256 that is neither null nor 64 lower-case hex digits")
    return "airlock.session/%s/%s" % (workstation, session), session, spki, False


# ---- signed notes and checkpoints

def parse_note(text):
    """A signed note holding a checkpoint, by the format's rules; ValueError says what is wrong."""
    split = text.find("\n\n")
    if split < 0 or not text.endswith("\n"):
        raise ValueError("no blank line before the signatures, or no final line feed")
    if len(text) <= split + 2:
        raise ValueError("no signature line")
    body = text[:split + 1]
    sig_lines = text[split + 2:-1].split("\n")
    if len(sig_lines) > MAX_SIGNATURES:
        raise ValueError("more than %d signature lines" % MAX_SIGNATURES)
    signatures = []
    for line in sig_lines:
        if not line.startswith("\u2014 "):
            raise ValueError("a signature line does not start with an em dash and a space")
        parts = line[2:].split(" ")
        if len(parts) != 2 or parts[0] == "":
            raise ValueError("a signature line is not '<name> <base64>'")
        raw = canonical_b64(parts[1], 68)
        if raw is None:
            raise ValueError("a signature is not the canonical Base64 of a 4-byte key hash and a 64-byte signature")
        signatures.append((parts[0], raw[:4], raw[4:]))
    lines = body[:-1].split("\n")
    if len(lines) != 4:
        raise ValueError("the checkpoint is not origin, size, root and head")
    if not ORIGIN.fullmatch(lines[0]):
        raise ValueError("the checkpoint's origin is not airlock.session/<workstation>/<session> or airlock.ledger/<workstation>")
    if not SIZE.fullmatch(lines[1]):
        raise ValueError("the checkpoint's size is not a plain decimal number")
    root = canonical_b64(lines[2], 32)
    if root is None:
        raise ValueError("the checkpoint's root is not the canonical Base64 of 32 bytes")
    if not lines[3].startswith("head ") or not HEX64.fullmatch(lines[3][5:]):
        raise ValueError("the checkpoint has no 'head <64 lower-case hex>' line")
    return {"body": body, "origin": lines[0], "size": int(lines[1]), "root": root,
            "head": bytes.fromhex(lines[3][5:]), "signatures": signatures}


def pem_from_der(der):
    b64 = base64.b64encode(der).decode()
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n"


def key_hash(name, raw32):
    return hashlib.sha256(name.encode() + b"\n\x01" + raw32).digest()[:4]


def openssl_verify(der, message, signature):
    with tempfile.TemporaryDirectory() as tmp:
        paths = {n: os.path.join(tmp, n) for n in ("key.pem", "msg", "sig")}
        with open(paths["key.pem"], "w") as f:
            f.write(pem_from_der(der))
        with open(paths["msg"], "wb") as f:
            f.write(message)
        with open(paths["sig"], "wb") as f:
            f.write(signature)
        result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths["key.pem"], "-rawin",
                                 "-in", paths["msg"], "-sigfile", paths["sig"]], capture_output=True)
        return result.returncode == 0


class TrustError(Exception):
    pass


def load_trust(folder):
    """(label, SPKI DER) of each .pem in folder; the label is the '# label: ' line, else the file name."""
    keys = []
    if not os.path.isdir(folder):
        return keys
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".pem"):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            first = text.split("\n", 1)[0]
            label = first[9:].strip() if first.startswith("# label: ") and len(first) > 9 else name[:-4]
            b64 = "".join(l.strip() for l in text[text.index("-----BEGIN PUBLIC KEY-----"):].splitlines()
                          if l.strip() and not l.startswith("-----"))
            der = base64.b64decode(b64, validate=True)
        except (OSError, ValueError) as err:
            raise TrustError("the trust file %s cannot be read as a public key (%s)" % (path, err))
        if len(der) != 44 or not der.startswith(ED25519_SPKI_PREFIX):
            raise TrustError("the trust file %s is not an Ed25519 public key" % path)
        keys.append((label, der))
    return keys


def check_workstation_signature(note, ws_der, what, entry):
    lines = [s for s in note["signatures"] if s[0] == "airlock-workstation"]
    if len(lines) != 1:
        raise Bad("SIGNATURE_INVALID", entry, "%s carries %d workstation signatures; exactly one is required"
                  % (what, len(lines)))
    _, kh, sig = lines[0]
    if kh != key_hash("airlock-workstation", ws_der[-32:]):
        raise Bad("UNKNOWN_KEY", entry, "%s is signed by a key other than the workstation key of entry 0" % what)
    if not openssl_verify(ws_der, CONTEXT["airlock-workstation"] + note["body"].encode(), sig):
        raise Bad("SIGNATURE_INVALID", entry, "%s: the workstation signature does not verify" % what)


def read_seal(seal_path):
    """(note or None, problem or None): absent or empty file = no seal."""
    if not seal_path or not os.path.isfile(seal_path):
        return None, None
    with open(seal_path, "rb") as f:
        raw = f.read(MAX_NOTE + 1)
    if not raw:
        return None, None
    if len(raw) > MAX_NOTE:
        return None, "the seal file is over %d bytes" % MAX_NOTE
    try:
        return parse_note(raw.decode("utf-8")), None
    except UnicodeError:
        return None, "the seal file is not valid UTF-8"
    except ValueError as err:
        return None, "the seal file cannot be read: %s" % err


def verify(log_path, seal_path, trust_dir, state):
    """The summary text; raises Bad for the first failure, in the document's order. state["session"]
    is set once entry 0 has been read."""
    if not os.path.isdir(trust_dir):
        raise TrustError("the trust folder %s does not exist; give a folder with workstation/ and supervisor/"
                         " holding public keys (.pem)" % trust_dir)
    ws_trust = load_trust(os.path.join(trust_dir, "workstation"))
    sup_trust = load_trust(os.path.join(trust_dir, "supervisor"))
    seal, seal_problem = read_seal(seal_path)
    with open(log_path, "rb") as f:
        data = f.read()
    pieces = data.split(b"\n")
    terminated = len(pieces) - 1          # lines ending with LF; a non-empty last piece is cut off
    lines = pieces if pieces[-1] != b"" else pieces[:-1]
    tree, prev, origin, session, ws_der, last_type, ledger = Tree(), ZERO, None, None, None, None, False
    for i, line in enumerate(lines):
        # 1. line shape and every syntax rule
        if len(line) > MAX_ENTRY:
            raise Bad("MALFORMED", i, "entry %d is over %d bytes" % (i, MAX_ENTRY))
        if i >= terminated:
            raise Bad("TRUNCATED", i, "entry %d is cut off (the file ends without a line feed)" % i)
        e = parse_entry(line, i)
        # 2. sequence
        if e["seq"] != i:
            raise Bad("SEQUENCE_GAP", i, "line %d holds entry %d where entry %d belongs" % (i + 1, e["seq"], i))
        h = leaf(line)
        # 3. chain, looking one ahead to name the altered entry
        if bytes.fromhex(e["prev"]) != prev:
            if i == 0:
                raise Bad("HASH_MISMATCH", 0, "entry 0 must link to 64 zeros")
            if i + 1 < len(lines):
                nxt = lines[i + 1]
                intact = (i + 1 < terminated and len(nxt) <= MAX_ENTRY and well_formed_prev(nxt) == h)
            else:
                intact = seal is not None and seal["head"] == h
            if intact:
                raise Bad("HASH_MISMATCH", i - 1, "entry %d was altered: its hash no longer matches the one entry %d"
                          " recorded for it" % (i - 1, i))
            raise Bad("HASH_MISMATCH", i, "entry %d does not link to entry %d" % (i, i - 1))
        # 4. nothing after the end
        if last_type == "session.end":
            raise Bad("MALFORMED", i, "entry %d follows the session's end entry" % i)
        # 5. entry 0
        if i == 0:
            try:
                origin, session, ws_der, ledger = parse_header(e)
            except ValueError as err:
                raise Bad("MALFORMED", 0, "entry 0 %s" % err)
            state["session"] = session
            if ws_trust and ws_der not in [der for _, der in ws_trust]:
                raise Bad("UNKNOWN_KEY", 0, "the workstation key named in entry 0 is not on the workstation trust list")
        elif e["type"] in ("session.start", "ledger.start"):
            raise Bad("MALFORMED", i, "entry %d is a second start entry" % i)
        # 6. interval checkpoints
        elif e["type"] == "checkpoint":
            note = e["data"].get("note")
            if set(e["data"]) != {"note"} or type(note) is not str:
                raise Bad("MALFORMED", i, "entry %d: the checkpoint entry's data is not exactly a note (string)" % i)
            try:
                cp = parse_note(note)
            except ValueError as err:
                raise Bad("MALFORMED", i, "entry %d: %s" % (i, err))
            if cp["origin"] != origin or cp["size"] != i or cp["head"] != prev or cp["root"] != tree.root():
                raise Bad("CHECKPOINT_INCONSISTENT", i, "the checkpoint in entry %d does not match the entries before it" % i)
            check_workstation_signature(cp, ws_der, "the checkpoint in entry %d" % i, i)
        tree.add(h)
        prev, last_type = h, e["type"]
        state.setdefault("data", []).append(e["data"])
    n = len(lines)
    if n == 0:
        raise Bad("MALFORMED", None, "the log has no entries")
    # 7. the seal
    if seal_problem:
        raise Bad("MALFORMED", None, seal_problem)
    if seal is None:
        raise Bad("SEAL_MISSING", None, "there is no seal: the session was not sealed by a supervisor")
    sup_lines = [s for s in seal["signatures"] if s[0] == "airlock-supervisor"]
    if not sup_lines:
        raise Bad("SEAL_MISSING", None, "the final checkpoint carries no supervisor seal")
    if seal["origin"] != origin:
        raise Bad("SESSION_MISMATCH", None, "the seal is for %s, not %s" % (seal["origin"], origin))
    if seal["size"] > n:
        raise Bad("TRUNCATED", n, "the seal covers %d entries but the log ends after %d" % (seal["size"], n))
    if seal["size"] < n:
        raise Bad("CHECKPOINT_INCONSISTENT", seal["size"], "the seal covers %d entries but the log holds %d"
                  % (seal["size"], n))
    if seal["head"] != prev:
        raise Bad("HASH_MISMATCH", n - 1, "entry %d was altered: its hash differs from the seal's" % (n - 1))
    if seal["root"] != tree.root():
        raise Bad("CHECKPOINT_INCONSISTENT", None, "the final checkpoint's root differs from the entries")
    check_workstation_signature(seal, ws_der, "the final checkpoint", None)
    sealed_by = []
    for name, kh, sig in sup_lines:
        candidates = [(label, der) for label, der in sup_trust if key_hash(name, der[-32:]) == kh]
        if not candidates:
            raise Bad("UNKNOWN_KEY", None, "the seal is by a key that is not on the supervisor trust list")
        good = [label for label, der in candidates if openssl_verify(der, CONTEXT[name] + seal["body"].encode(), sig)]
        if not good:
            raise Bad("SIGNATURE_INVALID", None, "the supervisor's seal does not verify over this final checkpoint")
        sealed_by.append(good[0])
    if not ledger and last_type != "session.end":
        raise Bad("MALFORMED", n - 1, "the sealed log does not end with a session end entry")
    return "session %s, %d entries, root %s, sealed by %s" % (
        session, n, base64.b64encode(tree.root()).decode(), ", ".join(sealed_by))


# ---- disclosures of committed fields

COMMIT_DOMAIN = b"airlock field commitment v1"
MAX_DISCLOSURE_LINE = MAX_ENTRY + 1024
DISCLOSURE_MEMBERS = {"entry", "field", "salt", "session", "value"}


def commitment_of(value):
    """The hex commitment when value is exactly {"commitment": <64 lower-case hex>}, else None."""
    if type(value) is dict and set(value) == {"commitment"} and type(value["commitment"]) is str \
            and HEX64.fullmatch(value["commitment"]):
        return value["commitment"]
    return None


def commit(salt, field, value):
    """SHA-256(len(domain) domain salt len(field) field len(value) value), lengths as 4 bytes big-endian."""
    name = field.encode("utf-8")
    raw = canonical(value).encode("utf-8")
    return hashlib.sha256(struct.pack(">I", len(COMMIT_DOMAIN)) + COMMIT_DOMAIN + salt + struct.pack(">I", len(name))
                          + name + struct.pack(">I", len(raw)) + raw).hexdigest()


class BadDisclosure(Exception):
    def __init__(self, line, reason):
        super().__init__(reason)
        self.line, self.reason = line, reason


def parse_disclosure(raw):
    try:
        d = parse_canonical(raw)
    except NotCanonical as err:
        raise ValueError("it is not canonical JSON (%s)" % err)
    if type(d) is not dict or set(d) != DISCLOSURE_MEMBERS:
        raise ValueError("it is not an object with exactly the members entry, field, salt, session, value")
    if type(d["entry"]) is not int or d["entry"] < 0:
        raise ValueError("its entry is not an integer >= 0")
    if type(d["field"]) is not str or d["field"] == "":
        raise ValueError("its field is not a non-empty string")
    if type(d["session"]) is not str:
        raise ValueError("its session is not a string")
    salt = canonical_b64(d["salt"], 32)
    if salt is None:
        raise ValueError("its salt is not the canonical Base64 of 32 bytes")
    return d, salt


def verify_disclosures(raw_file, session, data):
    """(disclosed, committed) for a disclosures file against the verified log's entry data; BadDisclosure otherwise."""
    committed = sum(1 for d in data for v in d.values() if commitment_of(v) is not None)
    pieces = raw_file.split(b"\n")
    seen = set()
    for k, raw in enumerate(pieces, start=1):
        last = k == len(pieces)
        if last and raw == b"":
            break
        if len(raw) > MAX_DISCLOSURE_LINE:
            raise BadDisclosure(k, "the line is over %d bytes" % MAX_DISCLOSURE_LINE)
        if last:
            raise BadDisclosure(k, "the line is cut off (the file ends without a line feed)")
        try:
            d, salt = parse_disclosure(raw)
        except ValueError as err:
            raise BadDisclosure(k, str(err))
        entry, field = d["entry"], d["field"]
        if d["session"] != session:
            raise BadDisclosure(k, "it is for session '%s', not '%s'" % (d["session"], session))
        if entry >= len(data):
            raise BadDisclosure(k, "it names entry %d but the log has %d entries" % (entry, len(data)))
        expected = commitment_of(data[entry].get(field))
        if expected is None:
            raise BadDisclosure(k, "field '%s' of entry %d is not committed" % (field, entry))
        if (entry, field) in seen:
            raise BadDisclosure(k, "field '%s' of entry %d is disclosed a second time" % (field, entry))
        seen.add((entry, field))
        if commit(salt, field, d["value"]) != expected:
            raise BadDisclosure(k, "it does not open the commitment of field '%s' of entry %d (wrong value, salt or field)"
                                % (field, entry))
    return len(seen), committed


def disclosures_next_to(log_path):
    name = os.path.basename(log_path)
    stem = name[:-4] if name.endswith(".log") else name
    return os.path.join(os.path.dirname(log_path), stem + ".disclosures")


RESERVED = {"con", "prn", "aux", "nul"} | {"com%d" % i for i in range(1, 10)} | {"lpt%d" % i for i in range(1, 10)}


def export_stem(session):
    """The file name stem Airlock gives a session's export: session-<id in lower case, other characters as '-'>."""
    lower = re.sub(r"^[-_]+", "", re.sub(r"[^a-z0-9_-]", "-", session.lower()))[:40]
    return "session-" + ("x-" + lower if lower == "" or lower in RESERVED else lower)


def name_mismatch(log_path, session):
    """The refusal when the file is named like an export (session-*.log) but not as this session's export, else None."""
    name = os.path.basename(log_path)
    if session is None or not name.startswith("session-") or not name.endswith(".log"):
        return None
    expected = export_stem(session) + ".log"
    if name == expected:
        return None
    return "REFUSED: the file %s holds session %s, whose export is named %s; it was renamed or swapped" % (
        name, session, expected)


class Parser(argparse.ArgumentParser):
    def error(self, message):
        """A usage error, exit 2, with the offending argument escaped like everything else printed."""
        lines = (self.format_usage() + "verify_log.py: error: " + message).split("\n")
        sys.stderr.write("\n".join(visible(line) for line in lines) + "\n")
        sys.exit(2)


def main():
    parser = Parser(description="Verify an Airlock session log without Airlock")
    parser.add_argument("log")
    parser.add_argument("seal")
    parser.add_argument("--trust", required=True)
    parser.add_argument("--disclosures")
    args = parser.parse_args()
    code, state = 0, {}
    try:
        summary = verify(args.log, args.seal, args.trust, state)
        path = args.disclosures or disclosures_next_to(args.log)
        if args.disclosures is not None or os.path.exists(path):
            with open(path, "rb") as f:
                raw = f.read()
            try:
                disclosed, committed = verify_disclosures(raw, state["session"], state["data"])
            except BadDisclosure as bad:
                print(visible("INVALID DISCLOSURE line %d: %s" % (bad.line, bad.reason)))
                return 1
            summary += "; disclosures: %d of %d committed fields disclosed" % (disclosed, committed)
        else:
            committed = sum(1 for d in state["data"] for v in d.values() if commitment_of(v) is not None)
            if committed:
                summary += "; disclosures: none given, %d committed fields undisclosed" % committed
        print(visible("VALID " + summary))
    except Bad as bad:
        where = "" if bad.entry is None else " entry %d" % bad.entry
        print(visible("INVALID %s%s: %s" % (bad.kind, where, bad.reason)))
        code = 1
    except (OSError, TrustError) as err:
        print(visible("CANNOT VERIFY: %s" % err))
        return 3
    except Exception as err:  # never a traceback: an input this script did not foresee is not valid
        print(visible("INVALID MALFORMED: the verifier could not interpret the input (%s)" % type(err).__name__))
        return 1
    refusal = name_mismatch(args.log, state.get("session"))
    if refusal:
        print(visible(refusal))
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
