import FoundationEssentials
import Geography

/// Reads `places.tsv`, the curated layer (see Gazetteer/README.md for the columns).
enum CuratedReader {
    static let columns = ["id", "name", "kind", "lat", "lon", "precision", "province", "country", "population",
                          "aliases", "bank", "geometry", "source", "note"]

    /// A row: a whole new place, or additions to a GeoNames place (`geonames:<id>` with
    /// empty columns inherited).
    struct Row {
        var line: Int
        var id: String
        var values: [String: String]
    }

    static func read(_ file: TSVFile) throws(GazetteerError) -> [Row] {
        var header: [String]?
        var rows: [Row] = []
        var ids: Set<String> = []
        try file.forEachLine { (line, fields, buf) throws(GazetteerError) in
            var values: [String] = []
            for f in fields {
                guard let s = buf.string(f) else { throw GazetteerError(file: file.path, line: line, message: "is not valid UTF-8") }
                values.append(s.trimmingWhitespace)
            }
            guard let names = header else {
                guard values.first == "id" else {
                    throw GazetteerError(file: file.path, line: line, message: "the first line must be the header (\(columns.joined(separator: " ")))")
                }
                for required in ["id", "name", "kind", "lat", "lon"] where !values.contains(required) {
                    throw GazetteerError(file: file.path, line: line, message: "header has no '\(required)' column")
                }
                header = values
                return
            }
            guard values.count == names.count else {
                throw GazetteerError(file: file.path, line: line, message: "has \(values.count) columns, the header has \(names.count) (a missing or extra tab?)")
            }
            let dict = Dictionary(zip(names, values), uniquingKeysWith: { a, _ in a })
            let id = dict["id"] ?? ""
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == ":" || $0 == "-") }) else {
                throw GazetteerError(file: file.path, line: line, message: "id '\(id)' must be a lowercase slug (letters, digits, _) or geonames:<number>")
            }
            guard ids.insert(id).inserted else {
                throw GazetteerError(file: file.path, line: line, message: "duplicate id '\(id)': every id must be unique")
            }
            rows.append(Row(line: line, id: id, values: dict))
        }
        return rows
    }

    /// Builds a place from a row, on top of `base` (the GeoNames place it amends) if any.
    static func place(from row: Row, base: Place?, file: String) throws(GazetteerError) -> Place {
        func value(_ key: String) -> String? {
            guard let v = row.values[key], !v.isEmpty else { return nil }
            return v
        }
        func fail(_ message: String) -> GazetteerError { GazetteerError(file: file, line: row.line, message: message) }

        var kind = base?.kind
        if let k = value("kind") {
            guard let parsed = PlaceKind(rawValue: k) else {
                throw fail("unknown kind '\(k)'; use one of \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = parsed
        }
        var coordinate = base?.coordinate
        if value("lat") != nil || value("lon") != nil {
            guard let latText = value("lat"), let lonText = value("lon"),
                  let lat = Double(latText), let lon = Double(lonText), lat.isFinite, lon.isFinite else {
                throw fail("lat/lon '\(value("lat") ?? "")', '\(value("lon") ?? "")' must both be decimal numbers")
            }
            guard abs(lat) <= 90, abs(lon) <= 180 else { throw fail("coordinate \(lat), \(lon) is outside -90..90, -180..180") }
            coordinate = Coordinate(latitude: lat, longitude: lon)
        }
        guard let name = value("name") ?? base?.name else { throw fail("has no name") }
        guard let kind else { throw fail("has no kind") }
        guard let coordinate else {
            throw fail(row.id.hasPrefix("geonames:") ? "refers to \(row.id), which is not in the GeoNames file, and gives no lat/lon" : "has no lat/lon: give an approximate point and say so in precision and note")
        }
        var precision = base?.precision ?? .exact
        if let p = value("precision") {
            guard let parsed = LocationPrecision(rawValue: p) else { throw fail("precision '\(p)' must be exact, centroid or approximate") }
            precision = parsed
        }
        var bank = base?.bank
        if let b = value("bank") {
            guard let parsed = RiverBank(rawValue: b) else { throw fail("bank '\(b)' must be east or west") }
            bank = parsed
        }
        var population = base?.population
        if let p = value("population") {
            guard let parsed = Int(p), parsed >= 0 else { throw fail("population '\(p)' must be a whole number") }
            population = parsed
        }
        let aliases = (value("aliases") ?? "").split(separator: ";").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        var all = base?.aliases ?? []
        if let base, value("name") != nil, base.name != name { all.insert(base.name, at: 0) }
        for a in aliases where !all.contains(a) && a != name { all.append(a) }
        var sources: [String] = []
        let own = value("source")
        // A curated row that cites GeoNames itself says it better than the generic base line.
        let inherited = own?.contains("GeoNames") == true ? nil : base?.source
        for part in [inherited, own].compactMap({ $0 }).flatMap({ $0.components(separatedBy: "; ") }) where !sources.contains(part) {
            sources.append(part)
        }
        let source = sources.joined(separator: "; ")
        return Place(
            id: row.id, name: name, kind: kind, coordinate: coordinate, precision: precision,
            province: value("province") ?? base?.province, country: value("country") ?? base?.country,
            population: population, aliases: all, bank: bank,
            geometryReference: value("geometry") ?? base?.geometryReference,
            source: source, note: value("note") ?? base?.note ?? "")
    }
}
