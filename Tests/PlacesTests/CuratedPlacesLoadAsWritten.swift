import Foundation
import Testing
import Places

/// Every row of Gazetteer/places.tsv (read by the test's own small TSV parse) loads into
/// a place that says what the row says: valid coordinates, approximate places explained
/// in their notes, and the river banks the sources give.
@Suite("Curated places load as written")
struct CuratedPlacesLoadAsWritten {
    @Test("places.tsv is readable and has the curated layer")
    func curatedTableIsReadable() {
        #expect(CuratedTable.rows.count >= 60, "read \(CuratedTable.rows.count) rows from \(Repository.placesTSV)")
        #expect(Set(CuratedTable.ids).count == CuratedTable.ids.count, "ids are unique")
    }

    @Test("The gazetteer holds the GeoNames rows and the new curated places")
    func gazetteerSize() throws {
        let gazetteer = try repositoryGazetteer()
        let newPlaces = CuratedTable.ids.filter { !$0.hasPrefix("geonames:") }.count
        // geonames.tsv: a header and 477 rows (308 SY + 169 IQ), per Gazetteer/README.md.
        #expect(gazetteer.count == 477 + newPlaces)
    }

    @Test("Each curated place loads", arguments: CuratedTable.ids)
    func curatedPlaceLoads(id: String) throws {
        let gazetteer = try repositoryGazetteer()
        let place = try #require(gazetteer.place(id: id))
        #expect(place.id == id)
        let row = try #require(CuratedTable.row(id))
        if !row["name"].isEmpty { #expect(place.name == row["name"]) }
        if !row["kind"].isEmpty { #expect(place.kind.rawValue == row["kind"]) }
        if !row["precision"].isEmpty { #expect(place.precision.rawValue == row["precision"]) }
        if !row["province"].isEmpty { #expect(place.province == row["province"]) }
        if !row["country"].isEmpty { #expect(place.country == row["country"]) }
        if !row["geometry"].isEmpty { #expect(place.geometryReference == row["geometry"]) }
        if !row["bank"].isEmpty { #expect(place.bank?.rawValue == row["bank"]) }
        for alias in row["aliases"].split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !alias.isEmpty && alias != place.name {
            #expect(place.aliases.contains(alias), "\(id) lost alias '\(alias)'")
        }
        #expect(!place.source.isEmpty, "\(id) has no source")
    }

    @Test("Each curated place has a valid WGS84 point, as written", arguments: CuratedTable.ids)
    func coordinatesAreValid(id: String) throws {
        let place = try #require(try repositoryGazetteer().place(id: id))
        let c = place.coordinate
        #expect(c.latitude.isFinite && c.longitude.isFinite)
        #expect((-90.0...90.0).contains(c.latitude))
        #expect((-180.0...180.0).contains(c.longitude))
        #expect(!(c.latitude == 0 && c.longitude == 0), "null island")
        let row = try #require(CuratedTable.row(id))
        if let lat = Double(row["lat"]), let lon = Double(row["lon"]) {
            #expect(abs(c.latitude - lat) < 1e-9 && abs(c.longitude - lon) < 1e-9)
        }
        // Everything but the far-away countries and capitals lies in the war's region.
        if place.country == "SY" || place.country == "IQ", place.kind != .country {
            #expect((29.0...38.0).contains(c.latitude) && (35.0...49.0).contains(c.longitude), "\(id) at \(c)")
        }
    }

    @Test("Approximate places say in their note what the point was read from", arguments: CuratedTable.ids)
    func approximatePlacesHaveNotes(id: String) throws {
        let place = try #require(try repositoryGazetteer().place(id: id))
        guard place.precision == .approximate else { return }
        #expect(!place.note.trimmingCharacters(in: .whitespaces).isEmpty, "\(id) is approximate with no note")
        #expect(place.note.uppercased().contains("APPROXIMATE"), "\(id): \(place.note)")
    }

    @Test("A geometry reference names a file shipped in Gazetteer/", arguments: CuratedTable.ids)
    func geometryFilesExist(id: String) throws {
        let place = try #require(try repositoryGazetteer().place(id: id))
        guard let reference = place.geometryReference else { return }
        let parts = reference.split(separator: "#", omittingEmptySubsequences: false)
        #expect(parts.count == 2 && !parts[1].isEmpty, "\(reference) is not FILE#KEY")
        let file = Repository.gazetteerDirectory + "/" + parts[0]
        #expect(FileManager.default.fileExists(atPath: file), "\(file)")
    }

    @Test("Riverside towns carry the bank their sources give", arguments: [
        ("geonames:173480", "Mayadin", RiverBank.west),
        ("geonames:174448", "Abu Kamal", .west),
        ("geonames:174506", "Hajin", .east),
        ("geonames:173927", "al-Busayrah", .east),
        ("geonames:170794", "Deir ez-Zor", .west),
    ])
    func riversideBanks(id: String, name: String, bank: RiverBank) throws {
        let gazetteer = try repositoryGazetteer()
        let place = try #require(gazetteer.place(id: id))
        #expect(place.bank == bank)
        #expect(try gazetteer.resolve(name).best.place.bank == bank)
    }

    @Test("Curated amendments keep the GeoNames data they do not override")
    func amendmentsInherit() throws {
        let city = try #require(try repositoryGazetteer().place(id: "geonames:170794"))
        // places.tsv leaves lat/lon empty for GeoNames rows: the point is GeoNames'.
        #expect(abs(city.coordinate.latitude - 35.33588) < 1e-9)
        #expect(abs(city.coordinate.longitude - 40.14084) < 1e-9)
        #expect(city.population == 271800)
        #expect(city.aliases.contains("Deir el-Zour"))
        #expect(city.source.contains("GeoNames"))
    }

    @Test("Provinces are the 14 governorates, each with its admin1 polygon")
    func provinces() throws {
        let gazetteer = try repositoryGazetteer()
        let provinces = CuratedTable.rows.filter { $0["kind"] == "province" }
        #expect(provinces.count == 14)
        for row in provinces {
            let place = try #require(gazetteer.place(id: row.id))
            #expect(place.kind == .province)
            #expect(place.precision == .centroid)
            #expect(place.geometryReference?.hasPrefix("admin1.geojson#SY") == true)
        }
    }

    @Test("Unknown ids are nil, not a crash", arguments: ["", "geonames:", "geonames:0", "geonames:-1", "geonames:abc", "nowhere", "GEONAMES:170794"])
    func unknownIDs(id: String) throws {
        #expect(try repositoryGazetteer().place(id: id) == nil)
    }
}
