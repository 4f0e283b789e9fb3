import Testing
@testable import Reports

/// Offsets count code points. They are read from a table of counts at every 256th byte
/// plus a short count from there (counting from the sentence start made one long line
/// quadratic), so the table must agree with a count from the first byte everywhere:
/// at block edges, inside multi-byte characters, and past the last block.
@Suite("Code-point offsets are counted from blocks")
struct CodePointOffsetsAreCountedFromBlocks {
    @Test("Every byte offset's code-point count equals a count from the start",
          arguments: [0, 1, 255, 256, 257, 1000, 5000])
    func tableAgreesWithACountFromTheStart(length: Int) {
        // One, two, three and four-byte characters, so block edges fall inside characters.
        let pieces = ["a", "ḩ", "‘", "é", "𝔄", " ", "\n", "Deir ez-Zor. "]
        var text = ""
        var i = 0
        while text.utf8.count < length { text += pieces[i % pieces.count]; i += 1 }
        let bytes = Array(text.utf8.prefix(length))
        bytes.withUnsafeBufferPointer { buffer in
            let layout = TextLayout(buffer)
            for offset in 0...bytes.count {
                #expect(layout.codePointOffset(buffer, offset) == TextLayout.codePoints(buffer, 0, offset), "byte \(offset)")
            }
            for sentence in layout.sentences {
                #expect(sentence.codePointStart == TextLayout.codePoints(buffer, 0, sentence.start))
            }
        }
    }

    @Test("A count of code points between any two bytes is the text's own count of scalars")
    func countsAgreeWithTheScalars() {
        // Runs of ASCII long enough for whole vectors, and characters of two, three and four
        // bytes falling at every lane.
        let pieces = ["a", "ḩ", "‘", "é", "𝔄", " ", "Deir ez-Zor. ", "abcdefghijklmnopqrstu", "ü"]
        var text = ""
        var state: UInt64 = 5
        while text.utf8.count < 3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        let bytes = Array(text.utf8)
        // Where each scalar starts, to cut the text only there.
        var starts: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars { starts.append(offset); offset += String(scalar).utf8.count }
        starts.append(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            for a in stride(from: 0, to: starts.count, by: 7) {
                for b in stride(from: a, to: starts.count, by: 13) {
                    #expect(TextLayout.codePoints(buffer, starts[a], starts[b]) == b - a, "bytes \(starts[a])..<\(starts[b])")
                }
            }
        }
    }
}
