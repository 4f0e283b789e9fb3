import Geodesy
import Geography
import Territory
import Testing

/// Areas are WGS84 geodesic (PROJ's geod_polygonarea). The references come from an
/// independent implementation, GeographicLib's Python package (geographiclib 2.x,
/// `Geodesic.WGS84.Polygon()`, `AddPoint(lat, lon)` per vertex, `Compute(False, True)`,
/// absolute value; holes subtracted), cross-checked with pyproj's
/// `Geod(ellps="WGS84").geometry_area_perimeter` (agreement better than 1e-13).
@Suite("Zone areas match GeographicLib")
struct ZoneAreasMatchGeographicLib {
    /// Both implement Karney's algorithm in double precision: they agree to ~1e-14; the
    /// tolerance leaves room for summation order over thousands of vertices.
    static let relativeTolerance = 1e-9

    static func ring(_ lonLat: [(Double, Double)]) -> [Coordinate] {
        lonLat.map { Coordinate(latitude: $0.1, longitude: $0.0) }
    }

    static let box = ring([(40, 35), (41, 35), (41, 36), (40, 36), (40, 35)])

    @Test("A 1° box at 35–36 N, 40–41 E")
    func oneDegreeBox() {
        let m2 = Geodesic.wgs84.area(of: .polygon(Polygon(exterior: ZoneAreasMatchGeographicLib.box)))
        expectClose(m2, 10_066_272_985.625)
    }

    @Test("The same box with a 0.2° hole, wound the other way")
    func boxWithAHole() {
        let hole = ZoneAreasMatchGeographicLib.ring([(40.4, 35.4), (40.4, 35.6), (40.6, 35.6), (40.6, 35.4), (40.4, 35.4)])
        let m2 = Geodesic.wgs84.area(of: .polygon(Polygon(exterior: ZoneAreasMatchGeographicLib.box, holes: [hole])))
        expectClose(m2, 9_663_617_030.0363)
    }

    /// Damascus, Deir ez-Zor, Abu Kamal (GeoNames points): a triangle of long edges, where
    /// a planar or spherical formula would be off by far more than the tolerance.
    @Test("A triangle Damascus – Deir ez-Zor – Abu Kamal")
    func longEdgedTriangle() {
        let triangle = ZoneAreasMatchGeographicLib.ring([(36.29164, 33.5102), (40.14084, 35.33588), (40.91786, 34.45226)])
        expectClose(Geodesic.wgs84.area(of: .polygon(Polygon(exterior: triangle))), 24_474_234_570.150696)
    }

    /// The zones of `conflictmap zones --date 2017-09-16` (default rule), each measured by
    /// GeographicLib from the command's GeoJSON output (coordinates on the 1e-6° grid the
    /// zones are built on, so the same vertices). A change to the zone rule or the data
    /// moves these figures: regenerate them with the same recipe.
    @Test("The zones of 16 September", arguments: [
        ("contested", 1_260_620_151.7455902),
        ("government", 10_227_660_341.228367),
        ("isis", 9_440_849_282.541824),
        ("rebels", 7_589_021_160.946901),
        ("sdf", 15_337_394_939.602613),
        ("unknown", 76_684_647_205.69109),
    ])
    func zonesOf16September(_ faction: String, _ squareMetres: Double) throws {
        let map = try ZoneMaps.map(september: 16)
        let zone = try #require(map.zones.first { $0.faction == faction }, "no \(faction) zone on 16 Sept")
        expectClose(zone.areaSquareKilometres * 1e6, squareMetres)
    }

    func expectClose(_ ours: Double, _ reference: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(ours - reference) <= ZoneAreasMatchGeographicLib.relativeTolerance * reference,
                "ours \(ours) m², GeographicLib \(reference) m²", sourceLocation: sourceLocation)
    }
}
