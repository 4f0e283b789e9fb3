import Foundation
import Geography
import Testing

/// The geographiclib tables in `Fixtures/` (written by `make_geodesic_reference.py`),
/// read into values the parameterised tests iterate over.
enum ReferenceTables {
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Rows of a tab-separated fixture, header checked and dropped, each row with its
    /// 1-based line number so a failure points at the line to look at.
    static func rows(_ name: String, header: [String]) throws -> [(line: Int, fields: [String])] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures") else {
            throw LoadError(description: "Fixtures/\(name).tsv is missing from the test bundle")
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, first.split(separator: "\t").map(String.init) == header else {
            throw LoadError(description: "Fixtures/\(name).tsv: header is not \(header.joined(separator: " "))")
        }
        return lines.dropFirst().enumerated().map { (i, line) in
            (line: i + 2, fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
    }

    static func double(_ text: String, _ name: String, _ line: Int) throws -> Double {
        guard let value = Double(text) else { throw LoadError(description: "Fixtures/\(name).tsv line \(line): '\(text)' is not a number") }
        return value
    }

    // MARK: Inverse problem

    struct InverseCase: Sendable, CustomTestStringConvertible {
        var line: Int
        var start: Coordinate
        var end: Coordinate
        var distanceMeters: Double
        var initialAzimuth: Double
        var finalAzimuth: Double
        var kind: String
        var testDescription: String { "line \(line) [\(kind)] (\(start.latitude), \(start.longitude)) → (\(end.latitude), \(end.longitude))" }
    }

    static func inverseCases() throws -> [InverseCase] {
        let name = "geodesic_reference"
        return try rows(name, header: ["lat1", "lon1", "lat2", "lon2", "s12", "azi1", "azi2", "case"]).map { row in
            guard row.fields.count == 8 else { throw LoadError(description: "\(name).tsv line \(row.line): expected 8 fields") }
            let v = try row.fields[0..<7].map { try double($0, name, row.line) }
            return InverseCase(line: row.line,
                               start: Coordinate(latitude: v[0], longitude: v[1]),
                               end: Coordinate(latitude: v[2], longitude: v[3]),
                               distanceMeters: v[4], initialAzimuth: v[5], finalAzimuth: v[6], kind: row.fields[7])
        }
    }

    // MARK: Direct problem

    struct DirectCase: Sendable, CustomTestStringConvertible {
        var line: Int
        var start: Coordinate
        var azimuth: Double
        var distanceMeters: Double
        var destination: Coordinate
        var finalAzimuth: Double
        var kind: String
        var testDescription: String { "line \(line) [\(kind)] from (\(start.latitude), \(start.longitude)) azimuth \(azimuth) for \(distanceMeters) m" }
    }

    static func directCases() throws -> [DirectCase] {
        let name = "geodesic_direct"
        return try rows(name, header: ["lat1", "lon1", "azi1", "s12", "lat2", "lon2", "azi2", "case"]).map { row in
            guard row.fields.count == 8 else { throw LoadError(description: "\(name).tsv line \(row.line): expected 8 fields") }
            let v = try row.fields[0..<7].map { try double($0, name, row.line) }
            return DirectCase(line: row.line, start: Coordinate(latitude: v[0], longitude: v[1]),
                              azimuth: v[2], distanceMeters: v[3],
                              destination: Coordinate(latitude: v[4], longitude: v[5]), finalAzimuth: v[6],
                              kind: row.fields[7])
        }
    }

    // MARK: Polygon area

    struct PolygonCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// Exterior first, then holes, as written in the fixture (open or closed, any winding).
        var rings: [[Coordinate]]
        var areaSquareMeters: Double
        /// Perimeter of the exterior ring.
        var perimeterMeters: Double
        var testDescription: String { name }
    }

    static func polygonCases() throws -> [PolygonCase] {
        let name = "geodesic_polygons"
        return try rows(name, header: ["case", "area", "perimeter", "rings"]).map { row in
            guard row.fields.count == 4 else { throw LoadError(description: "\(name).tsv line \(row.line): expected 4 fields") }
            let rings = try row.fields[3].components(separatedBy: " | ").map { ring in
                try ring.split(separator: ";").map { pair in
                    let p = pair.split(separator: " ").map(String.init)
                    guard p.count == 2 else { throw LoadError(description: "\(name).tsv line \(row.line): bad position '\(pair)'") }
                    return Coordinate(latitude: try double(p[0], name, row.line), longitude: try double(p[1], name, row.line))
                }
            }
            return PolygonCase(name: row.fields[0], rings: rings,
                               areaSquareMeters: try double(row.fields[1], name, row.line),
                               perimeterMeters: try double(row.fields[2], name, row.line))
        }
    }
}

/// The smallest difference between two angles in degrees, so 179.9999999 and
/// -180 compare as close.
func angularDifference(_ a: Double, _ b: Double) -> Double {
    abs(remainder(a - b, 360))
}
