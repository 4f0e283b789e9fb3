import Foundation
import Testing
import Places

/// A real GeoNames dump (allCountries.txt, SY.txt, cities500.txt: 19 columns, no header)
/// can replace geonames.tsv, given to `Gazetteer.load(directory:geonamesFile:)`, as
/// `--gazetteer FILE` or through `CONFLICTMAP_GAZETTEER`; the curated places.tsv stays on
/// top.
@Suite("GeoNames dumps are read")
struct GeoNamesDumpsAreRead {
    /// Three synthetic rows in the dump layout: geonameid, name, asciiname,
    /// alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
    /// admin1..admin4 codes, population, elevation, dem, timezone, modification date.
    /// The ids and names are not in the repository's data, so a match proves the dump was read.
    static let dump = [
        ["99000001", "Tall Testiyah", "Tall Testiyah", "Tell Testiyeh,Tall at-Testiyah", "35.61", "40.72", "P", "PPL", "SY", "", "07", "", "", "", "1500", "", "250", "Asia/Damascus", "2024-01-01"],
        ["99000002", "Qaryat Fākiyah", "Qaryat Fakiyah", "Qariat Fakiyeh", "35.2", "40.4", "P", "PPLA2", "SY", "", "07", "", "", "", "12000", "", "210", "Asia/Damascus", "2024-01-01"],
        ["99000003", "Jabal Testa", "Jabal Testa", "", "35.05", "39.9", "T", "MT", "SY", "", "07", "", "", "", "0", "640", "633", "Asia/Damascus", "2024-01-01"],
    ].map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"

    static let newCuratedPlaces = CuratedTable.ids.filter { !$0.hasPrefix("geonames:") }.count

    @Test("The dump layout has 19 columns and no header")
    func dumpFixtureIsTheDumpLayout() {
        let lines = Self.dump.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines { #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 19) }
    }

    @Test("A dump given as the GeoNames file is read, with the curated layer on top")
    func dumpReplacesGeoNamesTSV() throws {
        try withTemporaryDirectory { dir in
            try dir.write(Self.dump, to: "SY.txt")
            let gazetteer = try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: dir.path + "/SY.txt")
            #expect(gazetteer.count == 3 + Self.newCuratedPlaces)

            let tall = try gazetteer.resolve("Tall Testiyah").best.place
            #expect(tall.id == "geonames:99000001")
            #expect(tall.kind == .village)
            #expect(tall.country == "SY")
            #expect(tall.population == 1500)
            #expect(abs(tall.coordinate.latitude - 35.61) < 1e-12 && abs(tall.coordinate.longitude - 40.72) < 1e-12)
            // An alternate name from column 4, and one through the spelling rules.
            #expect(try gazetteer.resolve("Tell Testiyeh").best.place.id == "geonames:99000001")
            #expect(try gazetteer.resolve("Tall al-Testiyah").best.place.id == "geonames:99000001")

            let qaryat = try gazetteer.resolve("Qaryat Fakiyah").best
            #expect(qaryat.place.id == "geonames:99000002")
            #expect(qaryat.place.name == "Qaryat Fākiyah")
            #expect(qaryat.place.kind == .town, "PPLA2 with 12,000 people")
            #expect(try gazetteer.resolve("Qariat Fakiyeh").best.place.id == "geonames:99000002")

            let hill = try #require(gazetteer.place(id: "geonames:99000003"))
            #expect(hill.kind == .hill)
            #expect(hill.population == nil, "a population of 0 is unknown")

            // The curated layer is still there; GeoNames rows of the bundled file are not.
            #expect(try gazetteer.resolve("Taym oil field").best.place.id == "taym_oil_field")
            #expect(gazetteer.place(id: "al_tanf_garrison") != nil)
            #expect(gazetteer.place(id: "geonames:172955") == nil)
        }
    }

    @Test("A dump directory (geonames.tsv in dump layout, no places.tsv) is read alone")
    func dumpAsDirectory() throws {
        try withTemporaryDirectory { dir in
            try dir.write(Self.dump, to: "geonames.tsv")
            let gazetteer = try Gazetteer.load(directory: dir.path)
            #expect(gazetteer.count == 3)
            #expect(try gazetteer.resolve("Jabal Testa").best.place.id == "geonames:99000003")
        }
    }

    @Test("CONFLICTMAP_GAZETTEER pointing at a dump is used")
    func environmentVariableSelectsTheDump() throws {
        try withTemporaryDirectory { dir in
            let file = dir.path + "/cities500.txt"
            try dir.write(Self.dump, to: "cities500.txt")
            let gazetteer = try GazetteerLocator.load(path: nil, environment: ["CONFLICTMAP_GAZETTEER": file])
            #expect(try gazetteer.resolve("Tell Testiyeh").best.place.id == "geonames:99000001")
            #expect(gazetteer.count == 3 + Self.newCuratedPlaces, "the bundled places.tsv is on top")
        }
    }

    @Test("An explicit path wins over CONFLICTMAP_GAZETTEER")
    func explicitPathWins() throws {
        try withTemporaryDirectory { dir in
            let file = dir.path + "/SY.txt"
            try dir.write(Self.dump, to: "SY.txt")
            let gazetteer = try GazetteerLocator.load(path: Repository.gazetteerDirectory,
                                                      environment: ["CONFLICTMAP_GAZETTEER": file])
            #expect(gazetteer.place(id: "geonames:99000001") == nil)
            #expect(gazetteer.place(id: "geonames:170794") != nil)
        }
    }

    @Test("Without a path or the variable, the bundled Gazetteer/ is found and loaded")
    func bundledDirectoryIsFound() throws {
        let directory = try GazetteerLocator.bundledDirectory()
        #expect(FileManager.default.fileExists(atPath: directory + "/geonames.tsv"))
        #expect(FileManager.default.fileExists(atPath: directory + "/places.tsv"))
        #expect(URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
                == URL(fileURLWithPath: Repository.gazetteerDirectory).standardizedFileURL.resolvingSymlinksInPath().path)
        let bundled = try GazetteerLocator.load(path: nil, environment: [:])
        let empty = try GazetteerLocator.load(path: nil, environment: ["CONFLICTMAP_GAZETTEER": ""])
        let repository = try repositoryGazetteer()
        #expect(bundled.count == repository.count)
        #expect(empty.count == repository.count, "an empty variable means unset")
    }

    @Test("A path that does not exist is an error naming it and where it came from")
    func missingPath() throws {
        let missing = "/nonexistent/conflictmap-gazetteer-\(UUID().uuidString)"
        let explicit = try #require(loadFailure { () throws(GazetteerError) in
            try GazetteerLocator.load(path: missing, environment: [:])
        })
        #expect(explicit.file == missing)
        #expect(explicit.description.contains(missing))
        #expect(explicit.message.contains("--gazetteer"))
        let fromEnvironment = try #require(loadFailure { () throws(GazetteerError) in
            try GazetteerLocator.load(path: nil, environment: ["CONFLICTMAP_GAZETTEER": missing])
        })
        #expect(fromEnvironment.file == missing)
        #expect(fromEnvironment.message.contains("CONFLICTMAP_GAZETTEER"))
    }

    @Test("A bad row in a dump names the dump's file and line")
    func badDumpRow() throws {
        try withTemporaryDirectory { dir in
            let bad = Self.dump + "99000004\tBad\tBad\t\t95\t40\tP\tPPL\tSY\t\t07\t\t\t\t0\t\t0\tAsia/Damascus\t2024-01-01\n"
            try dir.write(bad, to: "SY.txt")
            let error = try #require(loadFailure { () throws(GazetteerError) in
                try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: dir.path + "/SY.txt")
            }, "latitude 95 loaded")
            #expect(error.file == dir.path + "/SY.txt")
            #expect(error.line == 4)
        }
    }
}
