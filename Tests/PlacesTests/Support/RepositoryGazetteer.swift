import Foundation
import Places
import Testing

/// The repository's own data, found from this file's path so the tests need no working
/// directory and never look outside the repository:
/// `<repo>/Tests/PlacesTests/Support/RepositoryGazetteer.swift` → `<repo>/Gazetteer`.
enum Repository {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests", url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }()

    static let gazetteerDirectory: String = root.appendingPathComponent("Gazetteer").path
    static let placesTSV: String = gazetteerDirectory + "/places.tsv"
    static let geonamesTSV: String = gazetteerDirectory + "/geonames.tsv"
}

/// Loaded once for the whole suite; a load failure is reported by every test that needs
/// it rather than crashing the runner.
private let sharedGazetteer: Result<Gazetteer, GazetteerError> = Result {
    () throws(GazetteerError) -> Gazetteer in try Gazetteer.load(directory: Repository.gazetteerDirectory)
}

func repositoryGazetteer() throws -> Gazetteer { try sharedGazetteer.get() }

/// One data row of `places.tsv`, parsed by the tests themselves (tabs, `#` comments, a
/// header line) so the data can be checked against what the loader makes of it.
struct CuratedRow: Sendable, CustomTestStringConvertible {
    var line: Int
    var fields: [String: String]

    var id: String { fields["id"] ?? "" }
    subscript(_ column: String) -> String { fields[column] ?? "" }
    var testDescription: String { id }
}

enum CuratedTable {
    /// Every data row of the repository's `places.tsv`, in file order (empty if the file
    /// cannot be read; `curatedTableIsReadable` then fails).
    static let rows: [CuratedRow] = {
        guard let text = try? String(contentsOfFile: Repository.placesTSV, encoding: .utf8) else { return [] }
        var header: [String]?
        var rows: [CuratedRow] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            let values = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let names = header else { header = values; continue }
            rows.append(CuratedRow(line: i + 1, fields: Dictionary(zip(names, values), uniquingKeysWith: { a, _ in a })))
        }
        return rows
    }()

    static var ids: [String] { rows.map(\.id) }
    static func row(_ id: String) -> CuratedRow? { rows.first { $0.id == id } }
}

/// The raw text of both TSV files, for checking that a spelling really is absent.
enum RawGazetteerText {
    static let all: String = [Repository.geonamesTSV, Repository.placesTSV]
        .compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        .joined(separator: "\n")
}

/// A fresh temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("conflictmap-places-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}

extension URL {
    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: appendingPathComponent(name))
    }

    func write(bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: appendingPathComponent(name))
    }
}

/// The error a gazetteer load throws, or nil when it loads.
func loadFailure(_ load: () throws(GazetteerError) -> Gazetteer) -> GazetteerError? {
    if case .failure(let error) = Result(catching: load) { return error }
    return nil
}
