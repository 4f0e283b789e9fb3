import Testing
@testable import Reports

/// The reader's word tables (open addressing over word hashes) and its byte-level line
/// tests answer as the standard collections and the String versions they replace.
@Suite("Word tables answer as sets and dictionaries do")
struct WordTablesAnswerAsSetsAndDictionariesDo {
    @Test("WordMap agrees with Dictionary through growth, replacement and the key 0")
    func wordMapIsADictionary() {
        var map = WordMap<Int>()
        var reference: [UInt64: Int] = [:]
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 20 }
        // Small keys so they repeat (replacements); 0 among them.
        for k in 0..<5000 {
            let key = next() % 3000
            map[key] = k
            reference[key] = k
        }
        #expect(map.count == reference.count)
        for key in UInt64(0)..<4000 { #expect(map[key] == reference[key]) }
        let built = WordMap(reference.map { ($0.key, $0.value) })
        for key in UInt64(0)..<4000 { #expect(built[key] == reference[key]) }
    }

    @Test("WordSet agrees with Set of the same word hashes")
    func wordSetIsASet() {
        let words = ["in", "at", "near", "Raqqa", "raqqa", "km²", ""]
        let set = WordSet(words)
        let reference = Set(words.map(Lexicon.hash))
        #expect(set.count == reference.count)
        for w in words + ["out", "IN", "Near", "kilometre"] { #expect(set.contains(Lexicon.hash(w)) == reference.contains(Lexicon.hash(w))) }
    }

    @Test("A WordSet made with room, and one inserted into twice, agree with Set", arguments: [0, 1, 7, 100, 5000])
    func wordSetWithRoomIsASet(capacity: Int) {
        var set = WordSet(capacity: capacity)
        var reference: Set<UInt64> = []
        var state: UInt64 = UInt64(capacity) + 5
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let h = (state >> 40) % 1500  // repeats, and 0
            set.insert(h); reference.insert(h)
        }
        #expect(set.count == reference.count)
        for h in UInt64(0)..<2000 { #expect(set.contains(h) == reference.contains(h)) }
    }

    @Test("A word's classes are the tables that hold it or start a phrase with it")
    func wordClassesAreTheTables() {
        let tables: [(Lexicon.WordClass, Set<UInt64>)] = [
            (.actorStart, Set(Lexicon.actors.firstWords)), (.organisationStart, Set(Lexicon.organisations.firstWords)),
            (.organisationHeadStart, Set(Lexicon.organisationHeads.firstWords)), (.actionStart, Set(Lexicon.actionWords.firstWords)),
            (.siegeBreaker, Set(Lexicon.siegeBreakers.hashes)), (.launchWord, Set(Lexicon.launchWords.hashes)),
            (.provinceWord, [Lexicon.hash("province"), Lexicon.hash("governorate")]),
            (.participle, Set(Lexicon.participles.hashes)), (.qualifier, Set(Lexicon.qualifiers.hashes)),
            (.leftNeighbour, Set(Lexicon.leftNeighbours.hashes)), (.countryFollower, Set(Lexicon.countryFollowers.hashes)),
            (.commonWord, Set(Lexicon.commonWords.hashes)), (.demonym, Set(Document.demonyms.hashes)),
            (.regionalAdjective, Set(Document.regionalAdjectives.hashes)),
            (.dateWord, Set(Document.weekdays.allKeys + Document.months.allKeys
                            + ["yesterday", "today", "overnight", "tonight", "week", "month"].map(Lexicon.hash))),
            (.compass, Set(Document.compass.hashes)), (.givenName, Set(Lexicon.givenNames.hashes)),
            (.movementVerb, Set(Lexicon.movementVerbs.hashes)),
            (.fireVerb, Set(Lexicon.fireVerbs.hashes)),
            (.wholePhrase, Set(Lexicon.actors.oneWordPhrases + Lexicon.organisations.oneWordPhrases + Lexicon.actionWords.oneWordPhrases)),
            (.laterPhraseWord, Set(Lexicon.actors.laterWords + Lexicon.organisations.laterWords + Lexicon.actionWords.laterWords)),
            (.role, Set(Document.roles.hashes)),
            (.claimStart, Set(Document.compass.hashes + ["other", "bank", "side"].map(Lexicon.hash))),
            (.relativeWord, Set(Document.relativeWords.hashes)),
            (.furniturePhraseStart, Set(["your", "required", "contributed", "all", "click", "sign", "share", "follow"].map(Lexicon.hash))),
        ]
        let words = tables.reduce(into: Set<UInt64>()) { $0.formUnion($1.1) }
        #expect(Lexicon.wordClasses.count == words.count)
        for w in words.union(["southeast", "North", "Sept", "mar", "Tuesday", "the", "Province", "raqqa", "backed", "rural", "Syrian", "minister", "said", "said", "syrian", "captured", "broke", "launched", "x"].map(Lexicon.hash)) {
            let classes = Lexicon.wordClasses[w] ?? []
            for (c, set) in tables { #expect(classes.contains(c) == set.contains(w)) }
            // A phrase table starts with a word exactly when it has candidates for it.
            #expect(classes.contains(.actorStart) == (Lexicon.actors.candidates(startingWith: w).map { !$0.isEmpty } ?? false))
            #expect(classes.contains(.actionStart) == (Lexicon.actionWords.candidates(startingWith: w).map { !$0.isEmpty } ?? false))
        }
        // What `findActors` and `triggers` pass over on: a phrase of one word has
        // `wholePhrase`, a longer one's second word `laterPhraseWord`.
        func expectPhrasesMarked<V>(_ table: Lexicon.PhraseTable<V>) {
            for first in table.firstWords {
                for c in table.candidates(startingWith: first)! {
                    let words = table.phrase(c).words
                    if words.count == 1 {
                        #expect(Lexicon.wordClasses[first]?.contains(.wholePhrase) == true)
                    } else {
                        #expect(Lexicon.wordClasses[table.word(words.lowerBound + 1)]?.contains(.laterPhraseWord) == true)
                    }
                }
            }
        }
        expectPhrasesMarked(Lexicon.actors)
        expectPhrasesMarked(Lexicon.organisations)
        expectPhrasesMarked(Lexicon.actionWords)
        #expect(Lexicon.siegeBreakers.hashes.count == Lexicon.siegeBreakers.count)
    }

    @Test("A line with over twenty ASCII words among other bytes is no title, as its String says")
    func longLinesWithOtherBytesAreNoTitles() {
        let word = ["Raqqa", "Forces", "advance", "near", "Deir", "said", "fighters", "town", "east", "Euphrates", "ez-Zor", "Mayādīn", "—", "“Islamic", "State”", "e\u{301}tat", "Çağlar", "\u{301}Syrian"]
        var state: UInt64 = 7
        var counted = 0
        for length in [3, 15, 20, 21, 22, 25, 30, 40, 60] {
            for _ in 0..<40 {
                var line = ""
                for k in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    let w = word[Int(state >> 33) % word.count]
                    line += (k == 0 ? "" : (state >> 60 == 0 ? "-" : (state >> 61 == 1 ? " \u{301}" : " "))) + (state >> 59 & 1 == 0 ? w : w.uppercased())
                }
                if state >> 58 & 1 == 0 { line += "”" }
                let utf8 = Array(line.utf8)
                utf8.withUnsafeBufferPointer { buf in
                    let over = TextLayout.countsOverTwentyASCIIWords(buf)
                    if over { counted += 1; #expect(!TextLayout.isTitleLine(string: buf), "\(line)") }
                    #expect(TextLayout.isTitleLine(buf) == TextLayout.isTitleLine(string: buf), "\(line)")
                }
            }
        }
        #expect(counted > 0)
    }

    @Test("Lines of letters, signs and quotes in any of several scripts are titles or not from their bytes as from their Strings")
    func linesOfOwnCharactersAreToldFromBytes() {
        let word = ["Raqqa", "Forces", "advance", "near", "said", "ez-Zor", "Mayādīn", "—", "“Islamic", "State”", "Çağlar", "Ἀθῆναι",
                    "Москва", "دير", "«Daesh»", "Ωmega", "ǅemal", "Sûr", "€500", "ÉTAT", "łódź", "ß-Weg", "e\u{301}tat", "\u{A0}Homs",
                    "東京", "Ēast", "İdlib", "ǈubljana", "ﬁeld", "ȺȾ", "Ⅻ-Corps", "ʼAbd"]
        var state: UInt64 = 11
        var told = 0, left = 0, titles = 0
        for length in [1, 2, 3, 4, 6, 10, 19, 20, 21, 22, 30] {
            for _ in 0..<60 {
                var line = ""
                for k in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    let w = word[Int(state >> 33) % word.count]
                    line += (k == 0 ? "" : (state >> 60 == 0 ? "-" : " ")) + (state >> 59 & 1 == 0 ? w : (state >> 58 & 1 == 0 ? w.uppercased() : w.lowercased()))
                }
                line += ["", "”", ".", ".”", " ", "\u{A0}", "!", "…"][Int(state >> 20) % 8]
                Array(line.utf8).withUnsafeBufferPointer { buf in
                    if let answer = TextLayout.isTitleLine(simpleLine: buf) {
                        told += 1
                        if answer { titles += 1 }
                        #expect(answer == TextLayout.isTitleLine(string: buf), "\(line)")
                    } else {
                        left += 1
                    }
                    #expect(TextLayout.isTitleLine(buf) == TextLayout.isTitleLine(string: buf), "\(line)")
                }
            }
        }
        // Both ways are taken: lines with combining marks, other white space or other scripts are left to Strings.
        #expect(told > 100 && left > 100, "\(told) told, \(left) left")
        #expect(titles > 10 && titles < told - 10, "\(titles) titles")
    }

    @Test("A phrase table holds every phrase under its first word, longest first, with its words and value")
    func phraseTablesHoldTheirPhrases() {
        let entries: [(String, Int)] = [("Islamic State", 1), ("IS", 2), ("Islamic State of Iraq and Syria", 3), ("US", 4),
                                        ("U.S.-backed fighters", 5), ("Islamic", 6)]
        let table = Lexicon.PhraseTable(entries)
        for (text, value) in entries {
            let p = Lexicon.phrase(text)
            let found = table.candidates(startingWith: p.words[0]).map { Array($0) } ?? []
            let phrases = found.map { table.phrase($0) }
            #expect(phrases.map(\.words.count) == phrases.map(\.words.count).sorted(by: >))
            let mine = phrases.filter { $0.value == value }
            #expect(mine.count == 1)
            if let m = mine.first {
                #expect(m.words.map { table.word($0) } == p.words)
                #expect(m.words.map { table.exactWord($0) } == p.exact)
            }
        }
        #expect(table.candidates(startingWith: Lexicon.hash("state")) == nil)
    }

    @Test("Quotation and speech marks in a gap are told from bytes as from Strings", arguments: [
        ", ", ". ", ": ", ":", " :", " \"", "\" ", ", \"", "; ", " (", ") ", ":  ", "\r\n", ":\r\n", " - ", "'", "",
        " “", "” ", ", ‘", "’ ", " — ", ": “", "\u{a0}", " ‹", " «", "…", "’”", ": ", "「",
    ])
    func gapOpensQuotation(gap: String) {
        let utf8 = Array(gap.utf8)
        let string = gap.contains("“") || gap.contains("\"") || gap.contains(": ") || gap.contains("‘")
        #expect(utf8.withUnsafeBufferPointer { Document.opensQuotationOrSpeech(gap: $0) } == string)
    }

    @Test("Sentences start at the code point their bytes say, lines read eight bytes at a time or one")
    func sentenceCodePoints() {
        let pieces = ["Raqqa fell. ", "The SDF said “yes”. ", "Mayādīn — a town. ", "\n", "\n\n", "   \n", "Deir ez-Zor ",
                      "Ḩasakah! ", "x", "𝔘nicode? ", "Load More\n", "\t", "No end", "é", "ISIS Loses Mayadin\n"]
        var state: UInt64 = 3
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(Int(state >> 60) + 1) * 4 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let utf8 = Array(text.utf8)
            let layout = utf8.withUnsafeBufferPointer { TextLayout($0) }
            for sentence in layout.sentences {
                let before = String(decoding: utf8[..<sentence.start], as: UTF8.self).unicodeScalars.count
                #expect(sentence.codePointStart == before, "\(text)")
            }
        }
    }

    @Test("Eight bytes hold sentence punctuation exactly when one of them is . ? or !")
    func sentencePunctuationInAWord() {
        var state: UInt64 = 11
        let alphabet: [UInt8] = [0x2E, 0x3F, 0x21, 0x2D, 0x2F, 0x3E, 0x20, 0x41, 0x00, 0xFF, 0x80, 0xE2, 0x0A, 0x22]
        for _ in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                // Mostly bytes that are not punctuation, so words without any come up often.
                bytes.append(state >> 62 == 0 ? alphabet[Int(state >> 33) % alphabet.count] : alphabet[3 + Int(state >> 33) % (alphabet.count - 3)])
            }
            let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(TextLayout.hasSentencePunctuation(w) == bytes.contains { $0 == 0x2E || $0 == 0x3F || $0 == 0x21 }, "\(bytes)")
        }
    }

    @Test("Sixteen bytes: the first . ? or ! is where a byte-by-byte search finds it")
    func firstSentencePunctuationOfSixteen() {
        var state: UInt64 = 29
        let alphabet: [UInt8] = [0x2E, 0x3F, 0x21, 0x2D, 0x2F, 0x3E, 0x20, 0x41, 0x00, 0xFF, 0x80, 0xE2, 0x0A, 0x22, 0xAE, 0xBF]
        for _ in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<16 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                // Punctuation one byte in sixteen or so: none at all, and any lane first, come up often.
                bytes.append(state >> 60 == 0 ? alphabet[Int(state >> 33) % 3] : alphabet[3 + Int(state >> 33) % (alphabet.count - 3)])
            }
            let v = bytes.withUnsafeBytes { $0.loadUnaligned(as: SIMD16<UInt8>.self) }
            let expected = bytes.firstIndex { $0 == 0x2E || $0 == 0x3F || $0 == 0x21 } ?? 16
            #expect(TextLayout.firstSentencePunctuation(v) == expected, "\(bytes)")
        }
    }

    static let lines = [
        "Syrian Army Captures Key Town Near Deir ez-Zor", "Battle for Raqqa enters final phase", "Analysis: the race for the east",
        "The army captured the town.", "The army captured the town.  ", "He said: \"We will win.\"", "  Islamic State Loses Mayadin \t",
        "Load More", "", "   ", "-", "A - B - C", "U.S.-Backed Forces Reach the Euphrates River Valley Near Deir",
        "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty TwentyOne",
        "Fighters 2017 Advance", "ISIS\r", "1234 5678 Abcd", "east-west Road Opens Again",
    ]

    @Test("Title lines of ASCII are told from bytes as from Strings", arguments: lines)
    func asciiTitleLine(line: String) {
        let utf8 = Array(line.utf8)
        utf8.withUnsafeBufferPointer { buf in
            #expect(TextLayout.isTitleLine(asciiLine: buf) == TextLayout.isTitleLine(buf, isASCII: false))
            #expect(TextLayout.isTitleLine(buf, isASCII: true) == TextLayout.isTitleLine(buf, isASCII: false))
        }
    }

    @Test("A line is chrome by its words only when its first word could be: any chrome word, in any case, with any punctuation")
    func chromeLinesOpenWithChromeWords() {
        let variants: [(String) -> String] = [{ $0 }, { $0.uppercased() }, { $0.capitalized }, { "(\($0))" }, { "“\($0)”" }, { "\($0):" }, { "#\($0)" }]
        for word in TextLayout.furnitureWords.sorted() {
            for v in variants {
                let w = Array(v(word).utf8)
                #expect(w.withUnsafeBufferPointer { TextLayout.mayOpenChrome($0) }, "\(v(word))")
            }
        }
        // A credit's label is a word of its own, its colon included: in any case.
        for word in ["source:", "Sources:", "PHOTO:", "image:"] {
            for w in [word, word.uppercased(), word.capitalized] {
                #expect(Array(w.utf8).withUnsafeBufferPointer { TextLayout.mayOpenChrome($0) }, "\(w)")
            }
        }
        for word in ["Syrian", "Mayadin", "The", "troops", "(Raqqa)", "2017", "$5", "newsroom", "shares"] {
            #expect(!Array(word.utf8).withUnsafeBufferPointer { TextLayout.mayOpenChrome($0) }, "\(word)")
        }
        // Lines of chrome words are still chrome, and a news line opening with one is not.
        for line in ["(Share) Tweet | Email", "“Load” More", "IN OTHER NEWS:", "Tags: yet", "Share prices rose in Mayadin on Monday, traders said."] {
            let bytes = Array(line.utf8)
            #expect(bytes.withUnsafeBufferPointer { TextLayout.isFurniture($0) } == !line.contains("Mayadin"), "\(line)")
        }
    }

    @Test("Gaps that join a phrase's words are told from bytes as from Strings", arguments: [
        " ", "  ", "-", ". ", "'", "’", " ’", "’ ", " – ", ", ", "‘", "\u{a0}", ".-", "’\u{301}", "", "“", " —",
    ])
    func gapJoinsPhraseWords(gap: String) {
        let string = gap.allSatisfy { " .-'’".contains($0) }
        #expect(Array(gap.utf8).withUnsafeBufferPointer { Document.joinsPhraseWords(gap: $0) } == string)
    }
}
