import Geography

/// Reads GeoNames place files: the `cities500` extract with a header line (our
/// `geonames.tsv`), or a real GeoNames dump (19 columns, no header: allCountries.txt,
/// SY.txt, cities500.txt).
enum GeoNamesReader {
    struct Row {
        var place: Place
        /// GeoNames `alternatenames`, comma-separated, split when indexed.
        var alternateNames: Substring
    }

    private struct Layout {
        var id = 0, name = 1, ascii = 2, alternates = 3, lat = 4, lon = 5, featureClass = 6, featureCode = 7
        var country = 8, admin1Code: Int, admin1Name: Int?, population: Int, columns: Int

        static let dump = Layout(admin1Code: 10, admin1Name: nil, population: 14, columns: 19)
        static let extract = Layout(admin1Code: 9, admin1Name: 10, population: 11, columns: 13)
    }

    static func read(_ file: TSVFile) throws(GazetteerError) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(file.bytes.count / 140)
        var layout: Layout?
        var seen: Set<Int> = []
        try file.forEachLine { (line, fields, buf) throws(GazetteerError) in
            if layout == nil {
                if buf.equals(fields[0], "geonameid") {
                    guard fields.count >= 12 else { throw GazetteerError(file: file.path, line: line, message: "header has \(fields.count) columns; expected the 13-column cities500 header (geonameid name asciiname alternatenames latitude longitude ...)") }
                    layout = .extract
                    return
                }
                layout = fields.count >= 19 ? .dump : (fields.count == 13 ? .extract : nil)
                guard layout != nil else {
                    throw GazetteerError(file: file.path, line: line, message: "has \(fields.count) tab-separated columns; a GeoNames file has 19 (a dump) or 13 with a header line (cities500 extract)")
                }
            }
            let l = layout!
            guard fields.count >= l.columns else {
                throw GazetteerError(file: file.path, line: line, message: "has \(fields.count) columns, expected \(l.columns) (a missing tab?)")
            }
            guard let id = buf.int(fields[l.id]) else {
                throw GazetteerError(file: file.path, line: line, message: "geonameid '\(buf.string(fields[l.id]) ?? "?")' is not a whole number")
            }
            guard seen.insert(id).inserted else {
                throw GazetteerError(file: file.path, line: line, message: "duplicate geonameid \(id): every id must be unique")
            }
            guard let lat = buf.double(fields[l.lat]), let lon = buf.double(fields[l.lon]) else {
                throw GazetteerError(file: file.path, line: line, message: "latitude/longitude '\(buf.string(fields[l.lat]) ?? "?")', '\(buf.string(fields[l.lon]) ?? "?")' are not decimal numbers")
            }
            guard abs(lat) <= 90, abs(lon) <= 180 else {
                throw GazetteerError(file: file.path, line: line, message: "coordinate \(lat), \(lon) is outside -90..90, -180..180")
            }
            guard let name = buf.string(fields[l.name]), !name.isEmpty, let alternates = buf.string(fields[l.alternates]),
                  let ascii = buf.string(fields[l.ascii]) else {
                throw GazetteerError(file: file.path, line: line, message: "a name is empty or not valid UTF-8")
            }
            let featureClass = buf.string(fields[l.featureClass]) ?? ""
            let featureCode = buf.string(fields[l.featureCode]) ?? ""
            let population = buf.int(fields[l.population])
            let country = buf.string(fields[l.country]).flatMap { $0.isEmpty ? nil : $0 }
            let province = l.admin1Name.flatMap { buf.string(fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            let kind = kindOf(featureClass: featureClass, code: featureCode, population: population ?? 0)
            var aliases: [String] = []
            if ascii != name && !ascii.isEmpty { aliases.append(ascii) }
            let place = Place(
                id: "geonames:\(id)", name: name, kind: kind,
                coordinate: Coordinate(latitude: lat, longitude: lon),
                precision: kind == .country || kind == .province || kind == .region ? .centroid : .exact,
                province: province, country: country, population: population.flatMap { $0 > 0 ? $0 : nil },
                aliases: aliases, source: "GeoNames \(id) (CC BY 4.0)")
            rows.append(Row(place: place, alternateNames: Substring(alternates)))
        }
        return rows
    }

    /// Maps GeoNames feature classes and codes to our kinds; populated places by size.
    static func kindOf(featureClass: String, code: String, population: Int) -> PlaceKind {
        switch (featureClass, code) {
        case ("A", let c) where c.hasPrefix("PCL"): return .country
        case ("A", "ADM1"): return .province
        case ("A", _): return .district
        case ("H", "STM"), ("H", "STMI"), ("H", "WAD"): return .river
        case ("H", "DAM"): return .dam
        case ("T", "VAL"): return .valley
        case ("T", "HLL"), ("T", "HLLS"), ("T", "MT"), ("T", "MTS"): return .hill
        case ("S", "AIRP"), ("S", "AIRB"), ("S", "AIRF"): return .airport
        case ("S", "MILB"), ("S", "INSM"): return .base
        case ("S", "PSTB"): return .borderCrossing
        case ("R", _): return .road
        case ("L", "OILF"): return .oilField
        case ("L", "GASF"): return .gasField
        case ("L", "INDS"): return .industrialZone
        case ("L", _): return .region
        case ("P", _), ("", _):
            if code == "PPLC" || population >= 100_000 { return .city }
            if population >= 10_000 || code.hasPrefix("PPLA") { return .town }
            return .village
        default: return .locality
        }
    }
}
