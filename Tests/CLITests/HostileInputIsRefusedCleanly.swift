import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Input written to hurt: bytes that are not text, files far larger than any report, a
/// sentence naming a place 100,000 times, broken gazetteer rows and geometries, markup in
/// names and quotes, output names that climb out of the folder. Each run must end on its
/// own (no hang), without a trap, with one line per bad file naming it (and the line), and
/// without half an output: nothing on stdout, and `map --out`'s folder as it was.
///
/// What the libraries do with the same files is tested beside them (ReportsTests'
/// ReportsAreReadFileByFile, PlacesTests' BadGazetteerFilesNameFileAndLine, TerritoryTests'
/// BrokenScenarioEntriesAreNamed, MapsTests' OutputsAreWrittenAtomically and
/// SVGMapsReadWell); these run the binary, as a user meets them.
@Suite("Hostile input is refused cleanly", .serialized)
struct HostileInputIsRefusedCleanly {
    // MARK: - reports that are not text

    struct BadReport: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// What the one stderr line must say besides the path ("line 2", "NUL", "empty").
        var mentions: [String]
        var testDescription: String { name }
    }

    static let badReports: [BadReport] = [
        BadReport(name: "invalid UTF-8 on line 2",
                  bytes: Array("date 2017-09-10\nSyrian troops entered Mayadin, ".utf8) + [0xC3, 0x28, 0xFF] + Array(" then Raqqa.\n".utf8),
                  mentions: ["line 2", "UTF-8"]),
        BadReport(name: "a NUL byte", bytes: Array("date 2017-09-10\nThe SDF took Raqqa".utf8) + [0] + Array(" yesterday.\n".utf8),
                  mentions: ["NUL"]),
        BadReport(name: "an empty file", bytes: [], mentions: ["empty"]),
        BadReport(name: "only blank lines", bytes: Array("\n \r\n\t\n".utf8), mentions: ["empty"]),
    ]

    @Test("A report that is not text is one stderr line naming it, exit 1, and nothing on stdout",
          arguments: badReports, [["extract"], ["extract", "--format", "csv"], ["check"], ["check", "--json"]])
    func badReportPrintsNothing(_ bad: BadReport, command: [String]) throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("report.txt")
            try Data(bad.bytes).write(to: file)
            let run = try conflictmap(command + [file.path, "--date", "2017-09-10"], timeout: 60)
            try Self.expectRefused(run, status: 1, naming: file.path, mentions: bad.mentions)
            #expect(run.stdout.isEmpty, "no empty collection or summary for reports that were never read: \(run)")
        }
    }

    @Test("map of reports that are not text writes nothing and leaves the old maps", arguments: badReports)
    func badReportLeavesOldMaps(_ bad: BadReport) throws {
        try withTemporaryDirectory { dir in
            let out = try Self.folderOfOldMaps(in: dir)
            let before = try Self.snapshot(out)
            let file = dir.appendingPathComponent("report.txt")
            try Data(bad.bytes).write(to: file)
            let run = try conflictmap(["map", file.path, "--out", out.path, "--report-date", "2017-09-10"], timeout: 60)
            try Self.expectRefused(run, status: 1, naming: file.path, mentions: bad.mentions, otherLines: ["nothing to map"])
            #expect(try Self.snapshot(out) == before)
        }
    }

    // MARK: - size

    /// 50 MB on one line, as a minified page or a text without line ends arrives. The words are
    /// long (1 KB) so a debug build reads it in about 20 s: with English words (10 M tokens) a
    /// debug build takes about 85 s, all of it linear; the many-tokens case is the next test's.
    /// Place names every 512 KB, with multi-byte text before them, check the offsets still
    /// count code points at the far end of the line.
    @Test("A 50 MB single-line report is read, with code-point offsets right at its end")
    func fiftyMegabytesOnOneLine() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("one-line.txt")
            let word = String(repeating: "x", count: 1023) + " "
            let filler = String(repeating: word, count: 512)          // 512 KB
            let lead = "date 2017-09-10 Ḩalab ‘Ayn "                    // multi-byte: bytes ≠ code points
            var text = lead
            var expectedStarts: [Int] = []
            while text.utf8.count < 50 * 1024 * 1024 - filler.utf8.count {
                text += filler
                expectedStarts.append(text.unicodeScalars.count)
                text += "Mayadin "
            }
            #expect(!text.contains("\n"))
            try Data(text.utf8).write(to: file)
            let run = try conflictmap(["extract", file.path, "--format", "json"], timeout: 120)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.looksLikeACrash && !run.timedOut, "\(run.stderr)")
            let starts = try Self.mentionStarts(run.stdout, place: "geonames:173480")
            #expect(starts.count == expectedStarts.count)
            #expect(starts.last == expectedStarts.last, "the last mention's offset, 50 MB in")
        }
    }

    /// One sentence naming a place 100,000 times. Every name used to rescan its sentence
    /// twice (for "province" and for its code-point offset): minutes, not seconds.
    @Test("A report with 100,000 place mentions is read in one pass, every mention kept")
    func hundredThousandMentions() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("mentions.txt")
            let head = "date 2017-09-10\nThe towns named: "
            try Data((head + Array(repeating: "Raqqa,", count: 100_000).joined(separator: " ") + "\n").utf8).write(to: file)
            let run = try conflictmap(["extract", file.path, "--format", "json"], timeout: 120)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.looksLikeACrash && !run.timedOut, "\(run.stderr)")
            let starts = try Self.mentionStarts(run.stdout, place: "geonames:172955")
            #expect(starts.count == 100_000)
            #expect(starts.last == head.count + 99_999 * 7, "\"Raqqa, \" is 7 code points")
        }
    }

    // MARK: - a gazetteer given with --gazetteer DIR

    /// A places.tsv row (14 columns) for a town near Mayadin.
    static func placesRow(id: String = "hostile_town", name: String = "Hostiletown", lat: String = "35.05", lon: String = "40.42",
                          aliases: String = "Hostiletown") -> String {
        [id, name, "village", lat, lon, "exact", "Deir ez-Zor", "SY", "", aliases, "", "", "test row", ""].joined(separator: "\t")
    }

    struct BadRow: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        /// Appended as the file's last line.
        var row: String
        var mentions: String
        var testDescription: String { name }
    }

    static let badRows: [BadRow] = [
        BadRow(name: "places.tsv latitude 95", file: "places.tsv", row: placesRow(lat: "95"), mentions: "outside"),
        BadRow(name: "places.tsv latitude NaN", file: "places.tsv", row: placesRow(lat: "NaN"), mentions: "decimal"),
        BadRow(name: "places.tsv missing column", file: "places.tsv",
               row: placesRow().split(separator: "\t", omittingEmptySubsequences: false).dropLast().joined(separator: "\t"),
               mentions: "columns"),
        BadRow(name: "places.tsv duplicate id", file: "places.tsv", row: placesRow(id: "taym_oil_field"), mentions: "duplicate"),
        BadRow(name: "geonames.tsv latitude 95", file: "geonames.tsv",
               row: "99000001\tHostiletown\tHostiletown\t\t95\t40.4\tP\tPPL\tSY\t07\tDeir ez-Zor\t800\tAsia/Damascus", mentions: "outside"),
        BadRow(name: "geonames.tsv latitude NaN", file: "geonames.tsv",
               row: "99000001\tHostiletown\tHostiletown\t\tNaN\t40.4\tP\tPPL\tSY\t07\tDeir ez-Zor\t800\tAsia/Damascus", mentions: "decimal"),
        BadRow(name: "geonames.tsv missing column", file: "geonames.tsv",
               row: "99000001\tHostiletown\tHostiletown\t\t35.2\t40.4\tP\tPPL\tSY\t07\tDeir ez-Zor\t800", mentions: "columns"),
        BadRow(name: "geonames.tsv duplicate geonameid", file: "geonames.tsv",
               row: "173480\tHostiletown\tHostiletown\t\t35.2\t40.4\tP\tPPL\tSY\t07\tDeir ez-Zor\t800\tAsia/Damascus", mentions: "duplicate"),
    ]

    @Test("A bad gazetteer row is exit 2 and one line with the file and line, for locate and for map", arguments: badRows)
    func badGazetteerRow(_ bad: BadRow) throws {
        try withTemporaryDirectory { dir in
            let gazetteer = try Self.copyOfGazetteer(in: dir)
            let path = gazetteer.appendingPathComponent(bad.file).path
            let line = try Self.append(bad.row, to: path)
            let locate = try conflictmap(["locate", "Raqqa", "--gazetteer", gazetteer.path], timeout: 60)
            try Self.expectRefused(locate, status: 2, naming: "\(path):\(line):", mentions: [bad.mentions])
            #expect(locate.stdout.isEmpty, "\(locate)")

            let out = try Self.folderOfOldMaps(in: dir)
            let before = try Self.snapshot(out)
            let map = try conflictmap(["map", "--out", out.path, "--gazetteer", gazetteer.path], timeout: 60)
            try Self.expectRefused(map, status: 2, naming: "\(path):\(line):", mentions: [bad.mentions])
            #expect(try Self.snapshot(out) == before)
        }
    }

    struct BadGeometry: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var contents: @Sendable (String) -> String
        var mentions: String
        var testDescription: String { name }
    }

    static let badGeometries: [BadGeometry] = [
        BadGeometry(name: "euphrates.geojson cut off half-way", file: "euphrates.geojson",
                    contents: { String($0.prefix($0.count / 2)) }, mentions: "truncated"),
        BadGeometry(name: "admin1.geojson cut off half-way", file: "admin1.geojson",
                    contents: { String($0.prefix($0.count / 2)) }, mentions: "truncated"),
        BadGeometry(name: "admin1.geojson nested 100,000 arrays deep", file: "admin1.geojson",
                    contents: { _ in String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) }, mentions: "nesting"),
        BadGeometry(name: "euphrates.geojson nested 100,000 objects deep", file: "euphrates.geojson",
                    contents: { _ in String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000) },
                    mentions: "nesting"),
    ]

    @Test("A truncated or deeply nested gazetteer GeoJSON is exit 2 and one line naming it; map writes nothing",
          arguments: badGeometries)
    func badGeometryFile(_ bad: BadGeometry) throws {
        try withTemporaryDirectory { dir in
            let gazetteer = try Self.copyOfGazetteer(in: dir)
            let path = gazetteer.appendingPathComponent(bad.file).path
            let original = try String(contentsOfFile: path, encoding: .utf8)
            try Data(bad.contents(original).utf8).write(to: URL(fileURLWithPath: path))
            let out = try Self.folderOfOldMaps(in: dir)
            let before = try Self.snapshot(out)
            let map = try conflictmap(["map", "--out", out.path, "--gazetteer", gazetteer.path], timeout: 60)
            try Self.expectRefused(map, status: 2, naming: path, mentions: ["line 1", bad.mentions])
            #expect(try Self.snapshot(out) == before)
            // The command that reads only this file fails the same way.
            let single = bad.file == "euphrates.geojson" ? ["side", "Hajin"] : ["locate", "Deir ez-Zor Governorate", "--geojson"]
            let run = try conflictmap(single + ["--gazetteer", gazetteer.path], timeout: 60)
            try Self.expectRefused(run, status: 2, naming: path, mentions: [bad.mentions])
            #expect(run.stdout.isEmpty, "\(run)")
        }
    }

    // MARK: - scenarios

    static let scenarioHeader = "place\tfaction\tsince\tradius_km\tpolygon\tsource\tnote\n"

    @Test("A self-intersecting scenario polygon is repaired, with one warning naming the file and line; the map stays valid")
    func selfIntersectingPolygonIsRepaired() throws {
        try withTemporaryDirectory { dir in
            let scenario = dir.appendingPathComponent("control-2017-09-01.tsv")
            let bowTie = "POLYGON((40.10 35.32, 40.16 35.36, 40.16 35.32, 40.10 35.36, 40.10 35.32))"
            try Data((Self.scenarioHeader + "geonames:173480\tisis\t2014-07-14\t\t\tt\t\n"
                      + "deir_ez_zor_industrial_zone\tisis\t2014-07-14\t\t\(bowTie)\tt\t\n").utf8).write(to: scenario)
            let out = dir.appendingPathComponent("maps")
            let run = try conflictmap(["map", "--out", out.path, "--date", "2017-09-16", "--scenario", scenario.path], timeout: 120)
            #expect(run.status == 0, "\(run)")
            #expect(!run.looksLikeACrash && !run.timedOut)
            #expect(run.stderrLines.count == 1, "\(run)")
            #expect(run.stderrLines.first?.contains("\(scenario.path):3:") == true, "\(run)")
            #expect(run.stderr.contains("Self-intersection") && run.stderr.contains("repaired"), "\(run)")
            let svg = try Data(contentsOf: out.appendingPathComponent("control-2017-09-16.svg"))
            #expect(Self.xmlError(svg) == nil)
        }
    }

    @Test("A scenario polygon with nothing left to repair is exit 2 naming the file and line; the old maps stay")
    func unrepairablePolygonIsRefused() throws {
        try withTemporaryDirectory { dir in
            let scenario = dir.appendingPathComponent("control-2017-09-01.tsv")
            try Data((Self.scenarioHeader + "deir_ez_zor_industrial_zone\tisis\t2014-07-14\t\tPOLYGON((40 35, 41 35, 42 35, 40 35))\tt\t\n").utf8)
                .write(to: scenario)
            let out = try Self.folderOfOldMaps(in: dir)
            let before = try Self.snapshot(out)
            let run = try conflictmap(["map", "--out", out.path, "--scenario", scenario.path], timeout: 60)
            try Self.expectRefused(run, status: 2, naming: "\(scenario.path):2:", mentions: ["cannot be repaired"])
            #expect(try Self.snapshot(out) == before)
        }
    }

    // MARK: - markup in names and quotes

    static let hostileName = #"<script>alert(1)</script> & "Q" ]]> <!--"#

    @Test("A place name and a quote full of markup: the SVG is well-formed with no script element, the GeoJSON parses, the text survives")
    func markupStaysText() throws {
        try withTemporaryDirectory { dir in
            let gazetteer = try Self.copyOfGazetteer(in: dir)
            _ = try Self.append(Self.placesRow(name: Self.hostileName), to: gazetteer.appendingPathComponent("places.tsv").path)
            let report = dir.appendingPathComponent("report.txt")
            try Data("date 2017-09-16\nSyrian troops captured Hostiletown on Saturday, \"\(Self.hostileName)\" a commander said.\n".utf8)
                .write(to: report)
            let out = dir.appendingPathComponent("maps")
            let run = try conflictmap(["map", report.path, "--out", out.path, "--date", "2017-09-16", "--gazetteer", gazetteer.path], timeout: 120)
            #expect(run.status == 0, "\(run)")
            #expect(!run.looksLikeACrash)

            let svg = try Data(contentsOf: out.appendingPathComponent("control-2017-09-16.svg"))
            #expect(Self.xmlError(svg) == nil, "\(Self.xmlError(svg) ?? "")")
            let (elements, texts) = Self.xmlContents(svg)
            #expect(!elements.contains("script"))
            #expect(!String(decoding: svg, as: UTF8.self).contains("<script"))
            #expect(texts.contains { $0.contains(Self.hostileName) }, "the name is kept, as text")

            let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("control-2017-09-16.geojson")))
            let features = try #require((geojson as? [String: Any])?["features"] as? [[String: Any]])
            let properties = features.compactMap { $0["properties"] as? [String: Any] }
            #expect(properties.contains { $0["name"] as? String == Self.hostileName }, "the place keeps its name")
            #expect(properties.contains { ($0["quote"] as? String)?.contains(Self.hostileName) == true }, "the event keeps its quote")
        }
    }

    // MARK: - output names

    @Test("A --date that climbs out of the output folder is a usage error, and nothing is written anywhere",
          arguments: ["../../escape", "2017-09-16/../../escape", "../latest", "/tmp/escape"])
    func outputNamesStayInTheFolder(date: String) throws {
        try withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("a/b/maps")
            let run = try conflictmap(["map", "--out", out.path, "--date", date], timeout: 60)
            #expect(run.status == 64, "\(run)")
            #expect(!run.looksLikeACrash)
            #expect(run.stderr.contains("--date"), "\(run)")
            #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.path).isEmpty, "nothing written")
        }
    }

    // MARK: - helpers

    /// Non-zero `status`, no trap, no timeout; exactly one stderr line naming `naming` with every
    /// word of `mentions`; any other line says one of `otherLines`.
    static func expectRefused(_ run: Run, status: Int32, naming: String, mentions: [String], otherLines: [String] = [],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.status == status, "\(run)", sourceLocation: sourceLocation)
        #expect(!run.looksLikeACrash, "\(run)", sourceLocation: sourceLocation)
        #expect(!run.timedOut, sourceLocation: sourceLocation)
        let lines = run.stderrLines.filter { $0.contains(naming) }
        #expect(lines.count == 1, "one line naming \(naming): \(run)", sourceLocation: sourceLocation)
        for word in mentions {
            #expect(lines.first?.localizedCaseInsensitiveContains(word) == true, "should say \(word): \(run)", sourceLocation: sourceLocation)
        }
        for line in run.stderrLines where !line.contains(naming) {
            #expect(otherLines.contains { line.contains($0) }, "unexpected stderr line: \(line)", sourceLocation: sourceLocation)
        }
        #expect(run.stderrLines.allSatisfy { $0.hasPrefix("conflictmap: ") }, "\(run)", sourceLocation: sourceLocation)
    }

    /// `maps/` with two old files, as a previous run leaves it.
    static func folderOfOldMaps(in dir: URL) throws -> URL {
        let out = dir.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old svg".utf8).write(to: out.appendingPathComponent("control-2017-09-16.svg"))
        try Data("old geojson".utf8).write(to: out.appendingPathComponent("latest.geojson"))
        return out
    }

    /// Every file in `dir` with its bytes (temporary files left behind would show here).
    static func snapshot(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    /// A copy of the repository's Gazetteer/ to break.
    static func copyOfGazetteer(in dir: URL) throws -> URL {
        let copy = dir.appendingPathComponent("gazetteer")
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Gazetteer"), to: copy)
        return copy
    }

    /// Appends `row` as the file's last line and returns its line number.
    static func append(_ row: String, to path: String) throws -> Int {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        text += row + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }

    /// The start offsets of every mention of place `id` in `extract --format json` output.
    static func mentionStarts(_ json: String, place id: String) throws -> [Int] {
        let documents = try #require(try jsonObject(json)["documents"] as? [[String: Any]])
        let places = documents.flatMap { ($0["places"] as? [[String: Any]]) ?? [] }
        let mentions = places.filter { $0["id"] as? String == id }.flatMap { ($0["mentions"] as? [[String: Any]]) ?? [] }
        return mentions.compactMap { ($0["start"] as? NSNumber)?.intValue }
    }

    /// Why `data` is not well-formed XML, or nil.
    static func xmlError(_ data: Data) -> String? {
        let parser = XMLParser(data: data)
        return parser.parse() ? nil : String(describing: parser.parserError)
    }

    /// Element names, and every text node and attribute value, of an XML document.
    static func xmlContents(_ data: Data) -> (elements: Set<String>, texts: [String]) {
        // The parser may hand one text node over in pieces (at each entity): joined per element.
        final class Collector: NSObject, XMLParserDelegate {
            var elements: Set<String> = []
            var texts: [String] = []
            var text = ""
            func flush() { if !text.isEmpty { texts.append(text); text = "" } }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                flush()
                elements.insert(name)
                texts += attributes.values
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { flush() }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return (collector.elements, collector.texts)
    }
}
