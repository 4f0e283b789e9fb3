#!/usr/bin/env python3
"""Reference tables for GeodesicReferenceTests, from Python geographiclib.

geographiclib is Karney's own implementation in pure Python, independent of the
C code in PROJ that Geodesy wraps. The Swift tests read the files this script
writes; they never run Python.

Regenerate (only when adding cases; the output is deterministic):

    pip install geographiclib          # tables were made with geographiclib 2.1
    cd Tests/GeographyTests/Fixtures
    python3 make_geodesic_reference.py

Writes, next to this script:
  geodesic_reference.tsv  inverse problem: lat1 lon1 lat2 lon2 s12 azi1 azi2 case
  geodesic_direct.tsv     direct problem:  lat1 lon1 azi1 s12 lat2 lon2 azi2 case
  geodesic_polygons.tsv   polygon area:    case area perimeter rings
                          rings: "lat lon;lat lon;..." per ring, rings joined by
                          " | "; the first ring is the exterior, the rest holes.
                          area = |exterior| - sum |hole|, perimeter of the
                          exterior only (geographiclib PolygonArea, geodesic edges).

`case` names the kind of row. Rows of kind coincident, antipodal and pole have
ill-defined azimuths; the tests compare only their distances.
Numbers are written with repr(), which round-trips a double exactly.
"""

import os
import random

from geographiclib.geodesic import Geodesic
from geographiclib.polygonarea import PolygonArea

G = Geodesic.WGS84
HERE = os.path.dirname(os.path.abspath(__file__))

PLACES = {
    "deir_ez_zor": (35.33588, 40.14084),
    "raqqa": (35.95283, 39.00788),
    "abu_kamal": (34.45226, 40.91854),
    "mayadin": (35.01982, 40.45154),
    "tanf": (33.50583, 38.61778),
    "hasakah": (36.50237, 40.74772),
}


def inverse_cases():
    rows = []

    def add(kind, lat1, lon1, lat2, lon2):
        rows.append((kind, lat1, lon1, lat2, lon2))

    rng = random.Random(7946)
    for _ in range(360):
        add("random", rng.uniform(-90, 90), rng.uniform(-180, 180),
            rng.uniform(-90, 90), rng.uniform(-180, 180))
    # Short regional pairs: the distances the CLI reports most.
    for _ in range(40):
        add("regional", rng.uniform(32, 37.5), rng.uniform(35.5, 42.5),
            rng.uniform(32, 37.5), rng.uniform(35.5, 42.5))

    names = sorted(PLACES)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            add("places", *PLACES[a], *PLACES[b])

    # Antipodal: every meridian (or a whole family of geodesics) is shortest.
    add("antipodal", 0, 0, 0, 180)
    add("antipodal", 30, 0, -30, 180)
    add("antipodal", -45, 60, 45, -120)
    add("antipodal", 90, 0, -90, 0)
    # Nearly antipodal: unique but very sensitive; the hard case for Vincenty.
    add("near_antipodal", 0, 0, 0.5, 179.5)
    add("near_antipodal", 0, 0, 0, 179.5)
    add("near_antipodal", 0, 0, 0, 179.9)
    add("near_antipodal", 0, 0, 0.1, 179.9)
    add("near_antipodal", 30, 0, -29.9, 179.8)
    add("near_antipodal", -30.12345, 0, 30.12344, 179.99)
    add("near_antipodal", 35.33588, 40.14084, -35.3, -139.9)
    # Poles: the azimuth at a pole depends only on a longitude convention.
    add("pole", 89.9999, 10, 90, 0)
    add("pole", 89.9999, 10, 90, 77)
    add("pole", -89.9999, -170, -90, 0)
    add("pole", 90, 0, 90, 120)
    add("pole", 90, 0, 0, 0)
    add("pole", -90, 45, 35.33588, 40.14084)
    add("near_pole", 89.5, 0, 89.5, 180)
    add("near_pole", -89.9, -90, -89.9, 90)
    # Across the antimeridian.
    add("antimeridian", 10, 179.9, 10, -179.9)
    add("antimeridian", -40, -179.999, -40.001, 179.999)
    add("antimeridian", 0, 180, 0, -180)
    add("antimeridian", 65, 170, 66, -170)
    # Coincident points: distance 0, azimuth undefined.
    add("coincident", 35.33588, 40.14084, 35.33588, 40.14084)
    add("coincident", 0, 0, 0, 0)
    add("coincident", -12.5, -77.25, -12.5, -77.25)
    # Equatorial pairs.
    for lon2 in (0.001, 1, 45, 90, 120, 170, 179):
        add("equatorial", 0, 0, 0, lon2)
    add("equatorial", 0, -100, 0, 60)
    # Tiny distances: about 1 mm and 1 m.
    add("tiny", 35.33588, 40.14084, 35.33588 + 9e-9, 40.14084)
    add("tiny", 35.33588, 40.14084, 35.33588, 40.14084 + 1.1e-8)
    add("tiny", 35.33588, 40.14084, 35.33588 + 9e-6, 40.14084)
    add("tiny", 35.33588, 40.14084, 35.33588, 40.14084 + 1.1e-5)
    add("tiny", 0, 0, 0, 9e-9)
    add("tiny", -60, 100, -60.000009, 100.000009)
    # Long meridional arcs.
    add("meridional", -80, 30, 80, 30)
    add("meridional", 0, 40, 89, 40)
    add("meridional", -89.99, -10, 89.99, -10)
    add("meridional", 33.5, 38.6, 36.5, 38.6)
    return rows


def direct_cases():
    rows = []

    def add(kind, lat1, lon1, azi1, s12):
        rows.append((kind, lat1, lon1, azi1, s12))

    rng = random.Random(1984)
    for _ in range(120):
        add("random", rng.uniform(-89, 89), rng.uniform(-180, 180),
            rng.uniform(-180, 180), rng.uniform(0, 19_000_000))
    for name in sorted(PLACES):
        lat, lon = PLACES[name]
        for azi in (0, 45, 90, 135, 180, -135, -90, -45):
            add("places", lat, lon, azi, 25_000)
    add("zero", 35.33588, 40.14084, 30, 0)
    add("tiny", 35.33588, 40.14084, 30, 0.001)
    add("tiny", 35.33588, 40.14084, 210, 1)
    add("equatorial", 0, 0, 90, 10_000_000)
    add("equatorial", 0, 170, 90, 2_000_000)  # crosses the antimeridian
    add("meridional", 0, 40, 0, 10_001_965.729)  # about to the north pole
    add("meridional", -10, 40, 180, 5_000_000)
    add("long", 35.33588, 40.14084, 60, 20_003_000)
    add("long", 35.33588, 40.14084, 60, 30_000_000)  # past the antipode
    add("antimeridian", 10, 179.9, 90, 25_000)
    return rows


def ring_area(ring):
    """Absolute area and perimeter of one closed ring given as (lat, lon) pairs."""
    poly = PolygonArea(G)
    pts = ring[:-1] if ring[0] == ring[-1] else ring
    for lat, lon in pts:
        poly.AddPoint(lat, lon)
    _, perimeter, area = poly.Compute(False, True)
    return abs(area), perimeter


def polygon_cases():
    cases = []
    square = [(35, 40), (35, 41), (36, 41), (36, 40), (35, 40)]
    cases.append(("square_1deg_deir_ez_zor", [square]))
    cases.append(("square_1deg_clockwise", [list(reversed(square))]))
    triangle = [PLACES["raqqa"], PLACES["deir_ez_zor"], PLACES["hasakah"]]
    cases.append(("triangle_raqqa_deir_hasakah_open", [triangle]))
    cases.append(("triangle_clockwise_closed", [list(reversed(triangle)) + [triangle[-1]]]))
    outer = [(34, 39), (34, 42), (37, 42), (37, 39), (34, 39)]
    hole = [(35, 40), (36, 40), (36, 41), (35, 41), (35, 40)]
    cases.append(("square_with_hole", [outer, hole]))
    cases.append(("square_with_hole_same_winding", [outer, list(reversed(hole))]))
    # A rough, simplified outline of Syria (this ring encloses about 220,000 km2;
    # the real country is about 185,000 km2), clockwise from the coast.
    syria = [
        (35.92, 35.92), (36.82, 36.66), (36.64, 37.38), (36.82, 38.17),
        (36.70, 38.72), (36.90, 39.52), (37.07, 40.67), (37.11, 42.35),
        (36.43, 41.29), (35.63, 41.38), (34.42, 41.00), (33.37, 40.99),
        (32.31, 39.20), (32.70, 36.84), (32.31, 36.41), (32.69, 35.72),
        (33.27, 35.82), (33.91, 36.61), (34.64, 35.97), (35.92, 35.92),
    ]
    cases.append(("syria_outline", [syria]))
    cases.append(("octant", [[(0, 0), (0, 90), (90, 0), (0, 0)]]))
    cases.append(("thin_sliver", [[(35, 40), (35, 40.0001), (35.5, 40.0001), (35.5, 40), (35, 40)]]))
    rows = []
    for name, rings in cases:
        area, perimeter = ring_area(rings[0])
        for h in rings[1:]:
            area -= ring_area(h)[0]
        text = " | ".join(";".join(f"{lat!r} {lon!r}" for lat, lon in r) for r in rings)
        rows.append((name, area, perimeter, text))
    return rows


def write(name, header, lines):
    with open(os.path.join(HERE, name), "w", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for line in lines:
            f.write("\t".join(line) + "\n")


def main():
    inv = []
    for kind, lat1, lon1, lat2, lon2 in inverse_cases():
        r = G.Inverse(lat1, lon1, lat2, lon2)
        inv.append([repr(float(v)) for v in (lat1, lon1, lat2, lon2, r["s12"], r["azi1"], r["azi2"])] + [kind])
    write("geodesic_reference.tsv", ["lat1", "lon1", "lat2", "lon2", "s12", "azi1", "azi2", "case"], inv)

    direct = []
    for kind, lat1, lon1, azi1, s12 in direct_cases():
        r = G.Direct(lat1, lon1, azi1, s12)
        direct.append([repr(float(v)) for v in (lat1, lon1, azi1, s12, r["lat2"], r["lon2"], r["azi2"])] + [kind])
    write("geodesic_direct.tsv", ["lat1", "lon1", "azi1", "s12", "lat2", "lon2", "azi2", "case"], direct)

    polys = [[name, repr(area), repr(perimeter), text] for name, area, perimeter, text in polygon_cases()]
    write("geodesic_polygons.tsv", ["case", "area", "perimeter", "rings"], polys)


if __name__ == "__main__":
    main()
