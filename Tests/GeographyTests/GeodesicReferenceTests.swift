import Geodesy
import Geography
import Testing

/// `Geodesic.wgs84` (PROJ's C port of Karney's algorithms) against Python geographiclib,
/// an independent implementation. Tables: `Fixtures/geodesic_*.tsv`, written once by
/// `Fixtures/make_geodesic_reference.py`.
@Suite struct GeodesicReferenceTests {
    /// Distances agree to 1 mm. Both implementations claim ~15 nm, so this leaves room
    /// for a different but correct algorithm while a wrong ellipsoid (a = 6378136 m
    /// already fails), a sphere or swapped axes miss by metres to kilometres.
    static let distanceTolerance = 0.001
    /// Azimuths agree to 1e-6 degrees (about 0.1 m of sideways offset at 6,000 km).
    static let azimuthTolerance = 1e-6
    /// Areas agree to 0.1 m² per km², i.e. 1e-7 relative.
    static let relativeAreaTolerance = 1e-7

    static let places: [String: Coordinate] = [
        "Deir ez-Zor": Coordinate(latitude: 35.33588, longitude: 40.14084),
        "Raqqa": Coordinate(latitude: 35.95283, longitude: 39.00788),
        "Abu Kamal": Coordinate(latitude: 34.45226, longitude: 40.91854),
        "Mayadin": Coordinate(latitude: 35.01982, longitude: 40.45154),
        "Tanf": Coordinate(latitude: 33.50583, longitude: 38.61778),
        "Hasakah": Coordinate(latitude: 36.50237, longitude: 40.74772),
    ]

    @Test func tablesHoldTheCasesTheyClaim() throws {
        // An empty or truncated table would make the parameterised tests pass vacuously.
        let inverse = try ReferenceTables.inverseCases()
        #expect(inverse.count >= 400)
        let kinds = Set(inverse.map(\.kind))
        for kind in ["random", "regional", "places", "antipodal", "near_antipodal", "pole", "antimeridian",
                     "coincident", "equatorial", "tiny", "meridional"] {
            #expect(kinds.contains(kind), "no \(kind) rows in geodesic_reference.tsv")
        }
        // All 15 pairs of the six report places.
        #expect(inverse.filter { $0.kind == "places" }.count == 15)
        #expect(try ReferenceTables.directCases().count >= 150)
        #expect(try ReferenceTables.polygonCases().count >= 9)
    }

    @Test(arguments: try ReferenceTables.inverseCases())
    func inverseMatchesGeographiclib(_ c: ReferenceTables.InverseCase) {
        let line = Geodesic.wgs84.inverse(from: c.start, to: c.end)
        #expect(abs(line.distanceMeters - c.distanceMeters) <= Self.distanceTolerance,
                "distance \(line.distanceMeters) m, geographiclib \(c.distanceMeters) m")
        // Coincident points have no direction at all; antipodal points are joined by a
        // whole family of equally short geodesics; at a pole "north" is undefined and the
        // azimuth there is only a longitude convention. Only the distance is a fact there.
        guard !["coincident", "antipodal", "pole"].contains(c.kind) else { return }
        #expect(angularDifference(line.initialAzimuth, c.initialAzimuth) <= Self.azimuthTolerance,
                "initial azimuth \(line.initialAzimuth), geographiclib \(c.initialAzimuth)")
        #expect(angularDifference(line.finalAzimuth, c.finalAzimuth) <= Self.azimuthTolerance,
                "final azimuth \(line.finalAzimuth), geographiclib \(c.finalAzimuth)")
    }

    @Test(arguments: try ReferenceTables.inverseCases().filter { $0.kind == "places" || $0.kind == "random" }.prefix(40))
    func inverseIsSymmetric(_ c: ReferenceTables.InverseCase) {
        // Swapping the ends keeps the distance and turns the azimuths around: azi1(b→a) = azi2(a→b) + 180.
        let back = Geodesic.wgs84.inverse(from: c.end, to: c.start)
        #expect(abs(back.distanceMeters - c.distanceMeters) <= Self.distanceTolerance)
        #expect(angularDifference(back.initialAzimuth, c.finalAzimuth + 180) <= Self.azimuthTolerance)
        #expect(angularDifference(back.finalAzimuth, c.initialAzimuth + 180) <= Self.azimuthTolerance)
    }

    @Test func initialBearingIsTheAzimuthInZeroTo360() throws {
        // Deir ez-Zor → Raqqa heads north-west: geographiclib azi1 = -55.96°, bearing 304.04°.
        let line = Geodesic.wgs84.inverse(from: Self.places["Deir ez-Zor"]!, to: Self.places["Raqqa"]!)
        let reference = try #require(ReferenceTables.inverseCases().first {
            $0.kind == "places" && $0.start == Self.places["Deir ez-Zor"]! && $0.end == Self.places["Raqqa"]!
        })
        #expect(reference.initialAzimuth < 0)
        #expect(abs(line.initialBearing - (reference.initialAzimuth + 360)) <= Self.azimuthTolerance)
        #expect(CompassPoint(bearing: line.initialBearing) == .nw)
    }

    @Test(arguments: try ReferenceTables.directCases())
    func directMatchesGeographiclib(_ c: ReferenceTables.DirectCase) {
        let (destination, finalAzimuth) = Geodesic.wgs84.direct(from: c.start, azimuth: c.azimuth, distanceMeters: c.distanceMeters)
        // Measured on the ellipsoid with our own inverse (checked above against
        // geographiclib), so longitudes of ±180 or near a pole compare fairly.
        let miss = Geodesic.wgs84.inverse(from: destination, to: c.destination).distanceMeters
        #expect(miss <= Self.distanceTolerance, "landed \(miss) m from geographiclib's (\(c.destination.latitude), \(c.destination.longitude)); ours (\(destination.latitude), \(destination.longitude))")
        #expect(angularDifference(finalAzimuth, c.finalAzimuth) <= Self.azimuthTolerance,
                "final azimuth \(finalAzimuth), geographiclib \(c.finalAzimuth)")
    }

    @Test(arguments: try ReferenceTables.polygonCases())
    func polygonAreaMatchesGeographiclib(_ c: ReferenceTables.PolygonCase) {
        let tolerance = c.areaSquareMeters * Self.relativeAreaTolerance
        let exterior = c.rings[0]
        let polygon = Polygon(exterior: exterior, holes: Array(c.rings.dropFirst()))

        let ring = Geodesic.wgs84.area(ofRing: exterior)
        #expect(abs(ring.perimeterMeters - c.perimeterMeters) <= Self.distanceTolerance,
                "perimeter \(ring.perimeterMeters) m, geographiclib \(c.perimeterMeters) m")
        // The perimeter is also the sum of the edges' inverse distances.
        #expect(abs(Geodesic.wgs84.perimeter(of: exterior, closed: true) - c.perimeterMeters) <= Self.distanceTolerance)

        let area = Geodesic.wgs84.area(of: polygon)
        #expect(abs(area - c.areaSquareMeters) <= tolerance, "area \(area) m², geographiclib \(c.areaSquareMeters) m²")
        #expect(abs(Geodesic.wgs84.area(of: Shape.polygon(polygon)) - c.areaSquareMeters) <= tolerance)

        // Winding must not matter: the same rings walked the other way.
        let reversed = Polygon(exterior: exterior.reversed(), holes: c.rings.dropFirst().map { $0.reversed() })
        let reversedArea = Geodesic.wgs84.area(of: reversed)
        #expect(abs(reversedArea - c.areaSquareMeters) <= tolerance, "reversed rings: area \(reversedArea) m²")
    }

    @Test func areaOfAShapeSumsItsPolygonsAndIgnoresLines() throws {
        let cases = Dictionary(uniqueKeysWithValues: try ReferenceTables.polygonCases().map { ($0.name, $0) })
        let square = try #require(cases["square_1deg_deir_ez_zor"])
        let triangle = try #require(cases["triangle_raqqa_deir_hasakah_open"])
        let both = Shape.multiPolygon([Polygon(exterior: square.rings[0]), Polygon(exterior: triangle.rings[0])])
        let expected = square.areaSquareMeters + triangle.areaSquareMeters
        #expect(abs(Geodesic.wgs84.area(of: both) - expected) <= expected * Self.relativeAreaTolerance)
        let withLine = Shape.collection([both, .lineString(square.rings[0]), .point(square.rings[0][0])])
        #expect(abs(Geodesic.wgs84.area(of: withLine) - expected) <= expected * Self.relativeAreaTolerance)
        #expect(Geodesic.wgs84.area(of: Shape.lineString(square.rings[0])) == 0)
    }

    @Test func lengthOfAPathSumsReferenceDistances() throws {
        // Raqqa → Deir ez-Zor → Abu Kamal, each leg taken from the geographiclib table.
        let table = try ReferenceTables.inverseCases().filter { $0.kind == "places" }
        func leg(_ a: String, _ b: String) throws -> Double {
            let (p, q) = (Self.places[a]!, Self.places[b]!)
            return try #require(table.first { ($0.start == p && $0.end == q) || ($0.start == q && $0.end == p) }).distanceMeters
        }
        let path = ["Raqqa", "Deir ez-Zor", "Abu Kamal"].map { Self.places[$0]! }
        let expected = try leg("Raqqa", "Deir ez-Zor") + leg("Deir ez-Zor", "Abu Kamal")
        #expect(abs(Geodesic.wgs84.length(of: .lineString(path)) - expected) <= 2 * Self.distanceTolerance)
        #expect(abs(Geodesic.wgs84.perimeter(of: path) - expected) <= 2 * Self.distanceTolerance)
        // Closing the path adds the leg back to the start.
        let closed = expected + (try leg("Abu Kamal", "Raqqa"))
        #expect(abs(Geodesic.wgs84.perimeter(of: path, closed: true) - closed) <= 3 * Self.distanceTolerance)
    }

    @Test func degenerateRingsHaveNoAreaButAPerimeter() throws {
        let raqqa = Self.places["Raqqa"]!, deir = Self.places["Deir ez-Zor"]!
        let d = try #require(ReferenceTables.inverseCases().first {
            $0.kind == "places" && Set([$0.start, $0.end]) == Set([raqqa, deir])
        }).distanceMeters
        let line = Geodesic.wgs84.area(ofRing: [raqqa, deir])
        #expect(line.areaSquareMeters == 0)
        #expect(abs(line.perimeterMeters - 2 * d) <= 2 * Self.distanceTolerance)  // there and back
        #expect(Geodesic.wgs84.area(ofRing: []).areaSquareMeters == 0)
        #expect(Geodesic.wgs84.area(ofRing: [raqqa]).perimeterMeters == 0)
        // Closing point repeated: still two distinct vertices, still no area.
        #expect(Geodesic.wgs84.area(ofRing: [raqqa, deir, raqqa]).areaSquareMeters == 0)
    }
}
