import Geodesy
import Geography
import Places
import Topology

/// Which side of the Euphrates a point is on, and how far from it.
public struct BankAnswer: Sendable {
    public enum Bank: String, Sendable { case east, west, river }
    public var bank: Bank
    /// The side of the line itself, whatever the distance.
    public var lineSide: RiverBank
    public var distanceMeters: Double
    /// Where the answer comes from: `line` (the side of the river line), `gazetteer` (a
    /// sourced bank for the place), or `line (within accuracy)`.
    public var basis: String
    public var note: String?
    /// The point lies beyond an end of the line (its nearest point on the line is the first
    /// or last vertex): the side is the end segment's, extended, and says nothing of a bank.
    public var isBeyondEnds = false
}

/// An oriented river line (downstream): the Euphrates as the deconfliction line. Left of the
/// line looking downstream is the east (Jazira) bank, right the west (Shamiya) bank.
public struct RiverLine: Sendable {
    public let name: String
    public let coordinates: [Coordinate]
    /// Geodesic metres from the first vertex to each vertex.
    let cumulativeMeters: [Double]
    /// Planar degrees from the first vertex to each vertex (for GEOS linear referencing).
    let cumulativeDegrees: [Double]
    /// The line is good to about this: closer than this, the side is uncertain.
    public static let accuracyMeters = 2_000.0

    public init(name: String, coordinates: [Coordinate]) {
        self.name = name
        self.coordinates = coordinates
        var m: [Double] = [0], d: [Double] = [0]
        for k in 1..<max(1, coordinates.count) {
            let a = coordinates[k - 1], b = coordinates[k]
            m.append(m[k - 1] + Geodesic.wgs84.inverse(from: a, to: b).distanceMeters)
            let dx = b.longitude - a.longitude, dy = b.latitude - a.latitude
            d.append(d[k - 1] + (dx * dx + dy * dy).squareRoot())
        }
        cumulativeMeters = m; cumulativeDegrees = d
    }

    /// Reads `euphrates.geojson` from a gazetteer directory: one LineString feature.
    public static func load(directory: String) throws(TerritoryError) -> RiverLine {
        let path = directory + "/euphrates.geojson"
        let bytes: [UInt8]
        do { bytes = try readFileBytes(path) } catch { throw TerritoryError(file: path, message: error.message) }
        let features: [Feature]
        do { features = try GeoJSON.features(from: bytes) } catch { throw TerritoryError(file: path, message: error.description) }
        guard let f = features.first, case .lineString(let cs)? = f.shape, cs.count >= 2 else {
            throw TerritoryError(file: path, message: "expected one LineString feature (the river, oriented downstream)")
        }
        return RiverLine(name: f.properties["name"]?.stringValue ?? "Euphrates", coordinates: cs)
    }

    public var lengthMeters: Double { cumulativeMeters.last ?? 0 }
    public var shape: Shape { .lineString(coordinates) }

    /// The nearest point of the line, its segment and the distance along the line to it.
    public func locate(_ point: Coordinate) throws(GEOSError) -> (nearest: Coordinate, segment: Int, alongMeters: Double) {
        let along = try shape.projectedDistance(of: point)
        // The segment holding that planar distance.
        var lo = 0, hi = cumulativeDegrees.count - 1
        while lo + 1 < hi {
            let mid = (lo + hi) / 2
            if cumulativeDegrees[mid] <= along { lo = mid } else { hi = mid }
        }
        let a = coordinates[lo], b = coordinates[lo + 1]
        let length = cumulativeDegrees[lo + 1] - cumulativeDegrees[lo]
        let t = length > 0 ? min(1, max(0, (along - cumulativeDegrees[lo]) / length)) : 0
        let nearest = Coordinate(latitude: a.latitude + t * (b.latitude - a.latitude), longitude: a.longitude + t * (b.longitude - a.longitude))
        let alongMeters = cumulativeMeters[lo] + Geodesic.wgs84.inverse(from: a, to: nearest).distanceMeters
        return (nearest, lo, alongMeters)
    }

    /// The side of the line a point is on and its geodesic distance to the line.
    public func side(of point: Coordinate) throws(GEOSError) -> (side: RiverBank, distanceMeters: Double) {
        let (nearest, segment, _) = try locate(point)
        let a = coordinates[segment], b = coordinates[segment + 1]
        // Left of a→b (counter-clockwise) is the left bank looking downstream: east.
        var cross = (b.longitude - a.longitude) * (point.latitude - a.latitude) - (b.latitude - a.latitude) * (point.longitude - a.longitude)
        if abs(cross) < 1e-15, segment + 2 < coordinates.count {
            let c = coordinates[segment + 2]
            cross = (c.longitude - b.longitude) * (point.latitude - b.latitude) - (c.latitude - b.latitude) * (point.longitude - b.longitude)
        }
        let distance = Geodesic.wgs84.inverse(from: point, to: nearest).distanceMeters
        return (cross >= 0 ? .east : .west, distance)
    }

    /// The bank of a point or place: the line's side, except that within the line's
    /// accuracy a sourced bank from the gazetteer decides, else the answer is `river`.
    public func bank(of point: Coordinate, place: Place? = nil) throws(GEOSError) -> BankAnswer {
        let (side, distance) = try side(of: point)
        if distance >= RiverLine.accuracyMeters {
            var answer = BankAnswer(bank: side == .east ? .east : .west, lineSide: side, distanceMeters: distance, basis: "line", note: nil)
            let along = try locate(point).alongMeters
            if along < 1 || along > lengthMeters - 1 {
                let end = along < 1 ? coordinates[0] : coordinates[coordinates.count - 1]
                answer.isBeyondEnds = true
                answer.note = "beyond the river line's \(along < 1 ? "upstream" : "downstream") end (\(formatDegrees(end.latitude, decimals: 2)), \(formatDegrees(end.longitude, decimals: 2))): the side is its end segment's, extended"
            }
            return answer
        }
        if let recorded = place?.bank {
            return BankAnswer(bank: recorded == .east ? .east : .west, lineSide: side, distanceMeters: distance, basis: "gazetteer",
                              note: "within \(Int(RiverLine.accuracyMeters / 1000)) km of the river line; the bank is the gazetteer's sourced one")
        }
        return BankAnswer(bank: .river, lineSide: side, distanceMeters: distance, basis: "line (within accuracy)",
                          note: "closer to the river line than its accuracy (\(Int(RiverLine.accuracyMeters / 1000)) km); the line puts it on the \(side.rawValue) side")
    }

    /// Distance between two points measured along the river, between their nearest points
    /// on the line (linear referencing), in metres.
    public func alongDistance(from a: Coordinate, to b: Coordinate) throws(GEOSError) -> (meters: Double, fromOffset: Double, toOffset: Double) {
        let la = try locate(a), lb = try locate(b)
        return (abs(lb.alongMeters - la.alongMeters), la.alongMeters, lb.alongMeters)
    }
}

/// A territory data file that cannot be used, with where and why.
public struct TerritoryError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int? = nil, message: String) { self.file = file; self.line = line; self.message = message }
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
