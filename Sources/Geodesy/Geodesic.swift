import CPROJ
import Geography

/// The solution of the inverse geodesic problem between two points.
public struct GeodesicLine: Hashable, Sendable {
    /// Length of the shortest path on the ellipsoid, in metres.
    public var distanceMeters: Double
    /// Direction of travel at the start, degrees clockwise from north in (-180, 180].
    public var initialAzimuth: Double
    /// Direction of travel at the end, degrees clockwise from north in (-180, 180].
    public var finalAzimuth: Double

    /// The initial azimuth as a bearing in [0, 360).
    public var initialBearing: Double { Geodesic.bearing(fromAzimuth: initialAzimuth) }
}

/// Geodesics on an ellipsoid (Karney's algorithms, through PROJ's `geodesic.h`).
/// A plain value: the C struct holds only constants derived from the ellipsoid, so it is
/// safe to copy and share between threads.
public struct Geodesic: @unchecked Sendable {
    private var g = geod_geodesic()
    public let equatorialRadius: Double
    public let flattening: Double

    /// WGS84: a = 6378137 m, f = 1/298.257223563.
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    public init(equatorialRadius: Double, flattening: Double) {
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
        geod_init(&g, equatorialRadius, flattening)
    }

    /// Distance and azimuths between two points (wraps `geod_inverse`). Accurate to
    /// about 15 nm anywhere, including nearly antipodal points.
    public func inverse(from a: Coordinate, to b: Coordinate) -> GeodesicLine {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { gp in
            geod_inverse(gp, a.latitude, a.longitude, b.latitude, b.longitude, &s12, &azi1, &azi2)
        }
        return GeodesicLine(distanceMeters: s12, initialAzimuth: azi1, finalAzimuth: azi2)
    }

    /// The point reached by travelling `distanceMeters` from `start` with the initial
    /// azimuth `azimuth` (degrees), and the azimuth on arrival (wraps `geod_direct`).
    public func direct(from start: Coordinate, azimuth: Double, distanceMeters: Double) -> (destination: Coordinate, finalAzimuth: Double) {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { gp in
            geod_direct(gp, start.latitude, start.longitude, azimuth, distanceMeters, &lat2, &lon2, &azi2)
        }
        return (Coordinate(latitude: lat2, longitude: lon2), azi2)
    }

    /// Area (m², positive) and perimeter (m) of a ring on the ellipsoid (wraps
    /// `geod_polygonarea`). The ring may be open or closed and wound either way; its
    /// edges are geodesics.
    public func area(ofRing ring: [Coordinate]) -> (areaSquareMeters: Double, perimeterMeters: Double) {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return (0, perimeter(of: points, closed: true)) }
        var lats = points.map(\.latitude), lons = points.map(\.longitude)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: g) { gp in
            geod_polygonarea(gp, &lats, &lons, Int32(points.count), &area, &perimeter)
        }
        return (abs(area), perimeter)
    }

    /// Geodesic area of a polygon with holes, in m².
    public func area(of polygon: Polygon) -> Double {
        let outer = area(ofRing: polygon.exterior).areaSquareMeters
        return polygon.holes.reduce(outer) { $0 - area(ofRing: $1).areaSquareMeters }
    }

    /// Geodesic area of every polygon in a shape, in m² (0 for points and lines).
    public func area(of shape: Shape) -> Double {
        shape.polygons.reduce(0) { $0 + area(of: $1) }
    }

    /// Length of a path along geodesic segments, in metres.
    public func perimeter(of points: [Coordinate], closed: Bool = false) -> Double {
        guard points.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<points.count { total += inverse(from: points[i - 1], to: points[i]).distanceMeters }
        if closed, let f = points.first, let l = points.last, f != l { total += inverse(from: l, to: f).distanceMeters }
        return total
    }

    /// Length of every line in a shape, in metres.
    public func length(of shape: Shape) -> Double {
        shape.lines.reduce(0) { $0 + perimeter(of: $1) }
    }

    /// An azimuth in (-180, 180] as a bearing in [0, 360).
    public static func bearing(fromAzimuth azimuth: Double) -> Double {
        var b = azimuth.truncatingRemainder(dividingBy: 360)
        if b < 0 { b += 360 }
        return b == 360 ? 0 : b
    }
}

/// The 16 points of the compass rose, N, NNE, NE ... NNW.
public enum CompassPoint: String, CaseIterable, Sendable {
    case n = "N", nne = "NNE", ne = "NE", ene = "ENE", e = "E", ese = "ESE", se = "SE", sse = "SSE"
    case s = "S", ssw = "SSW", sw = "SW", wsw = "WSW", w = "W", wnw = "WNW", nw = "NW", nnw = "NNW"

    /// The point whose 22.5° sector holds the bearing (sectors centred on each point).
    /// A non-finite bearing (from a NaN coordinate) gives N rather than a trap.
    public init(bearing: Double) {
        guard bearing.isFinite else { self = .n; return }
        let b = Geodesic.bearing(fromAzimuth: bearing)
        let index = Int((b / 22.5).rounded(.toNearestOrAwayFromZero)) % 16
        self = CompassPoint.allCases[index]
    }

    /// The direction in words: "south-east", "north-north-west".
    public var words: String {
        let names: [Character: String] = ["N": "north", "S": "south", "E": "east", "W": "west"]
        let letters = Array(rawValue)
        switch letters.count {
        case 1: return names[letters[0]]!
        case 2: return names[letters[0]]! + "-" + names[letters[1]]!
        default: return names[letters[0]]! + "-" + names[letters[1]]! + "-" + names[letters[2]]!
        }
    }

    /// The bearing at the centre of this point's sector.
    public var bearing: Double { Double(CompassPoint.allCases.firstIndex(of: self)!) * 22.5 }
}
