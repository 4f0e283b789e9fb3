import FoundationEssentials
import Geography

/// The place data conflictmap resolves names against: a GeoNames table, the curated layer
/// on top of it (new places, and aliases, banks and notes for GeoNames places), and an
/// index from normalised name keys to places. Places are numbered: GeoNames rows first,
/// then curated places. Immutable once loaded; safe to share between tasks.
public struct Gazetteer: Sendable {
    /// The files this gazetteer was read from, for provenance in outputs.
    public let files: [String]
    /// The directory holding the geometry files the places refer to, if any.
    public let dataDirectory: String?
    let geonames: GeoNamesTable?
    /// Curated places that are not GeoNames rows, numbered after the rows.
    let extraPlaces: [Place]
    /// GeoNames rows the curated layer amends, by row number.
    let amendedRows: [Int: Place]
    let curatedIDs: Set<String>
    let extraPositions: [String: Int]
    let index: NameIndex

    /// Loads the default data directory (`geonames.tsv` + `places.tsv`), or a GeoNames
    /// file in place of `geonames.tsv` with the curated `places.tsv` still on top.
    public static func load(directory: String, geonamesFile: String? = nil) throws(GazetteerError) -> Gazetteer {
        let geonamesPath = geonamesFile ?? directory + "/geonames.tsv"
        let curatedPath = directory + "/places.tsv"
        let table = try GeoNamesTable(file: try TSVFile(path: geonamesPath))
        let curated = FileManager.default.fileExists(atPath: curatedPath)
            ? try CuratedReader.read(try TSVFile(path: curatedPath)) : []
        return try Gazetteer(geonames: table, curated: curated, curatedPath: curatedPath,
                             files: [geonamesPath] + (curated.isEmpty ? [] : [curatedPath]), dataDirectory: directory)
    }

    /// A gazetteer of just these places (tests, and callers that build their own).
    public init(places: [Place]) {
        files = []
        dataDirectory = nil
        geonames = nil
        extraPlaces = places
        amendedRows = [:]
        curatedIDs = Set(places.map(\.id))
        extraPositions = Dictionary(places.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var builder = NameIndex.Builder()
        Gazetteer.addNames(of: places, firstNumber: 0, to: &builder)
        index = builder.finish()
    }

    init(geonames table: GeoNamesTable, curated: [CuratedReader.Row], curatedPath: String,
         files: [String], dataDirectory: String?) throws(GazetteerError) {
        var extra: [Place] = []
        var amended: [Int: Place] = [:]
        var curatedIDs: Set<String> = []
        for row in curated {
            curatedIDs.insert(row.id)
            if let n = Gazetteer.geonameID(row.id), let r = table.rows[n] {
                amended[Int(r)] = try CuratedReader.place(from: row, base: table.place(row: Int(r)), file: curatedPath)
            } else {
                // A new place, or an amendment to a GeoNames row that this (user's) GeoNames
                // file lacks: kept as a place of its own when it gives a point.
                if row.id.hasPrefix("geonames:"), row.values["lat"].map({ $0.isEmpty }) ?? true { continue }
                extra.append(try CuratedReader.place(from: row, base: nil, file: curatedPath))
            }
        }
        guard table.count + extra.count < NameIndex.maximumPlaces else {
            throw GazetteerError(file: table.path, message: "has too many places; at most \(NameIndex.maximumPlaces - 1) are supported (use a country extract)")
        }
        self.files = files
        self.dataDirectory = dataDirectory
        self.geonames = table
        self.extraPlaces = extra
        self.amendedRows = amended
        self.curatedIDs = curatedIDs
        self.extraPositions = Dictionary(extra.enumerated().map { ($1.id, table.count + $0) }, uniquingKeysWith: { a, _ in a })
        var builder = NameIndex.Builder()
        builder.entries = table.indexEntries
        Gazetteer.addNames(of: extra, firstNumber: table.count, to: &builder)
        for (row, place) in amended { Gazetteer.addNames(of: [place], firstNumber: row, to: &builder) }
        index = builder.finish()
    }

    static func addNames(of places: [Place], firstNumber: Int, to builder: inout NameIndex.Builder) {
        let keys = NameKeyBuilder()
        for (k, place) in places.enumerated() {
            for name in place.allNames {
                var utf8 = Array(name.utf8)
                let hash = utf8.withUnsafeMutableBufferPointer { buf in
                    keys.hash(UnsafeBufferPointer(buf), prefixes: { builder.addPrefix(hash: $0) },
                              continuations: { builder.addContinuation(hash: $0) })
                }
                if let hash { builder.add(hash: hash, place: firstNumber + k) }
            }
        }
    }

    static func geonameID(_ id: String) -> Int? {
        guard id.hasPrefix("geonames:") else { return nil }
        return Int(id.dropFirst(9))
    }

    /// Skips codes (IATA "DEZ", ICAO "OSDZ") and, outside `allScripts` countries, names in
    /// non-Latin scripts (anything beyond Latin Extended, bar apostrophe-like marks).
    public static func isUsefulAlternate(_ name: UnsafeBufferPointer<UInt8>, allScripts: Bool) -> Bool {
        if name.isEmpty { return false }
        if name.count <= 4, name.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }) { return false }
        if allScripts { return true }
        var i = 0
        while i < name.count {
            let b = name[i]
            if b < 0x80 { i += 1; continue }
            // Two-byte sequences up to U+024F (lead bytes C3..C9) and modifier letters
            // U+02B0..02FF (CA/CB) are Latin; E1 B8..BB is Latin Extended Additional;
            // E2 80 98/99 are ‘ ’.
            if b >= 0xC3 && b <= 0xCB { i += 2; continue }
            if b == 0xE1, i + 1 < name.count, name[i + 1] >= 0xB8, name[i + 1] <= 0xBB { i += 3; continue }
            if b == 0xE2, i + 2 < name.count, name[i + 1] == 0x80, name[i + 2] == 0x98 || name[i + 2] == 0x99 { i += 3; continue }
            return false
        }
        return true
    }

    /// How many places there are.
    public var count: Int { (geonames?.count ?? 0) + extraPlaces.count }

    /// Place number `n` (0..<count).
    public func place(at n: Int) -> Place {
        let rows = geonames?.count ?? 0
        if n >= rows { return extraPlaces[n - rows] }
        return amendedRows[n] ?? geonames!.place(row: n)
    }

    public func place(id: String) -> Place? {
        if let n = Gazetteer.geonameID(id), let r = geonames?.rows[n] { return place(at: Int(r)) }
        return extraPositions[id].map { place(at: $0) }
    }

    /// Every place, built one at a time.
    public var allPlaces: some Sequence<Place> { (0..<count).lazy.map { place(at: $0) } }

    /// True when the place comes from (or was amended by) the curated layer.
    public func isCurated(_ place: Place) -> Bool { curatedIDs.contains(place.id) }

    /// The numbers of the curated places: GeoNames rows the curated layer amends, then its
    /// own places.
    var curatedNumbers: [Int] { amendedRows.keys.sorted() + Array((geonames?.count ?? 0)..<count) }

    /// The places with a name whose key is `key` (confirmed by name, so no hash collision
    /// leaks through).
    public func places(forKey key: String) -> [Place] {
        placesAndNames(forKey: key).map(\.place)
    }

    /// The numbers of the places with a name whose key is `key` (confirmed by name), in
    /// the order `places(forKey:)` gives the places.
    public func placeNumbers(forKey key: String) -> [Int] {
        guard !key.isEmpty else { return [] }
        let wanted = Array(key.utf8)
        var seen: Set<Int> = []
        let builder = NameKeyBuilder()
        let wantedHash = NameKeyBuilder.hash(wanted)
        var out: [Int] = []
        for number in index.places(forHash: wantedHash) where seen.insert(number).inserted {
            // A GeoNames row as it is in the file is read on its bytes; others as places.
            if let table = geonames, number < table.count, amendedRows[number] == nil {
                if table.hasName(row: number, key: wanted, hash: wantedHash, builder: builder) { out.append(number) }
            } else if lookupNames(of: place(at: number)).contains(where: { name in
                var utf8 = Array(name.utf8)
                return utf8.withUnsafeMutableBufferPointer { buf in
                    builder.hash(UnsafeBufferPointer(buf)) == wantedHash && builder.key(UnsafeBufferPointer(buf)) == wanted
                }
            }) {
                out.append(number)
            }
        }
        return out
    }

    /// The places with a name whose key is `key`, each with its names of that key.
    func placesAndNames(forKey key: String) -> [(place: Place, names: [String])] {
        var out: [(Place, [String])] = []
        forEachPlace(forKey: key) { _, place, names in out.append((place, names)) }
        return out
    }

    private func forEachPlace(forKey key: String, _ body: (Int, Place, [String]) -> Void) {
        guard !key.isEmpty else { return }
        let wanted = Array(key.utf8)
        var seen: Set<Int> = []
        let builder = NameKeyBuilder()
        let wantedHash = NameKeyBuilder.hash(wanted)
        for number in index.places(forHash: wantedHash) where seen.insert(number).inserted {
            let place = place(at: number)
            // The key's full hash first (no key built): most of a place's names are others'.
            let names = lookupNames(of: place).filter { name in
                var utf8 = Array(name.utf8)
                return utf8.withUnsafeMutableBufferPointer { buf in
                    builder.hash(UnsafeBufferPointer(buf)) == wantedHash && builder.key(UnsafeBufferPointer(buf)) == wanted
                }
            }
            if !names.isEmpty { body(number, place, names) }
        }
    }

    /// Candidate place numbers for a key hash, unconfirmed (the text matcher's fast path).
    public func placeNumbers(forHash hash: UInt64) -> [Int] { index.places(forHash: hash) }

    /// Every name of a place that lookups use: canonical, aliases and alternate names.
    public func lookupNames(of place: Place) -> [String] {
        guard let n = Gazetteer.geonameID(place.id), let table = geonames, let r = table.rows[n] else { return place.allNames }
        return place.allNames + table.alternateNames(row: Int(r))
    }

    /// Calls `body` with every name of every place, as UTF-8, and the place number.
    func forEachName(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        geonames?.forEachName(body)
        let rows = geonames?.count ?? 0
        for (row, place) in amendedRows {
            for name in place.aliases { let u = Array(name.utf8); u.withUnsafeBufferPointer { body(row, $0) } }
        }
        for (k, place) in extraPlaces.enumerated() {
            for name in place.allNames { let u = Array(name.utf8); u.withUnsafeBufferPointer { body(rows + k, $0) } }
        }
    }
}
