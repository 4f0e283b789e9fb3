import Foundation
import Testing
import Places

/// A broken gazetteer file is a `GazetteerError` naming the file and the line to fix,
/// never a crash and never a silently smaller gazetteer.
@Suite("Bad gazetteer files name the file and the line")
struct BadGazetteerFilesNameFileAndLine {
    static let geonamesHeader = "geonameid\tname\tasciiname\talternatenames\tlatitude\tlongitude\tfeature_class\tfeature_code\tcountry_code\tadmin1_code\tadmin1_name\tpopulation\ttimezone"
    static let goodRow = "99000001\tTall Testiyah\tTall Testiyah\tTell Testiyeh\t35.61\t40.72\tP\tPPL\tSY\t07\tDeir ez-Zor\t1500\tAsia/Damascus"

    static func geonamesRow(id: String = "99000002", name: String = "Qaryat Fakiyah", lat: String = "35.2", lon: String = "40.4") -> String {
        "\(id)\t\(name)\t\(name)\t\t\(lat)\t\(lon)\tP\tPPL\tSY\t07\tDeir ez-Zor\t800\tAsia/Damascus"
    }

    /// A header, a good row, a comment and a blank line, then `bad`: the bad row is line 5.
    static func geonamesFile(bad: String) -> [UInt8] { geonamesFile(badBytes: Array(bad.utf8)) }

    static func geonamesFile(badBytes: [UInt8]) -> [UInt8] {
        Array((geonamesHeader + "\n" + goodRow + "\n# a comment line\n\n").utf8) + badBytes + [0x0A]
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// The line the error must name, or nil when the fault is the whole file.
        var line: Int?
        /// A word the message must contain, so the user knows what to fix.
        var mentions: String
        var testDescription: String { name }
    }

    static let badGeoNames: [BadFile] = [
        BadFile(name: "latitude 95", bytes: geonamesFile(bad: geonamesRow(lat: "95")), line: 5, mentions: "outside"),
        BadFile(name: "longitude -181", bytes: geonamesFile(bad: geonamesRow(lon: "-181")), line: 5, mentions: "outside"),
        BadFile(name: "NaN latitude", bytes: geonamesFile(bad: geonamesRow(lat: "NaN")), line: 5, mentions: "decimal"),
        BadFile(name: "nan latitude", bytes: geonamesFile(bad: geonamesRow(lat: "nan")), line: 5, mentions: "decimal"),
        BadFile(name: "inf longitude", bytes: geonamesFile(bad: geonamesRow(lon: "inf")), line: 5, mentions: "decimal"),
        BadFile(name: "empty latitude", bytes: geonamesFile(bad: geonamesRow(lat: "")), line: 5, mentions: "decimal"),
        BadFile(name: "a missing column",
                bytes: geonamesFile(bad: geonamesRow().split(separator: "\t", omittingEmptySubsequences: false).dropLast().joined(separator: "\t")),
                line: 5, mentions: "columns"),
        BadFile(name: "duplicate geonameid", bytes: geonamesFile(bad: geonamesRow(id: "99000001")), line: 5, mentions: "duplicate"),
        BadFile(name: "geonameid not a number", bytes: geonamesFile(bad: geonamesRow(id: "99x")), line: 5, mentions: "geonameid"),
        BadFile(name: "invalid UTF-8 in the name",
                bytes: geonamesFile(badBytes: Array("99000002\tQaryat ".utf8) + [0xC3, 0x28, 0xFF]
                    + Array("\tQaryat\t\t35.2\t40.4\tP\tPPL\tSY\t07\tDeir ez-Zor\t800\tAsia/Damascus".utf8)),
                line: 5, mentions: "UTF-8"),
        BadFile(name: "a NUL byte",
                bytes: geonamesFile(badBytes: Array("99000002\tQaryat".utf8) + [0x00]
                    + Array(" Fakiyah\tQaryat Fakiyah\t\t35.2\t40.4\tP\tPPL\tSY\t07\tDeir ez-Zor\t800\tAsia/Damascus".utf8)),
                line: 5, mentions: "NUL"),
        BadFile(name: "an empty file", bytes: [], line: nil, mentions: "empty"),
        BadFile(name: "only comments", bytes: Array("# nothing here\n\n".utf8), line: nil, mentions: "empty"),
        BadFile(name: "a first row of 5 columns", bytes: Array("1\t2\t3\t4\t5\n".utf8), line: 1, mentions: "columns"),
    ]

    static func loadError(directory: URL) -> GazetteerError? {
        loadFailure { () throws(GazetteerError) in try Gazetteer.load(directory: directory.path) }
    }

    /// Loading `dir` fails with one line that names `path`, the bad line, and the problem.
    static func expectError(loading dir: URL, namesFile path: String, for bad: BadFile) throws {
        let error = try #require(loadError(directory: dir), "\(bad.name) loaded without an error")
        #expect(error.file == path)
        #expect(error.line == bad.line)
        #expect(error.description.contains(path))
        if let line = bad.line { #expect(error.description.hasPrefix("\(path):\(line): ")) }
        #expect(error.message.localizedCaseInsensitiveContains(bad.mentions), "\(error.message)")
        #expect(!error.message.contains("\n"), "one line")
    }

    @Test("A bad geonames.tsv is an error naming the file and line", arguments: badGeoNames)
    func badGeoNamesFile(_ bad: BadFile) throws {
        try withTemporaryDirectory { dir in
            try dir.write(bytes: bad.bytes, to: "geonames.tsv")
            try Self.expectError(loading: dir, namesFile: dir.path + "/geonames.tsv", for: bad)
        }
    }

    @Test("The same writer with nothing wrong loads (the control for the cases above)")
    func goodGeoNamesFileLoads() throws {
        try withTemporaryDirectory { dir in
            try dir.write(bytes: Self.geonamesFile(bad: Self.geonamesRow()), to: "geonames.tsv")
            let gazetteer = try Gazetteer.load(directory: dir.path)
            #expect(gazetteer.count == 2)
            #expect(try gazetteer.resolve("Tell Testiyeh").best.place.id == "geonames:99000001")
            #expect(try gazetteer.resolve("Qaryat Fakiyah").best.place.id == "geonames:99000002")
        }
    }

    @Test("CRLF line ends and a UTF-8 byte order mark are accepted")
    func crlfAndBOM() throws {
        try withTemporaryDirectory { dir in
            let text = Self.geonamesHeader + "\r\n" + Self.goodRow + "\r\n" + Self.geonamesRow() + "\r\n"
            try dir.write(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), to: "geonames.tsv")
            let gazetteer = try Gazetteer.load(directory: dir.path)
            #expect(gazetteer.count == 2)
            let place = try #require(gazetteer.place(id: "geonames:99000002"))
            #expect(place.name == "Qaryat Fakiyah")
            #expect(place.coordinate.longitude == 40.4)
        }
    }

    // MARK: - places.tsv

    static let placesHeader = "id\tname\tkind\tlat\tlon\tprecision\tprovince\tcountry\tpopulation\taliases\tbank\tgeometry\tsource\tnote"

    static func placesRow(id: String = "test_place", kind: String = "village", lat: String = "35.1", lon: String = "40.1",
                          precision: String = "exact", bank: String = "") -> String {
        "\(id)\tTest Place\t\(kind)\t\(lat)\t\(lon)\t\(precision)\tDeir ez-Zor\tSY\t\tTest Village\t\(bank)\t\tA test\t"
    }

    /// Header, a comment, a good row, then `bad` on line 4.
    static func placesFile(bad: String) -> String {
        placesHeader + "\n# comment\n" + placesRow(id: "good_place") + "\n" + bad + "\n"
    }

    static let badPlaces: [BadFile] = [
        BadFile(name: "unknown kind", bytes: Array(placesFile(bad: placesRow(kind: "hamlet")).utf8), line: 4, mentions: "kind"),
        BadFile(name: "bad bank", bytes: Array(placesFile(bad: placesRow(bank: "north")).utf8), line: 4, mentions: "bank"),
        BadFile(name: "duplicate id", bytes: Array(placesFile(bad: placesRow(id: "good_place")).utf8), line: 4, mentions: "duplicate"),
        BadFile(name: "wrong column count",
                bytes: Array(placesFile(bad: placesRow().split(separator: "\t", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\t")).utf8),
                line: 4, mentions: "columns"),
        BadFile(name: "an extra column", bytes: Array(placesFile(bad: placesRow() + "\textra").utf8), line: 4, mentions: "columns"),
        BadFile(name: "latitude out of range", bytes: Array(placesFile(bad: placesRow(lat: "95")).utf8), line: 4, mentions: "outside"),
        BadFile(name: "NaN latitude", bytes: Array(placesFile(bad: placesRow(lat: "nan")).utf8), line: 4, mentions: "decimal"),
        BadFile(name: "half a coordinate", bytes: Array(placesFile(bad: placesRow(lon: "")).utf8), line: 4, mentions: "lat/lon"),
        BadFile(name: "no coordinate", bytes: Array(placesFile(bad: placesRow(lat: "", lon: "")).utf8), line: 4, mentions: "lat/lon"),
        BadFile(name: "bad precision", bytes: Array(placesFile(bad: placesRow(precision: "roughly")).utf8), line: 4, mentions: "precision"),
        BadFile(name: "an id that is not a slug", bytes: Array(placesFile(bad: placesRow(id: "Test Place")).utf8), line: 4, mentions: "slug"),
        BadFile(name: "no header", bytes: Array((placesRow() + "\n").utf8), line: 1, mentions: "header"),
        BadFile(name: "invalid UTF-8", bytes: Array(placesFile(bad: "").utf8.dropLast(1)) + [0xFF, 0xFE] + Array(placesRow().utf8.dropFirst(2)) + [0x0A],
                line: 4, mentions: "UTF-8"),
    ]

    @Test("A bad places.tsv is an error naming the file and line", arguments: badPlaces)
    func badPlacesFile(_ bad: BadFile) throws {
        try withTemporaryDirectory { dir in
            try dir.write(bytes: Self.geonamesFile(bad: Self.geonamesRow()), to: "geonames.tsv")
            try dir.write(bytes: bad.bytes, to: "places.tsv")
            try Self.expectError(loading: dir, namesFile: dir.path + "/places.tsv", for: bad)
        }
    }

    @Test("The places.tsv writer with nothing wrong loads (the control)")
    func goodPlacesFileLoads() throws {
        try withTemporaryDirectory { dir in
            try dir.write(bytes: Self.geonamesFile(bad: Self.geonamesRow()), to: "geonames.tsv")
            try dir.write(Self.placesFile(bad: Self.placesRow(bank: "east")), to: "places.tsv")
            let gazetteer = try Gazetteer.load(directory: dir.path)
            #expect(gazetteer.count == 4)
            let place = try #require(gazetteer.place(id: "test_place"))
            #expect(place.kind == .village)
            #expect(place.bank == .east)
            #expect(place.aliases == ["Test Village"])
            let ids = try gazetteer.resolve("Test Village").candidates.map(\.place.id)
            #expect(Set(ids) == ["good_place", "test_place"])
        }
    }

    @Test("A missing geonames.tsv is an error naming it")
    func missingGeoNamesFile() throws {
        try withTemporaryDirectory { dir in
            let error = try #require(Self.loadError(directory: dir))
            #expect(error.file == dir.path + "/geonames.tsv")
            #expect(error.line == nil)
        }
    }

    @Test("A directory given as the GeoNames file is an error, not a crash")
    func directoryAsGeoNamesFile() throws {
        try withTemporaryDirectory { dir in
            let error = try #require(loadFailure { () throws(GazetteerError) in
                try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: dir.path)
            }, "a directory loaded as a GeoNames file")
            #expect(error.file == dir.path)
            #expect(error.description.contains(dir.path))
        }
    }
}
