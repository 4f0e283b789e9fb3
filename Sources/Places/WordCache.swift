/// The words a scanner has met, each with its name key: news repeats a few thousand words,
/// so folding and the spelling rules run once per distinct word instead of once per token.
/// Words are told apart by their bytes with ASCII letters lower-cased, which is all the key
/// depends on for ASCII; other bytes are kept as they are. Looked up by `lowerHash`, then
/// confirmed byte for byte, so a hash collision costs a miss, never a wrong key.
struct WordCache {
    struct Entry {
        /// `NameScanner.lowerHash` of the word.
        var lowerHash: UInt64
        /// FNV-1a of the key (`NameKeyBuilder.hash`), what a one-word window looks up.
        var keyHash: UInt64
        var wordStart: Int32, wordCount: Int32
        var keyStart: Int32, keyCount: Int32
        var isArticle: Bool
        /// What the cache's owner says of `keyHash` (the scanner: its name-table flags,
        /// which are the same every time a word is met).
        var keyFlags: UInt8
    }

    private(set) var entries: [Entry] = []
    /// Words, ASCII letters lower-cased, back to back.
    private var words: [UInt8] = []
    /// Keys, back to back.
    private(set) var keys: [UInt8] = []
    /// Entry index + 1 per slot; 0 is empty.
    private var slots: [Int32]

    /// A cache with room for about `capacity` words before it first grows.
    init(capacity: Int = 2048) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// Beyond this many words the cache starts over (a text in many languages, a list of
    /// codes): it stays a cache, not a copy of everything read.
    static let maximumWords = 1 << 18

    var count: Int { entries.count }

    /// Empties the cache if it is full. Entry indices handed out before stay valid until then.
    mutating func trimIfFull() {
        guard entries.count >= WordCache.maximumWords else { return }
        entries.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        for s in slots.indices { slots[s] = 0 }
    }

    /// The entry of `word` (raw UTF-8 with hash `lowerHash`), made with `makeKey` when new.
    /// `makeKey` appends the key to the buffer it gets and says whether the word is an article;
    /// `keyFlags` gives the new entry's `keyFlags` from its key hash.
    @inline(__always)
    mutating func entry(for word: UnsafeBufferPointer<UInt8>, lowerHash: UInt64, keyFlags: (UInt64) -> UInt8 = { _ in 0 },
                        makeKey: (inout [UInt8]) -> Bool) -> Int {
        let mask = slots.count - 1
        var s = WordCache.slot(lowerHash, mask)
        while true {
            let e = Int(slots[s]) - 1
            if e < 0 { break }
            if entries[e].lowerHash == lowerHash, matches(word, entries[e]) { return e }
            s = (s + 1) & mask
        }
        // New: the key, then the entry.
        let wordStart = words.count
        for var b in word {
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            words.append(b)
        }
        let keyStart = keys.count
        let article = makeKey(&keys)
        let keyHash = keys.withUnsafeBufferPointer { NameKeyBuilder.hash(UnsafeBufferPointer(rebasing: $0[keyStart...])) }
        entries.append(Entry(lowerHash: lowerHash, keyHash: keyHash, wordStart: Int32(wordStart), wordCount: Int32(word.count),
                             keyStart: Int32(keyStart), keyCount: Int32(keys.count - keyStart), isArticle: article,
                             keyFlags: keyFlags(keyHash)))
        slots[s] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return entries.count - 1
    }

    @inline(__always)
    func isArticle(_ entry: Int) -> Bool { entries[entry].isArticle }

    @inline(__always)
    private func matches(_ word: UnsafeBufferPointer<UInt8>, _ e: Entry) -> Bool {
        guard Int(e.wordCount) == word.count else { return false }
        return words.withUnsafeBufferPointer { stored in
            var k = 0
            let start = Int(e.wordStart)
            while k < word.count {
                var b = word[k]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != stored[start + k] { return false }
                k += 1
            }
            return true
        }
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E3779B97F4A7C15) >> 32) & mask
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (e, entry) in entries.enumerated() {
            var s = WordCache.slot(entry.lowerHash, mask)
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(e + 1)
        }
    }
}
