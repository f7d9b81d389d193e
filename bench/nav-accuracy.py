#!/usr/bin/env python3
"""Accuracy of Airlock's symbol index against universal-ctags (definitions) and GNU global (references).

Usage: python3 bench/nav-accuracy.py FOLDER [--work DIR] [--h-lang C|C++] [--refs N] [--seed S]
                                            [--refs-lang LANG] [--samples K] [--no-build]

1. Builds Airlock's index of FOLDER through the product path (airlock.bench.IndexFolder: IndexBuilder with
   its language detection, decoding and extraction, into the SQLite tables the workstation queries; needs
   `mvn -o test-compile` first) and reads definitions and references back from the SQLite file.
2. Runs `ctags -R --fields=+nKzl --output-format=json --guess-language-eagerly` on FOLDER (`.h` files as C
   unless --h-lang C++; ctags' own default maps them to C++).
3. Matches definitions on (path, name, line) - kind and scope are not part of the key - and prints recall
   (ctags' tags Airlock also has) per language and ctags kind family, precision (Airlock's definitions
   ctags also has) per language and Airlock kind family, then samples of misses and extras with their
   source line. Full lists go to WORK/misses.tsv and WORK/extras.tsv.
   Languages Airlock does not lex (ctags' Markdown, JSON, Make, ...) are left out unless --all-languages;
   names ctags makes up (AnonymousFunction1a2b..., __anon...) and computed keys ([Symbol.iterator]) too.
4. References (--refs N, default 0): runs gtags on FOLDER, picks N distinct function names from ctags' tags
   of --refs-lang (default: the language with most tags) with random.Random(S), and compares, per name, the
   set of (path, line) of `global -rx NAME` with the lines of Airlock's references (files gtags indexed
   only). Prints how many sets are identical and samples of the differences (WORK/refs-diff.tsv has all).

The language of a file is ctags' language where ctags tagged it, else Airlock's. Kind families
(same table for both tools; a kind not listed is reported under its own name):
"""
import argparse
import collections
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time

FAMILY = {
    # ctags kind names (all languages) and Airlock SymbolKind names (upper case)
    "functions/methods": ["function", "method", "func", "methodSpec", "generator", "getter", "setter",
                          "FUNCTION", "METHOD"],
    "classes/types": ["class", "struct", "union", "interface", "enum", "annotation", "trait", "record",
                      "STRUCT", "UNION", "CLASS", "INTERFACE", "ENUM", "TRAIT"],
    "macros": ["macro", "MACRO"],
    "typedefs/aliases": ["typedef", "alias", "talias", "type", "TYPEDEF", "TYPE"],
    "enumerators": ["enumerator", "enumConstant", "ENUMERATOR"],
    "fields/members": ["field", "member", "property", "anonMember", "event", "FIELD"],
    "namespaces/modules": ["namespace", "module", "NAMESPACE", "MODULE"],
    "packages": ["package", "packageName"],
    "variables/constants": ["variable", "constant", "const", "var", "CONSTANT"],
    "rust impl blocks": ["implementation"],
    # C++ member declarations whose body is elsewhere: ctags has the kind but leaves it off by default
    "prototypes (off in ctags)": ["prototype", "PROTOTYPE"],
    "imports (references)": ["header", "unknown"],
}
# per language exceptions: ctags' Python "member" is a method, its "namespace" an import alias
LANG_FAMILY = {("Python", "member"): "functions/methods", ("Python", "namespace"): "imports (references)",
               ("Python", "module"): "imports (references)"}
KIND_TO_FAMILY = {k: fam for fam, kinds in FAMILY.items() for k in kinds}
AIRLOCK_LANG = {"C": "C", "CPP": "C++", "JAVA": "Java", "CSHARP": "C#", "JAVASCRIPT": "JavaScript",
                "TYPESCRIPT": "TypeScript", "GO": "Go", "RUST": "Rust", "PYTHON": "Python", "SHELL": "Sh",
                "MAKE": "Make", "PLAIN": "Text"}

__doc__ += "\n".join("  %-22s %s" % (f, ", ".join(k)) for f, k in FAMILY.items()) + \
    "\n  Python: ctags 'member' = functions/methods; 'namespace', 'module' = imports (references)\n"


LEXED = {"C", "C++", "Java", "C#", "JavaScript", "TypeScript", "Go", "Rust", "Python", "Sh"}
ANONYMOUS = re.compile(r"^(Anonymous(Function|Class|Object)|__anon)[0-9a-f]+$")


def family(lang, kind):
    return LANG_FAMILY.get((lang, kind)) or KIND_TO_FAMILY.get(kind, kind)


def varint(blob, pos):
    v = shift = 0
    while True:
        b = blob[pos]
        pos += 1
        v |= (b & 0x7F) << shift
        if b & 0x80 == 0:
            return v, pos
        shift += 7


def here():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_index(folder, db):
    root = here()
    cp_file = os.path.join(os.path.dirname(db), "classpath.txt")
    subprocess.run(["mvn", "-B", "-o", "-q", "dependency:build-classpath", "-Dmdep.outputFile=" + cp_file],
                   cwd=root, check=True)
    with open(cp_file) as f:
        cp = os.path.join(root, "target", "classes") + ":" + os.path.join(root, "target", "test-classes") + ":" + \
            f.read().strip()
    t = time.time()
    out = subprocess.run(["java", "-Xmx2g", "-cp", cp, "airlock.bench.IndexFolder", folder, db],
                         check=True, capture_output=True, text=True).stdout
    return out.strip().replace("\n", ", ") + ", wall %.1f s" % (time.time() - t)


def run_ctags(folder, out, h_lang):
    args = ["ctags", "-R", "--fields=+nKzle", "--output-format=json", "--guess-language-eagerly", "-f", out]
    if h_lang == "C":
        args += ["--langmap=C:+.h"]
    if os.path.exists(out):
        os.remove(out)  # ctags refuses to overwrite a file that does not look like its own tags format
    subprocess.run(args + ["."], cwd=folder, check=True, stderr=subprocess.DEVNULL)
    tags = []
    with open(out, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                j = json.loads(line)
            except ValueError:
                continue
            if j.get("_type") != "tag" or "line" not in j:
                continue
            path = j["path"][2:] if j["path"].startswith("./") else j["path"]
            if ANONYMOUS.match(j["name"]) or j["name"].startswith("["):
                continue  # names ctags makes up for anonymous functions, computed keys: nothing to look up
            tags.append((path, j["name"], j["line"], j.get("kind", "?"), j.get("language", "?"), j.get("end", 0)))
    return tags


def index_files():
    """bench/symbols-dump.py's readers of the reference and definition files (RefsFile, DefEntries)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("symbols_dump", os.path.join(here(), "bench", "symbols-dump.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_airlock(db):
    """The index's files, languages and definitions: from the definition file (defs_format 1, since 6 Dec
    2026) or the defs table of older indexes."""
    c = sqlite3.connect(db)
    paths = dict(c.execute("SELECT id, path FROM files"))
    langs = {paths[i]: AIRLOCK_LANG.get(l, l) for i, l in c.execute("SELECT id, lang FROM files")}
    meta = dict(c.execute("SELECT key, value FROM meta"))
    if meta.get("defs_format") == "1":
        dump = index_files()
        names = dict(c.execute("SELECT id, name FROM names"))
        defs = []
        for name_id, count, blob in dump.refs_file(db + ".defs", meta, "defs"):
            entries, _ = dump.def_entries(blob, 0, count)
            defs.extend((paths[f], names[name_id], line, kind) for f, kind, line, _, _, _, _ in entries)
    else:
        defs = [(paths[f], n, line, kind) for n, f, kind, line in c.execute(
            "SELECT names.name, file_id, kind, line FROM defs JOIN names ON names.id = defs.name_id")]
    return c, paths, langs, defs


def airlock_refs(c, db, paths, wanted):
    """(path, line) of every reference of each wanted name: from the reference file (refs_format 1, since
    5 Dec 2026, evening; one scan for all the names) or the refs table of older indexes."""
    meta = dict(c.execute("SELECT key, value FROM meta"))
    ids = {}
    for i, n in c.execute("SELECT id, name FROM names WHERE name IN (%s)" % ",".join("?" * len(wanted)), wanted):
        ids[i] = n
    blobs = {n: [] for n in wanted}
    if meta.get("refs_format") == "1":
        for name_id, _count, blob in index_files().refs_file(db + ".refs", meta, "refs"):
            if name_id in ids:
                blobs[ids[name_id]].append(blob)
    else:
        for i, blob in c.execute("SELECT name_id, positions FROM refs"):
            if i in ids:
                blobs[ids[i]].append(blob)
    return {n: positions(paths, b) for n, b in blobs.items()}


def positions(paths, blobs):
    out = set()
    for blob in blobs:
        pos = 0
        while pos < len(blob):
            f, pos = varint(blob, pos)
            n, pos = varint(blob, pos)
            line = 0
            for _ in range(n):
                d, pos = varint(blob, pos)
                _, pos = varint(blob, pos)
                _, pos = varint(blob, pos)
                line += d
                out.add((paths[f], line))
    return out


def source_line(folder, path, line, cache={}):
    if path not in cache:
        try:
            with open(os.path.join(folder, path), encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().split("\n")
        except OSError:
            cache[path] = []
    lines = cache[path]
    s = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return s[:110]


def pct(a, b):
    return "%.1f" % (100.0 * a / b) if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--work", default="/tmp/airlock-nav-accuracy")
    ap.add_argument("--h-lang", default="C", choices=["C", "C++"])
    ap.add_argument("--refs", type=int, default=0)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--refs-lang")
    ap.add_argument("--samples", type=int, default=8)
    ap.add_argument("--all-languages", action="store_true",
                    help="also list languages Airlock does not lex (Markdown, JSON, HTML, Make...)")
    ap.add_argument("--no-build", action="store_true", help="reuse the Airlock index WORK/index.sqlite")
    a = ap.parse_args()
    folder = os.path.abspath(a.folder)
    if not os.path.isdir(folder):
        print("not a folder: " + a.folder, file=sys.stderr)
        sys.exit(2)
    os.makedirs(a.work, exist_ok=True)
    db = os.path.join(a.work, "index.sqlite")
    tags_file = os.path.join(a.work, "tags.json")
    print("folder: %s; load at start: %s" % (folder, open("/proc/loadavg").read().strip()))
    if not a.no_build:
        print("airlock index: " + build_index(folder, db))
    t = time.time()
    ctags = run_ctags(folder, tags_file, a.h_lang)
    print("ctags: %d tags in %.1f s (.h as %s)" % (len(ctags), time.time() - t, a.h_lang))
    c, paths, airlock_lang, defs = read_airlock(db)
    file_lang = dict(airlock_lang)
    for path, _, _, _, lang, _ in ctags:
        file_lang[path] = lang
    ckeys = {(p, n, l) for p, n, l, _, _, _ in ctags}
    akeys = {(p, n, l) for p, n, l, _ in defs}
    recall = collections.defaultdict(lambda: [0, 0])
    precision = collections.defaultdict(lambda: [0, 0])
    misses = collections.defaultdict(list)
    extras = collections.defaultdict(list)
    seen = set()
    for p, n, l, kind, lang, _ in ctags:
        if (p, n, l, kind) in seen:
            continue
        seen.add((p, n, l, kind))
        key = (lang, family(lang, kind))
        recall[key][1] += 1
        if (p, n, l) in akeys:
            recall[key][0] += 1
        else:
            misses[key].append((p, l, n, kind))
    bodies = collections.defaultdict(list)  # path -> (first, last) lines of ctags' function bodies
    for p, n, l, kind, lang, end in ctags:
        if end > l and family(lang, kind) == "functions/methods":
            bodies[p].append((l, end))
    in_body = collections.Counter()
    for p, n, l, kind in defs:
        lang = file_lang.get(p, "?")
        key = (lang, family(lang, kind))
        precision[key][1] += 1
        if (p, n, l) in ckeys:
            precision[key][0] += 1
        else:
            if any(a < l <= b for a, b in bodies.get(p, ())):
                in_body[key] += 1
                kind += ", in a body"
            extras[key].append((p, l, n, kind))
    print()
    print("| language | kind family | ctags tags | recall % | airlock defs | precision % | extras in a body | "
          "precision % without them |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for key in sorted(set(recall) | set(precision)):
        if key[0] not in LEXED and not a.all_languages:
            continue
        r = recall.get(key, [0, 0])
        pr = precision.get(key, [0, 0])
        print("| %s | %s | %d | %s | %d | %s | %d | %s |" % (key[0], key[1], r[1], pct(*r), pr[1], pct(*pr),
                                                         in_body[key], pct(pr[0], pr[1] - in_body[key])))
    print("(extras in a body: Airlock definitions inside the body of a function or method ctags tagged - local\n"
          " and anonymous classes, nested functions - which ctags does not tag for that language)")
    rnd = random.Random(a.seed)
    for title, table, out in (("misses (ctags has, Airlock not)", misses, "misses.tsv"),
                              ("extras (Airlock has, ctags not)", extras, "extras.tsv")):
        with open(os.path.join(a.work, out), "w") as f:
            for key in sorted(table):
                for p, l, n, kind in sorted(table[key]):
                    f.write("%s\t%s\t%s\t%d\t%s\t%s\n" % (key[0], key[1], p, l, n, kind))
        print("\n%s, %d random samples per family (all in %s):" % (title, a.samples, os.path.join(a.work, out)))
        for key in sorted(table):
            if key[0] not in LEXED and not a.all_languages:
                continue
            rows = table[key]
            print("  %s / %s: %d" % (key[0], key[1], len(rows)))
            for p, l, n, kind in sorted(rnd.sample(rows, min(a.samples, len(rows)))):
                print("    %s:%d %s (%s)  %s" % (p, l, n, kind, source_line(folder, p, l)))
    if a.refs > 0:
        compare_refs(a, folder, ctags, c, db, paths, rnd)


def compare_refs(a, folder, ctags, c, db, paths, rnd):
    gt = os.path.join(a.work, "gtags")
    os.makedirs(gt, exist_ok=True)
    for f in ("GTAGS", "GRTAGS", "GPATH"):
        if os.path.exists(os.path.join(gt, f)):
            os.remove(os.path.join(gt, f))
    t = time.time()
    subprocess.run(["gtags", gt], cwd=folder, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, GTAGSROOT=folder, GTAGSDBPATH=gt)
    gfiles = set(subprocess.run(["global", "-P", ""], cwd=folder, env=env, capture_output=True, text=True,
                                check=True).stdout.split("\n"))
    langs = collections.Counter(lang for _, _, _, _, lang, _ in ctags)
    lang = a.refs_lang or langs.most_common(1)[0][0]
    names = sorted({n for _, n, _, kind, l, _ in ctags if l == lang and family(l, kind) == "functions/methods"})
    picked = sorted(rnd.sample(names, min(a.refs, len(names))))
    same = 0
    diffs = []
    airlock = airlock_refs(c, db, paths, picked)
    for name in picked:
        out = subprocess.run(["global", "-rx", name], cwd=folder, env=env, capture_output=True, text=True,
                             errors="replace").stdout
        g = set()
        for line in out.split("\n"):
            parts = line.split(None, 3)
            if len(parts) >= 3 and parts[0] == name:
                g.add((parts[2][2:] if parts[2].startswith("./") else parts[2], int(parts[1])))
        al = {(p, l) for p, l in airlock[name] if p in gfiles}
        if g == al:
            same += 1
        else:
            diffs.append((name, len(g), len(al), sorted(g - al), sorted(al - g)))
    print("\nreferences: %d %s function names (seed %d), gtags %.1f s: %d of %d line sets identical to global -rx"
          % (len(picked), lang, a.seed, time.time() - t, same, len(picked)))
    with open(os.path.join(a.work, "refs-diff.tsv"), "w") as f:
        for name, ng, na, only_g, only_a in diffs:
            for p, l in only_g:
                f.write("%s\tglobal-only\t%s\t%d\t%s\n" % (name, p, l, source_line(folder, p, l)))
            for p, l in only_a:
                f.write("%s\tairlock-only\t%s\t%d\t%s\n" % (name, p, l, source_line(folder, p, l)))
    for name, ng, na, only_g, only_a in diffs:
        print("  %s: global %d lines, airlock %d" % (name, ng, na))
        for p, l in only_g[:3]:
            print("    global only  %s:%d  %s" % (p, l, source_line(folder, p, l)))
        for p, l in only_a[:3]:
            print("    airlock only %s:%d  %s" % (p, l, source_line(folder, p, l)))


if __name__ == "__main__":
    main()
