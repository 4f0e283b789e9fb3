#!/usr/bin/env python3
"""The reference geodesics for conflictmap-bench's geodesics section.

    python3 scripts/bench/geodesic_bench.py PAIRS.txt N

PAIRS.txt: one pair per line, "lat1 lon1 lat2 lon2" (the same file `geod -I` reads).
Times geographiclib's Geodesic.WGS84.Inverse (pure Python, from PyPI) over the first N
pairs, and prints one JSON line: {"tool", "pairs", "seconds", "per_s", "sum_m"}.
"""
import json
import sys
import time

from geographiclib.geodesic import Geodesic


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    n = int(sys.argv[2])
    pairs = []
    with open(sys.argv[1]) as f:
        for line in f:
            if len(pairs) >= n:
                break
            pairs.append(tuple(float(x) for x in line.split()))
    g = Geodesic.WGS84
    mask = Geodesic.DISTANCE | Geodesic.AZIMUTH
    t0 = time.perf_counter()
    total = 0.0
    for lat1, lon1, lat2, lon2 in pairs:
        total += g.Inverse(lat1, lon1, lat2, lon2, mask)["s12"]
    seconds = time.perf_counter() - t0
    print(json.dumps({"tool": "geographiclib " + __import__("geographiclib").__version__, "pairs": len(pairs),
                      "seconds": seconds, "per_s": len(pairs) / seconds, "sum_m": total}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
