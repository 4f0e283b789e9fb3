import Foundation
import Reports
import Testing

/// `ReportReader.read`: every path either gives a report or a failure whose message names
/// the file and says what is wrong; a bad file never stops the good ones. Dates come from
/// `index.tsv`, else a `date YYYY-MM-DD` line, else the date given.
@Suite("Reports are read file by file")
struct ReportsAreReadFileByFile {
    static let good = "Syrian troops captured Mayadin on Saturday.\n"

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// Words the message must contain.
        var says: [String]
        var testDescription: String { name }
    }

    static let badFiles: [Bad] = [
        Bad(name: "latin1.txt", bytes: Array("Syrian troops entered Deir ez-Zor.\nLes troupes sont arriv".utf8) + [0xE9, 0x65, 0x73, 0x2E, 0x0A],
            says: ["not valid UTF-8", "line 2", "byte 57"]),
        Bad(name: "truncated.txt", bytes: Array("Syrian troops entered Deir ez-Zor ".utf8) + [0xE2, 0x80], says: ["not valid UTF-8", "line 1"]),
        Bad(name: "surrogate.txt", bytes: Array("Raqqa ".utf8) + [0xED, 0xA0, 0x80], says: ["not valid UTF-8"]),
        Bad(name: "binary.txt", bytes: Array("Syrian troops".utf8) + [0x00, 0x01, 0x02] + Array(" entered Mayadin.".utf8), says: ["NUL byte", "byte 13"]),
        Bad(name: "empty.txt", bytes: [], says: ["empty"]),
        Bad(name: "blank.txt", bytes: Array(" \n\t\r\n  \n".utf8), says: ["empty"]),
        Bad(name: "bom-only.txt", bytes: [0xEF, 0xBB, 0xBF, 0x0A], says: ["empty"]),
    ]

    @Test("A bad file is reported with its name and a reason, and the good files around it are read", arguments: badFiles)
    func badFileAmongGoodOnes(_ bad: Bad) throws {
        try withTemporaryDirectory { dir in
            let first = try dir.write(Self.good, to: "first.txt")
            let path = try dir.write(bytes: bad.bytes, to: bad.name)
            let last = try dir.write("Syrian troops captured Hajin on Sunday.\n", to: "last.txt")
            let results = ReportReader.read(paths: [first, path, last], date: Day(iso: "2017-09-18"))
            try #require(results.count == 3)

            guard case .failure(let error) = results[1] else { Issue.record("\(bad.name) was read as a report"); return }
            #expect(error.path == path)
            #expect(error.description.hasPrefix(path + ": "), "\(error)")
            for word in bad.says { #expect(error.message.contains(word), "\(error.message) should say \(word)") }
            #expect(!error.description.contains("\n"), "one line per error")

            let reports = results.compactMap { try? $0.get() }
            #expect(reports.map(\.document) == ["first.txt", "last.txt"])
            #expect(reports.map(\.text) == [Self.good, "Syrian troops captured Hajin on Sunday.\n"])
        }
    }

    @Test("A missing path is reported and the others are read")
    func missingPath() throws {
        try withTemporaryDirectory { dir in
            let good = try dir.write(Self.good, to: "good.txt")
            let missing = dir.appendingPathComponent("no-such-report.txt").path
            let results = ReportReader.read(paths: [missing, good])
            try #require(results.count == 2)
            guard case .failure(let error) = results[0] else { Issue.record("a missing file was read"); return }
            #expect(error.path == missing)
            #expect(error.description == missing + ": no such file or directory")
            #expect((try? results[1].get())?.document == "good.txt")
        }
    }

    @Test("A directory without .txt reports is reported and the others are read")
    func directoryWithoutReports() throws {
        try withTemporaryDirectory { dir in
            let empty = dir.appendingPathComponent("nothing-here")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            try Data("not a report".utf8).write(to: empty.appendingPathComponent("notes.md"))
            try Data("hidden".utf8).write(to: empty.appendingPathComponent(".draft.txt"))
            let good = try dir.write(Self.good, to: "good.txt")
            let results = ReportReader.read(paths: [empty.path, good])
            try #require(results.count == 2)
            guard case .failure(let error) = results[0] else { Issue.record("an empty directory gave a report"); return }
            #expect(error.path == empty.path)
            #expect(error.message.contains(".txt"), "\(error)")
            #expect((try? results[1].get())?.document == "good.txt")
        }
    }

    @Test("A directory's .txt files are read in name order, bad ones reported among them")
    func directoryInNameOrder() throws {
        try withTemporaryDirectory { dir in
            try dir.write("Syrian troops captured Hajin.\n", to: "b.txt")
            try dir.write(Self.good, to: "a.txt")
            try dir.write(bytes: [0xFF, 0xFE, 0x41, 0x00], to: "c.txt")
            try dir.write("ignored", to: "d.md")
            let results = ReportReader.read(paths: [dir.path])
            #expect(results.count == 3)
            #expect(results.compactMap { try? $0.get().document } == ["a.txt", "b.txt"])
            let failures = results.compactMap { r -> ReportError? in if case .failure(let e) = r { e } else { nil } }
            #expect(failures.map(\.path) == [dir.path + "/c.txt"])
        }
    }

    @Test("Standard input is read as '-' and dated by the date given")
    func standardInput() throws {
        let results = ReportReader.read(paths: ["-"], date: Day(iso: "2017-09-16"), standardInput: { Array(Self.good.utf8) })
        let report = try #require(try results.first?.get())
        #expect(report.document == "-")
        #expect(report.published == ReportedDate(day: try #require(Day(iso: "2017-09-16")), precision: .day))
        #expect(report.dateSource == "option")
        let bad = ReportReader.read(paths: ["-"], standardInput: { [] })
        guard case .failure(let error) = bad.first else { Issue.record("empty standard input was read"); return }
        #expect(error.path == "-")
    }

    // MARK: Dates

    @Test("index.tsv dates the seeds, before a date line in the text and the date given")
    func seedsAreDatedByTheIndex() throws {
        let results = ReportReader.read(paths: [Repository.seedsDirectory], date: Day(iso: "2020-01-01"))
        let reports = results.compactMap { try? $0.get() }
        #expect(reports.count == 5)
        let byName = Dictionary(uniqueKeysWithValues: reports.map { ($0.document, $0) })
        let expected: [(String, String, String, DatePrecision)] = [
            ("000_38e5c09d94b64e3b.txt", "Associated Press", "2017-09-09", .day),
            ("001_7d8833298df37284.txt", "RT", "2017-09-11", .day),
            ("002_1785e81b1290af86.txt", "Al Jazeera", "2017-09-09", .day),
            ("003_66ecdb24853f6cd4.txt", "Prime Source (weekly regional assessment)", "2017-09-06", .week),
            ("004_e5d8e12413992f3f.txt", "Zero Hedge", "2017-09-16", .day),
        ]
        for (file, outlet, date, precision) in expected {
            let r = try #require(byName[file], "\(file) not read")
            #expect(r.outlet == outlet)
            #expect(r.published?.description == date)
            #expect(r.published?.precision == precision)
            #expect(r.dateSource == "index")
        }
    }

    @Test("A date line in the text comes before the date given")
    func dateLineBeforeOption() throws {
        try withTemporaryDirectory { dir in
            let lined = try dir.write("date 2017-09-09 Syrian troops captured Mayadin on Saturday.\n", to: "lined.txt")
            let plain = try dir.write(Self.good, to: "plain.txt")
            let reports = ReportReader.read(paths: [lined, plain], date: Day(iso: "2017-09-18")).compactMap { try? $0.get() }
            try #require(reports.count == 2)
            #expect(reports[0].published?.description == "2017-09-09")
            #expect(reports[0].dateSource == "text")
            #expect(reports[1].published?.description == "2017-09-18")
            #expect(reports[1].dateSource == "option")
            let undated = ReportReader.read(paths: [plain]).compactMap { try? $0.get() }
            #expect(undated.first?.published == nil)
        }
    }
}
