import Geography
import Territory
import Testing
import Topology

/// The classifier answers most points from its grid; those answers must be the ones the
/// plain per-point predicate gives (the first zone that covers the point), both far from
/// and close to zone boundaries.
@Suite("The point classifier agrees with per-point predicates")
struct PointClassifierAgreesWithPerPointPredicates {
    /// SplitMix64: the same points on every run and machine.
    struct Random {
        var state: UInt64
        mutating func unit() -> Double {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    /// Plain GEOS, one point at a time: a prepared predicate per zone, in zone order.
    static func perPoint(_ c: Coordinate, _ zones: [PreparedShape]) throws -> Int? {
        for (k, zone) in zones.enumerated() where try zone.covers(c) { return k }
        return nil
    }

    @Test("Random points over the region, and points next to zone vertices", arguments: [10, 16])
    func agreesOnTheZones(_ day: Int) throws {
        let shapes = try ZoneMaps.map(september: day).zones.map(\.shape)
        let classifier = try PointClassifier(shapes, bounds: ZoneBuilder.bounds)
        let prepared = try shapes.map { try PreparedShape($0) }
        var random = Random(state: UInt64(day))
        let box = ZoneBuilder.bounds
        var points: [Coordinate] = []
        for _ in 0..<4000 {
            points.append(Coordinate(latitude: box.south + random.unit() * (box.north - box.south),
                                     longitude: box.west + random.unit() * (box.east - box.west)))
        }
        // Within ~50 m of a boundary vertex: mostly in the grid's mixed cells.
        let vertices = shapes.flatMap(\.coordinates)
        for _ in 0..<2000 {
            let v = vertices[Int(random.unit() * Double(vertices.count))]
            points.append(Coordinate(latitude: v.latitude + (random.unit() - 0.5) * 1e-3, longitude: v.longitude + (random.unit() - 0.5) * 1e-3))
        }
        // Outside the grid: answered by GEOS alone.
        points.append(Coordinate(latitude: 36.5, longitude: 37.0))
        points.append(Coordinate(latitude: 34.0, longitude: 43.0))

        let answers = try classifier.classify(points)
        var disagreements: [String] = []
        for (point, answer) in zip(points, answers) {
            let expected = try PointClassifierAgreesWithPerPointPredicates.perPoint(point, prepared)
            if answer != expected { disagreements.append("\(point): \(answer.map(String.init) ?? "none") vs \(expected.map(String.init) ?? "none")") }
            #expect(try classifier.classify(point) == answer, "one point at a time must match the batch")
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(5))")
        // Both paths were exercised.
        let settled = points.filter { classifier.isSettledByGrid($0) }.count
        #expect(settled > 3000 && settled < points.count - 500, "\(settled) of \(points.count) points settled by the grid")
    }

    /// Small shapes with a hole, a shared edge and a gap, at a coarse grid, where the exact
    /// answers are known: first shape wins on the shared edge, the hole belongs to
    /// whoever covers it next, the boundary counts as covered.
    @Test("Known answers on overlapping squares with a hole")
    func knownAnswers() throws {
        func square(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> [Coordinate] {
            [Coordinate(latitude: s, longitude: w), Coordinate(latitude: s, longitude: e), Coordinate(latitude: n, longitude: e),
             Coordinate(latitude: n, longitude: w), Coordinate(latitude: s, longitude: w)]
        }
        let a = Shape.polygon(Polygon(exterior: square(0, 0, 2, 2), holes: [square(0.5, 0.5, 1, 1)]))
        let b = Shape.polygon(Polygon(exterior: square(2, 0, 4, 2)))
        let c = Shape.polygon(Polygon(exterior: square(0, 0, 1.5, 1.5)))
        let classifier = try PointClassifier([a, b, c], bounds: BoundingBox(west: 0, south: 0, east: 5, north: 3), depth: 3)
        let cases: [(Double, Double, Int?)] = [
            (0.25, 0.25, 0), (1.5, 1.8, 0), (3, 1, 1),
            (2, 1, 0),          // on the shared edge: the first shape
            (0.75, 0.75, 2),    // in a's hole, inside c
            (4.5, 2.5, nil),    // inside the bounds, in no shape
            (-1, -1, nil),      // outside the bounds
            (4, 2, 1),          // b's corner
        ]
        for (x, y, expected) in cases {
            #expect(try classifier.classify(Coordinate(latitude: y, longitude: x)) == expected, "(\(x), \(y))")
        }
    }
}
