import Geography
import Places
import Reports
import Topology

/// One row of a control scenario: who held a place from when, and on whose word.
public struct ControlEntry: Sendable {
    public var place: Place
    public var faction: Actor
    public var since: Day
    /// Ground the entry claims around the place, when larger than usual (al-Tanf's 55 km).
    public var radiusKilometres: Double?
    /// Ground given as an area (valid, possibly repaired).
    public var polygon: Shape?
    public var source: String
    public var note: String
    /// File and line, for messages and provenance.
    public var origin: String
}

/// An analyst-editable control scenario: `Gazetteer/control-YYYY-MM-DD.tsv`.
public struct Scenario: Sendable {
    public var entries: [ControlEntry]
    public var date: Day
    public var path: String
    /// Repairs made while reading (a self-intersecting polygon made valid), one line each.
    public var warnings: [String]

    /// Reads a scenario file. Every place id must be in the gazetteer; a broken polygon is
    /// repaired with MakeValid and a warning naming the entry, or refused when it cannot be.
    public static func load(path: String, gazetteer: Gazetteer) throws(TerritoryError) -> Scenario {
        let bytes: [UInt8]
        do { bytes = try readFileBytes(path) } catch { throw TerritoryError(file: path, message: error.message) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw TerritoryError(file: path, message: "is not valid UTF-8 text") }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var date = Day(year: 2017, month: 9, day: 1)!
        if let r = name.firstRange(of: "control-"), let d = Day(iso: name[r.upperBound...].prefix(10)) { date = d }
        var header: [String: Int]?
        var entries: [ControlEntry] = []
        var warnings: [String] = []
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = n + 1
            let content = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func fail(_ message: String) -> TerritoryError { TerritoryError(file: path, line: line, message: message) }
            guard let columns = header else {
                var h: [String: Int] = [:]
                for (i, f) in fields.enumerated() { h[f.lowercased()] = i }
                for required in ["place", "faction", "since"] where h[required] == nil {
                    throw fail("header has no '\(required)' column (expected: place faction since radius_km polygon source note)")
                }
                header = h
                continue
            }
            func field(_ name: String) -> String {
                guard let i = columns[name], i < fields.count else { return "" }
                return fields[i]
            }
            let id = field("place")
            guard !id.isEmpty else { throw fail("has no place id") }
            guard let place = gazetteer.place(id: id) else { throw fail("place '\(id)' is not in the gazetteer (use an id from Gazetteer/places.tsv or geonames:<id>)") }
            guard let faction = Actor(rawValue: field("faction")) else {
                throw fail("faction '\(field("faction"))' is not one of \(Actor.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let since = Day(iso: field("since")) else { throw fail("since '\(field("since"))' is not a date YYYY-MM-DD") }
            var radius: Double?
            if !field("radius_km").isEmpty {
                guard let r = Double(field("radius_km")), r > 0, r <= 500 else { throw fail("radius_km '\(field("radius_km"))' is not a number of kilometres in 0..500") }
                radius = r
            }
            var polygon: Shape?
            if !field("polygon").isEmpty {
                let shape: Shape
                do { shape = try Shape(wkt: field("polygon")) } catch { throw fail("polygon of '\(id)' is not WKT: \(error.message)") }
                guard !shape.polygons.isEmpty else { throw fail("polygon of '\(id)' is not a POLYGON") }
                let checked: (shape: Shape, repairedFrom: String?)?
                do { checked = try Scenario.validPolygon(shape) } catch { throw fail("polygon of '\(id)': \(error)") }
                guard let checked else { throw fail("polygon of '\(id)' is invalid and cannot be repaired; redraw it") }
                if let reason = checked.repairedFrom {
                    warnings.append("\(path):\(line): polygon of '\(id)' was invalid (\(reason)); repaired with MakeValid")
                }
                polygon = checked.shape
            }
            entries.append(ControlEntry(place: place, faction: faction, since: since, radiusKilometres: radius, polygon: polygon,
                                        source: field("source"), note: field("note"), origin: "\(name):\(line)"))
        }
        guard header != nil else { throw TerritoryError(file: path, message: "is empty: no header and no entries") }
        return Scenario(entries: entries, date: date, path: path, warnings: warnings)
    }

    /// The polygon, or its MakeValid repair with the reason it needed one; nil when even
    /// the repair has no area.
    static func validPolygon(_ shape: Shape) throws(GEOSError) -> (shape: Shape, repairedFrom: String?)? {
        if try shape.isValid() { return (shape, nil) }
        let reason = try shape.validityReason()
        let parts = Shape.multiPolygon(try shape.madeValid().polygons)
        guard !parts.polygons.isEmpty, try parts.isValid() else { return nil }
        return (parts, reason)
    }
}
