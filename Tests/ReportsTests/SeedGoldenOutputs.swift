import Emitters
import Foundation
import Reports
import Testing

/// `Fixtures/seeds/<name>.expected.json` is `ExtractionEncoding.json` of that one seed
/// report (its places, events and claims), pretty-printed, byte for byte.
/// Regenerate after an intended change with
/// `CONFLICTMAP_REGENERATE_GOLDEN=1 swift test --skip-build --filter ReportsTests.SeedGoldenOutputs`,
/// then rebuild (the fixtures are copied into the test bundle) and review the diff.
@Suite("Seed golden outputs")
struct SeedGoldenOutputs {
    static func written(_ name: String) throws -> String {
        ExtractionEncoding.json([try Seeds.extraction(name)]).serialized(pretty: true) + "\n"
    }

    @Test("The JSON of each seed equals its golden file", arguments: Seeds.names)
    func jsonEqualsGolden(name: String) throws {
        let written = try Self.written(name)
        let file = name + ".expected.json"
        if regeneratingGoldens {
            let target = Repository.fixturesSource.appendingPathComponent("seeds/" + file)
            try written.write(to: target, atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(fixtureURL(file), "no Fixtures/seeds/\(file); generate it with CONFLICTMAP_REGENERATE_GOLDEN=1")
        let expected = try String(contentsOf: url, encoding: .utf8)
        if written != expected {
            // The first differing line, so the failure says where.
            let a = written.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("\(file) differs at line \(i + 1):\n  got      \(i < a.count ? a[i] : "<end>")\n  expected \(i < b.count ? b[i] : "<end>")")
        }
    }

    @Test("Reading a seed twice gives the same JSON", arguments: Seeds.names)
    func outputIsDeterministic(name: String) throws {
        #expect(try Self.written(name) == (try Self.written(name)))
    }
}
