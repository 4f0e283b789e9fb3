import Foundation
import Testing

/// `conflictmap map` as the README runs it: one GeoJSON and SVG per day a report changes
/// control and a latest pair, written into the output folder and nowhere else.
@Suite("map runs end to end", .serialized)
struct MapRunsEndToEnd {
    @Test("The seeds give a pair per change day and latest; an old day's map is removed, other files stay")
    func seedsToFolder() throws {
        try withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("maps")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try Data("stale".utf8).write(to: out.appendingPathComponent("control-2017-01-01.svg"))
            try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
            let run = try conflictmap(["map", "--out", out.path])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.isEmpty && run.stderr.isEmpty, "quiet success: \(run)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            var expected = ["latest.geojson", "latest.svg", "notes.txt"]
            for day in ["05", "06", "09", "11", "16"] { expected += ["control-2017-09-\(day).geojson", "control-2017-09-\(day).svg"] }
            #expect(names == expected.sorted())
        }
    }

    @Test("--date draws one day; --format csv adds the events as CSV")
    func oneDay() throws {
        try withTemporaryDirectory { dir in
            let run = try conflictmap(["map", "--out", dir.path, "--date", "2017-09-12", "--format", "svg,csv"])
            #expect(run.status == 0, "\(run)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            #expect(names == ["control-2017-09-12.csv", "control-2017-09-12.svg"])
            let csv = try String(contentsOf: dir.appendingPathComponent("control-2017-09-12.csv"), encoding: .utf8)
            #expect(csv.hasPrefix("event_date,"))
            #expect(!csv.contains("2017-09-16"), "no event after the map's day")
        }
    }

    @Test("An output folder that is a file: one line naming it, exit 2, nothing written")
    func outIsAFile() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("taken")
            try Data("keep".utf8).write(to: file)
            let run = try conflictmap(["map", "--out", file.path])
            #expect(run.status == 2, "\(run)")
            #expect(run.stderrLines.count == 1 && run.stderr.contains(file.path), "\(run)")
            #expect(!run.looksLikeACrash)
            #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
        }
    }

    @Test("A broken scenario fails the run and leaves the old maps untouched")
    func brokenScenarioKeepsOldMaps() throws {
        try withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("maps")
            #expect(try conflictmap(["map", "--out", out.path, "--date", "2017-09-16"]).status == 0)
            let before = try Data(contentsOf: out.appendingPathComponent("control-2017-09-16.svg"))
            let scenario = dir.appendingPathComponent("broken.tsv")
            try Data("place\tfaction\tsince\tradius_km\tpolygon\tsource\tnote\nRaqqa\tnobody\t2017-09-01\t\t\tx\t\n".utf8).write(to: scenario)
            let run = try conflictmap(["map", "--out", out.path, "--date", "2017-09-16", "--scenario", scenario.path])
            #expect(run.status == 2, "\(run)")
            #expect(run.stderr.contains("broken.tsv"), "\(run)")
            #expect(try Data(contentsOf: out.appendingPathComponent("control-2017-09-16.svg")) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 2)
        }
    }

    @Test("A bad --format is a usage error naming the fix")
    func badFormat() throws {
        let run = try conflictmap(["map", "--format", "svg,pdf", "--out", "/nonexistent/never"])
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("pdf"), "\(run)")
    }
}
