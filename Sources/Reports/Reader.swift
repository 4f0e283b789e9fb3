import Geography
import Places

/// Reads reports: finds the places, actors, events and claims in each. Holds a name scanner
/// and caches, so it is not shareable between threads: one reader per task (they can share
/// one `NameTable`).
public final class Reader {
    public let gazetteer: Gazetteer
    let scanner: NameScanner
    /// The places the reader has met, by slot: a place is built and its facts worked out
    /// once, and the hot structures hold slots. `slotOfNumber` maps a gazetteer place number
    /// to its slot (-1: not met yet).
    private var known: [KnownPlace] = []
    private var slotOfNumber: [Int32] = []
    /// Confirmed place slots per name key (hash collisions and unknown keys give []).
    private var slotsByKey: [String: [Int32]] = [:]
    /// The names as written (by `ByteRuns` number: a report names the same places over and
    /// over) and the places of each.
    private var writingRuns = ByteRuns()
    private var writings: [Writing] = []
    private var writingPlaces: [Int32] = []
    /// By slot, what choosing among places reads of each, with its scores in the report being read.
    private var scored: [Scored] = []
    /// By slot, `Gazetteer.proximityDirection` of the place: what bounds its proximity score.
    private var directions: [SIMD3<Double>] = []
    /// The report `Scored.report` refers to: counts reports, and starts over (clearing the
    /// stamps) rather than overflow.
    private var scoreStamp: UInt32 = 0
    /// Countries and provinces by number (`KnownPlace.countryCode`, `provinceCode`): a
    /// report's context is a weight per number, read from arrays, not from dictionaries of strings.
    private var countryCodes: [String: Int32] = [:], provinceCodes: [String: Int32] = [:]
    /// The context's weights by number: the region's (`ResolutionContext.region`) when the
    /// report says nothing of a country, 0 for a province; set per report and put back after.
    private var baseCountryWeights: [Double] = [], countryWeights: [Double] = [], provinceWeights: [Double] = []
    /// How many of a report's one-place names lie in each country and province.
    private var countryTally: [Double] = [], provinceTally: [Double] = []
    private var reportNumber = 0
    /// By the scanner's word number (see `Document.init`), for the scanner's `wordGeneration`.
    private var classOfWord: [Lexicon.WordClass] = []
    private var lowercaseStamps: [Int] = []
    private var wordGeneration = -1
    /// `resolveGeneric` answers by settlement id and phrase.
    private var genericByPlace: [String: Place?] = [:]
    /// `mainSettlement(ofSlots:)`'s counts by slot: all 0 between calls.
    private var settlementCounts: [Int32] = []
    /// `capital(ofProvince:)` answers by province id.
    private var capitalByProvince: [String: Place?] = [:]

    /// A place and what the reader's rules ask of it, whatever the report.
    struct KnownPlace {
        let place: Place
        /// The place's, kept beside it: the hot loops read these without copying the place.
        let coordinate: Coordinate
        let country: String?
        /// `NameNormalizer.spelling` of its name, once asked for.
        var spelling: String?
    }

    /// What choosing among a name's places reads of each (a name can have hundreds), in one
    /// record of 64 bytes: the place's own facts, and its scores in the report being read,
    /// which are the same every time they are asked (a geodesic each), so asked once.
    struct Scored {
        /// The part of the score apart from proximity (`Gazetteer.scoreApartFromProximity`),
        /// the whole score (NaN: not worked out yet), and a bound on the whole
        /// (`Gazetteer.proximityScoreBound` from `directions`; NaN: not worked out yet), valid
        /// in report `report`.
        var apart = 0.0, whole = Double.nan, bound = Double.nan
        /// `Gazetteer.standing(of:)`: the score's part that is the place's own.
        let standing: Double
        /// `Reader.countryCodes` and `provinceCodes` of its country and province (-1: none).
        let countryCode: Int32, provinceCode: Int32
        var report: UInt32 = 0
        let kind: PlaceKind
        let isCurated: Bool
        /// In Syria or Iraq, or of no country.
        let isHome: Bool
        /// 100,000 people or more.
        let isLargeCity: Bool
    }

    /// A name as written: its places (`writingPlaces[start..<start + count]`) and, once asked
    /// for, its spelling. The places lie in one flat array, so that handing them out is a
    /// copy of a few numbers, not a reference to count.
    struct Writing {
        let start: Int32, count: Int32
        var spelling: String?
    }

    public init(gazetteer: Gazetteer, table: NameTable? = nil) {
        self.gazetteer = gazetteer
        self.scanner = NameScanner(table: table ?? NameTable(gazetteer))
    }

    /// Everything the report says that the reader understands. The text must be under 4 GB
    /// (`ReportReader.maximumBytes`; files that are not are refused when read).
    public func read(_ report: Report) -> Extraction {
        // A native string's own bytes when it has them, else a copy.
        if let x = report.text.utf8.withContiguousStorageIfAvailable({ read(report, $0) }) { return x }
        return Array(report.text.utf8).withUnsafeBufferPointer { read(report, $0) }
    }

    private func read(_ report: Report, _ text: UnsafeBufferPointer<UInt8>) -> Extraction {
        reportNumber += 1
        // A name in lower case is kept only if a curated place bears it (`filterMatch`,
        // `keeps`); with a world gazetteer most windows that match are such words.
        let matches = scanner.scan(text, lowercase: .curatedNamesOnly)
        // Facts about words by the scanner's word number, found once per word.
        if scanner.wordGeneration != wordGeneration {
            wordGeneration = scanner.wordGeneration
            classOfWord.removeAll(keepingCapacity: true)
            lowercaseStamps.removeAll(keepingCapacity: true)
        }
        if classOfWord.count < scanner.wordCount {
            let table = Lexicon.wordClasses
            for w in classOfWord.count..<scanner.wordCount { classOfWord.append(table[scanner.lowerHash(ofWord: w)] ?? []) }
            lowercaseStamps += repeatElement(0, count: scanner.wordCount - lowercaseStamps.count)
        }
        let tokenWords = scanner.tokenWords, classOfWord = self.classOfWord
        let phrases = TextLayout.furniturePhraseStarts(tokens: scanner.tokens, lower: scanner.lowerHashes) {
            classOfWord[Int(tokenWords[$0])].contains(.furniturePhraseStart)
        }
        let layout = TextLayout(text, furniturePhrases: phrases)
        var document = Document(report: report, text: text, layout: layout, matches: matches, scanner: scanner, classOfWord: classOfWord,
                                lowercaseStamps: &lowercaseStamps, reportStamp: reportNumber)
        document.findActors()
        let mentionSlots = findPlaces(&document)
        Reader.nameTheArmy(&document)
        document.bindPeople()
        // A generic reference resolves the same way throughout a report: once per phrase.
        // It goes through the report's most mentioned settlement, found once when first asked.
        var generic: [String: Place?] = [:]
        var main: Place??
        func resolve(_ phrase: String) -> Place? {
            if let known = generic[phrase] { return known }
            if main == nil { main = self.mainSettlement(ofSlots: mentionSlots) }
            let found = main!.flatMap { self.resolveGeneric(phrase, through: $0) }
            generic[phrase] = found
            return found
        }
        let events = document.findEvents(resolveGeneric: resolve, capitalOf: capital(ofProvince:))
        let claims = document.findClaims(resolveGeneric: resolve, capitalOf: capital(ofProvince:),
                                         placesNamed: { self.places(forKey: NameNormalizer.key($0)) })
        return Extraction(report: report, mentions: document.mentions, actors: document.actors, events: events, claims: claims)
    }

    /// "The army" in a report whose places are more Iraqi than Syrian is Iraq's.
    static func nameTheArmy(_ d: inout Document) {
        let bare = d.actors.indices.filter { d.lower[d.actors[$0].tokens.lowerBound] == Word.army }
        guard !bare.isEmpty else { return }
        var syrian = 0, iraqi = 0
        for m in d.mentions {
            if m.place.country == "SY" { syrian += 1 } else if m.place.country == "IQ" { iraqi += 1 }
        }
        guard iraqi > syrian else { return }
        for k in bare { d.actors[k].actor = .iraq }
    }

    /// The slot of place number `n`, building the place the first time.
    private func slot(ofNumber n: Int) -> Int32 {
        if slotOfNumber.isEmpty { slotOfNumber = [Int32](repeating: -1, count: gazetteer.count) }
        if slotOfNumber[n] >= 0 { return slotOfNumber[n] }
        let place = gazetteer.place(at: n)
        let slot = Int32(known.count)
        known.append(KnownPlace(place: place, coordinate: place.coordinate, country: place.country))
        directions.append(Gazetteer.proximityDirection(of: place.coordinate))
        scored.append(Scored(standing: gazetteer.standing(of: place),
                             countryCode: place.country.map { countryCode($0) } ?? -1, provinceCode: place.province.map { provinceCode($0) } ?? -1,
                             kind: place.kind, isCurated: gazetteer.isCurated(place),
                             isHome: place.country.map { ResolutionContext.region.countries[$0] != nil } ?? true,
                             isLargeCity: (place.population ?? 0) >= 100_000))
        slotOfNumber[n] = slot
        return slot
    }

    private func countryCode(_ country: String) -> Int32 {
        if let code = countryCodes[country] { return code }
        let code = Int32(countryCodes.count)
        countryCodes[country] = code
        let base = ResolutionContext.region.countries[country] ?? 0
        baseCountryWeights.append(base); countryWeights.append(base); countryTally.append(0)
        return code
    }

    private func provinceCode(_ province: String) -> Int32 {
        if let code = provinceCodes[province] { return code }
        let code = Int32(provinceCodes.count)
        provinceCodes[province] = code
        provinceWeights.append(0); provinceTally.append(0)
        return code
    }

    /// The writing of the name written in bytes `r` of `text` (its place slots are
    /// `writingPlaces[start..<start + count]`).
    private func writing(_ text: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        let (number, isNew) = writingRuns.number(text, r)
        if isNew {
            let found = slots(forKey: NameNormalizer.key(String(decoding: UnsafeBufferPointer(rebasing: text[r]), as: UTF8.self)))
            writings.append(Writing(start: Int32(writingPlaces.count), count: Int32(found.count)))
            writingPlaces += found
        }
        return number
    }

    private func slots(forKey key: String) -> [Int32] {
        if let known = slotsByKey[key] { return known }
        let found = gazetteer.placeNumbers(forKey: key).map { slot(ofNumber: $0) }
        slotsByKey[key] = found
        return found
    }

    func places(forKey key: String) -> [Place] { slots(forKey: key).map { known[Int($0)].place } }

    /// `NameNormalizer.spelling` of a place's name, worked out once.
    private func spelling(ofSlot slot: Int32) -> String {
        if let s = known[Int(slot)].spelling { return s }
        let s = NameNormalizer.spelling(known[Int(slot)].place.name)
        known[Int(slot)].spelling = s
        return s
    }

    // MARK: Places

    struct RawMention {
        var first: Int, last: Int
        /// The name as written (an index of `writings`), and its candidate place slots:
        /// `findPlaces`' `pool[candidates]`.
        var writing: Int
        var candidates: Range<Int>
        /// What the text's qualifier asks for: `Document.qualifierKindLists[kinds]` (-1: any kind).
        var kinds: Int32
        var lowercase: Bool
        var preferProvince: Bool
    }

    /// Finds the report's place mentions and returns the slot of each one's place.
    private func findPlaces(_ d: inout Document) -> [Int32] {
        // The passes read the document and add mentions at the end: reading an inout
        // document copies it at every call of its methods, and a nested function that
        // captured it would copy it at every call too.
        let doc = d
        var raw: [RawMention] = []
        var countryOfWriting: [Int: String] = [:]
        var matchStarts = [Bool](repeating: false, count: doc.tokens.count)
        var matchTokens = [Bool](repeating: false, count: doc.tokens.count)
        // Every candidate window (a world gazetteer's are millions), so no per-element checks.
        matchStarts.withUnsafeMutableBufferPointer { starts in
            matchTokens.withUnsafeMutableBufferPointer { inside in
                for m in doc.matches {
                    precondition(m.first >= 0 && m.last < inside.count && m.first <= m.last)
                    starts[m.first] = true
                    inside[m.first] = true
                    var t = m.first + 1
                    while t <= m.last { inside[t] = true; t += 1 }
                }
            }
        }
        // Every mention's candidates, back to back: a mention holds a range of this. Room for
        // a few per window at once, not a copy at every doubling.
        var pool: [Int32] = []
        pool.reserveCapacity(doc.matches.count * 4)
        raw.reserveCapacity(doc.matches.count)
        for m in doc.matches {
            guard var r = doc.filterMatch(m, matchStarts: matchStarts, matchTokens: matchTokens) else { continue }
            let writing = self.writing(doc.text, doc.tokens[r.first].start..<doc.tokens[r.last].end)
            let places = Int(writings[writing].start)..<Int(writings[writing].start + writings[writing].count)
            guard !places.isEmpty else { continue }
            if let country = doc.countryNamed(before: r.first) { countryOfWriting[writing] = country }
            let start = pool.count
            if r.kinds >= 0 {
                let kinds = Document.qualifierKindLists[Int(r.kinds)]
                for k in places where kinds.contains(scored[Int(writingPlaces[k])].kind) { pool.append(writingPlaces[k]) }
            }
            // No place of the kind the text says: all the name's places (one by one: a name has
            // a few, and appending a slice or a buffer of them costs more than the copying).
            if pool.count == start { for k in places { pool.append(writingPlaces[k]) } }
            r.writing = writing
            r.candidates = start..<pool.count
            raw.append(r)
        }
        // "the Yemeni capital Sanaa": that name means a place of that country throughout the
        // report (the headline's "Sanaa" too), or nothing the gazetteer knows.
        if !countryOfWriting.isEmpty {
            raw = raw.compactMap { r in
                guard let country = countryOfWriting[r.writing] else { return r }
                var r = r
                let start = pool.count
                for k in r.candidates where known[Int(pool[k])].country == country { pool.append(pool[k]) }
                r.candidates = start..<pool.count
                return r.candidates.isEmpty ? nil : r
            }
        }
        // Context from the names that can mean one place only: their countries and provinces,
        // each weighted 0.3 + 0.7 × its share of the most named one's (a country at least its
        // weight in `ResolutionContext.region`), and the centre of their points.
        var countries: [Int] = [], provinces: [Int] = []
        var lat = 0.0, lon = 0.0, points = 0
        for r in raw where r.candidates.count == 1 {
            let i = Int(pool[r.candidates.lowerBound])
            if scored[i].countryCode >= 0 {
                let c = Int(scored[i].countryCode)
                if countryTally[c] == 0 { countries.append(c) }
                countryTally[c] += 1
            }
            if scored[i].provinceCode >= 0 {
                let p = Int(scored[i].provinceCode)
                if provinceTally[p] == 0 { provinces.append(p) }
                provinceTally[p] += 1
            }
            let kind = scored[i].kind
            if kind != .country, kind != .river, kind != .province, kind != .region {
                lat += known[i].coordinate.latitude; lon += known[i].coordinate.longitude; points += 1
            }
        }
        let topCountry = countries.lazy.map { self.countryTally[$0] }.max() ?? 1
        for c in countries { countryWeights[c] = max(baseCountryWeights[c], 0.3 + 0.7 * countryTally[c] / topCountry) }
        let topProvince = provinces.lazy.map { self.provinceTally[$0] }.max() ?? 1
        for p in provinces { provinceWeights[p] = 0.3 + 0.7 * provinceTally[p] / topProvince }
        // The next report starts from the region alone.
        defer {
            for c in countries { countryWeights[c] = baseCountryWeights[c]; countryTally[c] = 0 }
            for p in provinces { provinceWeights[p] = 0; provinceTally[p] = 0 }
        }
        let near = points > 0 ? Coordinate(latitude: lat / Double(points), longitude: lon / Double(points)) : nil
        let nearDirection = near.map(Gazetteer.proximityDirection(of:)) ?? .zero

        // A place's score in this report's context is the same every time it is asked (a
        // geodesic distance each), so it is asked once: the part apart from proximity, and
        // the bound and the whole once needed.
        if scoreStamp == UInt32.max {
            for i in scored.indices { scored[i].report = 0 }
            scoreStamp = 0
        }
        scoreStamp += 1
        let stamp = scoreStamp
        func apartScore(_ slot: Int32) -> Double {
            let i = Int(slot)
            if scored[i].report != stamp {
                let (c, p) = (Int(scored[i].countryCode), Int(scored[i].provinceCode))
                let score = Gazetteer.scoreApartFromProximity(standing: scored[i].standing, countryWeight: c >= 0 ? countryWeights[c] : nil,
                                                              provinceWeight: p >= 0 ? provinceWeights[p] : nil)
                scored[i].report = stamp
                scored[i].apart = score
                scored[i].whole = near == nil ? score : .nan
                scored[i].bound = scored[i].whole
            }
            return scored[i].apart
        }
        func wholeScore(_ slot: Int32) -> Double {
            let i = Int(slot)
            _ = apartScore(slot)
            if !scored[i].whole.isNaN { return scored[i].whole }
            // As `Gazetteer.score`: the part apart from proximity, then proximity.
            let whole = scored[i].apart + Gazetteer.proximityScore(near: near!, point: known[i].coordinate)
            scored[i].whole = whole
            // The whole is the best bound of itself.
            scored[i].bound = whole
            return whole
        }
        func boundScore(_ slot: Int32) -> Double {
            let i = Int(slot)
            let apart = apartScore(slot)
            if !scored[i].bound.isNaN { return scored[i].bound }
            let bound = apart + Gazetteer.proximityScoreBound(near: nearDirection, point: directions[i])
            scored[i].bound = bound
            return bound
        }
        func floorScore(_ slot: Int32) -> Double {
            let i = Int(slot)
            let apart = apartScore(slot)
            if !scored[i].whole.isNaN { return scored[i].whole }
            return apart + Gazetteer.proximityScoreFloor(near: nearDirection, point: directions[i])
        }
        var kept: [PlaceMention] = [], keptSlots: [Int32] = []
        kept.reserveCapacity(raw.count)
        keptSlots.reserveCapacity(raw.count)
        // Scratch for scoring, kept across mentions: (slot, bound, bonus).
        var bounded: [(slot: Int32, bound: Double, bonus: Double)] = []
        for (k, r) in raw.enumerated() {
            // Whether the reader keeps place `slot` if it is the best for this name. The tests
            // on the name as written are the same for every candidate: made once, when needed.
            var wordLike: Bool?, writtenSpelling: String?, locative: Bool?
            func keeps(_ slot: Int32) -> Bool {
                let i = Int(slot)
                let isCurated = scored[i].isCurated
                if r.lowercase && !isCurated { return false }
                // Outside Syria and Iraq a town that nobody curated must be written as its own name
                // (not reached through an alternate name or a spelling rule: "Russian" is not
                // Rosian, "Abu" not Bonn), where capitals mean something, not look like an English
                // word or a demonym, and be a real city (100,000 people) or follow "in", "from"...
                // Other places of its country do not vouch for it: world gazetteers are full of
                // small towns named like words and people.
                guard !scored[i].isHome, scored[i].kind != .country, !isCurated else { return true }
                if wordLike == nil {
                    wordLike = !doc.wordClasses[r.first].isDisjoint(with: [.leftNeighbour, .commonWord, .demonym]) || doc.isUncertainCase(r.first)
                        || doc.isThreeCharactersOrFewer(doc.tokens[r.first].start..<doc.tokens[r.last].end)
                }
                if wordLike! { return false }
                if writtenSpelling == nil {
                    if let s = writings[r.writing].spelling {
                        writtenSpelling = s
                    } else {
                        writtenSpelling = NameNormalizer.spelling(doc.string(bytes: doc.tokens[r.first].start..<doc.tokens[r.last].end))
                        writings[r.writing].spelling = writtenSpelling
                    }
                }
                if writtenSpelling! != spelling(ofSlot: slot) { return false }
                if !scored[i].isLargeCity {
                    if locative == nil { locative = doc.followsLocativePreposition(r.first) }
                    if !locative! { return false }
                }
                return true
            }
            // A name none of whose places would be kept needs no choosing.
            guard r.candidates.contains(where: { keeps(pool[$0]) }) else { continue }
            // "X in Y", "X, Y": Y's province or country chooses among X's.
            var hint: Place?
            if k + 1 < raw.count, raw[k + 1].first == r.last + 2 || raw[k + 1].first == r.last + 1 {
                let between = UnsafeBufferPointer(rebasing: doc.text[doc.tokens[r.last].end..<doc.tokens[raw[k + 1].first].start])
                if Reader.hintGaps.contains(where: { gap in gap.count == between.count && zip(gap, between).allSatisfy { $0 == TextLayout.asciiLowercased($1) } }) { hint = known[Int(pool[raw[k + 1].candidates.lowerBound])].place }
            }
            // One candidate needs no score.
            var best = pool[r.candidates.lowerBound]
            if r.candidates.count > 1 {
                // The highest score, ties to the lower id. A score lies between its part apart
                // from proximity plus a floor and plus a bound on what proximity adds (neither
                // needs a geodesic). The candidate with the highest bound wins outright when its
                // floor is above every other bound, as it mostly is; otherwise candidates are
                // tried best bound first and the geodesics stop once no bound reaches the best
                // score so far.
                bounded.removeAll(keepingCapacity: true)
                var lead = 0
                for c in r.candidates {
                    let slot = pool[c]
                    let b = hint == nil && !r.preferProvince ? 0 : bonus(known[Int(slot)].place, hint: hint, preferProvince: r.preferProvince)
                    bounded.append((slot, boundScore(slot) + b, b))
                    if bounded[bounded.count - 1].bound > bounded[lead].bound { lead = bounded.count - 1 }
                }
                var runnerUp = -Double.infinity
                for j in bounded.indices where j != lead { runnerUp = max(runnerUp, bounded[j].bound) }
                if runnerUp < floorScore(bounded[lead].slot) + bounded[lead].bonus {
                    best = bounded[lead].slot
                } else {
                    bounded.sort { $0.bound > $1.bound }
                    var topScore = -Double.infinity
                    for c in bounded {
                        if c.bound < topScore { break }
                        let s = wholeScore(c.slot) + c.bonus
                        if s > topScore || (s == topScore && known[Int(c.slot)].place.id < known[Int(best)].place.id) { best = c.slot; topScore = s }
                    }
                }
            }
            if !keeps(best) { continue }
            var end = doc.tokens[r.last].end
            // "U.S.": the initialism's last dot belongs to it.
            if r.last > r.first, doc.tokens[r.last].gapBefore == .abbreviation, end < doc.text.count, doc.text[end] == UInt8(ascii: ".") { end += 1 }
            keptSlots.append(best)
            kept.append(PlaceMention(place: known[Int(best)].place, span: doc.span(bytes: doc.tokens[r.first].start..<end),
                                     sentence: doc.tokenSentence[r.first], tokens: r.first...r.last))
        }
        // Moved, not copied, when the document had none (it has none before this pass).
        if d.mentions.isEmpty { d.mentions = kept } else { d.mentions += kept }
        return keptSlots
    }

    /// What lies between "X" and "Y" in "X, Y", "X in Y", "X of Y" (ASCII case ignored).
    static let hintGaps: [[UInt8]] = [", ", " in ", " of "].map { Array($0.utf8) }

    private func bonus(_ place: Place, hint: Place?, preferProvince: Bool) -> Double {
        var b = 0.0
        if preferProvince, place.kind == .province { b += 6 }
        if let hint {
            if hint.kind == .province, place.province != nil, NameNormalizer.key(place.province!) == NameNormalizer.key(hint.name) || hint.aliases.contains(where: { NameNormalizer.key($0) == NameNormalizer.key(place.province!) }) { b += 3 }
            if hint.kind == .country, place.country == hint.country { b += 2 }
        }
        return b
    }

    /// The settlement a province is named after ("Deir ez-Zor province" → the city of Deir
    /// ez-Zor), when the gazetteer has one of that name. The answer depends on the province
    /// alone, so it is remembered across reports (a world province has hundreds of names).
    func capital(ofProvince province: Place) -> Place? {
        if let known = capitalByProvince[province.id] { return known }
        let found = province.allNames.lazy.compactMap { name -> Place? in
            let stripped = name.replacing(" province", with: "").replacing(" Province", with: "").replacing(" Governorate", with: "")
            return self.places(forKey: NameNormalizer.key(stripped)).first { $0.kind.isSettlement }
        }.first
        capitalByProvince[province.id] = found
        return found
    }

    /// The settlement mentioned most (ties to the lower id), if any, from the slots of the
    /// mentions' places: counted in an array by slot, not in a dictionary by id.
    private func mainSettlement(ofSlots slots: [Int32]) -> Place? {
        if settlementCounts.count < known.count { settlementCounts += repeatElement(0, count: known.count - settlementCounts.count) }
        var counted: [Int32] = []
        for slot in slots where scored[Int(slot)].kind.isSettlement {
            if settlementCounts[Int(slot)] == 0 { counted.append(slot) }
            settlementCounts[Int(slot)] += 1
        }
        var best: Int32?
        for slot in counted {
            guard let b = best else { best = slot; continue }
            let (c, cb) = (settlementCounts[Int(slot)], settlementCounts[Int(b)])
            if c > cb || (c == cb && known[Int(slot)].place.id < known[Int(b)].place.id) { best = slot }
        }
        for slot in counted { settlementCounts[Int(slot)] = 0 }
        return best.map { known[Int($0)].place }
    }

    /// "the industrial zone", "the military airport": a generic reference resolved through
    /// the report's most mentioned settlement ("Deir ez-Zor industrial zone"). The answer
    /// depends on the settlement and the phrase alone, so it is remembered across reports.
    func resolveGeneric(_ phrase: String, through main: Place) -> Place? {
        let memo = main.id + "\t" + phrase
        if let known = genericByPlace[memo] { return known }
        var found: Place?
        for name in [main.name] + main.aliases.prefix(6) {
            if let p = places(forKey: NameNormalizer.key(name + " " + phrase)).first(where: { $0.kind != .province }) { found = p; break }
        }
        genericByPlace[memo] = found
        return found
    }
}
