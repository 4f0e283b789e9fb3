/// Finds gazetteer names in running text: splits UTF-8 text into words, keys each word once
/// with the normaliser's rules, and slides windows of words over a hash table of every
/// name key and every leading part of one. A window grows only while its words are the
/// start of some name, so most words cost one table probe. The names found are candidates:
/// the reader decides which are places (capitals, context) and confirms them by name.
///
/// Not shareable between threads: one scanner per task (the table it reads is shared).
public final class NameScanner {
    /// A word of the text.
    public struct Token: Sendable, Equatable {
        /// Byte range in the scanned text, kept in 32 bits (a token is 12 bytes, not 24: the
        /// reader's passes read every one; `scan` takes texts under 4 GB).
        private var start32: UInt32, end32: UInt32
        public var start: Int { Int(start32) }
        public var end: Int { Int(end32) }
        /// What separates this word from the one before.
        public var gapBefore: Gap
        /// Case of the first character.
        public var initial: Initial
        /// An Arabic article (al, el, ez, as...) standing as a word of its own.
        public var isArticle: Bool

        /// Offsets under 4 GB (`scan`'s precondition).
        init(start: Int, end: Int, gapBefore: Gap, initial: Initial, isArticle: Bool) {
            start32 = UInt32(truncatingIfNeeded: start); end32 = UInt32(truncatingIfNeeded: end)
            self.gapBefore = gapBefore; self.initial = initial; self.isArticle = isArticle
        }
    }

    public enum Gap: UInt8, Sendable {
        /// Spaces or tabs, on one line.
        case space
        /// A hyphen or dash between words (with or without spaces).
        case hyphen
        /// The dot of an initialism (U.S.).
        case abbreviation
        /// An apostrophe and nothing else: the possessive 's is a word of its own.
        case apostrophe
        /// Anything else: punctuation, a line break, the start of the text.
        case other
    }

    public enum Initial: UInt8, Sendable {
        case upper, lower, digit, uncased
    }

    /// A window of words whose key is a gazetteer name's.
    public struct Match: Sendable, Equatable {
        /// Token indices (first...last).
        public var first: Int, last: Int
        /// The key hash: `Gazetteer.placeNumbers(forHash:)` gives the candidates.
        public var hash: UInt64
    }

    /// The longest name has this many words; windows stop there.
    public static let maximumWords = 8

    private let table: NameTable
    private let keys = NameKeyBuilder()
    private var words = WordCache()
    /// The word number of every token: tokens equal up to ASCII case have one number (the
    /// word cache's entry, with its key and key hash). Numbers stay valid across scans
    /// until `wordGeneration` changes, so an owner can keep facts about words by number.
    public private(set) var tokenWords: [Int32] = []
    /// Changes when the word cache starts over (word numbers are handed out again).
    public private(set) var wordGeneration = 0
    /// Words numbered so far in this generation.
    public var wordCount: Int { words.count }
    /// `lowerHash` of word number `w`.
    public func lowerHash(ofWord w: Int) -> UInt64 { words.entries[w].lowerHash }
    public private(set) var tokens: [Token] = []
    /// `lowerHash` of every token.
    public private(set) var lowerHashes: [UInt64] = []
    /// One bit per token (token k: bit k % 64 of word k / 64): whether a window can start
    /// there, an article or a word whose key is a name or begins one. The window loop goes
    /// from one such token to the next with a bit scan, not a test per word of the text.
    private var windowStarts: [UInt64] = []
    /// The name-table flags of recent windows of several words, direct-mapped by key hash:
    /// `top | probeValid | flags` (see `NameTable.allFlags`). News repeats its word pairs,
    /// and a world table is too big for the processor's caches; this one fits.
    private var probes = [UInt64](repeating: 0, count: 1 << NameScanner.probeBits)
    private static let probeBits = 14
    private static let probeValid: UInt64 = 32

    /// Which windows that start with a word in lower case `scan` looks at.
    public enum LowercaseWindows: Sendable {
        /// Every one: a lower-case word alone or followed by others, whatever bears the name.
        case all
        /// What a reader can keep. A lower-case word alone is never a name, and a window
        /// that starts with one (not an article or "the", which the reader looks past) is
        /// one only if a curated place bears it ("industrial zone"). A world gazetteer's
        /// lower-case names are words run together: "in a" is Ina, "to a" Toa, and "and
        /// Iran" would hide Iran.
        case curatedNamesOnly
    }

    public init(table: NameTable) {
        self.table = table
    }

    /// FNV-1a of a word's bytes with ASCII letters lower-cased: how the reader's word lists
    /// know a token.
    @inline(__always)
    public static func lowerHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for var b in bytes {
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            h = (h ^ UInt64(b)) &* 0x100000001b3
        }
        return h
    }

    /// Splits `text` into tokens (available in `tokens` afterwards) and reports every
    /// leftmost-longest window of joined words whose key is a name, among the windows
    /// `lowercase` says to look at (a reader that never takes "nice" or "deal" for a place
    /// need not be handed the millions of them a world gazetteer matches). Texts must be
    /// under 4 GB (token offsets are 32-bit).
    public func scan(_ text: UnsafeBufferPointer<UInt8>, lowercase: LowercaseWindows = .all) -> [Match] {
        precondition(text.count < Int(UInt32.max), "NameScanner.scan: texts must be under 4 GB")
        if words.trimIfFull() { wordGeneration += 1 }
        let curatedOnly = lowercase == .curatedNamesOnly
        tokenize(text, curatedOnly: curatedOnly)
        var matches: [Match] = []
        // About one window in eight words is a name (a world gazetteer's, capitalised): room
        // for twice that at once, so that most texts' windows need no copy at a doubling.
        matches.reserveCapacity(tokens.count / 4 + 16)
        // Locals, not stored properties, in the loop: no exclusivity checks per word.
        let table = self.table
        let facts = words.facts, wordKeys = words.wordKeys
        let keyBytes = words.keys
        let tokens = self.tokens
        let tokenWords = self.tokenWords
        let starts = self.windowStarts
        let n = tokens.count
        precondition(starts.count * 64 >= n)
        var i = 0
        var probes = self.probes
        self.probes = []
        defer { self.probes = probes }
        probes.withUnsafeMutableBufferPointer { probes in
        keyBytes.withUnsafeBufferPointer { kb in
            facts.withUnsafeBufferPointer { facts in
            wordKeys.withUnsafeBufferPointer { wordKeys in
                tokens.withUnsafeBufferPointer { tokens in
                    tokenWords.withUnsafeBufferPointer { tokenWords in
                    starts.withUnsafeBufferPointer { starts in
                        while true {
                            // The next token a window can start at (words before it start none).
                            var w = i >> 6
                            guard w < starts.count else { break }
                            var bits = starts[w] &>> UInt64(i & 63)
                            if bits != 0 {
                                i += bits.trailingZeroBitCount
                            } else {
                                w += 1
                                while w < starts.count, starts[w] == 0 { w += 1 }
                                guard w < starts.count else { break }
                                bits = starts[w]
                                i = w << 6 + bits.trailingZeroBitCount
                            }
                            guard i < n else { break }
                            // Which of the flags this window reads: the curated ones after a
                            // lower-case first word, when only those are looked for.
                            let first = facts[Int(tokenWords[i])]
                            let shift = curatedOnly && tokens[i].initial == .lower && first & (WordCache.articleBit | WordCache.theBit) == 0
                                ? NameTable.curatedShift : 0
                            var best = -1
                            var bestHash: UInt64 = 0
                            var h = NameKeyBuilder.emptyHash
                            var wordsInHash = 0  // non-article words in h
                            var j = i
                            while j < n, j - i < NameScanner.maximumWords {
                                if j > i, tokens[j].gapBefore == .other || tokens[j].gapBefore == .apostrophe { break }
                                // A word's facts are a byte (a text's words' fit the processor's
                                // nearest cache); its key is read only when the window needs it.
                                let e = Int(tokenWords[j])
                                let word = facts[e]
                                let article = word & WordCache.articleBit != 0
                                // Only a word that is some name's second word or later makes a
                                // longer name or prefix of the words before: most words stop here,
                                // with no hash and no probe.
                                if wordsInHash > 0, !article, UInt64(word) & NameTable.continuationFlag == 0 { break }
                                if !article {
                                    // The first word's hash is the key's own, kept with the word.
                                    let key = wordKeys[e]
                                    h = wordsInHash == 0 ? key.hash
                                        : NameKeyBuilder.hash(UnsafeBufferPointer(rebasing: kb[Int(key.start)..<Int(key.start + key.count)]), continuing: h)
                                    wordsInHash += 1
                                }
                                // A lone word keeps its article-ness out of it: "Al" alone is a word.
                                let lookup: UInt64? = j == i ? wordKeys[e].hash : (wordsInHash > 0 ? h : nil)
                                var extend = wordsInHash == 0 || (j == i && article)
                                if let lookup, word & WordCache.keyBit != 0 {
                                    // A window's first word: its flags came with it.
                                    var flags = UInt64(word & WordCache.keyFlagBits)
                                    if j > i {
                                        let top = lookup & ~NameIndex.placeMask
                                        let p = Int(truncatingIfNeeded: (lookup &* 0x9E3779B97F4A7C15) >> (64 - NameScanner.probeBits))
                                        if probes[p] & ~NameIndex.placeMask == top, probes[p] & NameScanner.probeValid != 0 {
                                            flags = probes[p]
                                        } else {
                                            flags = table.allFlags(lookup)
                                            probes[p] = top | NameScanner.probeValid | flags
                                        }
                                    }
                                    flags = (flags >> shift) & 3
                                    // A name never ends on an article: "Raqqa as", "of al" are a name and
                                    // the start of the next one ("as focus", "al-Qaim").
                                    if flags & NameTable.nameFlag != 0, j == i || !article { best = j; bestHash = lookup }
                                    if flags & NameTable.prefixFlag != 0 { extend = true }
                                }
                                if !extend { break }
                                j += 1
                            }
                            if best >= 0 {
                                if !curatedOnly || best > i || tokens[i].initial != .lower {
                                    matches.append(Match(first: i, last: best, hash: bestHash))
                                }
                                i = best + 1
                            } else {
                                i += 1
                            }
                        }
                    }
                    }
                }
            }
            }
        }
        }
        return matches
    }

    /// Words are runs of letters and digits; an apostrophe inside a word belongs to it
    /// (Dar'a), except a possessive 's, which ends it (Syria's → Syria).
    /// `windowStarts` marks the tokens a window can start at; with `curatedOnly`, a word in
    /// lower case (not an article or "the") only where it begins a curated name.
    private func tokenize(_ text: UnsafeBufferPointer<UInt8>, curatedOnly: Bool) {
        // The word cache moves into a local for the loop (no exclusivity checks per word) and back.
        var words = self.words
        self.words = WordCache(capacity: 0)
        defer { self.words = words }
        let keys = self.keys, table = self.table
        let n = text.count
        // Two words have a byte between them, so a text has at most (n + 1) / 2: the token
        // tables are made that large, uninitialised, and written through their buffers (an
        // append checks the array's uniqueness each time, three times a word). Pages of the
        // room that no word reaches are never touched.
        let room = (n + 1) / 2
        var count = 0
        var starts = self.windowStarts
        self.windowStarts = []
        defer { self.windowStarts = starts }
        starts.removeAll(keepingCapacity: true)
        starts.append(contentsOf: repeatElement(0, count: room / 64 + 1))
        tokens = [Token](unsafeUninitializedCapacity: room) { tokens, tokensWritten in
        tokenWords = [Int32](unsafeUninitializedCapacity: room) { tokenWords, wordsWritten in
        lowerHashes = [UInt64](unsafeUninitializedCapacity: room) { lowerHashes, hashesWritten in
        starts.withUnsafeMutableBufferPointer { starts in
        var i = 0
        var gapStart = 0
        while i < n {
            // ASCII first: most bytes of news are, and their kind is a comparison or two.
            let b = text[i]
            // A space is most of the bytes between words: passed over on one test.
            if b == 0x20 { i += 1; continue }
            let isWordStart: Bool, width: Int
            if b < 0x80 {
                isWordStart = NameScanner.isASCIIWordByte(b)
                width = 1
            } else {
                let (kind, w) = NameScanner.classify(text, i)
                isWordStart = kind == .wordChar
                width = w
            }
            if isWordStart {
                // A word starts. ASCII letters and digits are found sixteen at a time; anything
                // else (an apostrophe, a non-ASCII letter, a mark) is looked at one by one.
                let start = i
                var end = i
                while true {
                    if end + 16 <= n {
                        let run = NameScanner.asciiWordBytes(UnsafeRawPointer(text.baseAddress! + end).loadUnaligned(as: SIMD16<UInt8>.self))
                        end += run
                        if run == 16 { continue }
                    } else if end + 8 <= n {
                        let run = NameScanner.asciiWordBytes(UnsafeRawPointer(text.baseAddress! + end).loadUnaligned(as: UInt64.self))
                        end += run
                        if run == 8 { continue }
                    } else {
                        while end < n, NameScanner.isASCIIWordByte(text[end]) { end += 1 }
                    }
                    guard end < n else { break }
                    let c = text[end]
                    // Most words end at a space or punctuation: only an apostrophe needs a look.
                    if c < 0x80, c != 0x27, c != 0x60 { break }
                    let (k, w) = NameScanner.classify(text, end)
                    if k == .wordChar { end += w; continue }
                    if k == .apostrophe, end > start, end + w < n, NameScanner.classify(text, end + w).0 == .wordChar {
                        // Possessive: 's followed by a non-letter ends the word before the apostrophe.
                        let after = end + w
                        let s = text[after]
                        if s == UInt8(ascii: "s") || s == UInt8(ascii: "S") {
                            if after + 1 >= n || NameScanner.classify(text, after + 1).0 != .wordChar { break }
                        }
                        end += w
                        continue
                    }
                    break
                }
                // One space between words is the common gap: no need to look closer.
                let gap = start - gapStart == 1 && text[gapStart] == 0x20 && count > 0 ? Gap.space
                    : NameScanner.gapKind(text, from: gapStart, to: start, previous: count > 0 ? tokens[count - 1] : nil)
                let word = UnsafeBufferPointer(rebasing: text[start..<end])
                let head = WordCache.head(text, start, end - start)
                let slotHash = WordCache.slotHash(head: head, count: end - start)
                var slot = words.find(word, head: head, slotHash: slotHash)
                if slot < 0 {
                    slot = words.insert(word, head: head, slotHash: slotHash, slot: ~slot, keyFlags: { UInt8(table.allFlags($0)) }) { out in
                        keys.wordKey(word) { key, isArticle in
                            out.append(contentsOf: key)
                            return isArticle
                        }
                    }
                }
                precondition(count < room, "NameScanner.tokenize: more words than a text of \(n) bytes can hold")
                // The word as its slot has it: the one memory read a token costs.
                let known = words.slots[slot]
                (tokenWords.baseAddress! + count).initialize(to: Int32(known.entry))
                (lowerHashes.baseAddress! + count).initialize(to: known.lowerHash)
                let initial = b < 0x80 ? NameScanner.asciiInitial(b) : NameScanner.initial(text, start)
                // A lone lower-case word is not reported in that case: only a curated name's first
                // word starts a window there.
                let looksFor = curatedOnly && initial == .lower && !known.isThe
                    ? NameTable.curatedPrefixFlag : NameTable.nameFlag | NameTable.prefixFlag
                let startsWindow = known.isArticle || (known.hasKey && UInt64(known.keyFlags) & looksFor != 0)
                starts[count >> 6] |= UInt64(startsWindow ? 1 : 0) &<< UInt64(count & 63)
                (tokens.baseAddress! + count).initialize(to: Token(start: start, end: end, gapBefore: gap, initial: initial,
                                                                   isArticle: known.isArticle))
                count += 1
                i = end
                gapStart = end
                continue
            }
            i += width
        }
        }
        hashesWritten = count
        }
        wordsWritten = count
        }
        tokensWritten = count
        }
    }

    /// The first 16 of the `count` bytes at `start` of `text`, little-endian, zero beyond
    /// them: one vector load where the buffer allows, byte by byte near its end. How the word
    /// cache and the reader key short runs of bytes without hashing each byte.
    @inline(__always)
    public static func head(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> (UInt64, UInt64) {
        if start + 16 <= text.count, let base = text.baseAddress {
            return unsafeBitCast(headVector(base + start, count), to: (UInt64, UInt64).self)
        }
        var w0: UInt64 = 0, w1: UInt64 = 0
        for k in 0..<min(count, 16) {
            let b = UInt64(text[start + k])
            if k < 8 { w0 |= b &<< UInt64(k * 8) } else { w1 |= b &<< UInt64((k - 8) * 8) }
        }
        return (w0, w1)
    }

    /// The 16 bytes at `p`, those from the `count`th on zeroed (lane k is byte k: the two
    /// words of `head`, little-endian). `p` must have 16 bytes to read.
    @inline(__always)
    static func headVector(_ p: UnsafePointer<UInt8>, _ count: Int) -> SIMD16<UInt8> {
        let v = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
        // Lane k holds k (a literal, not a global: no lazy-initialisation check per word).
        let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let kept = lanes .< SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: min(max(count, 0), 16)))
        return v & unsafeBitCast(kept, to: SIMD16<UInt8>.self)
    }

    /// How many of the sixteen bytes of `v` are ASCII letters or digits before the first that
    /// is not (vector compares: `asciiWordBytes` of two words, without their carries).
    @inline(__always)
    static func asciiWordBytes(_ v: SIMD16<UInt8>) -> Int {
        // Unsigned: a byte below the range wraps above it.
        let letter = (v | SIMD16<UInt8>(repeating: 0x20)) &- SIMD16<UInt8>(repeating: 0x61) .< SIMD16<UInt8>(repeating: 26)
        let digit = v &- SIMD16<UInt8>(repeating: 0x30) .< SIMD16<UInt8>(repeating: 10)
        return firstLane(.!(letter .| digit))
    }

    /// The first lane of a comparison of sixteen bytes that holds (0...15), or 16 if none
    /// does: a lane that holds is all ones, and bit-cast to two words, lane k is byte k
    /// (little-endian).
    @inlinable
    public static func firstLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Int {
        let (low, high) = unsafeBitCast(mask, to: (UInt64, UInt64).self)
        if low != 0 { return low.trailingZeroBitCount >> 3 }
        return high != 0 ? 8 + high.trailingZeroBitCount >> 3 : 16
    }

    /// How many of the eight bytes of `w` (little-endian: from its lowest byte) are ASCII
    /// letters or digits before the first that is not.
    @inline(__always)
    static func asciiWordBytes(_ w: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        // Each test leaves a byte's high bit set where it holds; a byte's low seven bits plus a
        // constant below 0x80 never carry into the next byte.
        let folded = (w | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F   // ASCII capitals as small letters
        let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)   // 0x61...0x7A
        let low = w & 0x7F7F_7F7F_7F7F_7F7F
        let digit = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646)   // 0x30...0x39
        let word = (letter | digit) & ~w & high   // and not a byte of a non-ASCII character
        return (~word & high).trailingZeroBitCount >> 3
    }

    /// An ASCII letter or digit.
    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// `initial` of an ASCII letter or digit, with no branch on which it is (text's capitals
    /// come and go too irregularly for a processor to guess): upper 0, lower 1, digit 2, the
    /// cases' order in `Initial`.
    @inline(__always)
    static func asciiInitial(_ b: UInt8) -> Initial {
        let lower: UInt8 = b >= 0x61 ? 1 : 0, digit: UInt8 = b &- 0x30 < 10 ? 2 : 0
        return unsafeBitCast(lower | digit, to: Initial.self)
    }

    /// Case of the character at byte `start`.
    @inline(__always)
    private static func initial(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Initial {
        let b = text[start]
        if b >= 0x41 && b <= 0x5A { return .upper }
        if b >= 0x61 && b <= 0x7A { return .lower }
        if b >= 0x30 && b <= 0x39 { return .digit }
        if let s = NameScanner.scalar(text, start) {
            let p = s.properties
            return p.isUppercase ? .upper : (p.isLowercase ? .lower : .uncased)
        }
        return .uncased
    }

    private enum CharKind { case wordChar, apostrophe, other }

    /// What the character at byte `i` is, and its width in bytes.
    @inline(__always)
    private static func classify(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CharKind, Int) {
        let b = text[i]
        if b < 0x80 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) { return (.wordChar, 1) }
            if b == 0x27 || b == 0x60 { return (.apostrophe, 1) }
            return (.other, 1)
        }
        guard let s = scalar(text, i) else { return (.other, 1) }
        let width = s.value < 0x800 ? 2 : (s.value < 0x10000 ? 3 : 4)
        let v = Int(s.value)
        if v < 0x800 { return (twoByteKinds[v - 0x80], width) }
        if v >= 0x2000, v < 0x2070 { return (punctuationKinds[v - 0x2000], width) }
        return (kind(of: s), width)
    }

    /// What a character is to the tokenizer, from the normaliser's folding.
    private static func kind(of s: Unicode.Scalar) -> CharKind {
        switch NameNormalizer.fold(s) {
        case .letter, .letters: return .wordChar
        case .ignore:
            // Apostrophe-like marks join words; combining marks belong to the letter before.
            if s.value == 0x2018 || s.value == 0x2019 || s.value == 0x02BC || s.value == 0x02BB || s.value == 0x2032 || s.value == 0x00B4 {
                return .apostrophe
            }
            return .wordChar
        case .separator: return .other
        }
    }

    /// `kind(of:)` of every character of two UTF-8 bytes (U+0080...U+07FF: Latin letters with
    /// marks, Greek, Cyrillic, Arabic) and of the general punctuation (U+2000...U+206F: curly
    /// quotes, dashes), worked out once: news is full of them, and folding asks Unicode's
    /// property tables each time.
    private static let twoByteKinds: [CharKind] = (0x80..<0x800).map { kind(of: Unicode.Scalar(UInt32($0))!) }
    private static let punctuationKinds: [CharKind] = (0x2000..<0x2070).map { kind(of: Unicode.Scalar(UInt32($0))!) }

    /// The scalar starting at byte `i`, if the UTF-8 there is valid.
    @inline(__always)
    public static func scalar(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
        let b = text[i]
        if b < 0x80 { return Unicode.Scalar(b) }
        var value: UInt32, width: Int
        if b & 0xE0 == 0xC0 { value = UInt32(b & 0x1F); width = 2 }
        else if b & 0xF0 == 0xE0 { value = UInt32(b & 0x0F); width = 3 }
        else if b & 0xF8 == 0xF0 { value = UInt32(b & 0x07); width = 4 }
        else { return nil }
        guard i + width <= text.count else { return nil }
        for k in 1..<width {
            let c = text[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    /// What lies between two words: only spaces (one line), a hyphen or dash, an
    /// initialism's dot, or anything else.
    private static func gapKind(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, previous: Token?) -> Gap {
        guard let previous, from < to else { return previous == nil ? .other : .space }
        var hyphens = 0, dots = 0, others = 0, apostrophes = 0
        var i = from
        while i < to {
            let b = bytes[i]
            switch b {
            case 0x20, 0x09: i += 1
            case UInt8(ascii: "-"): hyphens += 1; i += 1
            case UInt8(ascii: "."): dots += 1; i += 1
            case 0x27: apostrophes += 1; i += 1
            case 0xE2 where i + 2 < to && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99: apostrophes += 1; i += 3
            case 0xC2 where i + 1 < to && bytes[i + 1] == 0xA0: i += 2  // no-break space
            case 0xE2 where i + 2 < to && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x90 || bytes[i + 2] == 0x91 || bytes[i + 2] == 0x93):
                hyphens += 1; i += 3  // ‐ ‑ –
            default: others += 1; i += 1
            }
        }
        if others > 0 { return .other }
        if apostrophes > 0 { return apostrophes == 1 && dots == 0 && hyphens == 0 && to - from <= 3 ? .apostrophe : .other }
        if dots == 0 && hyphens == 0 { return .space }
        if dots == 0 && hyphens == 1 { return .hyphen }
        // U.S.: a dot right after a one-letter word, nothing else.
        if dots == 1 && hyphens == 0 && to - from == 1 && previous.end - previous.start == 1 { return .abbreviation }
        return .other
    }
}

/// Every name key of a gazetteer and every leading part of one, as an open-addressing
/// hash set of 40-bit hashes with their flags: the scanner's one probe per word. Built once
/// per gazetteer (a world gazetteer: about a million keys, a few milliseconds); immutable
/// and shareable.
public final class NameTable: Sendable {
    static let nameFlag: UInt64 = 1
    static let prefixFlag: UInt64 = 2
    /// A word's own hash: the word is some name's second word or later.
    static let continuationFlag: UInt64 = 4
    /// `nameFlag` and `prefixFlag` for the names of curated places alone, three bits up: a
    /// window that starts with a word in lower case looks for these only (see
    /// `NameScanner.LowercaseWindows`).
    static let curatedNameFlag: UInt64 = 8
    static let curatedPrefixFlag: UInt64 = 16
    static let curatedShift: UInt64 = 3
    static let allFlagBits: UInt64 = 31
    private let slots: [UInt64]
    private let mask: Int

    public init(_ gazetteer: Gazetteer) {
        var distinct = 0
        gazetteer.index.forEachHash { _, _, _, _ in distinct += 1 }
        var size = 16
        while size < distinct * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        gazetteer.index.forEachHash { top, name, prefix, continuation in
            var s = NameTable.slot(top, mask)
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = top | (name ? NameTable.nameFlag : 0) | (prefix ? NameTable.prefixFlag : 0)
                | (continuation ? NameTable.continuationFlag : 0)
        }
        // The curated places' names (GeoNames alternates too) and their leading parts, hashed
        // as the index hashed them: each is in the table already, unless the index left it out.
        let keys = NameKeyBuilder()
        func mark(_ hash: UInt64, _ flag: UInt64) {
            let top = hash & ~NameIndex.placeMask
            var s = NameTable.slot(top, mask)
            while slots[s] != 0 {
                if slots[s] & ~NameIndex.placeMask == top { slots[s] |= flag; return }
                s = (s + 1) & mask
            }
        }
        for number in gazetteer.curatedNumbers {
            for name in gazetteer.lookupNames(of: gazetteer.place(at: number)) {
                var utf8 = Array(name.utf8)
                let hash = utf8.withUnsafeMutableBufferPointer { buf in
                    keys.hash(UnsafeBufferPointer(buf), prefixes: { mark($0, NameTable.curatedPrefixFlag) })
                }
                if let hash { mark(hash, NameTable.curatedNameFlag) }
            }
        }
        self.slots = slots
        self.mask = mask
    }

    @inline(__always)
    private static func slot(_ top: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (top >> 24) &* 0x9E3779B97F4A7C15 >> 20) & mask
    }

    /// Every flag of a key hash: `nameFlag`, `prefixFlag`, `continuationFlag` and the
    /// curated flags (none: no name has the key or begins with it).
    @inline(__always)
    func allFlags(_ hash: UInt64) -> UInt64 {
        let top = hash & ~NameIndex.placeMask
        var s = NameTable.slot(top, mask)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let v = slots[s]
                if v == 0 { return 0 }
                if v & ~NameIndex.placeMask == top { return v & NameTable.allFlagBits }
                s = (s + 1) & mask
            }
        }
    }
}
