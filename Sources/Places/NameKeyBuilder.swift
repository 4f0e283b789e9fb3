/// Builds name keys from UTF-8 bytes in buffers it owns and reuses: the gazetteer
/// loader's and the text matcher's hot path (a world gazetteer has a million names).
/// Gives the same key as `NameNormalizer.key(_:)`, which is built on it. Not shareable
/// between threads: one builder per task.
public final class NameKeyBuilder {
    private var capacity: Int
    private var folded: UnsafeMutablePointer<UInt8>
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var words = 0

    public init() {
        capacity = 256
        folded = .allocate(capacity: capacity)
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
    }

    deinit {
        folded.deallocate(); starts.deallocate(); ends.deallocate()
    }

    /// The key of a name given as UTF-8 (invalid sequences count as separators).
    public func key(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        forEachKeyWord(utf8) { word, n in out.append(contentsOf: UnsafeBufferPointer(start: word, count: n)) }
        return out
    }

    /// FNV-1a of the key, computed without building it: what the gazetteer index stores.
    /// Nil for a name with no letters or digits.
    public func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h: UInt64 = NameKeyBuilder.fnvOffset
        var any = false
        forEachKeyWord(utf8) { word, n in
            for k in 0..<n { h = (h ^ UInt64(word[k])) &* NameKeyBuilder.fnvPrime }
            any = any || n > 0
        }
        return any ? h : nil
    }

    /// Like `hash(_:)`, and also hands `prefix` the hash of each leading run of key words
    /// that is shorter than the whole name ("Deir ez-Zor" → the hash of "dir"), and
    /// `continuation` the hash of each key word after the first on its own ("zor"): the
    /// text scanner extends a window of words only while it is such a prefix, and only by a
    /// word that continues some name.
    public func hash(_ utf8: UnsafeBufferPointer<UInt8>, prefixes prefix: (UInt64) -> Void,
                     continuations continuation: (UInt64) -> Void = { _ in }) -> UInt64? {
        var h: UInt64 = NameKeyBuilder.fnvOffset
        var any = false
        forEachKeyWord(utf8) { word, n in
            if any && n > 0 {
                prefix(h)
                var w = NameKeyBuilder.fnvOffset
                for k in 0..<n { w = (w ^ UInt64(word[k])) &* NameKeyBuilder.fnvPrime }
                continuation(w)
            }
            for k in 0..<n { h = (h ^ UInt64(word[k])) &* NameKeyBuilder.fnvPrime }
            any = any || n > 0
        }
        return any ? h : nil
    }

    /// The key of one word of running text (a token: no separators inside), for the text
    /// scanner: `body` gets the key bytes and whether the word is an article, which the
    /// scanner skips inside a name of several words as the key of a name does.
    @inline(__always)
    public func wordKey<R>(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, _ isArticle: Bool) -> R) -> R {
        fold(utf8)
        guard words > 0 else { return body(UnsafeBufferPointer(start: folded, count: 0), false) }
        if words == 1 {
            let word = folded + starts[0]
            var n = ends[0] - starts[0]
            let article = WordRules.isArticle(word, n)
            n = WordRules.stripJoinedArticle(word, n)
            n = WordRules.apply(word, n)
            return body(UnsafeBufferPointer(start: word, count: n), article)
        }
        // A token the fold splits (a rare separator inside): its words' keys, joined.
        var joined: [UInt8] = []
        forEachKeyWord(utf8) { word, n in joined.append(contentsOf: UnsafeBufferPointer(start: word, count: n)) }
        return joined.withUnsafeBufferPointer { body($0, false) }
    }

    static let fnvOffset: UInt64 = 0xcbf29ce484222325
    static let fnvPrime: UInt64 = 0x100000001b3

    /// FNV-1a of key bytes.
    @inline(__always)
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h = fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    /// Continues an FNV-1a hash over more key bytes (a window of words, word by word).
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing h: UInt64 = 0xcbf29ce484222325) -> UInt64 {
        var h = h
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    /// The hash of no bytes: where a window's hash starts.
    public static let emptyHash: UInt64 = fnvOffset

    /// Folds the name, then hands each word after the word rules (articles skipped) to
    /// `body`. The rules only shorten words, so each is rewritten in place.
    @inline(__always)
    private func forEachKeyWord(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeMutablePointer<UInt8>, Int) -> Void) {
        fold(utf8)
        let count = words
        for t in 0..<count {
            let word = folded + starts[t]
            var n = ends[t] - starts[t]
            if count > 1 && WordRules.isArticle(word, n) { continue }
            n = WordRules.stripJoinedArticle(word, n)
            n = WordRules.apply(word, n)
            body(word, n)
        }
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        folded.deallocate(); starts.deallocate(); ends.deallocate()
        capacity = max(needed, capacity * 2)
        folded = .allocate(capacity: capacity)
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
    }

    /// What an ASCII byte is: 0 separator, 1 ignored (apostrophes), else the folded letter.
    private static let asciiTable: [UInt8] = (0..<128).map { b -> UInt8 in
        switch b {
        case 0x41...0x5A: return UInt8(b + 0x20)
        case 0x61...0x7A, 0x30...0x39: return UInt8(b)
        case 0x27, 0x60: return 1  // ' and ` vanish inside a word: Dar'a = Dara
        default: return 0
        }
    }

    /// Case, diacritics and separators: fills `folded` with the words and their bounds.
    private func fold(_ bytes: UnsafeBufferPointer<UInt8>) {
        // A scalar folds to at most a few ASCII letters (ß → ss); 4 bytes per input byte is ample.
        reserve(bytes.count * 4 + 16)
        var len = 0, count = 0
        var inWord = false
        var i = 0
        let n = bytes.count
        let table = NameKeyBuilder.asciiTable
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                let f = table[Int(b)]
                if f > 1 {
                    if !inWord { starts[count] = len; inWord = true }
                    folded[len] = f; len += 1
                } else if f == 0, inWord {
                    ends[count] = len; count += 1; inWord = false
                }
                i += 1
                continue
            }
            // Decode one multi-byte scalar.
            var value: UInt32 = 0
            var width = 0
            if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); width = 2 }
            else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); width = 3 }
            else if b & 0xF8 == 0xF0 { value = UInt32(b & 0x07); width = 4 }
            var scalar: Unicode.Scalar?
            if width > 0, i + width <= n {
                var valid = true
                for k in 1..<width {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 { valid = false; break }
                    value = value << 6 | UInt32(c & 0x3F)
                }
                if valid { scalar = Unicode.Scalar(value) }
            }
            guard let scalar else {
                if inWord { ends[count] = len; count += 1; inWord = false }
                i += 1
                continue
            }
            i += width
            switch NameNormalizer.fold(scalar) {
            case .letter(let l):
                if !inWord { starts[count] = len; inWord = true }
                folded[len] = l; len += 1
            case .letters(let ls):
                reserve(len + ls.count + (n - i) * 4 + 16)
                if !inWord { starts[count] = len; inWord = true }
                for l in ls { folded[len] = l; len += 1 }
            case .ignore: break
            case .separator:
                if inWord { ends[count] = len; count += 1; inWord = false }
            }
        }
        if inWord { ends[count] = len; count += 1 }
        words = count
    }
}
