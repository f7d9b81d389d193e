#!/bin/sh
# C/C++ extractor accuracy against universal-ctags 5.9 (issue 21), and extraction CPU A/B.
# Usage: bench/cc-accuracy/run.sh <scratch-dir>   (after `mvn -o -DskipTests package`)
# The quick tool of the C/C++ helper; the general comparison tool of issue 21 lives beside it in bench/.
set -e
S=${1:?scratch dir}; R=$(cd "$(dirname "$0")/../.." && pwd); B=$R/bench/cc-accuracy
mkdir -p "$S/h"; cp "$B/cmp.py" "$B/classify.py" "$S/"
sed "s#/work/scratch/h21cc/cmp_load.py#$S/cmp_load.py#" "$B/classify.py" > "$S/classify.py"
python3 - "$S" <<'PY'
import sys
S = sys.argv[1]; s = open(S + '/cmp.py').read(); i = s.index("print(f\"{'family'"); head = s[:i]
body = head[head.index("CFAM"):]
open(S + '/cmp_load.py', 'w').write("import collections, re\ndef load(ctf, ours, mode):\n" + ''.join('    ' + l + '\n' for l in body.split('\n')) + "    return ct, us\n")
PY
javac -cp "$R/target/classes" -d "$S/h" "$B/Harness.java"
O="--excmd=number --fields=+nKZ --extras=-fq"
K=/work/corpora/linux-source-6.1; G=$S/glibc-2.36; C=/usr/include/c++/12
[ -d "$G" ] || tar -xJf /work/corpora/glibc-2.36.tar.xz -C "$S"
(cd $K && ctags -R --langmap=C:+.h --languages=C --kinds-C=defgstu -f "$S/kernel.ctags" $O kernel mm fs/ext4 net/ipv4 include/linux)
(cd "$G" && ctags -R --langmap=C:+.h --languages=C --kinds-C=defgstu -f "$S/glibc.ctags" $O string stdlib malloc include)
(cd $C && ctags -R --language-force=C++ --kinds-C++=cdefgnstu -f "$S/cpp.ctags" $O .)
H="java -cp $R/target/classes:$S/h Harness"
$H "$S/kernel.tsv" $K 1 kernel mm fs/ext4 net/ipv4 include/linux
$H "$S/glibc.tsv" "$G" 1 string stdlib malloc include
$H "$S/cpp.tsv" $C 1 .
cat /proc/loadavg
python3 "$S/classify.py" "$S/kernel.ctags" "$S/kernel.tsv" c $K 3
python3 "$S/classify.py" "$S/glibc.ctags" "$S/glibc.tsv" c "$G" 3
python3 "$S/classify.py" "$S/cpp.ctags" "$S/cpp.tsv" cpp $C 3
