import Foundation
import Reports
import Testing

/// `Fixtures/seeds/<name>.places.tsv` lists, by hand, every place mention a careful reader
/// marks in each seed report (start, end in code points, text, place id; conventions in
/// `Fixtures/seeds/DECISIONS.md`). The extractor must find all of them and nothing else.
@Suite("Seed place mentions match the hand-made fixture")
struct SeedPlaceMentionsMatchTheFixture {
    struct Row: Hashable, Comparable, CustomStringConvertible {
        var start: Int, end: Int, text: String, place: String

        static func < (a: Row, b: Row) -> Bool { (a.start, a.end, a.place) < (b.start, b.end, b.place) }
        var description: String { "\(start)\t\(end)\t\(text)\t\(place)" }
    }

    /// The fixture's rows (a header line `start end text place`, tab-separated).
    static func fixture(_ name: String) throws -> [Row] {
        let url = try #require(fixtureURL(name + ".places.tsv"), "no Fixtures/seeds/\(name).places.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [Row] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if n == 0 {
                #expect(fields == ["start", "end", "text", "place"], "header of \(name).places.tsv")
                continue
            }
            try #require(fields.count == 4, "\(name).places.tsv line \(n + 1): \(fields.count) fields")
            let start = try #require(Int(fields[0])), end = try #require(Int(fields[1]))
            rows.append(Row(start: start, end: end, text: fields[2], place: fields[3]))
        }
        return rows
    }

    @Test("Every seed has a fixture and the fixture rows are in the text at their offsets", arguments: Seeds.names)
    func fixtureRowsAreCodePointSlicesOfTheText(name: String) throws {
        let text = try Seeds.rawText(name)
        let rows = try Self.fixture(name)
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(text.codePointSlice(row.start, row.end) == row.text, "fixture row \(row)")
        }
        // The reader sees the same text as a Python script reading the file.
        #expect(try Seeds.report(name).text == text)
    }

    @Test("The extractor finds every fixture mention and nothing else", arguments: Seeds.names)
    func mentionsEqualTheFixture(name: String) throws {
        let expected = try Self.fixture(name)
        let extraction = try Seeds.extraction(name)
        let found = extraction.mentions.map { Row(start: $0.span.start, end: $0.span.end, text: $0.span.text, place: $0.place.id) }

        let missing = Set(expected).subtracting(found).sorted()
        let extra = Set(found).subtracting(expected).sorted()
        #expect(missing.isEmpty, "\(name): fixture mentions the extractor missed or placed differently:\n\(missing.map(\.description).joined(separator: "\n"))")
        #expect(extra.isEmpty, "\(name): mentions the fixture does not have:\n\(extra.map(\.description).joined(separator: "\n"))")
        #expect(found.count == expected.count, "\(name): \(found.count) mentions, fixture \(expected.count) (duplicates?)")
        // In text order.
        #expect(found == found.sorted(), "\(name): mentions not in text order")
    }

    @Test("Every mention's code-point slice of the text is its text", arguments: Seeds.names)
    func mentionOffsetsAreCodePoints(name: String) throws {
        let text = try Seeds.rawText(name)
        let extraction = try Seeds.extraction(name)
        for m in extraction.mentions {
            #expect(text.codePointSlice(m.span.start, m.span.end) == m.span.text, "\(name): \(m.span) \(m.place.id)")
        }
        for e in extraction.events {
            #expect(text.codePointSlice(e.quote.start, e.quote.end) == e.quote.text, "\(name): event quote \(e.quote)")
        }
        for c in extraction.claims {
            #expect(text.codePointSlice(c.phrase.start, c.phrase.end) == c.phrase.text, "\(name): claim phrase \(c.phrase)")
            #expect(text.codePointSlice(c.quote.start, c.quote.end) == c.quote.text, "\(name): claim quote \(c.quote)")
        }
    }
}
