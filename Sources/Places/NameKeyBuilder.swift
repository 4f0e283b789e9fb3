/// Builds name keys from UTF-8 bytes with reusable buffers: the gazetteer loader's and
/// the text matcher's hot path. Gives the same key as `NameNormalizer.key(_:)`, which
/// is built on it. Not shareable between threads: one builder per task.
public struct NameKeyBuilder {
    private var folded: [UInt8] = []
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var output: [UInt8] = []

    public init() {
        folded.reserveCapacity(128); starts.reserveCapacity(16); ends.reserveCapacity(16)
        output.reserveCapacity(128)
    }

    /// The key of a name given as UTF-8 (invalid sequences count as separators). The
    /// returned bytes are valid until the next call.
    public mutating func key(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        fold(utf8)
        output.removeAll(keepingCapacity: true)
        let count = starts.count
        guard count > 0 else { return output }
        // The rules only shorten words, so each word is rewritten inside `folded` and
        // appended: no per-word allocation.
        folded.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            for t in 0..<count {
                let word = base + starts[t]
                var n = ends[t] - starts[t]
                if count > 1 && WordRules.isArticle(word, n) { continue }
                n = WordRules.stripJoinedArticle(word, n)
                n = WordRules.apply(word, n)
                output.append(contentsOf: UnsafeBufferPointer(start: word, count: n))
            }
        }
        return output
    }

    /// FNV-1a of the key: what the gazetteer index stores.
    public mutating func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        NameKeyBuilder.hash(key(utf8))
    }

    @inline(__always)
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    /// Case, diacritics and separators: fills `folded` with the words and their bounds.
    private mutating func fold(_ bytes: UnsafeBufferPointer<UInt8>) {
        folded.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var inWord = false
        var i = 0
        let n = bytes.count
        @inline(__always) func separator() {
            if inWord { ends.append(folded.count); inWord = false }
        }
        @inline(__always) func letter(_ b: UInt8) {
            if !inWord { starts.append(folded.count); inWord = true }
            folded.append(b)
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case 0x41...0x5A: letter(b + 0x20)
                case 0x61...0x7A, 0x30...0x39: letter(b)
                case 0x27, 0x60: break  // ' and ` vanish inside a word: Dar'a = Dara
                default: separator()
                }
                i += 1
                continue
            }
            // Decode one multi-byte scalar.
            var value: UInt32 = 0
            var length = 0
            if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); length = 2 }
            else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); length = 3 }
            else if b & 0xF8 == 0xF0 { value = UInt32(b & 0x07); length = 4 }
            guard length > 0, i + length <= n else { separator(); i += 1; continue }
            var valid = true
            for k in 1..<length {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { valid = false; break }
                value = value << 6 | UInt32(c & 0x3F)
            }
            guard valid, let scalar = Unicode.Scalar(value) else { separator(); i += 1; continue }
            i += length
            switch NameNormalizer.fold(scalar) {
            case .letter(let l): letter(l)
            case .letters(let ls): for l in ls { letter(l) }
            case .ignore: break
            case .separator: separator()
            }
        }
        separator()
    }
}
