#!/usr/bin/env python3
"""The reference matcher for conflictmap-bench's extraction section.

    python3 scripts/bench/flashtext_bench.py NAMES.txt CORPUS.txt [PASSES]

NAMES.txt: one gazetteer name per line (UTF-8). CORPUS.txt: the benchmark corpus, UTF-8,
reports separated by a form feed (U+000C) on a line of its own. Builds a case-insensitive
flashtext KeywordProcessor with every name, then times only `extract_keywords` over each
report in turn (as conflictmap reads report by report), PASSES times (default 1), and
prints one JSON line with the best pass:
{"tool", "names", "bytes", "reports", "build_s", "seconds", "mb_per_s", "matches"}.
MB = 10^6 bytes of UTF-8 text.
"""
import json
import sys
import time

from flashtext import KeywordProcessor


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    names_path, corpus_path = sys.argv[1], sys.argv[2]
    passes = max(1, int(sys.argv[3])) if len(sys.argv) == 4 else 1
    with open(names_path, encoding="utf-8") as f:
        names = [line.rstrip("\n") for line in f]
    names = [n for n in names if n.strip()]
    with open(corpus_path, "rb") as f:
        raw = f.read()
    size = len(raw)
    reports = raw.decode("utf-8").split("\n\f\n")
    del raw

    t0 = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=False)
    for name in names:
        kp.add_keyword(name)
    build = time.perf_counter() - t0

    seconds = float("inf")
    for _ in range(passes):
        matches = 0
        t0 = time.perf_counter()
        for text in reports:
            matches += len(kp.extract_keywords(text))
        seconds = min(seconds, time.perf_counter() - t0)

    print(json.dumps({
        "tool": "flashtext",
        "names": len(names),
        "bytes": size,
        "reports": len(reports),
        "build_s": round(build, 3),
        "seconds": round(seconds, 3),
        "mb_per_s": round(size / 1e6 / seconds, 3),
        "matches": matches,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
