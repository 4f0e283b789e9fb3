import Dispatch
import FoundationEssentials
import Geography

/// Where the columns of a GeoNames file are: the `cities500` extract with a header line
/// (our `geonames.tsv`), or a real GeoNames dump (19 columns, no header: allCountries.txt,
/// SY.txt, cities500.txt).
struct GeoNamesLayout: Sendable {
    let id = 0, name = 1, ascii = 2, alternates = 3, lat = 4, lon = 5, featureClass = 6, featureCode = 7, country = 8
    let admin1Code: Int, admin1Name: Int?, population: Int, columns: Int

    init(admin1Code: Int, admin1Name: Int?, population: Int, columns: Int) {
        self.admin1Code = admin1Code; self.admin1Name = admin1Name; self.population = population; self.columns = columns
    }

    static let dump = GeoNamesLayout(admin1Code: 10, admin1Name: nil, population: 14, columns: 19)
    static let extract = GeoNamesLayout(admin1Code: 9, admin1Name: 10, population: 11, columns: 13)
}

/// A GeoNames file checked row by row and indexed by name, but not turned into `Place`
/// values: a world file has 234,908 rows and a lookup needs a handful, so places are
/// built from their row when asked for.
struct GeoNamesTable: Sendable {
    let path: String
    let bytes: [UInt8]
    let layout: GeoNamesLayout
    /// Byte offset of each row's first byte.
    let rowStarts: [UInt32]
    /// geonameid → row number.
    let rows: [Int: Int32]
    /// Name-key entries of every row (place number = row number).
    let indexEntries: [UInt64]

    static let source = "GeoNames (CC BY 4.0)"

    /// The countries whose alternate names in every script are indexed; elsewhere only
    /// Latin-script names are (a world dump has a million names in other scripts that a
    /// report in English never uses, and indexing them costs load time).
    static let allScriptCountries: [[UInt8]] = [Array("SY".utf8), Array("IQ".utf8)]

    var count: Int { rowStarts.count }

    init(file: TSVFile) throws(GazetteerError) {
        path = file.path
        bytes = file.bytes
        // The first line decides the layout: a header, or a dump's first row.
        var found: GeoNamesLayout?
        var bodyStart = 0
        try file.forEachLine(stopAfterFirst: true) { (line, fields, buf) throws(GazetteerError) in
            if buf.equals(fields[0], "geonameid") {
                guard fields.count >= 13 else { throw GazetteerError(file: file.path, line: line, message: "header has \(fields.count) columns; expected the 13-column cities500 header (geonameid name asciiname alternatenames latitude longitude ...)") }
                found = .extract
                bodyStart = fields.last!.upperBound + 1
                return
            }
            found = fields.count >= 19 ? .dump : nil
            guard found != nil else {
                throw GazetteerError(file: file.path, line: line, message: "has \(fields.count) tab-separated columns; a GeoNames file has 19 (a dump), or 13 after a 'geonameid name ...' header line (a cities500 extract)")
            }
        }
        guard let layout = found else { throw GazetteerError(file: file.path, message: "is empty: no GeoNames rows") }
        self.layout = layout
        bodyStart = min(bodyStart, file.bytes.count)
        // Checking and key building are the load's cost at world size: one chunk per core.
        let parts = file.bytes.count > 4_000_000 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let chunks = file.chunks(from: bodyStart, parts: parts)
        let results = ParallelSlots<Result<Chunk, GazetteerError>>(count: chunks.count)
        // Chunks count their lines from 1; the true line is worked out only for a message.
        DispatchQueue.concurrentPerform(iterations: chunks.count) { k in
            results[k] = Result { () throws(GazetteerError) -> Chunk in
                try GeoNamesTable.scan(file, layout: layout, range: chunks[k], firstLine: 1)
            }
        }
        func absolute(_ line: Int, chunk k: Int) -> Int { line - 1 + file.lineNumber(at: chunks[k].lowerBound) }
        var starts: [UInt32] = []
        var rows: [Int: Int32] = [:]
        var entries: [UInt64] = []
        for k in 0..<chunks.count {
            let chunk: Chunk
            switch results[k]! {
            case .success(let c): chunk = c
            case .failure(var error):
                error.line = error.line.map { absolute($0, chunk: k) }
                throw error
            }
            let offset = starts.count
            rows.reserveCapacity(rows.count + chunk.ids.count)
            for (i, id) in chunk.ids.enumerated() where rows.updateValue(Int32(offset + i), forKey: id) != nil {
                throw GazetteerError(file: file.path, line: absolute(chunk.lines[i], chunk: k), message: "duplicate geonameid \(id): every id must be unique")
            }
            starts.append(contentsOf: chunk.starts)
            entries.reserveCapacity(entries.count + chunk.entries.count)
            for e in chunk.entries {
                // Prefix and continuation entries carry no place number to shift.
                entries.append(NameIndex.isMarker(e) ? e : e + UInt64(offset))
            }
        }
        guard starts.count < NameIndex.maximumPlaces else {
            throw GazetteerError(file: file.path, message: "has \(starts.count) rows; at most \(NameIndex.maximumPlaces - 1) are supported (use a country extract)")
        }
        rowStarts = starts
        self.rows = rows
        indexEntries = entries
    }

    private struct Chunk {
        var starts: [UInt32] = []
        var ids: [Int] = []
        var lines: [Int] = []
        var entries: [UInt64] = []
    }

    /// Checks every row of a chunk and builds its name-key entries.
    private static func scan(_ file: TSVFile, layout l: GeoNamesLayout, range: Range<Int>, firstLine: Int) throws(GazetteerError) -> Chunk {
        var chunk = Chunk()
        let estimate = range.count / 140
        chunk.starts.reserveCapacity(estimate); chunk.ids.reserveCapacity(estimate); chunk.lines.reserveCapacity(estimate)
        chunk.entries.reserveCapacity(estimate * 6)
        let keys = NameKeyBuilder()
        try file.forEachLine(in: range, firstLine: firstLine) { (line, fields, buf) throws(GazetteerError) in
            func fail(_ message: String) -> GazetteerError { GazetteerError(file: file.path, line: line, message: message) }
            guard fields.count >= l.columns else { throw fail("has \(fields.count) columns, expected \(l.columns) (a missing tab?)") }
            guard let id = buf.int(fields[l.id]) else { throw fail("geonameid '\(buf.string(fields[l.id]) ?? "?")' is not a whole number") }
            guard let lat = buf.double(fields[l.lat]), let lon = buf.double(fields[l.lon]) else {
                throw fail("latitude/longitude '\(buf.string(fields[l.lat]) ?? "?")', '\(buf.string(fields[l.lon]) ?? "?")' are not decimal numbers")
            }
            guard abs(lat) <= 90, abs(lon) <= 180 else { throw fail("coordinate \(lat), \(lon) is outside -90..90, -180..180") }
            let nameRange = fields[l.name]
            guard !nameRange.isEmpty else { throw fail("has an empty name") }
            for f in [l.name, l.ascii, l.alternates, l.country] where !isValidUTF8(buf, fields[f]) {
                throw fail("is not valid UTF-8 text")
            }
            if let admin = l.admin1Name, !isValidUTF8(buf, fields[admin]) { throw fail("is not valid UTF-8 text") }
            let place = chunk.ids.count
            chunk.starts.append(UInt32(fields[0].lowerBound))
            chunk.ids.append(id)
            chunk.lines.append(line)
            func add(_ r: Range<Int>) {
                if let h = keys.hash(UnsafeBufferPointer(rebasing: buf[r]), prefixes: { p in
                    chunk.entries.append(p | NameIndex.placeMask)
                }, continuations: { w in
                    chunk.entries.append((w & ~NameIndex.placeMask) | UInt64(NameIndex.continuationMarker))
                }) {
                    chunk.entries.append((h & ~NameIndex.placeMask) | UInt64(place))
                }
            }
            add(nameRange)
            if !buf.same(fields[l.ascii], nameRange) { add(fields[l.ascii]) }
            let country = fields[l.country]
            let allScripts = allScriptCountries.contains { buf.same(country, $0) }
            var start = fields[l.alternates].lowerBound
            let end = fields[l.alternates].upperBound
            while start < end {
                var stop = start
                while stop < end, buf[stop] != UInt8(ascii: ",") { stop += 1 }
                let name = UnsafeBufferPointer(rebasing: buf[start..<stop])
                if Gazetteer.isUsefulAlternate(name, allScripts: allScripts) { add(start..<stop) }
                start = stop + 1
            }
        }
        return chunk
    }

    private static func isValidUTF8(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for i in r where buf[i] >= 0x80 { return buf.string(r) != nil }
        return true
    }

    /// Calls `body` with the fields of row `row`.
    func withFields<T>(ofRow row: Int, _ body: ([Range<Int>], UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { buf in
            var fields: [Range<Int>] = []
            var start = Int(rowStarts[row])
            var i = start
            while i < buf.count, buf[i] != 0x0A {
                if buf[i] == 0x09 { fields.append(start..<i); start = i + 1 }
                i += 1
            }
            var end = i
            if end > start, buf[end - 1] == 0x0D { end -= 1 }
            fields.append(start..<max(start, end))
            return body(fields, buf)
        }
    }

    /// The place of a row (checked at load, so this cannot fail).
    func place(row: Int) -> Place {
        let l = layout
        return withFields(ofRow: row) { fields, buf in
            let id = buf.int(fields[l.id]) ?? 0
            let name = buf.string(fields[l.name]) ?? ""
            let ascii = buf.string(fields[l.ascii]) ?? ""
            let featureClass = buf.string(fields[l.featureClass]) ?? ""
            let featureCode = buf.string(fields[l.featureCode]) ?? ""
            let population = buf.int(fields[l.population])
            let country = buf.string(fields[l.country]).flatMap { $0.isEmpty ? nil : $0 }
            let province = l.admin1Name.flatMap { buf.string(fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            let kind = GeoNamesTable.kindOf(featureClass: featureClass, code: featureCode, population: population ?? 0)
            return Place(
                id: "geonames:\(id)", name: name, kind: kind,
                coordinate: Coordinate(latitude: buf.double(fields[l.lat]) ?? 0, longitude: buf.double(fields[l.lon]) ?? 0),
                precision: kind == .country || kind == .province || kind == .region ? .centroid : .exact,
                province: province, country: country, population: population.flatMap { $0 > 0 ? $0 : nil },
                aliases: ascii != name && !ascii.isEmpty ? [ascii] : [], source: GeoNamesTable.source)
        }
    }

    /// Whether any name of the row (name, ASCII name, alternates) has the key `wanted`,
    /// whose hash is `wantedHash`: read on the row's bytes, no string built. Most of a
    /// row's names are others', so a name's full hash is compared before its key is built.
    func hasName(row: Int, key wanted: [UInt8], hash wantedHash: UInt64, builder: NameKeyBuilder) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            var field = 0, start = Int(rowStarts[row]), i = start
            func matches(_ r: Range<Int>) -> Bool {
                let name = UnsafeBufferPointer(rebasing: buf[r])
                return builder.hash(name) == wantedHash && builder.key(name) == wanted
            }
            while i <= buf.count {
                let b = i < buf.count ? buf[i] : 0x0A
                if b == 0x09 || b == 0x0A || (b == UInt8(ascii: ",") && field == layout.alternates) {
                    if (field == layout.name || field == layout.ascii || field == layout.alternates), matches(start..<i) { return true }
                    if b == 0x0A || (b == 0x09 && field >= layout.alternates) { return false }
                    if b == 0x09 { field += 1 }
                    start = i + 1
                }
                i += 1
            }
            return false
        }
    }

    /// The row's alternate names.
    func alternateNames(row: Int) -> [String] {
        withFields(ofRow: row) { fields, buf in
            (buf.string(fields[layout.alternates]) ?? "").split(separator: ",").map(String.init)
        }
    }

    /// Calls `body` with every name of every row as UTF-8 (suggestions scan them all).
    func forEachName(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        for row in 0..<count {
            withFields(ofRow: row) { fields, buf in
                body(row, UnsafeBufferPointer(rebasing: buf[fields[layout.name]]))
                body(row, UnsafeBufferPointer(rebasing: buf[fields[layout.ascii]]))
                var start = fields[layout.alternates].lowerBound
                let end = fields[layout.alternates].upperBound
                while start < end {
                    var stop = start
                    while stop < end, buf[stop] != UInt8(ascii: ",") { stop += 1 }
                    body(row, UnsafeBufferPointer(rebasing: buf[start..<stop]))
                    start = stop + 1
                }
            }
        }
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

extension UnsafeBufferPointer<UInt8> {
    /// True when two ranges hold the same bytes.
    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where self[a.lowerBound + k] != self[b.lowerBound + k] { return false }
        return true
    }

    func same(_ a: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard a.count == bytes.count else { return false }
        for k in 0..<a.count where self[a.lowerBound + k] != bytes[k] { return false }
        return true
    }
}
