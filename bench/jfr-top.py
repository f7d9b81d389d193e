#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went (issue 20, ready-bench): reads
`jfr print --events jdk.ExecutionSample --stack-depth 40 FILE` on stdin and prints the share of samples
by thread group, by the first airlock.* frame (the product code that asked for the work) and by the
top frame (where the CPU was), each with the top entries.

  jfr print --events jdk.ExecutionSample --stack-depth 40 x.jfr | python3 bench/jfr-top.py [TOP]
"""
import collections
import re
import sys

def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    threads, owners, frames, pairs = (collections.Counter() for _ in range(4))
    total = 0
    thread, stack = None, None
    for line in sys.stdin:
        line = line.strip()
        if line.startswith("sampledThread"):
            m = re.match(r'sampledThread = "(.*)" \(', line)
            thread = re.sub(r"[-#]?\d+$", "-N", m.group(1)) if m else "?"
        elif line.startswith("stackTrace = ["):
            stack = []
        elif line == "]" and stack is not None:
            total += 1
            frame = stack[0] if stack else "?"
            owner = next((f for f in stack if f.startswith("airlock.")), "(no airlock frame)")
            threads[thread] += 1
            owners[owner] += 1
            frames[frame] += 1
            pairs[(thread, owner)] += 1
            stack = None
        elif stack is not None and line != "...":
            stack.append(re.sub(r"\(.*", "", line))
    if not total:
        print("no samples")
        return
    for title, counter in (("thread", threads), ("first airlock frame", owners), ("top frame", frames),
                           ("thread / first airlock frame", pairs)):
        print(f"\n{title} ({total} samples)")
        for key, n in counter.most_common(top):
            name = " / ".join(key) if isinstance(key, tuple) else key
            print(f"  {100.0 * n / total:5.1f}%  {n:7d}  {name}")

if __name__ == "__main__":
    main()
