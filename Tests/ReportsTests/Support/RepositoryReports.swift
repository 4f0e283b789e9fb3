import Foundation
import Places
import Reports
import Testing

/// The repository's own data, found from this file's path so the tests need no working
/// directory and never look outside the repository:
/// `<repo>/Tests/ReportsTests/Support/RepositoryReports.swift` → `<repo>/Gazetteer`, `<repo>/seeds`.
enum Repository {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests", url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }()

    static let gazetteerDirectory: String = root.appendingPathComponent("Gazetteer").path
    static let geonamesTSV: String = gazetteerDirectory + "/geonames.tsv"
    static let seedsDirectory: String = root.appendingPathComponent("seeds").path
    /// The fixtures in the source tree (where regenerated goldens are written).
    static let fixturesSource: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// Loaded once for the whole suite; a load failure is reported by every test that needs
/// it rather than crashing the runner.
private let sharedGazetteer: Result<Gazetteer, GazetteerError> = Result {
    () throws(GazetteerError) -> Gazetteer in try Gazetteer.load(directory: Repository.gazetteerDirectory)
}

/// The name table of the repository gazetteer, shared by every reader (a `Reader` itself is
/// not shareable between tasks, so each test makes its own).
private let sharedTable: NameTable? = (try? sharedGazetteer.get()).map { NameTable($0) }

func repositoryGazetteer() throws -> Gazetteer { try sharedGazetteer.get() }

/// A fresh reader over the repository gazetteer.
func repositoryReader() throws -> Reader {
    Reader(gazetteer: try repositoryGazetteer(), table: sharedTable)
}

/// Reads a text written for a test, dated `published` (YYYY-MM-DD) at day precision.
func read(_ text: String, published: String? = nil, precision: DatePrecision = .day, document: String = "test.txt") throws -> Extraction {
    var report = Report(document: document, outlet: "Test", text: text)
    if let published {
        let day = try #require(Day(iso: published), "bad test date \(published)")
        report.published = ReportedDate(day: day, precision: precision)
        report.dateSource = "option"
    }
    return try repositoryReader().read(report)
}

/// The five seed reports, as `ReportReader` reads the repository's `seeds/` directory
/// (so outlets and dates come from its `index.tsv`).
enum Seeds {
    /// The report names (file names without `.txt`), in file order.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Repository.seedsDirectory)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    private static let results: [Result<Report, ReportError>] = ReportReader.read(paths: [Repository.seedsDirectory])

    /// The report `name` (without `.txt`).
    static func report(_ name: String) throws -> Report {
        for result in results {
            switch result {
            case .success(let r) where r.document == name + ".txt": return r
            case .failure(let e) where e.path.hasSuffix("/" + name + ".txt"): throw e
            default: continue
            }
        }
        throw ReportError(path: name, message: "not among the seeds read from \(Repository.seedsDirectory)")
    }

    static func allReports() throws -> [Report] { try names.map(report) }

    /// The seed `name` read by a fresh reader.
    static func extraction(_ name: String) throws -> Extraction { try repositoryReader().read(try report(name)) }

    /// The file's text as a Python script would read it (UTF-8, nothing stripped).
    static func rawText(_ name: String) throws -> String {
        try String(contentsOfFile: Repository.seedsDirectory + "/" + name + ".txt", encoding: .utf8)
    }
}

/// A fixture file of the test bundle (`Fixtures/<subdirectory>/<name>`).
func fixtureURL(_ name: String, subdirectory: String = "seeds") -> URL? {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/" + subdirectory)
}

extension String {
    /// `self[start:end]` in Python: code points (Unicode scalars), not characters or bytes.
    func codePointSlice(_ start: Int, _ end: Int) -> String? {
        let scalars = Array(unicodeScalars)
        guard start >= 0, start <= end, end <= scalars.count else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }
}

extension Extraction {
    /// The ids of the places mentioned, in order of first mention.
    var placeIDs: [String] { places.map(\.place.id) }

    /// The events as one line each, for failure messages.
    var eventSummary: String {
        events.map { e in
            "\(e.actor.rawValue) \(e.action.rawValue) \(e.place.id)\(e.isPartial ? " (partial)" : "")\(e.relation.map { " [\($0)]" } ?? "") "
                + "\(e.date?.description ?? "undated")/\(e.date?.precision.rawValue ?? "-") «\(e.dateText)»"
        }.joined(separator: "\n")
    }
}

/// A fresh temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("conflictmap-reports-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}

extension URL {
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(bytes: Array(text.utf8), to: name)
    }

    @discardableResult
    func write(bytes: [UInt8], to name: String) throws -> String {
        let url = appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// The environment switch shared with the GeographyTests goldens.
var regeneratingGoldens: Bool { ProcessInfo.processInfo.environment["CONFLICTMAP_REGENERATE_GOLDEN"] == "1" }
