import Foundation
import Places
import Reports
import Testing

/// Regression fixture `Fixtures/world/seed_words_taken_for_world_towns.tsv`: 29 rows of
/// GeoNames `cities500` (CC BY 4.0, https://www.geonames.org), in the 13-column layout of
/// `Gazetteer/geonames.tsv`: the towns that words of the seed reports were taken for when
/// the reader ran over the seeds with the whole world `cities500` loaded ("Russian" →
/// Rosian DE, "Khawla" → Holle DE, "IS" → Is-sur-Tille FR, "US" → Osh KG, "Ryan" → Ar
/// Rayyan QA, "Ahmad" → Al Ahmadi KW, "We are" → Weare US, "Mattis" → Mathis US, "Col" →
/// Cool US, "Secretary", "March", "West", "Arab", "I" → Los Angeles...). With those rows added to
/// the repository's GeoNames rows, the seeds must still give exactly the hand-made fixture's
/// place mentions.
@Suite("Seed words are not taken for world towns")
struct SeedWordsAreNotTakenForWorldTowns {
    static let gazetteer: Result<Gazetteer, any Error> = Result {
        guard let url = fixtureURL("seed_words_taken_for_world_towns.tsv", subdirectory: "world") else {
            throw ReportError(path: "Fixtures/world/seed_words_taken_for_world_towns.tsv", message: "not in the test bundle")
        }
        let world = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        var text = try String(contentsOfFile: Repository.geonamesTSV, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        text += world.joined(separator: "\n") + "\n"
        return try withTemporaryDirectory { dir in
            try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: try dir.write(text, to: "geonames_and_world.tsv"))
        }
    }

    @Test("The seeds give the fixture's mentions with world towns in the gazetteer", arguments: Seeds.names)
    func seedMentionsWithWorldTowns(name: String) throws {
        let expected = try SeedPlaceMentionsMatchTheFixture.fixture(name)
        let x = Reader(gazetteer: try Self.gazetteer.get()).read(try Seeds.report(name))
        let found = x.mentions.map { SeedPlaceMentionsMatchTheFixture.Row(start: $0.span.start, end: $0.span.end, text: $0.span.text, place: $0.place.id) }
        let extra = Set(found).subtracting(expected).sorted()
        let missing = Set(expected).subtracting(found).sorted()
        do {
            #expect(extra.isEmpty, "\(name): words taken for places:\n\(extra.map(\.description).joined(separator: "\n"))")
            #expect(missing.isEmpty, "\(name): fixture mentions lost:\n\(missing.map(\.description).joined(separator: "\n"))")
        }
    }
}
