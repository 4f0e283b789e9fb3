import Foundation
import Geodesy
import Geography
import Testing

/// `Projection`, the PROJ wrapper: errors name the PROJ function, forward/inverse agree
/// with pyproj, and a transform survives a point it cannot project.
@Suite struct ProjectionTests {
    static let laea = "+proj=laea +lat_0=35 +lon_0=39 +datum=WGS84 +units=m +type=crs"
    static let raqqa = Coordinate(latitude: 35.95283, longitude: 39.00788)
    static let deirEzZor = Coordinate(latitude: 35.33588, longitude: 40.14084)

    // MARK: The pipeline form

    @Test func aPipelineGivesWhatTheCRSToCRSTransformGives() throws {
        // The maps build one projection per page as a pipeline (no proj.db); it must be
        // the same projection to the last bit a map can show.
        let lcc = "+proj=lcc +lat_1=33.6 +lat_2=36.4 +lat_0=35 +lon_0=39.9 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs +type=crs"
        let crs = try Projection(to: lcc), pipeline = try Projection(pipelineTo: lcc)
        for c in [Self.raqqa, Self.deirEzZor, Coordinate(latitude: 33.5, longitude: 38.6), Coordinate(latitude: 37.1, longitude: 42.2)] {
            let a = try crs.forward(c), b = try pipeline.forward(c)
            #expect(abs(a.x - b.x) < 1e-6 && abs(a.y - b.y) < 1e-6)
            let back = try pipeline.inverse(x: b.x, y: b.y)
            #expect(abs(back.latitude - c.latitude) < 1e-9 && abs(back.longitude - c.longitude) < 1e-9)
        }
        #expect(throws: ProjectionError.self) { try Projection(pipelineTo: "+proj=nonsense") }
    }

    // MARK: Errors

    @Test(arguments: ["EPSG:999999", "+proj=nonsense", "not a CRS at all", ""])
    func anUnknownCRSThrowsNamingThePROJFunction(_ target: String) {
        // Nothing should reach stderr either (the context's log level is NONE); that is
        // not observable in-process, so only the error is checked.
        let error = #expect(throws: ProjectionError.self) { try Projection(to: target) }
        #expect(error?.function == "proj_create_crs_to_crs")
        #expect(error?.message.contains("target CRS '\(target)'") == true, "\(error?.message ?? "")")
        #expect(error?.description.hasPrefix("proj_create_crs_to_crs failed: ") == true)
    }

    @Test func aPointOffTheMapThrowsAndTheTransformStillWorks() throws {
        // The antipode of a Lambert azimuthal projection's centre maps to a whole circle.
        let projection = try Projection(to: Self.laea)
        let error = #expect(throws: ProjectionError.self) { try projection.forward(Coordinate(latitude: -35, longitude: -141)) }
        #expect(error?.function == "proj_trans")
        #expect(error?.message.isEmpty == false)
        // The error state was reset: the next point projects (pyproj value, see below).
        let (x, y) = try projection.forward(Self.raqqa)
        #expect(abs(x - 710.9497076984807) <= 0.001)
        #expect(abs(y - 105_713.74079431717) <= 0.001)
        #expect(projection.definition == Self.laea)
    }

    @Test func anInvalidCoordinateThrows() throws {
        let mercator = try Projection(to: "EPSG:3857")
        for c in [Coordinate(latitude: 95, longitude: 0), Coordinate(latitude: .nan, longitude: 0)] {
            let error = #expect(throws: ProjectionError.self) { try mercator.forward(c) }
            #expect(error?.function == "proj_trans")
        }
    }

    @Test func anUnprojectablePointBackThrows() throws {
        let projection = try Projection(to: Self.laea)
        let error = #expect(throws: ProjectionError.self) { try projection.inverse(x: 1e30, y: 1e30) }
        #expect(error?.function == "proj_trans")
        let centre = try projection.inverse(x: 0, y: 0)
        #expect(abs(centre.latitude - 35) <= 1e-12 && abs(centre.longitude - 39) <= 1e-12)
    }

    // MARK: Values

    @Test func laeaMapsItsCentreToTheOrigin() throws {
        let projection = try Projection(to: Self.laea)
        let (x, y) = try projection.forward(Coordinate(latitude: 35, longitude: 39))
        #expect(abs(x) <= 1e-6 && abs(y) <= 1e-6, "(\(x), \(y))")
    }

    @Test(arguments: [
        Coordinate(latitude: 35.95283, longitude: 39.00788), Coordinate(latitude: 33.50583, longitude: 38.61778),
        Coordinate(latitude: 36.50237, longitude: 40.74772), Coordinate(latitude: 10, longitude: 20),
        Coordinate(latitude: 60, longitude: 90),
    ])
    func laeaRoundTrips(_ c: Coordinate) throws {
        let projection = try Projection(to: Self.laea)
        let (x, y) = try projection.forward(c)
        let back = try projection.inverse(x: x, y: y)
        // 2e-8 degrees is about 2 mm. PROJ's ellipsoidal LAEA inverts the authalic
        // latitude with a short series: pyproj (PROJ 9.5.1) misses by the same ~1e-8°
        // on these points, so this is PROJ's accuracy, not the wrapper's.
        #expect(abs(back.latitude - c.latitude) <= 2e-8)
        #expect(abs(back.longitude - c.longitude) <= 1e-9)
        // Lambert azimuthal *equal-area*: distances from the centre are not preserved, but
        // the projection must at least move the point away from the origin.
        #expect(hypot(x, y) > 0)
    }

    /// Expected values from pyproj 3.7.2 (bundling PROJ 9.5.1), computed once with
    /// `Transformer.from_crs("EPSG:4326", target, always_xy=True).transform(lon, lat)`.
    /// Tolerance 1 mm: our PROJ (Debian, 9.1.1) is a different build of the same library.
    @Test(arguments: [
        (laea, raqqa, 710.9497076984807, 105_713.74079431717),
        (laea, deirEzZor, 103_715.51258921642, 37_854.429568280044),
        // The form in Projection's doc comment (no +type=crs, GRS80 by default: the
        // ellipsoids differ by 0.1 mm in the semi-minor axis).
        ("+proj=laea +lat_0=35 +lon_0=39", raqqa, 710.9497076984807, 105_713.74079431717),
        ("EPSG:32637", raqqa, 500_710.62836167443, 3_978_716.6601501787),  // UTM 37N, from proj.db
        ("EPSG:32637", deirEzZor, 603_678.6380664912, 3_910_888.9486466567),
        ("EPSG:3857", raqqa, 4_342_337.33852512, 4_294_132.792407588),
    ])
    func forwardMatchesPyproj(_ target: String, _ c: Coordinate, _ x: Double, _ y: Double) throws {
        let projection = try Projection(to: target)
        let p = try projection.forward(c)
        #expect(abs(p.x - x) <= 0.001, "x \(p.x), pyproj \(x)")
        #expect(abs(p.y - y) <= 0.001, "y \(p.y), pyproj \(y)")
    }

    @Test func manyProjectionsComeAndGo() throws {
        // Each one owns a context and a transform; deinit destroys them in that order.
        var sum = 0.0
        for _ in 0..<200 {
            let projection = try Projection(to: Self.laea)
            sum += try projection.forward(Self.raqqa).y
            #expect(throws: ProjectionError.self) { try Projection(to: "EPSG:999999") }
        }
        #expect(abs(sum / 200 - 105_713.74079431717) <= 0.001)
    }
}
