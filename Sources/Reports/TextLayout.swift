import Places
/// The structure of a report's text at the byte level: lines, the page furniture among
/// them, paragraphs and sentences, each with code-point offsets for outputs.
struct TextLayout {
    struct Sentence {
        /// Byte range in the text.
        var start: Int, end: Int
        /// Code-point offset of `start`.
        var codePointStart: Int
        var paragraph: Int
        /// A headline or heading in title case: capitals there say nothing about names.
        var isTitle: Bool
    }

    private(set) var sentences: [Sentence] = []
    /// Byte ranges of furniture lines (not news: "Load More", share buttons, bylines).
    private(set) var furniture: [Range<Int>] = []
    /// Code points before byte `i * blockSize`, for every block: a code-point offset is then a
    /// short count from the block start, not from the sentence's or the line's. Counting from
    /// there made one long line (a 50 MB report, a sentence listing 100,000 places) quadratic.
    /// Blocks are short because every mention, actor and sentence asks, and a block with a
    /// curly quote or a dash in it (a third of news) is counted from its start.
    private(set) var codePointsBeforeBlock: [Int] = []
    static let blockSize = 64

    /// `furniturePhrases`: the byte offsets where one of `furniturePhrases` starts, in text
    /// order (`furniturePhraseStarts`); their lines are furniture.
    init(_ text: UnsafeBufferPointer<UInt8>, furniturePhrases: [Int] = []) {
        var blocks: [Int] = []
        blocks.reserveCapacity(text.count / TextLayout.blockSize + 1)
        var count = 0
        var blockStart = 0
        while blockStart < text.count {
            blocks.append(count)
            count += TextLayout.codePoints(text, blockStart, min(blockStart + TextLayout.blockSize, text.count))
            blockStart += TextLayout.blockSize
        }
        // And the total, so that the last whole block has an end too.
        blocks.append(count)
        codePointsBeforeBlock = blocks
        var lineStart = 0
        var paragraph = 0
        var previousBlank = true
        let n = text.count
        var phrase = 0
        while lineStart < n {
            // One pass over the line: its end, blankness and whether it is ASCII.
            var lineEnd = lineStart
            var blank = true
            var high: UInt8 = 0
            // After the first byte that is not blank, sixteen bytes and then eight at a time
            // while no line break is among them.
            var wide: UInt64 = 0
            var wideVector = SIMD16<UInt8>()
            while lineEnd < n {
                let b = text[lineEnd]
                if b == 0x0A { break }
                if b != 0x20 && b != 0x09 && b != 0x0D { blank = false }
                high |= b
                lineEnd += 1
                if !blank, let base = text.baseAddress {
                    while lineEnd + 16 <= n {
                        let v = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: lineEnd, as: SIMD16<UInt8>.self)
                        if TextLayout.hasAny(v .== SIMD16<UInt8>(repeating: 0x0A)) { break }
                        wideVector |= v
                        lineEnd += 16
                    }
                    while lineEnd + 8 <= n {
                        let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: lineEnd, as: UInt64.self)
                        let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
                        if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
                        wide |= w
                        lineEnd += 8
                    }
                }
            }
            let (wideLow, wideHigh) = unsafeBitCast(wideVector, to: (UInt64, UInt64).self)
            if (wide | wideLow | wideHigh) & 0x8080_8080_8080_8080 != 0 { high |= 0x80 }
            let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
            var hasPhrase = false
            while phrase < furniturePhrases.count, furniturePhrases[phrase] < lineEnd {
                hasPhrase = hasPhrase || furniturePhrases[phrase] >= lineStart
                phrase += 1
            }
            if blank {
                previousBlank = true
            } else if hasPhrase || TextLayout.isFurniture(line) {
                furniture.append(lineStart..<lineEnd)
                previousBlank = true
            } else {
                // A list item is a paragraph of its own: a bullet does not continue the one before.
                if previousBlank || TextLayout.startsWithBullet(line) { paragraph += 1 }
                previousBlank = false
                splitSentences(text, lineStart, lineEnd, paragraph, isTitle: TextLayout.isTitleLine(line, isASCII: high < 0x80))
            }
            lineStart = lineEnd + 1
        }
    }

    /// Number of code points in bytes a..<b (every byte that does not continue a sequence).
    @inline(__always)
    static func codePoints(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int {
        var c = 0
        var i = a
        // Sixteen bytes, then eight, at a time: a continuation byte is 10xxxxxx. ASCII bytes
        // (most of news) are a code point each, with no need to count bits.
        if let base = text.baseAddress {
            while i + 16 <= b {
                let v = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let continuation = (v & SIMD16<UInt8>(repeating: 0xC0)) .== SIMD16<UInt8>(repeating: 0x80)
                let (low, high) = unsafeBitCast(continuation, to: (UInt64, UInt64).self)
                // A continuation lane is eight bits set.
                c += low | high == 0 ? 16 : 16 - (low.nonzeroBitCount + high.nonzeroBitCount) >> 3
                i += 16
            }
            while i + 8 <= b {
                let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let continuation = (w & ~(w << 1)) & 0x8080_8080_8080_8080
                c += continuation == 0 ? 8 : 8 - continuation.nonzeroBitCount
                i += 8
            }
        }
        while i < b { if text[i] & 0xC0 != 0x80 { c += 1 }; i += 1 }
        return c
    }

    /// Code points in bytes 0..<offset.
    func codePointOffset(_ text: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        let block = offset / TextLayout.blockSize
        guard block < codePointsBeforeBlock.count else { return TextLayout.codePoints(text, 0, offset) }
        let blockStart = block * TextLayout.blockSize
        // A whole block without continuation bytes (most of an English text): every byte in
        // it starts a code point, so the count is the byte distance.
        if block + 1 < codePointsBeforeBlock.count, codePointsBeforeBlock[block + 1] - codePointsBeforeBlock[block] == TextLayout.blockSize {
            return codePointsBeforeBlock[block] + offset - blockStart
        }
        return codePointsBeforeBlock[block] + TextLayout.codePoints(text, blockStart, offset)
    }

    /// Index of the sentence holding byte `offset`, if any (binary search).
    func sentence(containing offset: Int) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < sentences.count, sentences[lo].start <= offset else { return nil }
        return lo
    }

    // MARK: Sentences

    /// Abbreviations whose dot does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "col", "gen", "lt", "maj", "capt", "sgt", "st", "jr", "sr", "no", "vs", "etc", "inc",
        "co", "corp", "gov", "sen", "rep", "prof", "brig", "adm", "cpl", "pvt", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "lt-col", "mt",
    ]

    private static let abbreviationHashes = WordSet(Array(abbreviations))

    private mutating func splitSentences(_ text: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ paragraph: Int, isTitle: Bool) {
        var start = a
        // Skip leading spaces and bullets.
        func skipLeading(_ s: inout Int) {
            while s < b {
                if text[s] == 0x20 || text[s] == 0x09 { s += 1; continue }
                if text[s] == 0xE2, s + 2 < b, text[s + 1] == 0x80, text[s + 2] == 0xA2 { s += 3; continue }  // •
                if text[s] == 0xC2, s + 1 < b, text[s + 1] == 0xA0 { s += 2; continue }
                break
            }
        }
        skipLeading(&start)
        var i = start
        while i < b {
            // Sixteen bytes at a time (three vector compares) to the next sentence punctuation,
            // then eight at a time near the line's end.
            if let base = text.baseAddress {
                while i + 16 <= b {
                    let k = TextLayout.firstSentencePunctuation(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))
                    i += k
                    if k < 16 { break }
                }
                while i + 8 <= b, !TextLayout.hasSentencePunctuation(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                }
                if i >= b { break }
            }
            let c = text[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!") {
                var j = i + 1
                // Closing quotes and brackets stay with the sentence.
                while j < b {
                    if text[j] == UInt8(ascii: "\"") || text[j] == UInt8(ascii: "'") || text[j] == UInt8(ascii: ")") { j += 1; continue }
                    if text[j] == 0xE2, j + 2 < b, text[j + 1] == 0x80, (0x98...0x9D).contains(text[j + 2]) { j += 3; continue }
                    break
                }
                if j < b, text[j] == 0x20, isBoundary(text, dot: i, next: j, lineEnd: b, start: start) {
                    append(text, start, j, paragraph, isTitle)
                    start = j
                    skipLeading(&start)
                    i = start
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        var end = b
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x0D || text[end - 1] == 0x09 { end -= 1 }
        if end > start { append(text, start, end, paragraph, isTitle) }
    }

    /// Whether any lane of a comparison's result holds.
    @inline(__always)
    static func hasAny(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let (low, high) = unsafeBitCast(mask, to: (UInt64, UInt64).self)
        return low | high != 0
    }

    /// Where the first of sixteen bytes that is ".", "?" or "!" lies (0...15), or 16 if none
    /// does. (Compared with vectors, not scalars: `.==` with a scalar compiles to a loop, and
    /// `any` to a call.)
    @inline(__always)
    static func firstSentencePunctuation(_ v: SIMD16<UInt8>) -> Int {
        NameScanner.firstLane((v .== SIMD16<UInt8>(repeating: 0x2E)) .| (v .== SIMD16<UInt8>(repeating: 0x3F)) .| (v .== SIMD16<UInt8>(repeating: 0x21)))
    }

    /// Whether any of eight bytes is ".", "?" or "!".
    @inline(__always)
    static func hasSentencePunctuation(_ w: UInt64) -> Bool {
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 }
        return hasZero(w ^ 0x2E2E_2E2E_2E2E_2E2E) || hasZero(w ^ 0x3F3F_3F3F_3F3F_3F3F) || hasZero(w ^ 0x2121_2121_2121_2121)
    }

    private func isBoundary(_ text: UnsafeBufferPointer<UInt8>, dot: Int, next: Int, lineEnd: Int, start: Int) -> Bool {
        var k = next
        while k < lineEnd, text[k] == 0x20 { k += 1 }
        guard k < lineEnd else { return true }
        let f = text[k]
        let upper = f >= 0x41 && f <= 0x5A
        let digit = f >= 0x30 && f <= 0x39
        let quote = f == UInt8(ascii: "\"") || f == UInt8(ascii: "'") || f == 0xE2
        let startsSentence = upper || digit || quote || f >= 0xC0
        guard startsSentence else { return false }
        guard text[dot] == UInt8(ascii: ".") else { return true }
        // The word before the dot: an initial (U.S., J.) or a title (Col.) does not end a sentence.
        var w = dot
        while w > start, (text[w - 1] >= 0x41 && text[w - 1] <= 0x5A) || (text[w - 1] >= 0x61 && text[w - 1] <= 0x7A) { w -= 1 }
        // ASCII letters only, so bytes are characters and the hash is the lower-case word's.
        if dot - w == 1 { return false }
        if TextLayout.abbreviationHashes.contains(NameScanner.lowerHash(UnsafeBufferPointer(rebasing: text[w..<dot]))) { return false }
        return true
    }

    /// Appends a sentence, with its code-point offset from the blocks' counts.
    private mutating func append(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ paragraph: Int, _ isTitle: Bool) {
        sentences.append(Sentence(start: s, end: e, codePointStart: codePointOffset(text, s), paragraph: paragraph, isTitle: isTitle))
    }

    // MARK: Line kinds

    /// A heading: no sentence-final punctuation and most longer words capitalised.
    static func isTitleLine(_ line: UnsafeBufferPointer<UInt8>, isASCII: Bool = false) -> Bool {
        // Most lines are prose ending in a full stop: answer those from the bytes. (After an
        // ASCII byte the dot is a character of its own; after other bytes it may not be.)
        var e = line.count
        while e > 0, isASCIIWhitespace(line[e - 1]) { e -= 1 }
        if e > 0, line[e - 1] == UInt8(ascii: "."), e == 1 || line[e - 2] < 0x80 { return false }
        if isASCII { return isTitleLine(asciiLine: line) }
        if let answer = isTitleLine(simpleLine: line) { return answer }
        if countsOverTwentyASCIIWords(line) { return false }
        return isTitleLine(string: line)
    }

    /// `isTitleLine(string:)` from the bytes of a line whose every scalar is a character of
    /// its own (Latin, Greek, Cyrillic and Arabic letters, Latin-1 signs, dashes and quotes:
    /// nearly every line of news), so that scalars count as characters do; nil for a line
    /// with anything else (combining marks, other white space, other scripts), which the
    /// String test answers.
    static func isTitleLine(simpleLine line: UnsafeBufferPointer<UInt8>) -> Bool? {
        var a = 0, e = line.count
        while a < e, isASCIIWhitespace(line[a]) { a += 1 }
        while e > a, isASCIIWhitespace(line[e - 1]) { e -= 1 }
        guard e > a else { return false }
        // A dot is never part of a character before it, so a last byte "." is the last character.
        if line[e - 1] == UInt8(ascii: ".") { return false }
        var words = 0, capitals = 0
        var i = a
        while i < e {
            while i < e, line[i] == 0x20 || line[i] == UInt8(ascii: "-") { i += 1 }
            guard i < e else { break }
            var characters = 0
            var isLetter = false, isUpper = false
            while i < e, line[i] != 0x20, line[i] != UInt8(ascii: "-") {
                let b = line[i]
                var letter: Bool, upper: Bool
                if b < 0x80 {
                    upper = b >= 0x41 && b <= 0x5A
                    letter = upper || (b >= 0x61 && b <= 0x7A)
                    i += 1
                } else {
                    guard let s = NameScanner.scalar(line, i), isOwnCharacter(s) else { return nil }
                    let c = Character(s)
                    letter = c.isLetter
                    upper = c.isUppercase
                    i += s.value < 0x800 ? 2 : (s.value < 0x10000 ? 3 : 4)
                }
                if characters == 0 { isLetter = letter; isUpper = upper }
                characters += 1
            }
            guard characters > 3, isLetter else { continue }
            words += 1
            if isUpper { capitals += 1 }
            if words > 20 { return false }
        }
        guard words > 0 else { return false }
        return capitals * 10 >= words * 6
    }

    /// A scalar that is a character of its own wherever it stands, and not white space:
    /// letters of scripts whose letters never join (Latin, Greek, Cyrillic, Arabic), Latin-1
    /// signs, dashes, quotes and currency signs.
    @inline(__always)
    static func isOwnCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xA1...0x24F, 0x1E00...0x1EFF:
            return s.value != 0xAD
        case 0x370...0x52F, 0x620...0x64A, 0x671...0x6D3:
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return true
            default: return false
            }
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF:
            return true
        default:
            return false
        }
    }

    /// `isTitleLine` on the line as a String: the definition the byte tests answer as.
    static func isTitleLine(string line: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = String(decoding: line, as: UTF8.self).trimmingWhitespace
        guard let last = s.last, last != "." else { return false }
        let words = s.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { w in w.count > 3 && w.first!.isLetter }
        guard !words.isEmpty, words.count <= 20 else { return false }
        let capitals = words.filter { $0.first!.isUppercase }.count
        return capitals * 10 >= words.count * 6
    }

    /// `isTitleLine` for a line of ASCII, where bytes are characters: the same answer
    /// without building strings.
    static func isTitleLine(asciiLine line: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every ASCII byte is a character of its own: the byte test always answers.
        isTitleLine(simpleLine: line) ?? isTitleLine(string: line)
    }

    /// Whether a line has over twenty words that `isTitleLine` counts among ASCII bytes
    /// alone: a run of over three ASCII letters and digits, starting with a letter, between
    /// spaces or hyphens (or the line's ends) whose neighbours are ASCII too. There, bytes
    /// are characters, so each such run is one of the words the String test counts, and
    /// over twenty of them make the line prose: no String needs building.
    static func countsOverTwentyASCIIWords(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == UInt8(ascii: "-") }
        @inline(__always) func isAlphanumeric(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
        }
        let n = line.count
        var words = 0, i = 0
        while i < n {
            // A run of letters and digits from i, bounded by separators or the line's ends.
            guard i == 0 || isSeparator(line[i - 1]) else { i += 1; continue }
            var e = i
            while e < n, isAlphanumeric(line[e]) { e += 1 }
            if e - i > 3, line[i] >= 0x41, (e == n || isSeparator(line[e])),
               i < 2 || line[i - 2] < 0x80, e + 1 >= n || line[e + 1] < 0x80 {
                words += 1
                if words > 20 { return true }
            }
            i = max(e, i + 1)
        }
        return false
    }

    /// What `Character.isWhitespace` says of an ASCII byte.
    @inline(__always)
    static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// Words of web-page chrome: a line made of these alone is not news.
    static let furnitureWords: Set<String> = [
        "in", "other", "news", "load", "more", "similar", "posts", "post", "leave", "a", "reply", "featured", "recent",
        "search", "by", "tags", "no", "tags", "yet", "follow", "us", "share", "this", "tweet", "facebook", "twitter",
        "google", "google+", "basic", "square", "whatsapp", "email", "print", "advertisement", "related", "read",
        "also", "comments", "comment", "subscribe", "you", "are", "here", "newsletter", "sign", "up", "menu", "home",
        "linkedin", "telegram", "reddit", "pinterest", "instagram", "youtube", "copy", "link", "top", "stories",
        "most", "popular", "trending", "next", "previous", "article", "articles", "see", "all", "sponsored", "content",
        "continue", "reading", "skip", "to", "main", "watch", "live", "video", "videos", "photos", "gallery", "tags:",
        "on", "via", "world", "middle", "east", "politics", "opinion", "business", "sport", "sports", "culture",
    ]

    /// Phrases of page chrome that mark a line wherever they stand in it: words joined by
    /// spaces, whatever their case.
    static let furniturePhrases = ["your email address will not be published", "required fields are marked",
                                   "contributed to this report", "all rights reserved", "click here to",
                                   "sign up for our", "share this article", "follow us on", "follow us online"]

    /// `furniturePhrases` as the `NameScanner.lowerHash` of each word.
    static let furniturePhraseWords: [[UInt64]] = furniturePhrases.map { phrase in
        phrase.split(separator: " ").map { word in Array(word.utf8).withUnsafeBufferPointer { NameScanner.lowerHash($0) } }
    }

    /// The byte offsets where a furniture phrase starts among a text's words, in text order.
    /// The words are at hand once the text is split into them (`tokens`, with `lower` the
    /// lower-case hash of each), and only a word that starts a phrase (`startsPhrase`) is
    /// looked at: no search of every line's bytes.
    static func furniturePhraseStarts(tokens: [NameScanner.Token], lower: [UInt64], startsPhrase: (Int) -> Bool) -> [Int] {
        var starts: [Int] = []
        for i in tokens.indices where startsPhrase(i) {
            let found = furniturePhraseWords.contains { words in
                guard words[0] == lower[i], i + words.count <= tokens.count else { return false }
                // Joined by spaces, so on one line.
                return (1..<words.count).allSatisfy { k in tokens[i + k].gapBefore == .space && lower[i + k] == words[k] }
            }
            if found { starts.append(tokens[i].start) }
        }
        return starts
    }

    /// Whether a line is chrome by its own words (a line with one of `furniturePhrases` is
    /// chrome too: `init` is told where those are). Every line is asked, so the test runs on
    /// bytes and builds Strings only for the short lines that can be chrome words alone.
    static func isFurniture(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        // Words between spaces and tabs, bullets and bars left out.
        var first = 0..<0
        forEachWord(line) { start, end in first = start..<end; return false }
        // No words: nothing for a phrase to match either.
        if first.isEmpty { return false }
        // "Read more: ...", "Related: ...": a link to another story, whatever its headline says.
        if startsWithLinkLabel(line) { return true }
        // Otherwise a line is chrome by its words only if its first word is a hashtag, a
        // chrome word or a credit's label: most lines stop here, at one word.
        if line[first.lowerBound] != UInt8(ascii: "#"), !mayOpenChrome(UnsafeBufferPointer(rebasing: line[first])) { return false }
        // A second pass counts the words without keeping them: seven make a paragraph.
        var count = 0
        var hashtags = true
        forEachWord(line) { start, _ in
            count += 1
            if line[start] != UInt8(ascii: "#") { hashtags = false }
            // Seven words and one not a hashtag: only a phrase can make this line chrome.
            return count <= 6 || hashtags
        }
        // Hashtag lines (#Syria #ISIS).
        if hashtags { return true }
        if count > 6 { return false }
        var words: [Range<Int>] = []
        forEachWord(line) { start, end in words.append(start..<end); return true }
        let lower = words.map { String(decoding: UnsafeBufferPointer(rebasing: line[$0]), as: UTF8.self).lowercased() }
        // "Source: RT" credit lines.
        if lower.count <= 4, creditLabels.contains(lower[0]) { return true }
        if lower.count <= 2, lower[0] == "by" { return false }
        return lower.allSatisfy { furnitureWords.contains($0.trimmingPunctuation) }
    }

    /// Whether a line's first word can be the first of a chrome line's words: a word of
    /// `furnitureWords` once lower-cased and its punctuation trimmed, or a credit's label
    /// ("Source:"). Read from the bytes of ASCII words (a word with any other byte may be
    /// one: the String test decides), so no String is made for the first word of every line.
    static func mayOpenChrome(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.contains(where: { $0 >= 0x80 }) { return true }
        if creditLabelHashes.contains(NameScanner.lowerHash(word)) { return true }
        // What `Character.isPunctuation` says of ASCII: ! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }.
        @inline(__always) func isPunctuation(_ b: UInt8) -> Bool {
            switch b {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        var a = 0, b = word.count
        while a < b, isPunctuation(word[a]) { a += 1 }
        while b > a, isPunctuation(word[b - 1]) { b -= 1 }
        return furnitureWordHashes.contains(NameScanner.lowerHash(UnsafeBufferPointer(rebasing: word[a..<b])))
    }

    /// The labels of credit lines ("Source: RT"), lower-cased.
    static let creditLabels = ["source:", "sources:", "photo:", "image:"]

    /// `furnitureWords` and `creditLabels` by `Lexicon.hash`.
    static let furnitureWordHashes = WordSet(Array(furnitureWords))
    static let creditLabelHashes = WordSet(creditLabels)

    /// Labels of lines that link to other stories.
    static let linkLabels: [[UInt8]] = ["read more:", "related:", "also read:", "read also:", "see also:", "recommended:",
                                        "more on this:", "more:", "watch:", "listen:", "related stories:", "related articles:"].map { Array($0.utf8) }

    /// By byte: whether some link label starts with it.
    static let linkLabelInitials: [Bool] = (0..<256).map { b in linkLabels.contains { $0[0] == UInt8(b) } }

    /// Whether the line, after leading spaces, starts with a link label (ASCII case ignored).
    static func startsWithLinkLabel(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var a = 0
        while a < line.count, line[a] == 0x20 || line[a] == 0x09 { a += 1 }
        // Every line is asked: most start with a letter no label starts with.
        guard a < line.count, linkLabelInitials[Int(asciiLowercased(line[a]))] else { return false }
        return linkLabels.contains { label in
            a + label.count <= line.count && label.indices.allSatisfy { asciiLowercased(line[a + $0]) == label[$0] }
        }
    }

    /// Whether the line, after leading spaces, starts with a list bullet ("•", "- ", "* ", "– ").
    static func startsWithBullet(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var a = 0
        while a < line.count, line[a] == 0x20 || line[a] == 0x09 { a += 1 }
        guard a < line.count else { return false }
        if line[a] == 0xE2, a + 2 < line.count, line[a + 1] == 0x80, line[a + 2] == 0xA2 || line[a + 2] == 0x93 { return true }  // • –
        return (line[a] == UInt8(ascii: "-") || line[a] == UInt8(ascii: "*")) && a + 1 < line.count && line[a + 1] == 0x20
    }

    /// Calls `body` with the byte range of each word of `line` that is not a bullet or bar,
    /// while it returns true.
    @inline(__always)
    private static func forEachWord(_ line: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Bool) {
        var i = 0
        while i < line.count {
            while i < line.count, line[i] == 0x20 || line[i] == 0x09 || line[i] == 0x0D { i += 1 }
            let start = i
            while i < line.count, line[i] != 0x20, line[i] != 0x09, line[i] != 0x0D { i += 1 }
            guard i > start else { continue }
            let n = i - start
            let isBullet = (n == 3 && line[start] == 0xE2 && line[start + 1] == 0x80 && line[start + 2] == 0xA2)
                || (n == 1 && (line[start] == 0x7C || line[start] == 0x2D)) || (n == 2 && line[start] == 0xC2 && line[start + 1] == 0xB7)
            if !isBullet, !body(start, i) { return }
        }
    }

    @inline(__always)
    static func asciiLowercased(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }


    /// Byte offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var width = 0, minimum: UInt32 = 0
            var value: UInt32 = 0
            if b & 0xE0 == 0xC0 { width = 2; value = UInt32(b & 0x1F); minimum = 0x80 }
            else if b & 0xF0 == 0xE0 { width = 3; value = UInt32(b & 0x0F); minimum = 0x800 }
            else if b & 0xF8 == 0xF0 { width = 4; value = UInt32(b & 0x07); minimum = 0x10000 }
            else { return i }
            guard i + width <= n else { return i }
            for k in 1..<width {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += width
        }
        return nil
    }
}
