import Geography
import Places

/// One report being read: its bytes, words, sentences and what has been found so far.
struct Document {
    let report: Report
    let text: UnsafeBufferPointer<UInt8>
    let layout: TextLayout
    let tokens: [NameScanner.Token]
    let matches: [NameScanner.Match]
    /// Lower-case hash of every token.
    let lower: [UInt64]
    /// `Lexicon.wordClasses` of every token.
    let wordClasses: [Lexicon.WordClass]
    /// Sentence of every token (-1: furniture).
    let tokenSentence: [Int]
    /// First token of every sentence.
    let sentenceFirstToken: [Int]
    /// Tokens of every sentence (a sentence's tokens are consecutive).
    let sentenceTokens: [Range<Int>]
    /// The "province"/"governorate" tokens of every sentence, found once: every name in a
    /// sentence asks about them, and scanning the sentence per name made a sentence listing
    /// 10,000 places take minutes.
    let sentenceProvinceWords: [[Int]]
    /// The scanner's word number of every token.
    let wordNumbers: [Int32]
    /// By word number: the last report (`reportStamp`) that used the word in lower case. A
    /// capitalised word at a sentence start that the report also writes in lower case is a word.
    let lowercaseStamps: [Int]
    let reportStamp: Int
    /// Tokens inside organisation names, by token.
    var blocked: [Bool]
    var mentions: [PlaceMention] = []
    var actors: [ActorMention] = []
    /// People named in the report and the actor they speak for ("Abu Khawla" → sdf).
    var people: [UInt64: Actor] = [:]
    /// Each sentence's span once made (`sentenceSpan`): a sentence with several events and
    /// claims is quoted by each, and its text is copied once.
    private let sentenceSpans: SpanCache

    final class SpanCache {
        var spans: [TextSpan?]
        init(count: Int) { spans = [TextSpan?](repeating: nil, count: count) }
    }

    /// `classOfWord` holds `Lexicon.wordClasses` by the scanner's word number, for every word
    /// the scan numbered; `lowercaseStamps` is stamped with `reportStamp` here.
    init(report: Report, text: UnsafeBufferPointer<UInt8>, layout: TextLayout, matches: [NameScanner.Match], scanner: NameScanner,
         classOfWord: [Lexicon.WordClass], lowercaseStamps: inout [Int], reportStamp: Int) {
        self.report = report
        self.text = text
        self.layout = layout
        self.matches = matches
        self.tokens = scanner.tokens
        let lower = scanner.lowerHashes
        let wordNumbers = scanner.tokenWords
        var sentence = [Int](repeating: -1, count: tokens.count)
        var firsts = [Int](repeating: Int.max, count: layout.sentences.count)
        var classes = [Lexicon.WordClass](repeating: [], count: tokens.count)
        let sentences = layout.sentences
        // Once per token of every report: through buffers, with each word number checked
        // against both tables in the same pass.
        precondition(wordNumbers.count == tokens.count)
        let words = UInt32(truncatingIfNeeded: min(classOfWord.count, lowercaseStamps.count))
        tokens.withUnsafeBufferPointer { tokens in
        wordNumbers.withUnsafeBufferPointer { wordNumbers in
        classOfWord.withUnsafeBufferPointer { classOfWord in
        sentences.withUnsafeBufferPointer { sentences in
        lowercaseStamps.withUnsafeMutableBufferPointer { lowercaseStamps in
        sentence.withUnsafeMutableBufferPointer { sentence in
        classes.withUnsafeMutableBufferPointer { classes in
        firsts.withUnsafeMutableBufferPointer { firsts in
            var s = 0
            for i in 0..<tokens.count {
                let t = tokens[i]
                // Unsigned: a negative number is above every count.
                precondition(UInt32(bitPattern: wordNumbers[i]) < words, "Document: a token's word number is outside the word tables")
                let w = Int(wordNumbers[i])
                classes[i] = classOfWord[w]
                while s < sentences.count, sentences[s].end <= t.start { s += 1 }
                if s < sentences.count, sentences[s].start <= t.start {
                    sentence[i] = s
                    if firsts[s] == Int.max { firsts[s] = i }
                }
                if t.initial == .lower { lowercaseStamps[w] = reportStamp }
            }
        }}}}}}}}
        self.wordNumbers = wordNumbers
        self.lowercaseStamps = lowercaseStamps
        self.reportStamp = reportStamp
        self.lower = lower
        self.wordClasses = classes
        self.tokenSentence = sentence
        self.sentenceFirstToken = firsts
        // A sentence's tokens run from its first to the first token of another sentence.
        var ranges = [Range<Int>](repeating: 0..<0, count: firsts.count)
        for (s, first) in firsts.enumerated() where first != Int.max {
            var last = first
            while last < tokens.count, sentence[last] == s { last += 1 }
            ranges[s] = first..<last
        }
        self.sentenceTokens = ranges
        var provinceWords = [[Int]](repeating: [], count: firsts.count)
        let province = Word.province, governorate = Word.governorate
        for (t, s) in sentence.enumerated() where s >= 0 && (lower[t] == province || lower[t] == governorate) {
            provinceWords[s].append(t)
        }
        self.sentenceProvinceWords = provinceWords
        self.blocked = [Bool](repeating: false, count: tokens.count)
        self.sentenceSpans = SpanCache(count: sentences.count)
    }

    // MARK: Text

    func string(bytes r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: text[r]), as: UTF8.self) }

    /// Whether bytes `r` hold three characters or fewer: an ASCII run's bytes are its
    /// characters, so only other text is counted as a String.
    func isThreeCharactersOrFewer(_ r: Range<Int>) -> Bool {
        if r.count <= 3 { return true }
        let bytes = UnsafeBufferPointer(rebasing: text[r])
        if !bytes.contains(where: { $0 >= 0x80 }) { return false }
        return string(bytes: r).count <= 3
    }

    func word(_ i: Int) -> String { string(bytes: tokens[i].start..<tokens[i].end) }

    /// A byte range as a span in code points.
    func span(bytes r: Range<Int>) -> TextSpan {
        let start = layout.codePointOffset(text, r.lowerBound)
        let length = TextLayout.codePoints(text, r.lowerBound, r.upperBound)
        return TextSpan(start: start, end: start + length, text: string(bytes: r))
    }

    func sentenceSpan(_ s: Int) -> TextSpan {
        if let made = sentenceSpans.spans[s] { return made }
        let made = span(bytes: layout.sentences[s].start..<layout.sentences[s].end)
        sentenceSpans.spans[s] = made
        return made
    }

    /// Tokens of sentence `s`.
    func tokenRange(ofSentence s: Int) -> Range<Int> { sentenceTokens[s] }

    /// The items of each sentence, for items listed in sentence order with the sentence of
    /// each: sentence-level passes look at their own items, not the whole report's.
    func itemRanges(sentences: [Int]) -> [Range<Int>] {
        assert(zip(sentences, sentences.dropFirst()).allSatisfy { $0 <= $1 }, "items out of sentence order")
        var ranges = [Range<Int>](repeating: 0..<0, count: layout.sentences.count)
        var k = 0
        while k < sentences.count {
            var end = k
            while end < sentences.count, sentences[end] == sentences[k] { end += 1 }
            if sentences[k] >= 0 { ranges[sentences[k]] = k..<end }
            k = end
        }
        return ranges
    }

    /// Whether capitals prove nothing at token `i`: a sentence's first word, a heading,
    /// the first word of a quotation.
    func isUncertainCase(_ i: Int) -> Bool {
        let s = tokenSentence[i]
        guard s >= 0 else { return true }
        if layout.sentences[s].isTitle { return true }
        if sentenceFirstToken[s] == i { return true }
        if i > 0, tokens[i].gapBefore == .other {
            return Document.opensQuotationOrSpeech(gap: UnsafeBufferPointer(rebasing: text[tokens[i - 1].end..<tokens[i].start]))
        }
        return false
    }

    /// `isUncertainCase`'s test of the gap before a word: a quotation mark that opens (“ ‘ or
    /// a straight double quote), or ": ". Read from the UTF-8 bytes, where a gap of curly
    /// quotes is as common as one of ASCII.
    static func opensQuotationOrSpeech(gap: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < gap.count {
            let b = gap[k]
            if b == UInt8(ascii: "\"") { return true }
            if b == UInt8(ascii: ":"), k + 1 < gap.count, gap[k + 1] == 0x20 { return true }
            // “ is E2 80 9C and ‘ is E2 80 98.
            if b == 0xE2, k + 2 < gap.count, gap[k + 1] == 0x80, gap[k + 2] == 0x9C || gap[k + 2] == 0x98 { return true }
            k += 1
        }
        return false
    }

    /// "in X", "at X", "near X", "from X", "to X".
    func followsLocativePreposition(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, tokens[k + 1].gapBefore != .other, Lexicon.determiners.contains(lower[k]) { k -= 1 }
        guard k >= 0, tokens[k + 1].gapBefore != .other else { return false }
        return Document.locativePrepositions.contains(lower[k])
    }

    static let locativePrepositions = WordSet(["in", "at", "near", "from", "to", "into", "outside", "inside", "toward",
                                               "towards", "around"])

    /// Longest phrase of `table` starting at token `i`, as (last token, value).
    func phrase<V>(at i: Int, in table: Lexicon.PhraseTable<V>) -> (Int, V)? {
        guard let candidates = table.candidates(startingWith: lower[i]) else { return nil }
        outer: for c in candidates {
            let (words, value) = table.phrase(c)
            guard i + words.count <= tokens.count else { continue }
            // The words first (cheap, and where most phrases fail), then how they are joined
            // and the spelling of those that must match in case.
            for k in 1..<max(1, words.count) where lower[i + k] != table.word(words.lowerBound + k) { continue outer }
            for k in 0..<words.count {
                let t = i + k
                if k > 0 {
                    // Words joined by spaces, hyphens, initialism dots ("U.S.-backed") or a possessive.
                    if tokens[t].gapBefore == .other, !joinsPhraseWords(tokens[t - 1].end..<tokens[t].start) { continue outer }
                    guard tokenSentence[t] == tokenSentence[i] else { continue outer }
                }
                if let exact = table.exactWord(words.lowerBound + k), !isWritten(t, as: exact) { continue outer }
            }
            return (i + words.count - 1, value)
        }
        return nil
    }

    /// Whether the text `r` between two words of a phrase holds only spaces, dots, hyphens
    /// and apostrophes (' or ’, which is E2 80 99), read from the bytes: a mark that would
    /// join one of them into another character is a byte of neither.
    func joinsPhraseWords(_ r: Range<Int>) -> Bool { Document.joinsPhraseWords(gap: UnsafeBufferPointer(rebasing: text[r])) }

    static func joinsPhraseWords(gap: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < gap.count {
            switch gap[k] {
            case 0x20, UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "'"): k += 1
            case 0xE2 where k + 2 < gap.count && gap[k + 1] == 0x80 && gap[k + 2] == 0x99: k += 3
            default: return false
            }
        }
        return true
    }

    /// Whether token `t` ends with the ASCII letters `suffix` (in case), read from its bytes:
    /// as `word(t).hasSuffix(suffix)`, since a mark that would join the last letter into
    /// another character is a byte of its own.
    func endsWith(_ t: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount, end = tokens[t].end
        guard end - tokens[t].start >= n else { return false }
        for k in 0..<n where text[end - n + k] != suffix.utf8Start[k] { return false }
        return true
    }

    /// Whether token `t` is written `spelling` (in case). Two ASCII spellings are equal when
    /// their bytes are: most tokens are compared without making a String.
    func isWritten(_ t: Int, as spelling: String) -> Bool {
        let bytes = UnsafeBufferPointer(rebasing: text[tokens[t].start..<tokens[t].end])
        guard bytes.allSatisfy({ $0 < 0x80 }), spelling.utf8.allSatisfy({ $0 < 0x80 }) else { return word(t) == spelling }
        return bytes.elementsEqual(spelling.utf8)
    }

    // MARK: Actors

    /// Actors, and the organisations whose names hold place names (their tokens are
    /// `blocked`).
    mutating func findActors() {
        let (found, names) = actorsAndOrganisations()
        for name in names { for k in name { blocked[k] = true } }
        actors += found
    }

    /// The actors, and the tokens of the names that hold place names (organisations', and a
    /// place name before "Military Council"), in one pass over the tokens: most tokens start
    /// neither. Not mutating: a mutating method copies the whole document to ask `phrase`.
    func actorsAndOrganisations() -> (actors: [ActorMention], names: [ClosedRange<Int>]) {
        var actors: [ActorMention] = [], names: [ClosedRange<Int>] = []
        // The tables once, not a global's access per token.
        let organisations = Lexicon.organisations, actorPhrases = Lexicon.actors
        let starts: Lexicon.WordClass = [.organisationStart, .actorStart]
        // Actors do not overlap: the next one starts after the last one's words.
        var nextActor = 0
        for i in 0..<tokens.count {
            let classes = wordClasses[i]
            guard !classes.isDisjoint(with: starts), tokenSentence[i] >= 0 else { continue }
            // A name of more than one word has one of its later words next ("the" starts only
            // "the regime" and "the opposition").
            guard classes.contains(.wholePhrase) || (i + 1 < tokens.count && wordClasses[i + 1].contains(.laterPhraseWord)) else { continue }
            if classes.contains(.organisationStart), let (last, _) = phrase(at: i, in: organisations) { names.append(i...last) }
            guard i >= nextActor, classes.contains(.actorStart), let (last, actor) = phrase(at: i, in: actorPhrases) else { continue }
            nextActor = last + 1
            // "Turkish army", "Lebanese Army": a bare "army" after a capitalised word is that
            // nation's, not Syria's.
            if lower[i] == Word.army, i > 0, tokenSentence[i - 1] == tokenSentence[i], tokens[i].gapBefore == .space,
               tokens[i - 1].initial == .upper, !Lexicon.determiners.contains(lower[i - 1]) {
                continue
            }
            // "Military Council" is the SDF's when a place name precedes it: take the name too.
            var first = i
            if actor == .sdf && lower[i] == Word.military {
                var k = i - 1
                while k >= 0, tokens[k + 1].gapBefore != .other, tokens[k].initial == .upper || tokens[k].isArticle { k -= 1 }
                if k + 1 < i { first = k + 1; names.append(first...(i - 1)) }
            }
            actors.append(ActorMention(actor: actor, span: span(bytes: tokens[first].start..<tokens[last].end), sentence: tokenSentence[i], tokens: first...last))
        }
        return (actors, names)
    }

    // MARK: Filtering name matches

    /// Whether a name match is a place mention by its words alone (context comes later):
    /// returns its token range (articles trimmed) and what its qualifier asks for.
    /// `matchStarts` and `matchTokens` say, by token, which start a name match and which are in one.
    func filterMatch(_ m: NameScanner.Match, matchStarts: [Bool], matchTokens: [Bool]) -> Reader.RawMention? {
        var first = m.first
        let last = m.last
        guard tokenSentence[first] >= 0 else { return nil }
        // A leading article belongs to the name when hyphenated to it or when it is al/el;
        // "at", "as", "an" before a name are English.
        if first < last, lower[first] == Word.the { first += 1 }
        while first < last, tokens[first].isArticle {
            if tokens[first + 1].gapBefore == .hyphen || lower[first] == Word.al || lower[first] == Word.el { break }
            first += 1
        }
        for k in first...last where blocked[k] { return nil }
        var significant = first
        while significant < last, tokens[significant].isArticle { significant += 1 }
        let lowercase = tokens[significant].initial == .lower
        if lowercase && first == last { return nil }
        let next = last + 1
        let nextGap = next < tokens.count ? Document.gapKind(text, tokens[last].end..<tokens[next].start) : .other
        let hasNext = next < tokens.count && tokenSentence[next] == tokenSentence[first] && nextGap != .other
        let title = layout.sentences[tokenSentence[first]].isTitle
        // "U.S.-backed", "US backed": an adjective.
        if hasNext, wordClasses[next].contains(.participle) { return nil }
        if first > 0, tokens[first].gapBefore == .hyphen, lower[first - 1] == Word.anti { return nil }
        // "Deir al-Zor military council", "Syria Press": a name inside an organisation's.
        if hasNext, nextGap == .space, wordClasses[next].contains(.organisationHeadStart), phrase(at: next, in: Lexicon.organisationHeads) != nil { return nil }
        // A capitalised word after it that is not a name of its own: a longer proper name.
        if hasNext, !title, nextGap == .space, tokens[next].initial == .upper, !matchStarts[next],
           !wordClasses[next].contains(.qualifier), !wordClasses[next].contains(.leftNeighbour) {
            if !wordClasses[next].contains(.countryFollower) { return nil }
        }
        // A capitalised word before it: a person ("Ahmed Abu Khawla") or an organisation. A
        // given name makes a person even when it is a place name too ("Michael Jordan").
        if first > 0, tokens[first].gapBefore == .space, tokenSentence[first - 1] == tokenSentence[first],
           tokens[first - 1].initial == .upper {
            if wordClasses[first - 1].contains(.givenName) { return nil }
            if !title, !matchTokens[first - 1], !wordClasses[first - 1].contains(.leftNeighbour), !wordClasses[first - 1].contains(.demonym) {
                return nil
            }
        }
        // A given name before a capitalised word is a person's, though a town bears it ("Omar
        // Homsi", "Michael Jordan").
        if first == last, hasNext, !title, nextGap == .space, wordClasses[first].contains(.givenName), tokens[first].initial == .upper,
           tokens[next].initial == .upper, !wordClasses[next].contains(.qualifier) {
            return nil
        }
        // A capitalised common word where capitals prove nothing.
        if first == last || (significant == last), isUncertainCase(significant) || isUncertainCase(first),
           wordClasses[significant].contains(.commonWord) || lowercaseStamps[Int(wordNumbers[significant])] == reportStamp {
            return nil
        }
        // Qualifiers: "X province", "the city of X", "rural X", "Syria's X".
        var kinds: Int32 = -1
        var preferProvince = false
        if next < tokens.count, tokens[next].gapBefore == .space, tokenSentence[next] == tokenSentence[first], tokens[next].initial == .lower {
            kinds = Document.qualifierKinds[lower[next]] ?? -1
        }
        if next < tokens.count, tokenSentence[next] == tokenSentence[first], tokens[next].gapBefore == .space,
           lower[next] == Word.countryside || lower[next] == Word.oilfields || lower[next] == Word.governorate {
            preferProvince = true
        }
        if first >= 2, lower[first - 1] == Word.of, tokens[first].gapBefore == .space, let k = Document.qualifierKinds[lower[first - 2]] {
            kinds = k
        }
        if first >= 1, tokens[first].gapBefore == .space, tokens[first - 1].initial == .lower,
           wordClasses[first - 1].contains(.regionalAdjective) {
            // "rural Deir el-Zour", "central Homs": the province.
            preferProvince = true
        }
        if sentenceSpeaksOfProvince(tokenSentence[first], except: first...last) { preferProvince = true }
        if first >= 2, tokens[first - 1].gapBefore == .apostrophe, lower[first - 1] == Word.s, matchTokens[first - 2] {
            // "Syria's Deir Ezzor": a province of the country.
            preferProvince = true
        }
        return Reader.RawMention(first: first, last: last, writing: -1, candidates: 0..<0, kinds: kinds, lowercase: lowercase, preferProvince: preferProvince)
    }

    /// What the gap between two tokens is, as `filterMatch` asks: one space, a hyphen, ".-"
    /// ("U.S.-backed"), or anything else.
    enum NextGap { case space, hyphen, dotHyphen, other }

    static func gapKind(_ text: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> NextGap {
        if r.count == 1 { return text[r.lowerBound] == 0x20 ? .space : (text[r.lowerBound] == UInt8(ascii: "-") ? .hyphen : .other) }
        if r.count == 2, text[r.lowerBound] == UInt8(ascii: "."), text[r.lowerBound + 1] == UInt8(ascii: "-") { return .dotHyphen }
        return .other
    }

    /// The one-word qualifiers and, by word hash, the index of each in the list:
    /// `Gazetteer.kinds(forQualifier:)` of qualifier `qualifierKinds[hash]` is
    /// `qualifierKindLists[index]`. A mention holds the index, a number, not an array to count.
    static let oneWordQualifiers = Gazetteer.qualifierWords.filter { !$0.contains(" ") }
    static let qualifierKindLists = oneWordQualifiers.map { Gazetteer.kinds(forQualifier: $0)! }
    static let qualifierKinds = WordMap<Int32>(oneWordQualifiers.enumerated().map { (Lexicon.hash($1), Int32($0)) })

    static let regionalAdjectives = WordSet(["rural", "province", "central", "eastern", "western", "northern", "southern",
                                             "northeastern", "northwestern", "southeastern", "southwestern"])

    /// A sentence about a province: "province" after a lower-case word ("the oil-rich
    /// eastern province"), or another name qualified as one ("in Hasakeh province and
    /// further south in Deir Az Zor").
    func sentenceSpeaksOfProvince(_ s: Int, except: ClosedRange<Int>) -> Bool {
        for t in sentenceProvinceWords[s] where !except.contains(t) {
            if t > 0, tokens[t - 1].initial == .lower || tokens[t].gapBefore == .apostrophe { return true }
            // Coordination: "in Hasakeh province and further south in Deir Az Zor".
            if t > 0, tokens[t - 1].initial == .upper, !except.contains(t - 1), t < except.lowerBound, except.lowerBound - t <= 8 { return true }
        }
        return false
    }

    /// The country of a demonym: "the Yemeni capital Sanaa" is in Yemen, whatever village of
    /// Syria has Sanaa among its other names.
    static let demonymCountries = WordMap<String>(nationalDemonyms.map { (Lexicon.hash($0.0), $0.1) })

    static let nationalDemonyms = [
        ("syrian", "SY"), ("iraqi", "IQ"), ("russian", "RU"), ("iranian", "IR"), ("turkish", "TR"), ("lebanese", "LB"),
        ("jordanian", "JO"), ("saudi", "SA"), ("israeli", "IL"), ("yemeni", "YE"), ("egyptian", "EG"), ("libyan", "LY"),
        ("afghan", "AF"), ("ukrainian", "UA"), ("american", "US"), ("british", "GB"), ("french", "FR"), ("german", "DE"),
        ("qatari", "QA"), ("emirati", "AE"), ("kuwaiti", "KW"), ("palestinian", "PS"), ("sudanese", "SD"), ("somali", "SO"),
    ]

    /// Words between a demonym and the name it places: "the Yemeni capital Sanaa", "the
    /// Lebanese border town of Arsal".
    static let placeNouns = WordSet(["capital", "city", "town", "village", "border", "port", "province", "region",
                                     "governorate", "district", "of", "provincial", "frontier", "desert", "oil", "hub"])

    /// The country a demonym before token `first` puts the name there in, if any.
    func countryNamed(before first: Int) -> String? {
        let s = tokenSentence[first]
        var b = first - 1
        var nouns = 0
        while b >= 0, nouns < 4, tokenSentence[b] == s, tokens[b].initial == .lower, Document.placeNouns.contains(lower[b]) { b -= 1; nouns += 1 }
        guard b >= 0, tokenSentence[b] == s, tokens[b].initial == .upper else { return nil }
        return Document.demonymCountries[lower[b]]
    }

    /// Nations' demonyms and those of peoples and faiths: a capitalised one before a name
    /// does not make it a person's ("Syrian Raqqa", "Kurdish Kobani").
    static let demonyms = WordSet(nationalDemonyms.map(\.0) + ["kurdish", "arab", "sunni", "shiite", "shia", "alawite", "assyrian",
                                                                "christian", "yazidi"])
}
