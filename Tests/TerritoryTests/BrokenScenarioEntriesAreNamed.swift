import Foundation
import Geography
import Territory
import Testing
import Topology

/// Analysts edit control scenarios by hand. A self-intersecting polygon is repaired with
/// a warning naming the entry (or refused when nothing of it is left); any other broken
/// row is a `TerritoryError` naming the file and the line to fix, never a crash and never
/// a silently shorter scenario.
@Suite("Broken scenario entries are named")
struct BrokenScenarioEntriesAreNamed {
    static let header = "place\tfaction\tsince\tradius_km\tpolygon\tsource\tnote"
    static let goodRow = "geonames:173480\tisis\t2014-07-14\t\t\ttest source\tMayadin"

    /// A comment, the header and a good row, then `row`: the row is line 4.
    static func scenario(_ row: String) -> String {
        "# a test scenario\n" + header + "\n" + goodRow + "\n" + row + "\n"
    }

    static func row(place: String = "deir_ez_zor_industrial_zone", faction: String = "isis", since: String = "2014-07-14",
                    radius: String = "", polygon: String = "") -> String {
        [place, faction, since, radius, polygon, "test source", "test note"].joined(separator: "\t")
    }

    /// Writes `text` as `control-2017-09-01.tsv` in a fresh directory and loads it.
    static func load(_ text: String) throws -> (path: String, result: Result<Scenario, TerritoryError>) {
        let gazetteer = try ShippedTerritory.shared().gazetteer
        return try withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("control-2017-09-01.tsv").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return (path, Result { () throws(TerritoryError) in try Scenario.load(path: path, gazetteer: gazetteer) })
        }
    }

    // A bow-tie: the ring crosses itself at (40.13, 35.34).
    static let bowTie = "POLYGON((40.10 35.32, 40.16 35.36, 40.16 35.32, 40.10 35.36, 40.10 35.32))"

    @Test("A bow-tie polygon is repaired, with a warning naming the entry")
    func bowTieIsRepairedWithAWarning() throws {
        let (path, result) = try BrokenScenarioEntriesAreNamed.load(BrokenScenarioEntriesAreNamed.scenario(
            BrokenScenarioEntriesAreNamed.row(polygon: BrokenScenarioEntriesAreNamed.bowTie)))
        let scenario = try result.get()
        #expect(scenario.entries.count == 2, "the repaired entry must stay in the scenario")
        let warning = try #require(scenario.warnings.first, "no warning for the bow-tie")
        #expect(scenario.warnings.count == 1)
        #expect(warning.contains("\(path):4:"), "\(warning)")
        #expect(warning.contains("deir_ez_zor_industrial_zone"), "\(warning)")
        #expect(warning.contains("Self-intersection"), "GEOS's reason should be passed on: \(warning)")
        let polygon = try #require(scenario.entries.last?.polygon)
        #expect(try polygon.isValid())
        // MakeValid keeps both wings: two triangles 0.04° tall and 0.03° wide, 0.0006 deg² each.
        #expect(polygon.polygons.count == 2)
        let area = try polygon.planarArea()
        #expect(abs(area - 0.0012) < 1e-12, "\(area) deg²")
    }

    @Test("A valid polygon loads without a warning")
    func validPolygonHasNoWarning() throws {
        let square = "POLYGON((40.10 35.32, 40.16 35.32, 40.16 35.36, 40.10 35.36, 40.10 35.32))"
        let scenario = try BrokenScenarioEntriesAreNamed.load(BrokenScenarioEntriesAreNamed.scenario(
            BrokenScenarioEntriesAreNamed.row(polygon: square))).result.get()
        #expect(scenario.warnings.isEmpty)
        #expect(scenario.entries.last?.polygon?.polygons.count == 1)
    }

    struct BadRow: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        /// The line the error must name, or nil when the fault is the whole file.
        var line: Int?
        /// Words the message must contain, so the analyst knows what to fix.
        var mentions: [String]
        var testDescription: String { name }
    }

    static let badRows: [BadRow] = [
        BadRow(name: "a polygon with nothing left to repair (collinear)",
               text: scenario(row(polygon: "POLYGON((40 35, 41 35, 42 35, 40 35))")), line: 4,
               mentions: ["deir_ez_zor_industrial_zone", "cannot be repaired"]),
        BadRow(name: "an unknown faction", text: scenario(row(faction: "daesh")), line: 4, mentions: ["faction 'daesh'"]),
        BadRow(name: "a month 13", text: scenario(row(since: "2017-13-01")), line: 4, mentions: ["since '2017-13-01'"]),
        BadRow(name: "a date written day first", text: scenario(row(since: "09/09/2017")), line: 4, mentions: ["since"]),
        BadRow(name: "a row missing its since column",
               text: scenario("deir_ez_zor_industrial_zone\tisis"), line: 4, mentions: ["since ''"]),
        BadRow(name: "a place the gazetteer lacks", text: scenario(row(place: "atlantis")), line: 4, mentions: ["'atlantis'", "gazetteer"]),
        BadRow(name: "an empty place", text: scenario(row(place: "")), line: 4, mentions: ["place id"]),
        BadRow(name: "a negative radius", text: scenario(row(radius: "-5")), line: 4, mentions: ["radius_km '-5'"]),
        BadRow(name: "a polygon that is not WKT", text: scenario(row(polygon: "POLYGON((40 35, 41")), line: 4,
               mentions: ["deir_ez_zor_industrial_zone", "WKT"]),
        BadRow(name: "a point given as the polygon", text: scenario(row(polygon: "POINT(40 35)")), line: 4, mentions: ["not a POLYGON"]),
        BadRow(name: "a header without since", text: "# test\nplace\tfaction\tradius_km\n" + goodRow + "\n", line: 2, mentions: ["'since'"]),
        BadRow(name: "an empty file", text: "", line: nil, mentions: ["empty"]),
        BadRow(name: "only comments", text: "# nothing\n# here\n", line: nil, mentions: ["empty"]),
    ]

    @Test("The error names the file and the line", arguments: badRows)
    func errorNamesFileAndLine(_ bad: BadRow) throws {
        let (path, result) = try BrokenScenarioEntriesAreNamed.load(bad.text)
        guard case .failure(let error) = result else {
            Issue.record("loaded without an error")
            return
        }
        #expect(error.file == path)
        #expect(error.line == bad.line, "\(error)")
        for word in bad.mentions {
            #expect(error.description.contains(word), "\(error) should mention \(word)")
        }
        let prefix = bad.line.map { "\(path):\($0): " } ?? "\(path): "
        #expect(error.description.hasPrefix(prefix), "\(error)")
    }

    /// An unreadable path is an error about that path, not a crash.
    @Test("A missing file is named")
    func missingFileIsNamed() throws {
        let gazetteer = try ShippedTerritory.shared().gazetteer
        let path = "/nonexistent/control-2017-09-01.tsv"
        #expect {
            try Scenario.load(path: path, gazetteer: gazetteer)
        } throws: { error in
            (error as? TerritoryError)?.file == path
        }
    }
}
