import Emitters
import Foundation
import Testing

@Suite("Outputs are written atomically")
struct OutputsAreWrittenAtomically {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("conflictmap-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A run that fails half-way leaves every old file as it was, and no temporary files")
    func failedRunKeepsOldFiles() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try OutputFolder.write([("a.svg", "old a"), ("b.geojson", "old b")], to: dir.path)
        // The second file's temporary name is longer than a file name may be: its write
        // fails after the first file's temporary is already on disk.
        let tooLong = String(repeating: "x", count: 250) + ".svg"
        #expect(throws: OutputError.self) {
            try OutputFolder.write([("a.svg", "new a"), (tooLong, "new"), ("b.geojson", "new b")], to: dir.path)
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("a.svg"), encoding: .utf8) == "old a")
        #expect(try String(contentsOf: dir.appendingPathComponent("b.geojson"), encoding: .utf8) == "old b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.svg", "b.geojson"])
    }

    @Test("Names that would leave the folder are refused before anything is written", arguments: ["../escape.svg", "sub/x.svg", ".hidden", ""])
    func namesStayInside(name: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: OutputError.self) { try OutputFolder.write([("ok.svg", "x"), (name, "y")], to: dir.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("escape.svg").path))
    }

    @Test("A successful run replaces the files and creates a missing folder")
    func replaces() throws {
        let dir = try folder().appendingPathComponent("new/maps")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent().deletingLastPathComponent()) }
        try OutputFolder.write([("a.svg", "1")], to: dir.path)
        try OutputFolder.write([("a.svg", "2")], to: dir.path)
        #expect(try String(contentsOf: dir.appendingPathComponent("a.svg"), encoding: .utf8) == "2")
    }
}
