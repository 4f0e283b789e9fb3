import Geodesy
import Geography
import Testing
import Topology

/// The GEOS wrapper in `Topology`: errors carry the GEOS function and message, values
/// convert both ways in lon/lat order, and C handles are owned exactly once.
/// Reference values from Shapely 2.2 (GEOS 3.14) and geographiclib 2.1, computed once
/// and pasted here; each use says which.
@Suite struct GEOSWrapperTests {
    static func c(_ latitude: Double, _ longitude: Double) -> Coordinate {
        Coordinate(latitude: latitude, longitude: longitude)
    }

    /// Planar area in square degrees by the shoelace formula, holes subtracted:
    /// independent of GEOS, so it can judge GEOS's overlay results.
    static func planarArea(_ shape: Shape) -> Double {
        func ring(_ r: [Coordinate]) -> Double {
            guard r.count > 2 else { return 0 }
            var sum = 0.0
            for i in r.indices {
                let (p, q) = (r[i], r[(i + 1) % r.count])
                sum += p.longitude * q.latitude - q.longitude * p.latitude
            }
            return abs(sum) / 2
        }
        return shape.polygons.reduce(0) { total, p in total + ring(p.exterior) - p.holes.reduce(0) { $0 + ring($1) } }
    }

    /// Two 2°×2° squares overlapping in a 1°×1° square around (36.5N, 40.5E).
    /// As WKT: POLYGON ((39 35, 41 35, 41 37, 39 37, 39 35)) and POLYGON ((40 36, 42 36, 42 38, 40 38, 40 36)).
    static let a = Shape.polygon(Polygon(exterior: [c(35, 39), c(35, 41), c(37, 41), c(37, 39), c(35, 39)]))
    static let b = Shape.polygon(Polygon(exterior: [c(36, 40), c(36, 42), c(38, 42), c(38, 40), c(36, 40)]))

    // MARK: Errors

    @Test(arguments: ["POLYGON ((0 0, 1 1", "NOT WKT", "POINT (1)", "", "LINESTRING (0 0, 1 1"])
    func invalidWKTThrowsTheReadersError(_ text: String) {
        let error = #expect(throws: GEOSError.self) { try Shape(wkt: text) }
        #expect(error?.function == "GEOSWKTReader_read_r")
        #expect(error?.message.contains("ParseException") == true, "\(error?.message ?? "")")
        #expect(error?.description.hasPrefix("GEOSWKTReader_read_r failed: ParseException") == true)
    }

    /// Shapes GEOS refuses to build: a one-point ring or line ("point array must contain
    /// 0 or >1 elements"), also as a hole after the shell was already built.
    static let unbuildable: [(Shape, function: String)] = [
        (.polygon(Polygon(exterior: [c(0, 0)])), "GEOSGeom_createLinearRing_r"),
        (.lineString([c(0, 0)]), "GEOSGeom_createLineString_r"),
        (.polygon(Polygon(exterior: [c(0, 0), c(0, 1), c(1, 1), c(0, 0)], holes: [[c(0.2, 0.5)]])), "GEOSGeom_createLinearRing_r"),
        (.multiLineString([[c(0, 0), c(1, 1)], [c(2, 2)]]), "GEOSGeom_createLineString_r"),
    ]

    @Test func shapesGEOSCannotBuildThrowTheCreateError() {
        // GEOS owns a coordinate sequence once it is passed to a create call, even when
        // the call fails; the shell built before a failing hole is freed by its owner.
        // Repeating this must neither crash nor double free.
        for _ in 0..<100 {
            for (shape, function) in Self.unbuildable {
                let error = #expect(throws: GEOSError.self) { try shape.isValid() }
                #expect(error?.function == function)
                #expect(error?.message.contains("IllegalArgumentException") == true, "\(error?.message ?? "")")
            }
        }
    }

    // MARK: Conversion

    @Test func wktIsLongitudeFirst() throws {
        #expect(try Shape(wkt: "POINT (40.14084 35.33588)") == .point(Self.c(35.33588, 40.14084)))
        #expect(try Shape.point(Self.c(35.33588, 40.14084)).wkt() == "POINT (40.14084 35.33588)")
        #expect(try Shape.point(Self.c(35.33588, 40.14084)).wkt(decimals: 2) == "POINT (40.14 35.34)")
    }

    @Test(arguments: [
        "POINT (40.14084 35.33588)",
        "LINESTRING (39 35, 40.5 36.25, 41 37)",
        "POLYGON ((39 35, 41 35, 41 37, 39 37, 39 35), (39.5 35.5, 39.5 36.5, 40.5 36.5, 40.5 35.5, 39.5 35.5))",
        "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1), POLYGON ((0 0, 1 0, 1 1, 0 0)))",
        "POINT (-179.999999 -89.999999)",
    ])
    func wktRoundTrips(_ text: String) throws {
        let shape = try Shape(wkt: text)
        #expect(try shape.wkt() == text)
        // And the value survives a second trip through GEOS unchanged.
        #expect(try Shape(wkt: shape.wkt()) == shape)
    }

    @Test func multiPointRoundTripsByValue() throws {
        // GEOS 3.11 (Debian 12) writes "MULTIPOINT (1 2, 3 4)", 3.12 and later
        // "MULTIPOINT ((1 2), (3 4))"; both read back, so compare values, not text.
        let shape = try Shape(wkt: "MULTIPOINT ((1 2), (3 4))")
        #expect(shape == .multiPoint([Self.c(2, 1), Self.c(4, 3)]))
        #expect(try Shape(wkt: "MULTIPOINT (1 2, 3 4)") == shape)
        #expect(try Shape(wkt: shape.wkt()) == shape)
    }

    @Test func emptyGeometriesReadAsEmptyShapes() throws {
        #expect(try Shape(wkt: "POINT EMPTY").isEmpty)
        #expect(try Shape(wkt: "POLYGON EMPTY").isEmpty)
        #expect(try Shape(wkt: "GEOMETRYCOLLECTION EMPTY") == .collection([]))
    }

    @Test func openRingsAreClosedForGEOS() throws {
        let open = Shape.polygon(Polygon(exterior: [Self.c(35, 39), Self.c(35, 41), Self.c(37, 41), Self.c(37, 39)]))
        #expect(try open.wkt() == "POLYGON ((39 35, 41 35, 41 37, 39 37, 39 35))")
    }

    // MARK: Validity

    static let bowTie = "POLYGON ((39 35, 41 37, 41 35, 39 37, 39 35))"

    @Test func aBowTieIsInvalidAndSaysWhere() throws {
        let shape = try Shape(wkt: Self.bowTie)
        #expect(try shape.isValid() == false)
        // Shapely explain_validity: "Self-intersection[40 36]".
        let reason = try shape.validityReason()
        #expect(reason.contains("Self-intersection"), "\(reason)")
        #expect(reason.contains("40 36"), "\(reason)")
        #expect(try Self.a.isValid())
        #expect(try Self.a.validityReason() == "Valid Geometry")
        // A closed ring of three points is built, then judged.
        let sliver = Shape.polygon(Polygon(exterior: [Self.c(0, 0), Self.c(1, 1), Self.c(0, 0)]))
        #expect(try sliver.isValid() == false)
        #expect(try sliver.validityReason().hasPrefix("Too few points"))
    }

    @Test func madeValidKeepsTheBowTiesArea() throws {
        let fixed = try Shape(wkt: Self.bowTie).madeValid()
        #expect(try fixed.isValid())
        // Shapely make_valid: MULTIPOLYGON (((39 37, 40 36, 39 35, 39 37)), ((41 35, 40 36, 41 37, 41 35))),
        // two triangles of 1 square degree each.
        #expect(fixed.polygons.count == 2)
        #expect(abs(Self.planarArea(fixed) - 2) <= 1e-12)
        #expect(fixed.coordinates.contains(Self.c(36, 40)))
        // geographiclib PolygonArea of those two triangles: 20009440479.989624 m². 1e-7 relative.
        #expect(abs(Geodesic.wgs84.area(of: fixed) - 20_009_440_479.989624) <= 20_009_440_479.989624 * 1e-7)
        // A valid shape comes back unchanged in area.
        #expect(abs(Self.planarArea(try Self.a.madeValid()) - 4) <= 1e-12)
    }

    // MARK: Overlay

    @Test func overlayOfTwoOverlappingSquares() throws {
        let union = try Self.a.union(with: Self.b)
        let intersection = try Self.a.intersection(with: Self.b)
        let difference = try Self.a.difference(with: Self.b)
        // Planar square degrees: Shapely gives union 7, intersection 1, difference 3.
        #expect(abs(Self.planarArea(union) - 7) <= 1e-12)
        #expect(abs(Self.planarArea(intersection) - 1) <= 1e-12)
        #expect(abs(Self.planarArea(difference) - 3) <= 1e-12)
        #expect(abs(Self.planarArea(try Self.b.difference(with: Self.a)) - 3) <= 1e-12)
        // The overlap is exactly the square (40..41) × (36..37).
        #expect(Set(intersection.coordinates) == [Self.c(36, 40), Self.c(36, 41), Self.c(37, 41), Self.c(37, 40)])
        // geographiclib areas of the rings Shapely returns (edges as geodesics), 1e-7 relative.
        for (shape, reference) in [(union, 69_585_018_044.35278), (intersection, 9_941_629_403.294067), (difference, 30_032_459_497.66382)] {
            let text = try shape.wkt()
            #expect(abs(Geodesic.wgs84.area(of: shape) - reference) <= reference * 1e-7, "\(text)")
        }
    }

    @Test func overlayOfDisjointShapesIsEmpty() throws {
        let far = try Shape(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        let nothing = try Self.a.intersection(with: far)
        #expect(nothing.isEmpty)
        #expect(Self.planarArea(try Self.a.union(with: far)) == 5)
    }

    @Test func unaryUnionMergesOverlappingParts() throws {
        let both = Shape.multiPolygon(Self.a.polygons + Self.b.polygons)
        #expect(try both.isValid() == false)  // overlapping members of a MultiPolygon
        let merged = try both.unaryUnion()
        #expect(merged.polygons.count == 1)
        #expect(abs(Self.planarArea(merged) - 7) <= 1e-12)
    }

    @Test func bufferedPointIsA32gon() throws {
        // 8 segments per quadrant: Shapely Point(40, 35).buffer(0.5, quad_segs=8).area = 0.780361288064514.
        let disc = try Shape.point(Self.c(35, 40)).buffered(byDegrees: 0.5)
        #expect(abs(Self.planarArea(disc) - 0.780361288064514) <= 1e-12)
        #expect(disc.polygons.first?.exterior.count == 33)
        let coarse = try Shape.point(Self.c(35, 40)).buffered(byDegrees: 0.5, quadrantSegments: 1)
        #expect(abs(Self.planarArea(coarse) - 0.5) <= 1e-12)  // a square diamond: 2 r²
    }

    // MARK: Predicates

    @Test(arguments: [
        // (point lat, lon), contains, intersects, isWithin(a)
        ((35.5, 39.5), true, true, true),   // inside
        ((36, 39), false, true, false),     // on an edge: contains excludes the boundary
        ((35, 39), false, true, false),     // on a vertex
        ((36, 43), false, false, false),    // outside
    ])
    func pointPredicates(_ point: (Double, Double), _ contains: Bool, _ intersects: Bool, _ within: Bool) throws {
        let p = Shape.point(Self.c(point.0, point.1))
        #expect(try Self.a.contains(p) == contains)
        #expect(try Self.a.intersects(p) == intersects)
        #expect(try p.intersects(Self.a) == intersects)
        #expect(try p.isWithin(Self.a) == within)
    }

    @Test func shapePredicates() throws {
        let small = try Shape(wkt: "POLYGON ((39.2 35.2, 39.8 35.2, 39.8 35.8, 39.2 35.8, 39.2 35.2))")
        let touching = try Shape(wkt: "POLYGON ((41 35, 42 35, 42 36, 41 36, 41 35))")
        let far = try Shape(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        #expect(try Self.a.contains(small))
        #expect(try small.isWithin(Self.a))
        #expect(try !Self.a.isWithin(small))
        #expect(try Self.a.intersects(Self.b))
        #expect(try !Self.a.contains(Self.b))
        #expect(try !Self.b.isWithin(Self.a))
        #expect(try Self.a.intersects(touching))  // sharing an edge is intersecting
        #expect(try !Self.a.contains(touching))
        #expect(try !Self.a.intersects(far))
        #expect(try Self.a.contains(Self.a))
        #expect(try Self.a.isWithin(Self.a))
    }

    @Test func preparedShapeCoversTheBoundaryButDoesNotContainIt() throws {
        let holed = try Shape(wkt: "POLYGON ((39 35, 41 35, 41 37, 39 37, 39 35), (39.5 35.5, 39.5 36.5, 40.5 36.5, 40.5 35.5, 39.5 35.5))")
        let prepared = try PreparedShape(holed)
        let cases: [(Coordinate, covers: Bool, contains: Bool)] = [
            (Self.c(35.2, 39.2), true, true),    // inside
            (Self.c(35, 40), true, false),       // on the outer edge
            (Self.c(35, 39), true, false),       // on a vertex
            (Self.c(36, 40), false, false),      // in the hole
            (Self.c(36, 39.5), true, false),     // on the hole's edge
            (Self.c(36, 42), false, false),      // outside
        ]
        for (point, covers, contains) in cases {
            #expect(try prepared.covers(point) == covers, "covers \(point)")
            #expect(try prepared.contains(point) == contains, "contains \(point)")
            // The prepared answers agree with the one-shot predicates.
            #expect(try holed.contains(.point(point)) == contains, "one-shot contains \(point)")
            #expect(try holed.intersects(.point(point)) == covers, "one-shot intersects \(point)")
        }
    }

    // MARK: Constructions

    @Test func pointOnSurfaceIsInsideEvenWhenTheCentroidIsNot() throws {
        // A "C" open to the east. Shapely: centroid POINT (39.8154 36) lies in the gap,
        // point_on_surface POINT (39.2 36).
        let c = try Shape(wkt: "POLYGON ((39 35, 41 35, 41 35.4, 39.4 35.4, 39.4 36.6, 41 36.6, 41 37, 39 37, 39 35))")
        let point = try #require(try c.pointOnSurface())
        #expect(try c.contains(.point(point)), "\(point)")
        #expect(try !c.contains(.point(Self.c(36, 39.815384615384616))))
    }

    @Test func nearestPointsAndDistance() throws {
        // Shapely nearest_points(A, Point(43, 36.5)): (41 36.5), (43 36.5); distance 2.
        let point = Shape.point(Self.c(36.5, 43))
        let (onA, onPoint) = try Self.a.nearestPoints(to: point)
        #expect(onA == Self.c(36.5, 41))
        #expect(onPoint == Self.c(36.5, 43))
        #expect(try Self.a.planarDistance(to: point) == 2)
        // The order follows the receiver: Shapely nearest_points(line, Point(40.3, 36)).
        let line = try Shape(wkt: "LINESTRING (39 35, 41 35)")
        let (onLine, other) = try line.nearestPoints(to: .point(Self.c(36, 40.3)))
        #expect(abs(onLine.longitude - 40.3) <= 1e-12 && onLine.latitude == 35)
        #expect(other == Self.c(36, 40.3))
        #expect(try Self.a.planarDistance(to: Self.b) == 0)
    }

    @Test func emptyShapesHaveNoNearestPointAndNoPointOnSurface() throws {
        // GEOSNearestPoints_r returns NULL for an empty input without raising, so the
        // error carries no GEOS message; it must still be an error, not a crash.
        let empty = Shape.multiPolygon([])
        let error = #expect(throws: GEOSError.self) { try empty.nearestPoints(to: .point(Self.c(0, 0))) }
        #expect(error?.function == "GEOSNearestPoints_r")
        #expect(try empty.pointOnSurface() == nil)
        #expect(try PreparedShape(empty).covers(Self.c(0, 0)) == false)
    }

    // MARK: Ownership

    @Test func tenThousandHandlesComeAndGo() throws {
        // Each iteration creates and frees contexts, geometries, a prepared geometry, a WKT
        // reader and writer, and takes two error paths. A double free or use after free
        // crashes here (run under --sanitize=address to see leaks too).
        let unbuildable = Self.unbuildable[2].0  // the failing hole after a built shell
        var covered = 0, areas = 0.0, parseErrors = 0, createErrors = 0, wkts = 0
        for i in 0..<10_000 {
            let prepared = try PreparedShape(Self.a)
            if try prepared.covers(Self.c(36, 40 + Double(i % 3))) { covered += 1 }
            areas += Self.planarArea(try Self.a.intersection(with: Self.b))
            if (try? Shape(wkt: "POLYGON ((0 0, 1 1")) == nil { parseErrors += 1 }
            if (try? unbuildable.isValid()) == nil { createErrors += 1 }
            if try Shape(wkt: "LINESTRING (39 35, 40.5 36.25)").wkt() == "LINESTRING (39 35, 40.5 36.25)" { wkts += 1 }
        }
        // Longitudes 40 (inside), 41 (on the edge: covered) and 42 (outside) in turn.
        #expect(covered == 10_000 - 3_333)
        #expect(areas == 10_000)
        #expect(parseErrors == 10_000)
        #expect(createErrors == 10_000)
        #expect(wkts == 10_000)
    }

    @Test func callsFromManyTasksAtOnce() async throws {
        // A context per call makes the API safe from any thread: 64 tasks overlay at once.
        let results = try await withThrowingTaskGroup(of: Double.self) { group in
            for _ in 0..<64 {
                group.addTask { Self.planarArea(try Self.a.union(with: Self.b)) }
            }
            return try await group.reduce(into: [Double]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == 7 })
    }
}
