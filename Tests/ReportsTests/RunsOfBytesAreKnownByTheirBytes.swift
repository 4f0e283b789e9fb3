import Testing
@testable import Reports

/// The reader numbers the names it meets by their bytes (`ByteRuns`): a hash table keyed by
/// a run's first 16 bytes and length, so runs that share those and differ later, and runs
/// that grow the table, must still be told apart exactly.
@Suite("Runs of bytes are known by their bytes")
struct RunsOfBytesAreKnownByTheirBytes {
    /// Texts alike in their first 16 bytes, in length only, in one late byte; non-ASCII; empty.
    static let texts = [
        "Deir ez-Zor", "deir ez-Zor", "Deir ez-Zor province", "Deir ez-Zor provinces", "Deir ez-Zor provincf",
        "Deir ez-Zor gove", "Deir ez-Zor gover", "Deir ez-Zor governorate", "Dayr az Zawr", "Ḩalab", "‘Ayn ‘Īsá", "",
        "a", "ab", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", String(repeating: "x", count: 60),
        String(repeating: "x", count: 61), "𝔄𝔅ℭ", "Al-Bukamal", "Al-Bukamal ",
    ]

    @Test("A run's number is the same each time and no other run's, through the table's growth")
    func numbersTellRunsApart() {
        // The texts, then thousands of others, then the texts again, in one buffer.
        var pieces = RunsOfBytesAreKnownByTheirBytes.texts
        for k in 0..<5000 { pieces.append("village number \(k) of the long list") }
        pieces += RunsOfBytesAreKnownByTheirBytes.texts
        var bytes: [UInt8] = [], ranges: [Range<Int>] = []
        for p in pieces { ranges.append(bytes.count..<bytes.count + p.utf8.count); bytes += p.utf8 }
        var runs = ByteRuns()
        var numberOf: [String: Int] = [:]
        bytes.withUnsafeBufferPointer { buffer in
            for (p, r) in zip(pieces, ranges) {
                let (n, isNew) = runs.number(buffer, r)
                if let known = numberOf[p] {
                    #expect(n == known && !isNew, "\(p)")
                } else {
                    #expect(isNew && n == numberOf.count, "\(p)")
                    numberOf[p] = n
                }
            }
        }
        #expect(runs.count == numberOf.count)
        runs.removeAll()
        #expect(runs.count == 0)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(runs.number(buffer, ranges[5]) == (0, true))
        }
    }

    @Test("A run of bytes inside a text is read from where it lies, not from the text's start")
    func runsAreReadWhereTheyLie() {
        var runs = ByteRuns()
        let text = "In Deir ez-Zor, Deir ez-Zor province and deir ez-zor"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(runs.number(buffer, 3..<14) == (0, true))
            #expect(runs.number(buffer, 16..<27) == (0, false))
            #expect(runs.number(buffer, 16..<36) == (1, true))
            #expect(runs.number(buffer, 41..<52) == (2, true))
            #expect(runs.number(buffer, 3..<14) == (0, false))
        }
    }
}
