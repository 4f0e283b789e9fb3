import FoundationEssentials
import Geography
import Places

/// Reads reports: finds the places, actors, events and claims in each. Holds a name scanner
/// and caches, so it is not shareable between threads: one reader per task (they can share
/// one `NameTable`).
public final class Reader {
    public let gazetteer: Gazetteer
    let scanner: NameScanner
    /// Confirmed places per name key (hash collisions and unknown keys give []).
    private var placesByKey: [String: [Place]] = [:]
    /// The key and places of each name as written, by the FNV-1a hash of its bytes: a report
    /// names the same places over and over. `writings` holds the bytes, to confirm a hit.
    private var byWriting = WordMap<Int>()
    private var writings: [(bytes: [UInt8], key: String, places: [Place])] = []

    public init(gazetteer: Gazetteer, table: NameTable? = nil) {
        self.gazetteer = gazetteer
        self.scanner = NameScanner(table: table ?? NameTable(gazetteer))
    }

    /// Everything the report says that the reader understands.
    public func read(_ report: Report) -> Extraction {
        // A native string's own bytes when it has them, else a copy.
        if let x = report.text.utf8.withContiguousStorageIfAvailable({ read(report, $0) }) { return x }
        return Array(report.text.utf8).withUnsafeBufferPointer { read(report, $0) }
    }

    private func read(_ report: Report, _ text: UnsafeBufferPointer<UInt8>) -> Extraction {
        var document = Document(report: report, text: text, scanner: scanner, gazetteer: gazetteer)
        document.findActors()
        findPlaces(&document)
        document.bindPeople()
        // A generic reference resolves the same way throughout a report: once per phrase.
        var generic: [String: Place?] = [:]
        func resolve(_ phrase: String) -> Place? {
            if let known = generic[phrase] { return known }
            let found = self.resolveGeneric(phrase, in: document)
            generic[phrase] = found
            return found
        }
        let events = document.findEvents(resolveGeneric: resolve)
        let claims = document.findClaims(resolveGeneric: resolve)
        return Extraction(report: report, mentions: document.mentions, actors: document.actors, events: events, claims: claims)
    }

    /// The key of a name as written and its places, remembered by the bytes.
    private func places(written: UnsafeBufferPointer<UInt8>) -> (String, [Place]) {
        var h: UInt64 = 0xcbf29ce484222325
        for b in written { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        if let k = byWriting[h], writings[k].bytes.withUnsafeBufferPointer({ $0.elementsEqual(written) }) {
            return (writings[k].key, writings[k].places)
        }
        let key = NameNormalizer.key(String(decoding: written, as: UTF8.self))
        let found = places(forKey: key)
        // A hash already taken by other bytes keeps its first writing; this one is not remembered.
        if byWriting[h] == nil {
            byWriting[h] = writings.count
            writings.append((Array(written), key, found))
        }
        return (key, found)
    }

    func places(forKey key: String) -> [Place] {
        if let known = placesByKey[key] { return known }
        let found = gazetteer.places(forKey: key)
        placesByKey[key] = found
        return found
    }

    // MARK: Places

    struct RawMention {
        var first: Int, last: Int
        var key: String
        var candidates: [Place]
        var kinds: [PlaceKind]?
        var lowercase: Bool
        var preferProvince: Bool
    }

    private func findPlaces(_ d: inout Document) {
        var raw: [RawMention] = []
        var matchStarts = [Bool](repeating: false, count: d.tokens.count)
        var matchTokens = [Bool](repeating: false, count: d.tokens.count)
        for m in d.matches {
            matchStarts[m.first] = true
            for t in m.first...m.last { matchTokens[t] = true }
        }
        for m in d.matches {
            guard var r = d.filterMatch(m, matchStarts: matchStarts, matchTokens: matchTokens) else { continue }
            let (key, found) = places(written: UnsafeBufferPointer(rebasing: d.text[d.tokens[r.first].start..<d.tokens[r.last].end]))
            var candidates = found
            if let kinds = r.kinds {
                let narrowed = candidates.filter { kinds.contains($0.kind) }
                if !narrowed.isEmpty { candidates = narrowed }
            }
            guard !candidates.isEmpty else { continue }
            r.key = key
            r.candidates = candidates
            raw.append(r)
        }
        // Context from the names that can mean one place only.
        var countries: [String: Double] = [:], provinces: [String: Double] = [:]
        var lat = 0.0, lon = 0.0, points = 0
        for r in raw where r.candidates.count == 1 {
            let p = r.candidates[0]
            if let c = p.country { countries[c, default: 0] += 1 }
            if let pr = p.province { provinces[pr, default: 0] += 1 }
            if p.kind != .country, p.kind != .river, p.kind != .province, p.kind != .region {
                lat += p.coordinate.latitude; lon += p.coordinate.longitude; points += 1
            }
        }
        func normalised(_ w: [String: Double]) -> [String: Double] {
            let top = w.values.max() ?? 1
            return w.mapValues { 0.3 + 0.7 * $0 / top }
        }
        var context = ResolutionContext.region
        for (c, w) in normalised(countries) { context.countries[c] = max(context.countries[c] ?? 0, w) }
        context.provinces = normalised(provinces)
        if points > 0 { context.near = Coordinate(latitude: lat / Double(points), longitude: lon / Double(points)) }

        // Scores per place id: the part apart from proximity, and the whole once asked for.
        var scores: [String: (apart: Double, whole: Double?)] = [:]
        func score(_ p: Place) -> (apart: Double, whole: Double?) {
            if let known = scores[p.id] { return known }
            let s = (gazetteer.scoreApartFromProximity(p, context: context), context.near == nil ? gazetteer.score(p, context: context) : nil)
            scores[p.id] = s
            return s
        }
        func wholeScore(_ p: Place) -> Double {
            if let whole = scores[p.id]?.whole { return whole }
            let whole = gazetteer.score(p, context: context)
            scores[p.id, default: (gazetteer.scoreApartFromProximity(p, context: context), nil)].whole = whole
            return whole
        }
        for (k, r) in raw.enumerated() {
            // "X in Y", "X, Y": Y's province or country chooses among X's.
            var hint: Place?
            if k + 1 < raw.count, raw[k + 1].first == r.last + 2 || raw[k + 1].first == r.last + 1 {
                let between = d.string(bytes: d.tokens[r.last].end..<d.tokens[raw[k + 1].first].start).lowercased()
                if between == ", " || between == " in " || between == " of " { hint = raw[k + 1].candidates.first }
            }
            // One candidate needs no score; a place's score in this report's context is the same
            // every time it is asked (a geodesic distance each), so it is asked once.
            let best: Place
            if r.candidates.count == 1 {
                best = r.candidates[0]
            } else {
                // The highest score, ties to the lower id. A score is at most its part apart from
                // proximity plus the most proximity adds: candidates are tried best bound first
                // and the geodesics stop once no bound reaches the best score so far.
                let bounded = r.candidates.map { p -> (place: Place, bound: Double, bonus: Double) in
                    let b = bonus(p, hint: hint, preferProvince: r.preferProvince)
                    let s = score(p)
                    return (p, (s.whole ?? s.apart + Gazetteer.maximumProximityScore) + b, b)
                }.sorted { $0.bound > $1.bound }
                var top = bounded[0].place, topScore = -Double.infinity
                for c in bounded {
                    if c.bound < topScore { break }
                    let s = wholeScore(c.place) + c.bonus
                    if s > topScore || (s == topScore && c.place.id < top.id) { top = c.place; topScore = s }
                }
                best = top
            }
            if r.lowercase && !gazetteer.isCurated(best) { continue }
            // Outside Syria and Iraq a town that nobody curated must be written as its own name
            // (not reached through an alternate name or a spelling rule: "Russian" is not
            // Rosian, "Abu" not Bonn), where capitals mean something, not look like an English
            // word or a demonym, and be a real city (100,000 people) or follow "in", "from"...
            // Other places of its country do not vouch for it: world gazetteers are full of
            // small towns named like words and people.
            let home = best.country.map { ResolutionContext.region.countries[$0] != nil } ?? true
            if !home, best.kind != .country, !gazetteer.isCurated(best) {
                let written = d.string(bytes: d.tokens[r.first].start..<d.tokens[r.last].end)
                let firstWord = d.lower[r.first]
                let wordLike = Lexicon.leftNeighbours.contains(firstWord) || Lexicon.commonWords.contains(firstWord)
                    || Document.demonyms.contains(firstWord) || written.count <= 3 || d.isUncertainCase(r.first)
                if wordLike || NameNormalizer.spelling(written) != NameNormalizer.spelling(best.name) { continue }
                if (best.population ?? 0) < 100_000, !d.followsLocativePreposition(r.first) { continue }
            }
            var end = d.tokens[r.last].end
            // "U.S.": the initialism's last dot belongs to it.
            if r.last > r.first, d.tokens[r.last].gapBefore == .abbreviation, end < d.text.count, d.text[end] == UInt8(ascii: ".") { end += 1 }
            d.mentions.append(PlaceMention(place: best, span: d.span(bytes: d.tokens[r.first].start..<end),
                                           sentence: d.tokenSentence[r.first], tokens: r.first...r.last))
        }
    }

    private func bonus(_ place: Place, hint: Place?, preferProvince: Bool) -> Double {
        var b = 0.0
        if preferProvince, place.kind == .province { b += 6 }
        if let hint {
            if hint.kind == .province, place.province != nil, NameNormalizer.key(place.province!) == NameNormalizer.key(hint.name) || hint.aliases.contains(where: { NameNormalizer.key($0) == NameNormalizer.key(place.province!) }) { b += 3 }
            if hint.kind == .country, place.country == hint.country { b += 2 }
        }
        return b
    }

    /// "the industrial zone", "the military airport": a generic reference resolved through
    /// the report's most mentioned settlement ("Deir ez-Zor industrial zone").
    func resolveGeneric(_ phrase: String, in d: Document) -> Place? {
        var counts: [String: (Int, Place)] = [:]
        for m in d.mentions where m.place.kind.isSettlement {
            counts[m.place.id, default: (0, m.place)].0 += 1
        }
        guard let main = counts.values.max(by: { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.id > $1.1.id })?.1 else { return nil }
        for name in [main.name] + main.aliases.prefix(6) {
            let found = places(forKey: NameNormalizer.key(name + " " + phrase))
            if let p = found.first(where: { $0.kind != .province }) { return p }
        }
        return nil
    }
}
