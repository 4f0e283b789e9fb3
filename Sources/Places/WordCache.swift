/// The words a scanner has met, each with its name key: news repeats a few thousand words,
/// so folding and the spelling rules run once per distinct word instead of once per token.
/// Words are told apart by their bytes with ASCII letters lower-cased, which is all the key
/// depends on for ASCII; other bytes are kept as they are. Looked up by a hash of the word's
/// head and length (`slotHash`: a few instructions for any word, where a hash of every byte
/// costs a multiplication per byte), then confirmed by the head and, past 16 bytes, byte
/// for byte, so a hash collision costs a miss, never a wrong key.
struct WordCache {
    /// A word, by its number: where its bytes lie and its hashes (its key is in `wordKeys`,
    /// its facts in `facts`).
    struct Entry {
        /// `NameScanner.lowerHash` of the word, worked out once when the word is new.
        var lowerHash: UInt64
        /// `WordCache.slotHash` of the word: where it lies in `slots`.
        var slotHash: UInt64
        var wordStart: Int32, wordCount: Int32
    }

    /// A word where the lookup finds it: what the tokenizer reads of every token, so that a
    /// token costs one memory read (32 bytes, two to a cache line), not a slot and then an
    /// entry elsewhere.
    struct Slot {
        /// The word's first 16 bytes, ASCII letters lower-cased, zero beyond its end
        /// (`WordCache.head`): most words are confirmed by these and `count` alone.
        var head0: UInt64 = 0, head1: UInt64 = 0
        var lowerHash: UInt64 = 0
        /// The word's length in bytes; 0 marks an empty slot.
        var count: UInt32 = 0
        /// The entry's number in the low 24 bits, its `facts` in the high 8.
        var meta: UInt32 = 0

        /// The word's number (its index in `entries`).
        @inline(__always) var entry: Int { Int(meta & 0xFF_FFFF) }
        @inline(__always) var facts: UInt8 { UInt8(truncatingIfNeeded: meta >> 24) }
        @inline(__always) var keyFlags: UInt8 { facts & WordCache.keyFlagBits }
        @inline(__always) var isArticle: Bool { facts & WordCache.articleBit != 0 }
        @inline(__always) var isThe: Bool { facts & WordCache.theBit != 0 }
        @inline(__always) var hasKey: Bool { facts & WordCache.keyBit != 0 }
    }

    /// A word's facts in one byte: its `keyFlags` (five bits), whether it has a key, is an
    /// article, is "the".
    static let keyFlagBits: UInt8 = 0x1F, keyBit: UInt8 = 0x20, articleBit: UInt8 = 0x40, theBit: UInt8 = 0x80

    /// Where a word's key lies in `keys`, and its hash (FNV-1a, `NameKeyBuilder.hash`: what a
    /// one-word window looks up): what the scanner's window loop reads of a word beyond its
    /// facts, 16 bytes by word number.
    struct Key {
        var hash: UInt64
        var start: Int32, count: Int32
    }

    private(set) var entries: [Entry] = []
    /// By word number: its facts (see `keyFlagBits`), and its key.
    private(set) var facts: [UInt8] = []
    private(set) var wordKeys: [Key] = []
    /// Words, ASCII letters lower-cased, back to back.
    private var words: [UInt8] = []
    /// Keys, back to back.
    private(set) var keys: [UInt8] = []
    /// The lookup table, open addressing, at most half full.
    private(set) var slots: [Slot]

    /// A cache with room for about `capacity` words before it first grows.
    init(capacity: Int = 2048) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
    }

    /// Beyond this many words the cache starts over (a text in many languages, a list of
    /// codes): it stays a cache, not a copy of everything read. (Word numbers fit in `Slot.meta`.)
    static let maximumWords = 1 << 18

    var count: Int { entries.count }

    /// Empties the cache if it is full. Entry indices handed out before stay valid until then.
    /// Returns whether it did.
    @discardableResult
    mutating func trimIfFull() -> Bool {
        guard entries.count >= WordCache.maximumWords else { return false }
        entries.removeAll(keepingCapacity: true)
        facts.removeAll(keepingCapacity: true)
        wordKeys.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        for s in slots.indices { slots[s] = Slot() }
        return true
    }

    /// Where a word with head `head` and `count` bytes is looked up: every bit of a word of up
    /// to 16 bytes goes into it.
    @inline(__always)
    static func slotHash(head: (UInt64, UInt64), count: Int) -> UInt64 {
        let h = (head.0 &* 0x9E37_79B9_7F4A_7C15) ^ ((head.1 ^ UInt64(truncatingIfNeeded: count)) &* 0xC2B2_AE3D_27D4_EB4F)
        return h ^ (h >> 29)
    }

    /// The slot of a known word, or the complement (`~`) of the empty slot a new one goes in.
    @inline(__always)
    func find(_ word: UnsafeBufferPointer<UInt8>, head: (UInt64, UInt64), slotHash: UInt64) -> Int {
        let mask = slots.count - 1
        var s = WordCache.slot(slotHash, mask)
        let count = UInt32(truncatingIfNeeded: word.count)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let x = slots[s]
                if x.count == 0 { return ~s }
                if x.count == count, x.head0 == head.0, x.head1 == head.1, word.count <= 16 || matches(word, x.entry) {
                    return s
                }
                s = (s + 1) & mask
            }
        }
    }

    /// Adds a new word in empty slot `s` (from `find`): its key, its entry, facts and key,
    /// and returns the slot it lies in (another, if the table grew). `makeKey` appends the
    /// key to the buffer it gets and says whether the word is an article; `keyFlags` gives
    /// the key flags of the new word's facts from its key hash. Kept out of line: the
    /// scanner's loop inlines `find` and calls this once per distinct word.
    @inline(never)
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, head: (UInt64, UInt64), slotHash: UInt64, slot s: Int,
                         keyFlags: (UInt64) -> UInt8, makeKey: (inout [UInt8]) -> Bool) -> Int {
        let wordStart = words.count
        for var b in word {
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            words.append(b)
        }
        let keyStart = keys.count
        let article = makeKey(&keys)
        let keyHash = keys.withUnsafeBufferPointer { NameKeyBuilder.hash(UnsafeBufferPointer(rebasing: $0[keyStart...])) }
        let entry = Entry(lowerHash: NameScanner.lowerHash(word), slotHash: slotHash, wordStart: Int32(wordStart), wordCount: Int32(word.count))
        entries.append(entry)
        let keyCount = keys.count - keyStart
        let isThe = word.count == 3 && words[wordStart] == 0x74 && words[wordStart + 1] == 0x68 && words[wordStart + 2] == 0x65
        // What the cache's owner says of the key hash (the scanner: its name-table flags, the
        // same every time the word is met), whether there is a key, an article, "the".
        let facts = (keyFlags(keyHash) & WordCache.keyFlagBits) | (keyCount > 0 ? WordCache.keyBit : 0)
            | (article ? WordCache.articleBit : 0) | (isThe ? WordCache.theBit : 0)
        self.facts.append(facts)
        wordKeys.append(Key(hash: keyHash, start: Int32(keyStart), count: Int32(keyCount)))
        var s = s
        if entries.count * 2 > slots.count {
            grow()
            s = WordCache.slot(slotHash, slots.count - 1)
            while slots[s].count != 0 { s = (s + 1) & (slots.count - 1) }
        }
        slots[s] = Slot(head0: head.0, head1: head.1, lowerHash: entry.lowerHash, count: UInt32(truncatingIfNeeded: entry.wordCount),
                        meta: UInt32(entries.count - 1) | UInt32(facts) << 24)
        return s
    }

    /// A word's first 16 bytes with ASCII letters lower-cased, little-endian, zero beyond
    /// its end (`NameScanner.head`, with ASCII upper case folded eight bytes at a time).
    @inline(__always)
    static func head(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> (UInt64, UInt64) {
        if start + 16 <= text.count, let base = text.baseAddress {
            // One vector: capitals (0x41...0x5A; others wrap above 26) get 0x20.
            let v = NameScanner.headVector(base + start, count)
            let upper = v &- SIMD16<UInt8>(repeating: 0x41) .< SIMD16<UInt8>(repeating: 26)
            return unsafeBitCast(v | (unsafeBitCast(upper, to: SIMD16<UInt8>.self) & SIMD16<UInt8>(repeating: 0x20)), to: (UInt64, UInt64).self)
        }
        let (w0, w1) = NameScanner.head(text, start, count)
        return (lowered(w0), lowered(w1))
    }

    /// Eight bytes with the ASCII capitals among them lower-cased.
    @inline(__always)
    static func lowered(_ w: UInt64) -> UInt64 {
        let low7 = w & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F   // high bit set where the byte ≥ 0x41
        let aboveZ = low7 &+ 0x2525_2525_2525_2525     // high bit set where the byte > 0x5A
        let upper = atLeastA & ~aboveZ & ~w & 0x8080_8080_8080_8080
        return w | (upper >> 2)
    }

    /// Whether `word` (more than 16 bytes) is entry `e`'s word, byte for byte.
    @inline(__always)
    private func matches(_ word: UnsafeBufferPointer<UInt8>, _ e: Int) -> Bool {
        let entry = entries[e]
        guard Int(entry.wordCount) == word.count else { return false }
        return words.withUnsafeBufferPointer { stored in
            var k = 0
            let start = Int(entry.wordStart)
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

    /// Twice the slots, every word placed again by its `slotHash`.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.count != 0 {
            var s = WordCache.slot(entries[slot.entry].slotHash, mask)
            while slots[s].count != 0 { s = (s + 1) & mask }
            slots[s] = slot
        }
    }
}
