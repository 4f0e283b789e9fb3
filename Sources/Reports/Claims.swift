import Places

extension Document {
    /// Units of distance and area, in metres and square kilometres.
    static let units = WordMap<Double>([
        (Word.km, 1000), (Word.kms, 1000), (Word.kilometers, 1000), (Word.kilometres, 1000),
        (Word.kilometer, 1000), (Word.kilometre, 1000), (Word.miles, 1609.344), (Word.mile, 1609.344),
        (Word.m, 1), (Word.meters, 1), (Word.metres, 1),
    ])
    static let areaUnits = WordSet(["km2", "sqkm", "km²"])

    /// A word that can follow a number in a distance or area claim.
    static func mayBeUnit(_ word: UInt64) -> Bool {
        units[word] != nil || areaUnits.contains(word) || word == Word.square || word == Word.sq
    }

    /// Distance, direction, bank and area claims, each with what it is about and what it
    /// is measured from, when the sentence names them.
    /// `placesNamed` gives the gazetteer's places with a name.
    func findClaims(resolveGeneric: (String) -> Place?, capitalOf: (Place) -> Place?, placesNamed: (String) -> [Place]) -> [Claim] {
        var claims: [Claim] = []
        // Asked of every token: locals, not a global's lazy access each time.
        let bankWord = Word.bank, sideWord = Word.side
        let tokens = self.tokens, wordClasses = self.wordClasses
        // Claims start at a number, a compass word, "other", "bank" or "side".
        func mayStartClaim(_ i: Int) -> Bool { tokens[i].initial == .digit || wordClasses[i].contains(.claimStart) }
        let actorsOf = itemRanges(sentences: actors.map(\.sentence))
        let mentionsOf = itemRanges(sentences: mentions.map(\.sentence))
        for s in layout.sentences.indices where !layout.sentences[s].isTitle {
            let range = tokenRange(ofSentence: s)
            // Most sentences have no word a claim starts at: passed over on one scan.
            var i = firstClaimStart(in: range)
            guard i < range.upperBound else { continue }
            // Sliced out only for a claim's words: most numbers start none.
            var sentenceActors: ArraySlice<ActorMention> { actors[actorsOf[s]] }
            var sentenceMentions: ArraySlice<PlaceMention> { mentions[mentionsOf[s]] }
            // Tokens up to here belong to a claim already (claims end after where they start).
            var usedThrough = -1
            while i < range.upperBound {
                defer { i += 1 }
                guard i > usedThrough, mayStartClaim(i) else { continue }
                // "on the eastern bank of the Euphrates", "the west bank of the river", "on the left bank".
                if lower[i] == bankWord || lower[i] == sideWord {
                    guard i > range.lowerBound, let side = Document.bankSides[lower[i - 1]], i + 1 < range.upperBound, lower[i + 1] == Word.of,
                          let (river, riverText, refLast) = referencePlace(after: i + 1, in: range, mentions: sentenceMentions, capitalOf: capitalOf),
                          let river, river.kind == .river else { continue }
                    var first = i - 1
                    if first > range.lowerBound, lower[first - 1] == Word.the { first -= 1 }
                    if first > range.lowerBound, lower[first - 1] == Word.on || lower[first - 1] == Word.along { first -= 1 }
                    let subject = subjectMention(before: first, in: sentenceMentions, excluding: river)
                    let actor = subject == nil ? clauseSubject(before: i, in: range, actors: sentenceActors) : nil
                    guard subject != nil || actor != nil else { continue }
                    claims.append(claim(.bank, s, phrase: first...refLast, subject: subject, actor: actor, hedged: false) {
                        $0.claimedBank = side
                        $0.reference = river; $0.referenceText = riverText
                    })
                    usedThrough = max(usedThrough, refLast)
                    continue
                }
                // A number and a unit: "140 km", "40km", "2.5 kilometres", "250 km2". (A token
                // never holds a comma: "1,000" is two.) Only a number before a unit word can
                // make a claim, so only those are parsed.
                if tokens[i].initial == .digit, let q = quantity(at: i, in: range) {
                    let hedged = i > range.lowerBound && Lexicon.hedges.contains(lower[i - 1])
                    let next = q.unitLast + 1 < range.upperBound ? lower[q.unitLast + 1] : 0
                    if Document.areaUnits.contains(q.unit) || (q.unit == Word.square && Document.units[next] == 1000)
                        || (q.unit == Word.sq && next == Word.km) {
                        let end = Document.areaUnits.contains(q.unit) ? q.unitLast : q.unitLast + 1
                        let subject = clauseSubject(before: i, in: range, actors: sentenceActors)
                        let place = sentenceMentions.last { $0.tokens.upperBound < i }
                        claims.append(claim(.area, s, phrase: (hedged ? i - 1 : i)...end, subject: place, actor: subject, hedged: hedged) {
                            $0.claimedSquareKilometres = q.value
                        })
                        usedThrough = max(usedThrough, end)
                        continue
                    }
                    guard let metres = Document.units[q.unit] else { continue }
                    let value = q.value
                    // "140 km south-east of Raqqa", "35 kilometers east of the provincial capital", "30 km away from X".
                    var k = q.unitLast + 1
                    // "40km (25 miles) east of": the conversion in brackets says the same again.
                    if k < range.upperBound, tokens[k].initial == .digit, gap(before: k).contains(UInt8(ascii: "(")),
                       let converted = quantity(at: k, in: range), Document.units[converted.unit] != nil,
                       converted.unitLast + 1 < range.upperBound, gap(before: converted.unitLast + 1).contains(UInt8(ascii: ")")) {
                        k = converted.unitLast + 1
                    }
                    var direction: String?
                    if k < range.upperBound, Document.compass.contains(lower[k]) {
                        var last = k
                        if k + 1 < range.upperBound, tokens[k + 1].gapBefore == .hyphen, Document.compass.contains(lower[k + 1]) { last = k + 1 }
                        direction = compassName(bytes: tokens[k].start..<tokens[last].end)
                        k = last + 1
                    }
                    if k < range.upperBound, lower[k] == Word.away { k += 1 }
                    guard k < range.upperBound, lower[k] == Word.of || lower[k] == Word.from else { continue }
                    guard let (reference, refText, refLast) = referencePlace(after: k, in: range, mentions: sentenceMentions, capitalOf: capitalOf) else { continue }
                    var subject = subjectMention(before: hedged ? i - 1 : i, in: sentenceMentions, excluding: reference)
                    if let river = subject, let mouth = confluence(at: river, in: sentenceMentions, placesNamed: placesNamed) { subject = mouth }
                    let actor = subject == nil ? clauseSubject(before: i, in: range, actors: sentenceActors) : nil
                    let c = claim(.distance, s, phrase: (hedged ? i - 1 : i)...refLast, subject: subject, actor: actor, hedged: hedged) {
                        $0.claimedMeters = value * metres
                        $0.claimedDirection = direction
                        $0.reference = reference; $0.referenceText = refText
                    }
                    claims.append(c)
                    usedThrough = max(usedThrough, refLast)
                    continue
                }
                // "southwest of Deir Az Zor city", "east of the Euphrates".
                if wordClasses[i].contains(.compass) {
                    var last = i
                    if i + 1 < range.upperBound, tokens[i + 1].gapBefore == .hyphen, Document.compass.contains(lower[i + 1]) { last = i + 1 }
                    guard last + 1 < range.upperBound, lower[last + 1] == Word.of else { continue }
                    guard let (reference, refText, refLast) = referencePlace(after: last + 1, in: range, mentions: sentenceMentions, capitalOf: capitalOf),
                          let reference else { continue }
                    let direction = compassName(bytes: tokens[i].start..<tokens[last].end)
                    let first = i > range.lowerBound && lower[i - 1] == Word.just ? i - 1 : i
                    let subject = subjectMention(before: first, in: sentenceMentions, excluding: reference)
                    let actor = subject == nil ? clauseSubject(before: i, in: range, actors: sentenceActors) : nil
                    guard subject != nil || actor != nil else { continue }
                    if reference.kind == .river {
                        claims.append(claim(.bank, s, phrase: first...refLast, subject: subject, actor: actor, hedged: false) {
                            $0.claimedBank = direction.contains("north") || direction == "east" ? "east" : "west"
                            $0.reference = reference; $0.referenceText = refText
                        })
                    } else {
                        claims.append(claim(.direction, s, phrase: first...refLast, subject: subject, actor: actor, hedged: false) {
                            $0.claimedDirection = direction
                            $0.reference = reference; $0.referenceText = refText
                        })
                    }
                    usedThrough = max(usedThrough, refLast)
                    continue
                }
                // "on the other side of the Euphrates", "across the river from X", "on the eastern bank".
                if lower[i] == Word.other, i + 2 < range.upperBound, lower[i + 1] == Word.side, lower[i + 2] == Word.of,
                   let (river, riverText, refLast) = referencePlace(after: i + 2, in: range, mentions: sentenceMentions, capitalOf: capitalOf),
                   let river, river.kind == .river {
                    // Opposite to the place named before the subject ("Taym, southwest of Deir ez-Zor, on the other side").
                    let before = sentenceMentions.filter { $0.tokens.upperBound < i && $0.place.kind != .river && $0.place.kind != .country && $0.place.kind != .province }
                    guard before.count >= 2 else { continue }
                    let subject = before[before.count - 2], reference = before[before.count - 1]
                    let first = i > range.lowerBound + 1 && lower[i - 1] == Word.the ? (lower[i - 2] == Word.on ? i - 2 : i - 1) : i
                    claims.append(claim(.bank, s, phrase: first...refLast, subject: subject, actor: nil, hedged: false) {
                        $0.claimedBank = "opposite"
                        $0.reference = reference.place; $0.referenceText = reference.span.text + " (across the " + riverText + ")"
                    })
                    continue
                }
            }
        }
        return claims
    }

    /// The first token of `range` a claim may start at (a number, or a word of `.claimStart`),
    /// else `range.upperBound`. Every token of every sentence is asked: the arrays are read
    /// through their buffers, without a bounds check per token.
    func firstClaimStart(in range: Range<Int>) -> Int {
        tokens.withUnsafeBufferPointer { tokens in
            wordClasses.withUnsafeBufferPointer { classes in
                var i = range.lowerBound
                while i < range.upperBound, tokens[i].initial != .digit, !classes[i].contains(.claimStart) { i += 1 }
                return i
            }
        }
    }

    /// Words that start a clause's verb phrase: auxiliaries, modals and common verbs that
    /// do not end in -ed ("has made", "likely aim", "said").
    static let verbs = WordSet(["is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
                                "will", "would", "could", "can", "may", "might", "should", "must", "shall",
                                "said", "says", "say", "told", "tells", "claims", "states", "adds", "announces", "reports",
                                "believes", "believe", "thinks", "think", "wants", "want", "aims", "aim", "plans", "plan",
                                "seeks", "seek", "continue", "continues", "remain", "remains", "hold", "holds", "held",
                                "control", "controls", "took", "take", "takes", "made", "make", "makes", "began", "begin",
                                "begins", "fought", "fight", "fights", "lies", "lie", "sits", "runs", "run", "came", "come",
                                "comes", "went", "go", "goes", "kept", "keeps", "led", "leads", "won", "lost", "drove",
                                "sent", "sends", "brought", "gave", "gives", "got", "gets", "saw", "sees", "need", "needs"])
    /// Adverbs that may stand between a subject and its verb ("the SDF swiftly announced").
    static let adverbs = WordSet(["also", "already", "now", "still", "just", "then", "not", "never", "soon", "thus", "so"])

    /// The actor a claim's clause is about: the nearest one before token `i` that stands as a
    /// subject, i.e. is followed by a verb ("Washington has been eyeing the area southeast of
    /// Raqqa", "the SDF said ...") and is not the object of a preposition ("backed by Hezbollah
    /// fighters", "from Tehran to Damascus"). Naming an actor is not enough: "an Iranian
    /// corridor" and "to clear ISIL from territory east of the river" are not about Iran or
    /// ISIL. Nil when no actor before the claim is a subject.
    func clauseSubject(before i: Int, in range: Range<Int>, actors: ArraySlice<ActorMention>) -> Actor? {
        actors.last { a in
            guard a.tokens.upperBound < i else { return false }
            var b = a.tokens.lowerBound - 1
            while b >= range.lowerBound, Lexicon.determiners.contains(lower[b]) { b -= 1 }
            if b >= range.lowerBound, Lexicon.nonSubjectMarkers.contains(lower[b]) { return false }
            // Past the same actor named again ("the Syrian Democratic Forces (SDF)") and
            // adverbs, the next word is a verb.
            var k = a.tokens.upperBound + 1
            while let again = actors.first(where: { $0.tokens.lowerBound == k }) { k = again.tokens.upperBound + 1 }
            while k < range.upperBound, tokens[k].initial == .lower {
                if isVerb(k) { return true }
                guard Document.adverbs.contains(lower[k]) || endsWith(k, "ly") else { return false }
                k += 1
            }
            return false
        }?.actor
    }

    /// Whether token `k` reads as a verb: a listed one, an action or launch word, or a word
    /// ending in -ed.
    private func isVerb(_ k: Int) -> Bool {
        Document.verbs.contains(lower[k]) || wordClasses[k].contains(.actionStart) || wordClasses[k].contains(.launchWord)
            || wordClasses[k].contains(.siegeBreaker) || endsWith(k, "ed")
    }

    static let linkWords = WordSet(["which", "that", "is", "are", "was", "lies", "lie", "lying", "located", "situated",
                                    "sits", "only", "just", "about", "some", "roughly", "around", "nearly", "approximately",
                                    "dubbed", "called", "known", "as", "the", "a", "itself", "both", "now",
                                    "town", "city", "village"])

    /// The place a claim is about: named right before it, with only linking words ("which
    /// lies only", "that are located just") or a quoted name in between.
    /// A river named in "on the northern bank of the Euphrates" says where the subject lies:
    /// the subject is named before that phrase. "The city lies ..." with no name is the
    /// settlement the paragraph named last.
    func subjectMention(before token: Int, in mentions: ArraySlice<PlaceMention>, excluding reference: Place?) -> PlaceMention? {
        func linked(_ r: Range<Int>) -> Bool {
            r.count <= 8 && r.allSatisfy { Document.linkWords.contains(lower[$0]) || blocked[$0] || tokens[$0].initial == .upper }
                || isDated(r)
        }
        guard let m = mentions.last(where: { $0.tokens.upperBound < token && $0.place.id != reference?.id }) else {
            return placeNamedBefore(token)
        }
        guard linked((m.tokens.upperBound + 1)..<token) || isAppositive((m.tokens.upperBound + 1)..<token) else { return nil }
        if m.place.kind == .river, let start = bankPhraseStart(before: m.tokens.lowerBound) {
            return subjectMention(before: start, in: mentions, excluding: reference)
        }
        return m
    }

    /// Whether tokens `r` are the date of what happened to the name before them, and a comma:
    /// "seized the Industrial Zone on September 10, approximately 6 km east of the city".
    private func isDated(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 6, r.upperBound < tokens.count, gap(before: r.upperBound, has: Document.commas) else { return false }
        var k = r.lowerBound
        if lower[k] == Word.on || lower[k] == Word.in { k += 1 }
        guard k < r.upperBound else { return false }
        return (k..<r.upperBound).allSatisfy { t in
            (wordClasses[t].contains(.dateWord) || tokens[t].initial == .digit || lower[t] == Word.the || lower[t] == Word.of)
                && (t == k || !gap(before: t, has: Document.commas))
        }
    }

    /// Whether tokens `r` are a noun phrase set off by commas that says what the name before
    /// them is: "Erbil, the capital of the Kurdish region, some 80 km north of Kirkuk".
    private func isAppositive(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 8, r.upperBound < tokens.count, Lexicon.determiners.contains(lower[r.lowerBound]),
              gap(before: r.lowerBound, has: Document.commas), gap(before: r.upperBound, has: Document.commas),
              tokenSentence[r.lowerBound] == tokenSentence[r.upperBound] else { return false }
        // A clause is no appositive: no action, relative pronoun or comma inside.
        return r.dropFirst().allSatisfy { !gap(before: $0, has: Document.clauseBreaks) }
            && r.allSatisfy { !wordClasses[$0].contains(.actionStart) && !Document.relativeWords.contains(lower[$0]) && !Document.linkVerbs.contains(lower[$0]) }
    }

    static let linkVerbs = WordSet(["is", "are", "was", "were", "has", "have", "had", "said", "says"])

    /// Where "on the northern bank of" (or "along the banks of") starts, for a name at token `k`.
    private func bankPhraseStart(before k: Int) -> Int? {
        var b = k - 1
        if b >= 0, lower[b] == Word.the { b -= 1 }
        guard b >= 1, lower[b] == Word.of, lower[b - 1] == Word.bank || lower[b - 1] == Word.banks else { return nil }
        b -= 2
        while b >= 0, tokenSentence[b] == tokenSentence[k], wordClasses[b].contains(.compass) || Document.regionalAdjectives.contains(lower[b]) || lower[b] == Word.left || lower[b] == Word.right
                || lower[b] == Word.the || lower[b] == Word.other { b -= 1 }
        guard b >= 0, tokenSentence[b] == tokenSentence[k], lower[b] == Word.on || lower[b] == Word.along else { return nil }
        return b
    }

    /// "The city lies ...", "the plant is ...": a sentence that opens so before token `token`
    /// (with linking words after) is about the place of that kind its paragraph named last,
    /// or, opening a paragraph, the one before it.
    private func placeNamedBefore(_ token: Int) -> PlaceMention? {
        let s = tokenSentence[token]
        guard s >= 0 else { return nil }
        let first = sentenceFirstToken[s]
        guard token >= first + 2, lower[first] == Word.the, let kinds = Document.genericNouns[lower[first + 1]],
              ((first + 2)..<token).allSatisfy({ Document.linkWords.contains(lower[$0]) || Document.positionWords.contains(lower[$0]) })
        else { return nil }
        let paragraph = layout.sentences[s].paragraph
        let opensParagraph = s == 0 || layout.sentences[s - 1].paragraph != paragraph
        guard var m = mentions.last(where: { m in
            guard m.sentence < s, kinds.contains(m.place.kind) else { return false }
            let p = layout.sentences[m.sentence].paragraph
            return p == paragraph || (opensParagraph && p == paragraph - 1)
        }) else { return nil }
        m.span.text = string(bytes: tokens[first].start..<tokens[first + 1].end).lowercased() + " (" + m.span.text + ")"
        return m
    }

    /// The bank a side of the Euphrates names: it flows south-east through Syria, so its
    /// left, northern and eastern bank is the east bank (the Jazira).
    static let bankSides = WordMap<String>([
        ("east", "east"), ("eastern", "east"), ("northern", "east"), ("north", "east"), ("left", "east"),
        ("west", "west"), ("western", "west"), ("southern", "west"), ("south", "west"), ("right", "west"),
    ].map { (Lexicon.hash($0.0), $0.1) })

    /// Words that say where a subject lies between it and a claim ("The plant is located on
    /// the eastern side of the river, some 20 km east of ...").
    static let positionWords = WordSet(["on", "along", "side", "bank", "banks", "of", "river", "the", "eastern", "western",
                                        "northern", "southern", "east", "west", "north", "south", "left", "right", "opposite"])

    /// Nouns that stand for a place named before ("the city", "the plant"), and the kinds of
    /// place each can stand for.
    static let genericNouns = WordMap<[PlaceKind]>([
        ("city", [.city, .town]), ("town", [.town, .city, .village]), ("village", [.village, .town]),
        ("plant", [.gasField, .oilField]), ("facility", [.gasField, .oilField, .base, .airport, .dam]),
        ("field", [.oilField, .gasField]), ("oilfield", [.oilField]), ("base", [.base]), ("airport", [.airport]),
        ("airbase", [.airport, .base]), ("dam", [.dam]), ("valley", [.valley]), ("river", [.river]),
    ].map { (Lexicon.hash($0.0), $0.1) })

    static let settlementNouns = WordSet(["city", "town", "village"])

    /// A number and the unit after it, from token `i`: "140 km" (two tokens), "40km" (one),
    /// "2.5 kilometres" (the decimal point splits the number), "2.5km". `unit` is the unit
    /// word's hash, `unitLast` its token. Nil when no unit word follows the number.
    func quantity(at i: Int, in range: Range<Int>) -> (value: Double, unit: UInt64, unitLast: Int)? {
        // The digits at the start of a token (how many), and the hash of the letters glued after them.
        func split(_ t: Int) -> (digits: Int, unit: UInt64?) {
            let bytes = UnsafeBufferPointer(rebasing: text[tokens[t].start..<tokens[t].end])
            let n = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            return (n, n == bytes.count ? nil : NameScanner.lowerHash(UnsafeBufferPointer(rebasing: bytes[n...])))
        }
        let (whole, glued) = split(i)
        guard whole > 0 else { return nil }
        var fraction = 0, last = i
        if glued == nil, i + 1 < range.upperBound, tokens[i + 1].initial == .digit, gap(before: i + 1).elementsEqual([UInt8(ascii: ".")]),
           case let n = split(i + 1).digits, n > 0 {
            // "2.5": the fraction's token may carry the unit ("2.5km").
            fraction = n
            last = i + 1
        }
        // The unit first: most numbers have none, and then their value is not needed.
        let unit: UInt64, unitLast: Int
        if let unitAfter = last == i ? glued : split(last).unit {
            guard Document.mayBeUnit(unitAfter) else { return nil }
            (unit, unitLast) = (unitAfter, last)
        } else {
            guard last + 1 < range.upperBound, Document.mayBeUnit(lower[last + 1]) else { return nil }
            (unit, unitLast) = (lower[last + 1], last + 1)
        }
        var number = string(bytes: tokens[i].start..<tokens[i].start + whole)
        if fraction > 0 { number += "." + string(bytes: tokens[last].start..<tokens[last].start + fraction) }
        guard let value = Double(number) else { return nil }
        return (value, unit, unitLast)
    }

    /// The bytes between token `t` and the one before it.
    func gap(before t: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[tokens[t - 1].end..<tokens[t].start])
    }

    /// "The Khabur runs ... into the Euphrates, which is about 35 km east of X": a river named
    /// as where another flows into it stands for the point where they meet, not for its
    /// whole length (which may pass through X). The mention of the river becomes one of
    /// their confluence when the gazetteer has it ("Khabur-Euphrates confluence", "mouth of
    /// the Khabur"); otherwise it stays the river.
    func confluence(at river: PlaceMention, in mentions: ArraySlice<PlaceMention>, placesNamed: (String) -> [Place]) -> PlaceMention? {
        guard river.place.kind == .river, river.tokens.lowerBound >= 2 else { return nil }
        // "into" (and "the") right before the river, and another river earlier in the sentence.
        var k = river.tokens.lowerBound - 1
        if lower[k] == Word.the { k -= 1 }
        guard k >= 0, lower[k] == Word.into,
              let tributary = mentions.last(where: { $0.tokens.upperBound < k && $0.place.kind == .river && $0.place.id != river.place.id })
        else { return nil }
        func bare(_ name: String) -> String { name.replacing(" River", with: "").replacing(" river", with: "") }
        let t = bare(tributary.place.name), r = bare(river.place.name)
        for name in ["\(t)-\(r) confluence", "\(t) confluence", "mouth of the \(t)", "\(t) mouth"] {
            if let place = placesNamed(name).first(where: { $0.kind == .confluence }) {
                var m = river
                m.place = place
                m.span.text = "the \(river.span.text) where the \(tributary.span.text) flows into it"
                return m
            }
        }
        return nil
    }

    private func claim(_ kind: Claim.Kind, _ s: Int, phrase: ClosedRange<Int>, subject: PlaceMention?, actor: Actor?, hedged: Bool,
                       _ fill: (inout Claim) -> Void) -> Claim {
        var c = Claim(kind: kind, quote: sentenceSpan(s), phrase: span(bytes: tokens[phrase.lowerBound].start..<tokens[phrase.upperBound].end),
                      subject: subject?.place, subjectText: subject?.span.text, reference: nil, referenceText: nil, claimedMeters: nil,
                      claimedDirection: nil, claimedBank: nil, claimedSquareKilometres: nil, isHedged: hedged, actor: actor,
                      document: report.document, date: report.published)
        fill(&c)
        return c
    }

    /// The place right after "of"/"from" at token `k`: a named one, or "the provincial
    /// capital" (the city named like the last province mentioned). Nil place with text when
    /// the words name no place the gazetteer knows.
    private func referencePlace(after k: Int, in range: Range<Int>, mentions: ArraySlice<PlaceMention>, capitalOf: (Place) -> Place?) -> (Place?, String, Int)? {
        var j = k + 1
        while j < range.upperBound, Lexicon.determiners.contains(lower[j]) { j += 1 }
        guard j < range.upperBound else { return nil }
        if let m = mentions.first(where: { $0.tokens.lowerBound == j }) { return (m.place, m.span.text, m.tokens.upperBound) }
        // "5km northeast of the city": the place of that kind the report named last before it.
        if j > k + 1, lower[j - 1] == Word.the, let kinds = Document.genericNouns[lower[j]],
           let m = self.mentions.last(where: { $0.tokens.upperBound < j && kinds.contains($0.place.kind) }) {
            return (m.place, "the " + word(j) + " (" + m.span.text + ")", j)
        }
        if j + 1 < range.upperBound, lower[j] == Word.provincial, lower[j + 1] == Word.capital {
            let province = self.mentions.last { $0.tokens.lowerBound < j && $0.place.kind == .province }
            return (province.flatMap { capitalOf($0.place) }, string(bytes: tokens[j].start..<tokens[j + 1].end), j + 1)
        }
        return nil
    }

    /// The compass direction the words at bytes `r` name: "South-eastern" is "southeast".
    func compassName(bytes r: Range<Int>) -> String {
        let words = UnsafeBufferPointer(rebasing: text[r])
        guard words.allSatisfy({ $0 < 0x80 }) else {
            return string(bytes: r).lowercased().replacing("-", with: "").replacing("ern", with: "")
        }
        // Compass words are ASCII, where bytes are characters: the same edit on bytes, in the
        // new string's own buffer.
        return String(unsafeUninitializedCapacity: words.count) { out in
            var n = 0
            for b in words where b != UInt8(ascii: "-") { out[n] = TextLayout.asciiLowercased(b); n += 1 }
            // Each "ern", left to right, is dropped.
            var kept = 0, k = 0
            while k < n {
                if k + 3 <= n, out[k] == UInt8(ascii: "e"), out[k + 1] == UInt8(ascii: "r"), out[k + 2] == UInt8(ascii: "n") { k += 3; continue }
                out[kept] = out[k]; kept += 1; k += 1
            }
            return kept
        }
    }
}
