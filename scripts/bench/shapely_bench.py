#!/usr/bin/env python3
"""The reference classifier for conflictmap-bench's zones section.

    python3 scripts/bench/shapely_bench.py ZONES.geojson POINTS.f64 OURS.i32

ZONES.geojson: a FeatureCollection of (Multi)Polygon zones, each with a "faction"
property, in the order conflictmap classifies against (a point gets the first zone that
has it). POINTS.f64: little-endian float64 pairs lon, lat. OURS.i32: conflictmap's answer
per point as little-endian int32, the zone's index or -1 for none.

Prepares every zone (shapely.prepare), then times only the vectorised
`shapely.contains_xy(zone, x, y)` over all points, zone by zone, keeping the first zone
that contains each point: RUNS times, reporting the median ("seconds") and the first run
("first_s", which includes GEOS building each prepared zone's index on first use).
Prints one JSON line:
{"tool", "shapely", "geos", "points", "zones", "runs", "prepare_s", "first_s", "seconds",
 "points_per_s", "mismatches", "mismatch_examples"}.
A mismatch is a point the two assign to different zones; only points on a zone boundary
may legitimately differ (contains_xy is false on the boundary).
"""
import json
import statistics
import sys
import time

import numpy as np
import shapely


RUNS = 5


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    zones_path, points_path, ours_path = sys.argv[1:]
    with open(zones_path, encoding="utf-8") as f:
        collection = json.load(f)
    zones = [shapely.geometry.shape(feature["geometry"]) for feature in collection["features"]]
    xy = np.fromfile(points_path, dtype="<f8").reshape(-1, 2)
    x = np.ascontiguousarray(xy[:, 0])
    y = np.ascontiguousarray(xy[:, 1])
    ours = np.fromfile(ours_path, dtype="<i4")

    t0 = time.perf_counter()
    for zone in zones:
        shapely.prepare(zone)
    prepare = time.perf_counter() - t0

    times = []
    for _ in range(RUNS):
        answer = np.full(len(x), -1, dtype=np.int32)
        t0 = time.perf_counter()
        for k, zone in enumerate(zones):
            inside = shapely.contains_xy(zone, x, y)
            answer[(answer < 0) & inside] = k
        times.append(time.perf_counter() - t0)
    seconds = statistics.median(times)

    differ = np.nonzero(answer != ours)[0]
    print(json.dumps({
        "tool": "shapely.contains_xy",
        "shapely": shapely.__version__,
        "geos": ".".join(map(str, shapely.geos_version)),
        "points": int(len(x)),
        "zones": len(zones),
        "runs": RUNS,
        "prepare_s": round(prepare, 4),
        "first_s": round(times[0], 4),
        "seconds": round(seconds, 4),
        "points_per_s": round(len(x) / seconds),
        "mismatches": int(len(differ)),
        "mismatch_examples": [[float(x[i]), float(y[i]), int(ours[i]), int(answer[i])] for i in differ[:5]],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
