import Foundation
import Testing

/// `conflictmap extract` run as a user runs it, on files written for the test and on the
/// bundled seeds: data on stdout, one line per bad file on stderr, exit codes 0/1/64.
@Suite("extract runs end to end", .serialized)
struct ExtractRunsEndToEnd {
    static let report = "Syrian troops captured Mayadin on Saturday. The SDF entered Abu Khashab last Tuesday.\n"

    @Test("A good and a bad file: the good one's output, one stderr line for the bad one, exit 1")
    func goodAndBadFiles() throws {
        try withTemporaryDirectory { dir in
            let good = dir.appendingPathComponent("good.txt"), bad = dir.appendingPathComponent("bad.txt")
            let empty = dir.appendingPathComponent("empty.txt")
            try Data(("date 2017-09-16\n" + Self.report).utf8).write(to: good)
            try Data([0x44, 0x65, 0x69, 0x72, 0x20, 0xE9, 0x0A]).write(to: bad)
            try Data().write(to: empty)
            let run = try conflictmap(["extract", good.path, bad.path, empty.path, "--format", "json"])
            #expect(run.status == 1, "\(run)")
            #expect(!run.looksLikeACrash, "\(run)")
            #expect(run.stderrLines.count == 2, "\(run)")
            #expect(run.stderrLines.first?.contains(bad.path) == true)
            #expect(run.stderrLines.first?.contains("UTF-8") == true)
            #expect(run.stderrLines.last?.contains(empty.path) == true)
            let object = try jsonObject(run.stdout)
            let documents = try #require(object["documents"] as? [[String: Any]])
            #expect(documents.map { $0["document"] as? String } == ["good.txt"])
            let events = try #require(documents.first?["events"] as? [[String: Any]])
            #expect(events.contains { $0["actor"] as? String == "government" && $0["action"] as? String == "capture" && $0["place"] as? String == "geonames:173480" && $0["date"] as? String == "2017-09-16" })
        }
    }

    @Test("A missing file is one line on stderr and exit 1, after the others' output")
    func missingFile() throws {
        try withTemporaryDirectory { dir in
            let good = dir.appendingPathComponent("good.txt")
            try Data(Self.report.utf8).write(to: good)
            let missing = dir.appendingPathComponent("missing.txt").path
            let run = try conflictmap(["extract", missing, good.path, "--date", "2017-09-16"])
            #expect(run.status == 1, "\(run)")
            #expect(run.stderrLines == ["conflictmap: \(missing): no such file or directory"], "\(run)")
            #expect(try jsonObject(run.stdout)["type"] as? String == "FeatureCollection")
        }
    }

    @Test("An impossible --date is a usage error", arguments: ["2017-13-01", "2017-02-30", "16/09/2017", "yesterday"])
    func badDateIsUsageError(date: String) throws {
        try withTemporaryDirectory { dir in
            let good = dir.appendingPathComponent("good.txt")
            try Data(Self.report.utf8).write(to: good)
            let run = try conflictmap(["extract", good.path, "--date", date])
            #expect(run.status == 64, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(run.stderr.contains(date), "\(run)")
            #expect(!run.looksLikeACrash, "\(run)")
        }
    }

    @Test("An unknown --format is a usage error")
    func badFormatIsUsageError() throws {
        let run = try conflictmap(["extract", "--format", "kml"])
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty)
    }

    @Test("--format csv prints a header and one row per event")
    func csv() throws {
        let csv = try conflictmap(["extract", "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        let json = try conflictmap(["extract", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let documents = try #require(try jsonObject(json.stdout)["documents"] as? [[String: Any]])
        #expect(documents.count == 5)
        let eventCount = documents.reduce(0) { $0 + (($1["events"] as? [Any])?.count ?? 0) }
        #expect(eventCount > 0)

        let lines = csv.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "event_date,date_precision,actor,action,place,place_id,province,country,latitude,longitude,geo_precision,target,relation,source,document,quote")
        #expect(lines.count == 1 + eventCount, "\(lines.count - 1) rows for \(eventCount) events")
        // Every row has the header's 16 fields (quoted fields may hold commas).
        for line in lines.dropFirst() {
            #expect(Self.csvFields(String(line)).count == 16, "\(line)")
        }
    }

    @Test("geojson (the default) is a FeatureCollection of place and event features")
    func geojson() throws {
        let run = try conflictmap(["extract"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        #expect(run.stdout.hasPrefix(#"{"type":"FeatureCollection""#))
        let object = try jsonObject(run.stdout)
        let features = try #require(object["features"] as? [[String: Any]])
        var layers: [String: Int] = [:]
        for f in features {
            #expect(f["type"] as? String == "Feature")
            let properties = try #require(f["properties"] as? [String: Any])
            let geometry = try #require(f["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Point")
            let layer = properties["layer"] as? String ?? "?"
            layers[layer, default: 0] += 1
            switch layer {
            case "place":
                for key in ["name", "id", "kind"] { #expect(properties[key] is String, "place feature lacks \(key)") }
                let mentions = try #require(properties["mentions"] as? [[String: Any]])
                #expect(!mentions.isEmpty)
                for m in mentions {
                    #expect(m["document"] is String && m["text"] is String && double(m["start"]) != nil && double(m["end"]) != nil)
                }
            case "event":
                for key in ["actor", "action", "place", "date", "date_precision", "document", "outlet", "quote"] {
                    #expect(properties[key] is String, "event feature lacks \(key): \(properties)")
                }
                #expect(double(properties["start"]) != nil && double(properties["end"]) != nil)
            default:
                Issue.record("feature with layer \(layer)")
            }
        }
        #expect(Set(layers.keys) == ["place", "event"])
    }

    @Test("Standard input '-' is read, dated by --date")
    func standardInput() throws {
        let run = try conflictmapReading(input: Self.report, ["extract", "-", "--date", "2017-09-16", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        let documents = try #require(try jsonObject(run.stdout)["documents"] as? [[String: Any]])
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document["document"] as? String == "-")
        #expect(document["published"] as? String == "2017-09-16")
        let events = try #require(document["events"] as? [[String: Any]])
        let summary = events.map { "\($0["actor"] ?? "") \($0["action"] ?? "") \($0["place"] ?? "") \($0["date"] ?? "")" }
        #expect(summary.contains("government capture geonames:173480 2017-09-16"), "\(summary)")
        // Saturday 16 Sept 2017: "last Tuesday" is the 12th.
        #expect(summary.contains("sdf enter abu_khashab 2017-09-12"), "\(summary)")
    }

    @Test("Empty standard input is a bad input, not a crash")
    func emptyStandardInput() throws {
        let run = try conflictmapReading(input: "", ["extract", "-", "--date", "2017-09-16"])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrLines.count == 1, "\(run)")
        #expect(!run.looksLikeACrash)
    }

    /// RFC 4180 fields of one line.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { current.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { fields.append(current); current = "" }
            else { current.append(c) }
        }
        fields.append(current)
        return fields
    }

    @Test("A report with no date anywhere still reads, with one warning saying why its dates stay open")
    func undatedReportWarns() throws {
        let run = try conflictmap(["extract", "-", "--format", "json"], input: Self.report)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderrLines.count == 1 && run.stderr.contains("-: no date"), "\(run)")
        let dated = try conflictmap(["extract", "-", "--format", "json", "--date", "2017-09-16"], input: Self.report)
        #expect(dated.stderr.isEmpty, "\(dated)")
    }
}

/// Runs the built `conflictmap` with `input` on its standard input.
func conflictmapReading(input: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
    try conflictmap(arguments, input: input, timeout: timeout)

}
