import sys, re, collections
# classify.py ctags ours mode base family
ctf, ours, mode, base = sys.argv[1:5]
NS = int(sys.argv[5]) if len(sys.argv) > 5 else 3
exec(open('/work/scratch/h21cc/cmp_load.py').read())
ct, us = load(ctf, ours, mode)
cache = {}
def lines(p):
    if p not in cache:
        cache[p] = open(base + '/' + p, errors='replace').read().split('\n')
    return cache[p]
def branch(p, ln):
    """'else' if line ln is inside an #else/#elif branch, 'if0' if inside #if 0, else ''"""
    st = []
    for i, l in enumerate(lines(p)[:ln-1]):
        m = re.match(r'\s*#\s*(\w+)(.*)', l)
        if not m: continue
        d = m.group(1)
        if d in ('if', 'ifdef', 'ifndef'): st.append('if0' if d == 'if' and m.group(2).strip().startswith('0') else 'if')
        elif d in ('else', 'elif') and st: st[-1] = 'else'
        elif d == 'endif' and st: st.pop()
    if 'if0' in st: return 'if0'
    return 'else' if 'else' in st else ''
def after_paren(p, ln, name):
    text = '\n'.join(lines(p)[ln-1:ln+40])
    i = text.find(name)
    if i < 0: return '?'
    j = text.find('(', i)
    if j < 0: return '?'
    d = 0
    for k in range(j, len(text)):
        if text[k] == '(': d += 1
        elif text[k] == ')':
            d -= 1
            if d == 0:
                rest = re.sub(r'/\*.*?\*/', ' ', text[k+1:], flags=re.S).lstrip()
                return rest[:1]
    return '?'
def run(fam_want, a, b):
    cats = collections.Counter(); ex = collections.defaultdict(list)
    for (n, p, ln) in sorted(a - b):
        br = branch(p, ln)
        if br == 'if0': c = 'miss: in #if 0 (dead code, skipped on purpose)'
        elif any(e[1] == p and e[2] == ln for e in b - a): c = 'miss*: ctags tags the wrapper macro (__NTH (f (...)))'
        elif after_paren(p, ln, n) not in ('{',) and fam_want in ('function',): c = 'miss*: ctags tags a macro invocation (no body follows)'
        else: c = 'miss: other'
        cats[c] += 1; ex[c].append(f'{p}:{ln} {n}')
    missed = collections.defaultdict(list)
    for (n, p, ln) in a - b: missed[p].append((ln, n))
    for (n, p, ln) in sorted(b - a):
        br = branch(p, ln)
        near = [m for m in missed[p] if ln - 40 <= m[0] <= ln]
        if br == 'else': c = 'extra*: in an #else/#elif branch (ctags reads the first branch only)'
        elif any(m[0] == ln for m in near): c = 'extra*: wrapped name, ctags tags the wrapper macro'
        elif near: c = 'extra*: ctags took a macro invocation (<=40 lines before) for the function and lost this one'
        else: c = 'extra: other'
        cats[c] += 1; ex[c].append(f'{p}:{ln} {n}')
    for c, k in sorted(cats.items()):
        print(f'{k:6} {c}')
        for e in ex[c][:NS]: print('         ', e)
    
    cm = sum(k for c, k in cats.items() if c.startswith('miss*')); ce = sum(k for c, k in cats.items() if c.startswith('extra*'))
    both = len(a & b)
    P = 100.0 * both / max(1, len(b) - ce); R = 100.0 * both / max(1, len(a) - cm)
    return f"| {fam_want} | {len(a)} | {len(b)} | {both} | {100.0*both/max(1,len(b)):.2f} | {100.0*both/max(1,len(a)):.2f} | {cm} | {ce} | {P:.2f} | {R:.2f} |"
rows = []
for fam in sorted(set(ct) | set(us)):
    print('==', fam)
    rows.append(run(fam, ct[fam], us[fam]))
print("| family | ctags | Airlock | both | P % | R % | ctags-error misses | ctags-error extras | P % after | R % after |")
print("|---|---|---|---|---|---|---|---|---|---|")
for r in rows: print(r)
