/// A polygon: one exterior ring and any number of holes. Rings are closed
/// (first == last) when they come from the GeoJSON reader or from GEOS.
public struct Polygon: Hashable, Sendable {
    public var exterior: [Coordinate]
    public var holes: [[Coordinate]]

    public init(exterior: [Coordinate], holes: [[Coordinate]] = []) {
        self.exterior = exterior
        self.holes = holes
    }
}

/// A geometry value in WGS84 lon/lat: the Simple Features types GeoJSON knows.
/// Plain data with no handle behind it; GEOS and PROJ work happens in `Topology` and
/// `Geodesy` and gives values back.
public indirect enum Shape: Hashable, Sendable {
    case point(Coordinate)
    case multiPoint([Coordinate])
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])
    case polygon(Polygon)
    case multiPolygon([Polygon])
    case collection([Shape])

    /// The GeoJSON / OGC type name.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .collection: "GeometryCollection"
        }
    }

    /// Every coordinate, in order.
    public var coordinates: [Coordinate] {
        switch self {
        case .point(let c): [c]
        case .multiPoint(let cs), .lineString(let cs): cs
        case .multiLineString(let lines): lines.flatMap { $0 }
        case .polygon(let p): p.exterior + p.holes.flatMap { $0 }
        case .multiPolygon(let ps): ps.flatMap { $0.exterior + $0.holes.flatMap { $0 } }
        case .collection(let shapes): shapes.flatMap(\.coordinates)
        }
    }

    /// The polygons of a polygonal shape (a collection contributes its polygonal members).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let ps): ps
        case .collection(let shapes): shapes.flatMap(\.polygons)
        default: []
        }
    }

    /// The lines of a lineal shape.
    public var lines: [[Coordinate]] {
        switch self {
        case .lineString(let l): [l]
        case .multiLineString(let ls): ls
        case .collection(let shapes): shapes.flatMap(\.lines)
        default: []
        }
    }

    public var isEmpty: Bool { coordinates.isEmpty }

    /// The lon/lat bounding box, or nil for an empty shape.
    public var boundingBox: BoundingBox? { BoundingBox(covering: coordinates) }
}

/// A lon/lat box: west, south, east, north (the order of GeoJSON's `bbox`).
public struct BoundingBox: Hashable, Sendable {
    public var west: Double, south: Double, east: Double, north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    public init?(covering coordinates: some Sequence<Coordinate>) {
        var it = coordinates.makeIterator()
        guard let first = it.next() else { return nil }
        var box = BoundingBox(west: first.longitude, south: first.latitude, east: first.longitude, north: first.latitude)
        while let c = it.next() { box.extend(c) }
        self = box
    }

    public mutating func extend(_ c: Coordinate) {
        west = min(west, c.longitude); east = max(east, c.longitude)
        south = min(south, c.latitude); north = max(north, c.latitude)
    }

    public func union(with other: BoundingBox) -> BoundingBox {
        BoundingBox(west: min(west, other.west), south: min(south, other.south),
                    east: max(east, other.east), north: max(north, other.north))
    }

    public func contains(_ c: Coordinate) -> Bool {
        c.longitude >= west && c.longitude <= east && c.latitude >= south && c.latitude <= north
    }
}

extension BoundingBox {
    /// Whether the two boxes share any point.
    public func intersects(_ other: BoundingBox) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }
}

extension Shape {
    /// A lon/lat box as a polygon (south-west corner first, closed).
    public static func box(_ b: BoundingBox) -> Shape {
        .polygon(Polygon(exterior: [
            Coordinate(latitude: b.south, longitude: b.west), Coordinate(latitude: b.south, longitude: b.east),
            Coordinate(latitude: b.north, longitude: b.east), Coordinate(latitude: b.north, longitude: b.west),
            Coordinate(latitude: b.south, longitude: b.west),
        ]))
    }
}
