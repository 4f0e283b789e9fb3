import Geodesy
import Testing

/// The 16-point compass rose: 22.5° sectors centred on each point, so N covers
/// [348.75, 11.25) and NNE starts at 11.25.
@Suite struct CompassPointTests {
    @Test(arguments: [
        (0.0, CompassPoint.n),
        (11.24, .n), (11.25, .nne), (11.26, .nne),  // the N/NNE boundary
        (22.4, .nne), (22.5, .nne), (33.74, .nne), (33.76, .ne),
        (45, .ne), (90, .e), (135, .se), (180, .s), (202.5, .ssw), (270, .w),
        (348.74, .nnw), (348.76, .n), (350, .n), (359.999, .n),
        // Azimuths as geodesics report them, in (-180, 180], and turns past 360.
        (-45, .nw), (-90, .w), (-180, .s), (-0.0, .n), (-11.26, .nnw), (360, .n), (720 + 90, .e),
    ])
    func bearingFallsInItsSector(_ bearing: Double, _ expected: CompassPoint) {
        #expect(CompassPoint(bearing: bearing) == expected)
    }

    @Test(arguments: CompassPoint.allCases)
    func eachPointIsTheCentreOfItsOwnSector(_ point: CompassPoint) {
        #expect(CompassPoint(bearing: point.bearing) == point)
        #expect(CompassPoint(bearing: point.bearing + 11.2) == point)
        #expect(CompassPoint(bearing: point.bearing - 11.2) == point)
    }

    @Test func pointsRunClockwiseFromNorth() {
        #expect(CompassPoint.allCases.map(\.rawValue) ==
                ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"])
        #expect(CompassPoint.se.bearing == 135)
        #expect(CompassPoint.nnw.bearing == 337.5)
    }

    @Test(arguments: [
        ("N", "north"), ("E", "east"), ("SE", "south-east"), ("NW", "north-west"), ("SW", "south-west"),
    ])
    func wordsSpellOutTheDirection(_ raw: String, _ words: String) throws {
        #expect(try #require(CompassPoint(rawValue: raw)).words == words)
    }

    @Test(arguments: [("NNW", "north-north-west"), ("ENE", "east-north-east"), ("SSW", "south-south-west"), ("WNW", "west-north-west")])
    func threeLetterPointsAreHyphenatedThroughout(_ raw: String, _ words: String) throws {
        // Regression: these once came out as "north-northwest", against the doc comment
        // and the style of "south-east".
        #expect(try #require(CompassPoint(rawValue: raw)).words == words)
    }

    @Test(arguments: [(0.0, 0.0), (-90, 270), (180, 180), (-180, 180), (-0.0, 0), (359.5, 359.5), (725, 5), (-1e-20, 0)])
    func bearingFromAzimuthIsInZeroTo360(_ azimuth: Double, _ bearing: Double) {
        let b = Geodesic.bearing(fromAzimuth: azimuth)
        #expect(b == bearing)
        #expect(b >= 0 && b < 360)
    }

    @Test func aNaNBearingDoesNotTrap() async {
        // Regression: Int(Double.nan) traps, and CompassPoint(bearing:) converted without
        // a check. A NaN azimuth comes from geod_inverse given a NaN coordinate (an
        // unvalidated Coordinate(latitude:longitude:) built from bad data).
        await #expect(processExitsWith: .success) {
            _ = CompassPoint(bearing: .nan)
        }
        #expect(CompassPoint(bearing: .nan) == .n)
    }
}
