import Testing
@testable import Places
import Geography

/// The scanner folds and keys each distinct word once and remembers it: what it remembers
/// must be what `NameKeyBuilder.wordKey` says of the word, and a word must never be taken
/// for another that shares its hash.
@Suite("The scanner's word cache keys words as the normaliser does")
struct ScannerWordCacheKeysWordsAsTheNormaliserDoes {
    static let words = ["Raqqa", "RAQQA", "raqqa", "the", "The", "thee", "Dar'a", "al", "Al", "EL", "ez", "Deir", "Dayr", "Mayādīn", "MAYĀDĪN",
                        "Ḩasakah", "qa’im", "Albukamal", "Abou", "Ezzor", "Assukhnah", "Straße", "Ελλάδα", "دير", "2017",
                        "km²", "x", "s"]

    static func expected(_ word: String) -> (key: [UInt8], article: Bool) {
        let builder = NameKeyBuilder()
        let utf8 = Array(word.utf8)
        return utf8.withUnsafeBufferPointer { buf in builder.wordKey(buf) { (Array($0), $1) } }
    }

    /// The word's entry number as the scanner gets it: found, or else inserted where `find`
    /// says (under `slotHash`, which a test may force to collide), read from its slot.
    static func entry(_ cache: inout WordCache, _ word: [UInt8], slotHash: UInt64? = nil,
                      keyFlags: (UInt64) -> UInt8 = { _ in 0 }) -> Int {
        let builder = NameKeyBuilder()
        return word.withUnsafeBufferPointer { buf in
            let head = WordCache.head(buf, 0, buf.count)
            let hash = slotHash ?? WordCache.slotHash(head: head, count: buf.count)
            var slot = cache.find(buf, head: head, slotHash: hash)
            if slot < 0 {
                slot = cache.insert(buf, head: head, slotHash: hash, slot: ~slot, keyFlags: keyFlags) { out in
                    builder.wordKey(buf) { key, article in out.append(contentsOf: key); return article }
                }
            }
            return cache.slots[slot].entry
        }
    }

    static func entry(_ cache: inout WordCache, _ word: String, slotHash: UInt64? = nil) -> Int {
        entry(&cache, Array(word.utf8), slotHash: slotHash)
    }

    @Test("A cached word has the normaliser's key, key hash and article flag", arguments: words)
    func cachedWordHasItsKey(word: String) throws {
        var cache = WordCache(capacity: 4)
        // Fill past a few growths so the lookup runs through a rebuilt table.
        for k in 0..<100 { _ = Self.entry(&cache, "filler\(k)") }
        let first = Self.entry(&cache, word)
        let again = Self.entry(&cache, word)
        #expect(first == again)
        let k = cache.wordKeys[first]
        let key = Array(cache.keys[Int(k.start)..<Int(k.start + k.count)])
        let (want, article) = Self.expected(word)
        #expect(key == want)
        #expect(k.hash == NameKeyBuilder.hash(want))
        let facts = cache.facts[first]
        #expect((facts & WordCache.articleBit != 0) == article)
        #expect((facts & WordCache.theBit != 0) == (word.lowercased() == "the"))
        #expect((facts & WordCache.keyBit != 0) == !want.isEmpty)
        // What the tokenizer reads from the word's slot is the word's.
        let slot = try #require(cache.slots.first { $0.count != 0 && $0.entry == first })
        #expect(slot.lowerHash == cache.entries[first].lowerHash && slot.lowerHash == Array(word.utf8).withUnsafeBufferPointer { NameScanner.lowerHash($0) })
        #expect(Int(slot.count) == word.utf8.count)
        #expect(slot.facts == cache.facts[first])
    }

    @Test("Words equal up to ASCII case share an entry; others never do, even with one hash")
    func collisionsAreMisses() {
        var cache = WordCache()
        #expect(Self.entry(&cache, "Raqqa") == Self.entry(&cache, "rAQQA"))
        // Non-ASCII letters are compared as bytes: another case is another word (with the same key).
        #expect(Self.entry(&cache, "Ḩasakah") != Self.entry(&cache, "ḩasakah"))
        // Two different words forced onto one hash.
        let a = Self.entry(&cache, "Homs", slotHash: 42)
        let b = Self.entry(&cache, "Hama", slotHash: 42)
        #expect(a != b)
        #expect(Self.entry(&cache, "Homs", slotHash: 42) == a)
        #expect(Self.entry(&cache, "Hama", slotHash: 42) == b)
        #expect(Array(cache.keys[Int(cache.wordKeys[b].start)..<Int(cache.wordKeys[b].start + cache.wordKeys[b].count)]) == Self.expected("Hama").key)
    }

    @Test("Long words that share their first 16 bytes, or differ only past them, are different words")
    func longWordsAreComparedPastTheirHead() {
        var cache = WordCache()
        let a = Self.entry(&cache, "Internationalisation", slotHash: 7)
        let b = Self.entry(&cache, "internationalisatioN", slotHash: 7)
        let c = Self.entry(&cache, "Internationalisatiox", slotHash: 7)
        #expect(a == b)
        #expect(a != c)
        #expect(Self.entry(&cache, "Internationalisatiox", slotHash: 7) == c)
    }

    @Test("A run's head is its first 16 bytes, and a word's those lower-cased, wherever it lies in the buffer")
    func headsAreTheFirstBytes() {
        // Every byte value, in runs of every length at every offset near the buffer's end
        // (where the head cannot be read as one vector).
        let text: [UInt8] = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 0x3D) } + Array(0...255)
        text.withUnsafeBufferPointer { buf in
            for start in 0..<buf.count {
                for count in 0...min(20, buf.count - start) {
                    var want: (UInt64, UInt64) = (0, 0), wantLowered: (UInt64, UInt64) = (0, 0)
                    for k in 0..<min(count, 16) {
                        let b = buf[start + k]
                        let lowered = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                        if k < 8 {
                            want.0 |= UInt64(b) << UInt64(k * 8); wantLowered.0 |= UInt64(lowered) << UInt64(k * 8)
                        } else {
                            want.1 |= UInt64(b) << UInt64((k - 8) * 8); wantLowered.1 |= UInt64(lowered) << UInt64((k - 8) * 8)
                        }
                    }
                    let got = NameScanner.head(buf, start, count), gotLowered = WordCache.head(buf, start, count)
                    #expect(got == want, "head of \(count) bytes at \(start)")
                    #expect(gotLowered == wantLowered, "lowered head of \(count) bytes at \(start)")
                    if got != want || gotLowered != wantLowered { return }
                }
            }
        }
    }

    @Test("Eight bytes at a time, a word's ASCII letters and digits end where a byte-by-byte reading ends them")
    func wordBytesEightAtATime() {
        func byByte(_ w: UInt64) -> Int {
            var k = 0
            while k < 8, NameScanner.isASCIIWordByte(UInt8(truncatingIfNeeded: w >> UInt64(8 * k))) { k += 1 }
            return k
        }
        // Every byte value in every position among letters, then random mixes of letters,
        // digits, punctuation and the bytes of non-ASCII characters.
        let letters = UInt64(0x6867_6665_6463_6261)
        for position in 0..<8 {
            for b in 0...255 {
                let w = letters & ~(UInt64(0xFF) << UInt64(8 * position)) | UInt64(b) << UInt64(8 * position)
                #expect(NameScanner.asciiWordBytes(w) == byByte(w), "byte \(b) at \(position)")
            }
        }
        let pool: [UInt8] = Array("aZz09AQ-' .,\u{0}@[`{/:".utf8) + [0x80, 0xC3, 0xA9, 0xD8, 0xE2, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(pool.randomElement(using: &generator)!) << UInt64(8 * k) }
            #expect(NameScanner.asciiWordBytes(w) == byByte(w))
        }
    }

    @Test("Sixteen bytes at a time, a word's ASCII letters and digits end where a byte-by-byte reading ends them")
    func wordBytesSixteenAtATime() {
        func byByte(_ bytes: [UInt8]) -> Int { bytes.firstIndex { !NameScanner.isASCIIWordByte($0) } ?? 16 }
        func vector(_ bytes: [UInt8]) -> SIMD16<UInt8> { bytes.withUnsafeBytes { $0.loadUnaligned(as: SIMD16<UInt8>.self) } }
        // Every byte value in every lane among letters, then random mixes.
        let letters = Array("abcdefghijklmnop".utf8)
        for lane in 0..<16 {
            for b in 0...255 {
                var bytes = letters
                bytes[lane] = UInt8(b)
                #expect(NameScanner.asciiWordBytes(vector(bytes)) == byByte(bytes), "byte \(b) in lane \(lane)")
            }
        }
        let pool: [UInt8] = Array("aZz09AQ-' .,\u{0}@[`{/:".utf8) + [0x80, 0xC3, 0xA9, 0xD8, 0xE2, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Mostly letters, so that long runs and whole vectors of them come up.
            let bytes = (0..<16).map { _ in Bool.random(using: &generator) ? letters.randomElement(using: &generator)! : pool.randomElement(using: &generator)! }
            #expect(NameScanner.asciiWordBytes(vector(bytes)) == byByte(bytes), "\(bytes)")
        }
    }

    @Test("An ASCII letter's or digit's case, read without branches, is the one the byte has")
    func asciiInitialsAreTheBytesCase() {
        for b in UInt8(0x30)...UInt8(0x7A) where NameScanner.isASCIIWordByte(b) {
            let expected: NameScanner.Initial = b >= 0x41 && b <= 0x5A ? .upper : (b >= 0x61 ? .lower : .digit)
            #expect(NameScanner.asciiInitial(b) == expected, "byte \(b)")
        }
    }

    @Test("A new word's key flags come from its key hash, once; a known word keeps them")
    func keyFlagsAreAskedOnce() {
        var cache = WordCache()
        var asked: [UInt64] = []
        for word in ["Raqqa", "RAQQA"] {
            let e = Self.entry(&cache, Array(word.utf8), keyFlags: { asked.append($0); return 3 })
            #expect(cache.facts[e] & WordCache.keyFlagBits == 3)
            #expect(cache.slots.first { $0.count != 0 && $0.entry == e }?.keyFlags == 3)
        }
        #expect(asked == [NameKeyBuilder.hash(Self.expected("Raqqa").key)])
    }

    @Test("A scanner whose caches are full of other windows finds what a new one finds")
    func warmScannerIsANewOne() throws {
        let gazetteer = try repositoryGazetteer()
        let table = NameTable(gazetteer)
        let warm = NameScanner(table: table)
        // Every name's words with every other's: tens of thousands of windows, many colliding
        // in the scanner's small caches.
        let names = gazetteer.allPlaces.flatMap(\.allNames)
        var text = ""
        for (k, name) in names.enumerated() { text += name + " " + names[(k * 7919) % names.count] + " al " + name + ". " }
        _ = Array(text.utf8).withUnsafeBufferPointer { warm.scan($0) }
        let report = Array("Fighting in Deir ez-Zor, al-Mayadin and Abu Kamal; the SDF entered Raqqa and Dayr Az Zawr province.".utf8) + Array(text.utf8)
        let a = report.withUnsafeBufferPointer { warm.scan($0) }
        let b = report.withUnsafeBufferPointer { NameScanner(table: table).scan($0) }
        #expect(a.count > 100)
        #expect(a == b)
    }

    @Test("Scanning a text again, from the cache, finds the same tokens and names")
    func rescanningIsTheSame() throws {
        let gazetteer = Gazetteer(places: [
            Place(id: "raqqa", name: "Raqqa", kind: .city, coordinate: .init(latitude: 35.95, longitude: 39.01), precision: .exact),
            Place(id: "dez", name: "Deir ez-Zor", kind: .city, coordinate: .init(latitude: 35.33, longitude: 40.14), precision: .exact),
        ])
        let scanner = NameScanner(table: NameTable(gazetteer))
        let text = Array("Fighting in RAQQA and Dayr Az Zawr; raqqa's outskirts, Deir al-Zour, AL-RAQQAH.".utf8)
        let (first, firstTokens, firstHashes) = text.withUnsafeBufferPointer { (scanner.scan($0), scanner.tokens, scanner.lowerHashes) }
        let (second, secondTokens, secondHashes) = text.withUnsafeBufferPointer { (scanner.scan($0), scanner.tokens, scanner.lowerHashes) }
        #expect(first.count == 5)
        #expect(first == second)
        #expect(firstTokens == secondTokens)
        #expect(firstHashes == secondHashes)
        for (t, h) in zip(firstTokens, firstHashes) {
            #expect(h == text.withUnsafeBufferPointer { NameScanner.lowerHash(UnsafeBufferPointer(rebasing: $0[t.start..<t.end])) })
        }
    }

    @Test("A name never ends on an article: the article starts the next name")
    func namesDoNotEndOnArticles() throws {
        let gazetteer = Gazetteer(places: [
            Place(id: "raqqa", name: "Raqqa", kind: .city, coordinate: .init(latitude: 35.95, longitude: 39.01), precision: .exact),
            Place(id: "of", name: "Of", kind: .town, coordinate: .init(latitude: 40.94, longitude: 40.26), precision: .exact),
            Place(id: "qaim", name: "al-Qaim", kind: .town, coordinate: .init(latitude: 34.39, longitude: 40.99), precision: .exact),
            // Longer names make "Raqqa" and "Of" the start of a name, so windows grow past them.
            Place(id: "raqqa_governorate", name: "Raqqa Governorate", kind: .province, coordinate: .init(latitude: 35.9, longitude: 38.9), precision: .centroid),
            Place(id: "of_bridge", name: "Of Bridge", kind: .locality, coordinate: .init(latitude: 40.9, longitude: 40.3), precision: .exact),
        ])
        let scanner = NameScanner(table: NameTable(gazetteer))
        let text = Array("Victory in Raqqa as focus shifts west of al-Qaim.".utf8)
        let found = text.withUnsafeBufferPointer { buf in
            scanner.scan(buf).map { m in String(decoding: buf[scanner.tokens[m.first].start..<scanner.tokens[m.last].end], as: UTF8.self) }
        }
        #expect(found == ["Raqqa", "of", "al-Qaim"])
    }

    @Test("Words run together make a name only where each word after the first continues some name")
    func windowsGrowOnlyByWordsThatContinueNames() throws {
        func place(_ id: String, _ name: String) -> Place {
            Place(id: id, name: name, kind: .town, coordinate: .init(latitude: 34, longitude: 40), precision: .exact)
        }
        let gazetteer = Gazetteer(places: [
            place("amman", "Amman"), place("amman_citadel", "Amman Citadel"), place("amanfrom", "Amanfrom"),
            place("abukamal", "Abukamal"), place("abu_dhabi", "Abu Dhabi"), place("tell_kamal", "Tell Kamal"),
        ])
        let scanner = NameScanner(table: NameTable(gazetteer))
        func names(_ text: String) -> [String] {
            let utf8 = Array(text.utf8)
            return utf8.withUnsafeBufferPointer { buf in
                scanner.scan(buf).map { m in String(decoding: buf[scanner.tokens[m.first].start..<scanner.tokens[m.last].end], as: UTF8.self) }
            }
        }
        // "Amman" starts a name, and "amman" + "from" is the key of the one-word Amanfrom; but
        // "from" is no name's second word, so the window stops and Amman is found.
        #expect(names("Troops reached Amman from the south.") == ["Amman"])
        #expect(names("They toured the Amman Citadel.") == ["Amman Citadel"])
        // "Kamal" is Tell Kamal's second word: "Abu Kamal" is the one-word Abukamal written apart.
        #expect(names("Fighting near Abu Kamal and Abukamal.") == ["Abu Kamal", "Abukamal"])
    }

    /// GeoNames rows of `cities500` (CC BY 4.0, https://www.geonames.org; alternate names cut
    /// to the ones that matter), as a world gazetteer has them: Anandnagar (IN, "annd ngr")
    /// makes "and" a name's first word (doubled letters are one), Dūst-e Īrān (IR) makes "iran" a later
    /// word, and Andırın (TR) is "Andiran": "and Iran" run together. In Ga Lone (MM), Githiga A
    /// (KE) and Ina (JP) do the same for "in a". Then a town named Iran, written for the test,
    /// and a curated industrial zone.
    static func mixedGazetteer() throws -> Gazetteer {
        let header = "geonameid\tname\tasciiname\talternatenames\tlatitude\tlongitude\tfeature_class\tfeature_code\tcountry_code\tadmin1_code\tadmin1_name\tpopulation\ttimezone"
        let rows = [
            "1278682\tAnandnagar\tAnandnagar\tAnandnagar,annd ngr\t27.10062\t83.27156\tP\t\tIN\t36\t\t11220\tAsia/Kolkata",
            "135860\tDūst-e Īrān\tDust-e Iran\tDust-e Iran,Dūst-e Īrān\t29.78507\t51.78415\tP\t\tIR\t07\t\t2424\tAsia/Tehran",
            "323797\tAndırın\tAndirin\tAndiran,Andirin,Andrun,Andıran,Andırın\t37.57757\t36.35492\tP\t\tTR\t46\t\t8660\tEurope/Istanbul",
            "1463316\tIn Ga Lone\tIn Ga Lone\tIn Ga Lone,Ingalon\t16.4844\t96.06002\tP\t\tMM\t17\t\t3166\tAsia/Yangon",
            "197264\tGithiga A\tGithiga A\t\t-1.08693\t36.73405\tP\t\tKE\t22\t\t5565\tAfrica/Nairobi",
            "1861641\tIna\tIna\tIna,Ina-chhi,ina si,xin a,yi na\t35.82756\t137.95378\tP\t\tJP\t26\t\t68177\tAsia/Tokyo",
            "2747373\tThe Hague\tThe Hague\tDen Haag,Hague\t52.07667\t4.29861\tP\t\tNL\t11\t\t474292\tEurope/Amsterdam",
            "99000010\tIran\tIran\t\t32.0\t53.0\tP\tPPL\tIR\t01\t\t1000\tAsia/Tehran",
        ]
        let places = "id\tname\tkind\tlat\tlon\tprecision\tprovince\tcountry\tpopulation\taliases\tbank\tgeometry\tsource\tnote\n"
            + "test_industrial_zone\tTest industrial zone\tindustrial_zone\t35.38\t40.19\tapproximate\tDeir ez-Zor\tSY\t\tindustrial zone\teast\t\tA test\t\n"
        return try withTemporaryDirectory { dir in
            try dir.write(([header] + rows).joined(separator: "\n") + "\n", to: "geonames.tsv")
            try dir.write(places, to: "places.tsv")
            return try Gazetteer.load(directory: dir.path)
        }
    }

    @Test("A window that starts with a lower-case word follows curated names only, when the reader asks: 'and Iran' keeps Iran")
    func lowercaseWindowsFollowCuratedNamesOnly() throws {
        let scanner = NameScanner(table: NameTable(try Self.mixedGazetteer()))
        func names(_ text: String, _ lowercase: NameScanner.LowercaseWindows) -> [String] {
            let utf8 = Array(text.utf8)
            return utf8.withUnsafeBufferPointer { buf in
                scanner.scan(buf, lowercase: lowercase).map { m in
                    String(decoding: buf[scanner.tokens[m.first].start..<scanner.tokens[m.last].end], as: UTF8.self)
                }
            }
        }
        let text = "Russia and Iran sent men in a convoy to the industrial zone, then to the Hague; Iran and The Hague agreed."
        // Every window: lower-case words run together are GeoNames names, and "and Iran" hides Iran.
        #expect(names(text, .all) == ["and Iran", "in a", "industrial zone", "the Hague", "Iran", "The Hague"])
        // What the reader asks for: a lower-case start only along a curated name; "the" (which the
        // reader looks past) and capitals as before.
        #expect(names(text, .curatedNamesOnly) == ["Iran", "industrial zone", "the Hague", "Iran", "The Hague"])
        // Capitals are not lower case: "And Iran" at a sentence's start is still a window.
        #expect(names("And Iran agreed.", .curatedNamesOnly) == ["And Iran"])
    }

    @Test("Where every place is curated, the reader's windows are all windows less lone lower-case words")
    func loneLowercaseWordsLeftOut() throws {
        func place(_ id: String, _ name: String) -> Place {
            Place(id: id, name: name, kind: .town, coordinate: .init(latitude: 34, longitude: 40), precision: .exact)
        }
        let gazetteer = Gazetteer(places: [
            place("nice", "Nice"), place("deal", "Deal"), place("new_deal", "New Deal"), place("al_bab", "al-Bab"), place("mosul", "Mosul"),
        ])
        let scanner = NameScanner(table: NameTable(gazetteer))
        func names(_ text: String, lowercase: NameScanner.LowercaseWindows) -> [String] {
            let utf8 = Array(text.utf8)
            return utf8.withUnsafeBufferPointer { buf in
                scanner.scan(buf, lowercase: lowercase).map { m in
                    String(decoding: buf[scanner.tokens[m.first].start..<scanner.tokens[m.last].end], as: UTF8.self)
                }
            }
        }
        let text = "A nice deal: Nice and the new deal in al-bab, not Mosul or mosul, made a Deal."
        #expect(names(text, lowercase: .all) == ["nice", "deal", "Nice", "new deal", "al-bab", "Mosul", "mosul", "Deal"])
        // Windows of several words in lower case stay (a test gazetteer's places are all
        // curated): the reader decides on those.
        #expect(names(text, lowercase: .curatedNamesOnly) == ["Nice", "new deal", "al-bab", "Mosul", "Deal"])
    }
}
