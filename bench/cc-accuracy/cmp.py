import sys, re, collections, random
# usage: cmp.py ctags_file ours_tsv mode(c|cpp) [samples]
ctf, ours, mode = sys.argv[1], sys.argv[2], sys.argv[3]
nsamp = int(sys.argv[4]) if len(sys.argv) > 4 else 0
CFAM = {'function':'function','macro':'macro','struct':'struct','union':'union','enum':'enum','enumerator':'enumerator','typedef':'typedef','class':'class','namespace':'namespace'}
if mode == 'c':
    fam_ct = {'function':'function','macro':'macro','struct':'struct','union':'union','enum':'enum','enumerator':'enumerator','typedef':'typedef'}
    fam_us = {'FUNCTION':'function','METHOD':'function','MACRO':'macro','STRUCT':'struct','UNION':'union','ENUM':'enum','ENUMERATOR':'enumerator','TYPEDEF':'typedef','CLASS':'struct','NAMESPACE':'namespace'}
else:
    # families: class (class+struct+union), function, namespace, alias(typedef), enum, enumerator, macro
    fam_ct = {'function':'function','macro':'macro','struct':'class','class':'class','union':'class','enum':'enum','enumerator':'enumerator','typedef':'alias','namespace':'namespace'}
    fam_us = {'FUNCTION':'function','METHOD':'function','MACRO':'macro','STRUCT':'class','UNION':'class','CLASS':'class','ENUM':'enum','ENUMERATOR':'enumerator','TYPEDEF':'alias','TYPE':'alias','NAMESPACE':'namespace'}
ct = collections.defaultdict(set)
for l in open(ctf, errors='replace'):
    if l.startswith('!'): continue
    p = l.rstrip('\n').split('\t')
    name, path = p[0], p[1]
    kind = None; line = None
    for f in p[3:]:
        if f.startswith('kind:'): kind = f[5:]
        elif ':' not in f and kind is None: kind = f
        elif f.startswith('line:'): line = int(f[5:])
    if kind not in fam_ct: continue
    if re.match(r'__anon[0-9a-f]{8}', name): continue
    if path.startswith('./'): path = path[2:]
    ct[fam_ct[kind]].add((name, path, line))
us = collections.defaultdict(set)
for l in open(ours, errors='replace'):
    p = l.rstrip('\n').split('\t')
    if len(p) < 4 or p[3] not in fam_us: continue
    if mode == 'c' and not (p[1].endswith('.c') or p[1].endswith('.h')): continue
    us[fam_us[p[3]]].add((p[0], p[1], int(p[2])))
print(f"{'family':12} {'ctags':>7} {'ours':>7} {'both':>7} {'P%':>7} {'R%':>7}")
for fam in sorted(set(ct)|set(us)):
    a, b = ct[fam], us[fam]; both = len(a & b)
    P = 100.0*both/len(b) if b else float('nan'); R = 100.0*both/len(a) if a else float('nan')
    print(f"{fam:12} {len(a):7} {len(b):7} {both:7} {P:7.2f} {R:7.2f}")
    if nsamp:
        rnd = random.Random(1)
        miss = sorted(a-b); extra = sorted(b-a)
        for x in rnd.sample(miss, min(nsamp, len(miss))): print('   miss ', *x)
        for x in rnd.sample(extra, min(nsamp, len(extra))): print('   extra', *x)
