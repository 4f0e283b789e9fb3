import Foundation
import Geography

/// The place data conflictmap resolves names against: GeoNames rows, the curated layer on
/// top of them, and an index from normalised name keys to places. Immutable once
/// loaded; safe to share between tasks.
public struct Gazetteer: Sendable {
    public let places: [Place]
    /// The files this gazetteer was read from, for provenance in outputs.
    public let files: [String]
    /// The directory holding the geometry files the places refer to, if any.
    public let dataDirectory: String?
    /// Names used for lookup but not listed in `Place.aliases` (GeoNames alternate names).
    let alternateNames: [Substring]
    let curatedIDs: Set<String>
    let index: [String: [Int32]]
    let positions: [String: Int]

    /// Names from files: the default data directory (`geonames.tsv` + `places.tsv`), or
    /// a GeoNames file in place of `geonames.tsv` with the curated layer still on top.
    public static func load(directory: String, geonamesFile: String? = nil) throws(GazetteerError) -> Gazetteer {
        let geonamesPath = geonamesFile ?? directory + "/geonames.tsv"
        let curatedPath = directory + "/places.tsv"
        let geonames = try GeoNamesReader.read(try TSVFile(path: geonamesPath))
        let curated = FileManager.default.fileExists(atPath: curatedPath)
            ? try CuratedReader.read(try TSVFile(path: curatedPath)) : []
        return try Gazetteer(geonames: geonames, curated: curated, curatedPath: curatedPath,
                             files: [geonamesPath] + (curated.isEmpty ? [] : [curatedPath]), dataDirectory: directory)
    }

    /// A gazetteer of just these places (tests, and callers that build their own).
    public init(places: [Place]) {
        self.init(places: places, alternateNames: Array(repeating: "", count: places.count),
                  curatedIDs: Set(places.map(\.id)), files: [], dataDirectory: nil)
    }

    init(geonames: [GeoNamesReader.Row], curated: [CuratedReader.Row], curatedPath: String,
         files: [String], dataDirectory: String?) throws(GazetteerError) {
        var places = geonames.map(\.place)
        var alternates = geonames.map(\.alternateNames)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(places.count + curated.count)
        for (i, p) in places.enumerated() { positions[p.id] = i }
        var curatedIDs: Set<String> = []
        for row in curated {
            curatedIDs.insert(row.id)
            if let i = positions[row.id] {
                places[i] = try CuratedReader.place(from: row, base: places[i], file: curatedPath)
            } else if row.id.hasPrefix("geonames:") {
                // A curated amendment to a GeoNames row that this GeoNames file lacks (a user's
                // smaller dump): keep it as a place of its own if it has a point.
                guard row.values["lat"].map({ !$0.isEmpty }) == true else { continue }
                positions[row.id] = places.count
                places.append(try CuratedReader.place(from: row, base: nil, file: curatedPath))
                alternates.append("")
            } else {
                positions[row.id] = places.count
                places.append(try CuratedReader.place(from: row, base: nil, file: curatedPath))
                alternates.append("")
            }
        }
        self.init(places: places, alternateNames: alternates, curatedIDs: curatedIDs, files: files, dataDirectory: dataDirectory)
    }

    private init(places: [Place], alternateNames: [Substring], curatedIDs: Set<String>, files: [String], dataDirectory: String?) {
        self.places = places
        self.alternateNames = alternateNames
        self.curatedIDs = curatedIDs
        self.files = files
        self.dataDirectory = dataDirectory
        var positions: [String: Int] = [:]
        positions.reserveCapacity(places.count)
        for (i, p) in places.enumerated() { positions[p.id] = i }
        self.positions = positions
        self.index = Gazetteer.buildIndex(places: places, alternates: alternateNames)
    }

    /// The countries whose alternate names in every script are indexed; elsewhere only
    /// Latin-script names are (a world dump has millions of names in other scripts that a
    /// report in English never uses, and indexing them costs load time).
    static let allScriptCountries: Set<String> = ["SY", "IQ"]

    static func buildIndex(places: [Place], alternates: [Substring]) -> [String: [Int32]] {
        var index: [String: [Int32]] = [:]
        index.reserveCapacity(places.count * 3)
        var keys: [String] = []
        for (i, place) in places.enumerated() {
            keys.removeAll(keepingCapacity: true)
            for name in place.allNames { keys.append(NameNormalizer.key(name)) }
            let allScripts = place.country.map { allScriptCountries.contains($0) } ?? true
            for alt in alternates[i].split(separator: ",") where isUsefulAlternate(alt, allScripts: allScripts) {
                keys.append(NameNormalizer.key(alt))
            }
            var seen: Set<String> = []
            for key in keys where !key.isEmpty && seen.insert(key).inserted {
                index[key, default: []].append(Int32(i))
            }
        }
        return index
    }

    /// Skips codes (IATA "DEZ", ICAO "OSDZ") and, outside `allScripts` countries, names in
    /// non-Latin scripts.
    static func isUsefulAlternate(_ name: Substring, allScripts: Bool) -> Bool {
        if name.count <= 4, name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) { return false }
        if allScripts { return true }
        for scalar in name.unicodeScalars where scalar.value >= 0x250 {
            // Latin Extended Additional, apostrophe forms and modifier letters are Latin enough.
            if (0x1E00...0x1EFF).contains(scalar.value) || (0x2018...0x2019).contains(scalar.value) || (0x2B0...0x2FF).contains(scalar.value) { continue }
            return false
        }
        return true
    }

    public var count: Int { places.count }

    public func place(id: String) -> Place? { positions[id].map { places[$0] } }

    /// True when the place comes from (or was amended by) the curated layer.
    public func isCurated(_ place: Place) -> Bool { curatedIDs.contains(place.id) }

    /// The places whose names normalise to `key`.
    public func places(forKey key: String) -> [Place] {
        (index[key] ?? []).map { places[Int($0)] }
    }

    /// Every distinct name key (for matchers that build their own automaton).
    public var nameKeys: Dictionary<String, [Int32]>.Keys { index.keys }

    /// Every name of a place that lookups use: canonical, aliases and alternate names.
    public func lookupNames(of place: Place) -> [String] {
        guard let i = positions[place.id] else { return place.allNames }
        return place.allNames + alternateNames[i].split(separator: ",").map(String.init)
    }
}
