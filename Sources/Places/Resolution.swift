import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geography
import Geodesy

/// What the surrounding text says about where a name is likely to be: the countries and
/// provinces of the other places mentioned, and a point near which it should be.
public struct ResolutionContext: Sendable {
    /// Weight per ISO country code (0...1).
    public var countries: [String: Double]
    /// Weight per province (GeoNames admin1 name).
    public var provinces: [String: Double]
    /// A point the place is expected near (the centre of the other places).
    public var near: Coordinate?

    public init(countries: [String: Double] = [:], provinces: [String: Double] = [:], near: Coordinate? = nil) {
        self.countries = countries; self.provinces = provinces; self.near = near
    }

    /// No context: ranking by prominence alone.
    public static let none = ResolutionContext()

    /// The war this tool is about: Syria first, then Iraq. Used when nothing else is known.
    public static let region = ResolutionContext(countries: ["SY": 1, "IQ": 0.5])
}

/// A place a name may refer to, with why.
public struct Candidate: Sendable {
    public var place: Place
    /// The place's name that matched the query.
    public var matchedName: String
    /// The normaliser rules that made the query equal that name (empty: exact, or not
    /// explained: see `Gazetteer.resolve(_:context:explain:)`).
    public var rules: [NameRule]
    /// The ranking score: prominence, population, context.
    public var score: Double
}

/// The answer to "which place is this name?".
public struct Resolution: Sendable {
    public var query: String
    /// Best first.
    public var candidates: [Candidate]
    public var best: Candidate { candidates[0] }
    /// True when another place of the same sort (two settlements, two rivers...) more than
    /// 25 km away ranks close to the best one: the answer may be the wrong place. A city and
    /// its province sharing a name is not ambiguity.
    public var isAmbiguous: Bool {
        let best = candidates[0]
        return candidates.dropFirst().contains { other in
            let sameSort = other.place.kind == best.place.kind || (other.place.kind.isSettlement && best.place.kind.isSettlement)
            guard sameSort, best.score - other.score < 3 else { return false }
            return Geodesic.wgs84.inverse(from: best.place.coordinate, to: other.place.coordinate).distanceMeters > 25_000
        }
    }
}

public enum ResolutionError: Error, CustomStringConvertible, Equatable {
    case empty
    case unknown(String, suggestions: [String])

    public var description: String {
        switch self {
        case .empty: return "no place name given"
        case .unknown(let name, let suggestions):
            if suggestions.isEmpty { return "unknown place '\(name)': not in the gazetteer (try another spelling, or LAT,LON)" }
            return "unknown place '\(name)'; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
        }
    }
}

extension Gazetteer {
    /// Resolves a name to ranked candidate places. Trailing qualifiers narrow the kind:
    /// "Deir ez-Zor province", "Deir ez-Zor city", "the Khabur river".
    ///
    /// With `explain` (the default) each candidate says which of its names matched and by
    /// which rules; without, `matchedName` is the closest spelling and `rules` is empty,
    /// which is several times faster for bulk work.
    public func resolve(_ query: String, context: ResolutionContext = .region, explain: Bool = true) throws(ResolutionError) -> Resolution {
        var text = query.trimmingWhitespace
        guard !text.isEmpty, !NameNormalizer.key(text).isEmpty else { throw .empty }
        if text.lowercased().hasPrefix("the ") { text = String(text.dropFirst(4)).trimmingWhitespace }

        var found: [(place: Place, asked: String, names: [String])] = placesAndNames(forKey: NameNormalizer.key(text)).map { ($0.place, text, $0.names) }
        if let (stripped, kinds) = Gazetteer.qualifier(in: text) {
            // "Deir ez-Zor province": places of that kind named "Deir ez-Zor", after any place
            // whose own name carries the qualifier (which explains the match best).
            for (place, names) in placesAndNames(forKey: NameNormalizer.key(stripped)) where kinds.contains(place.kind) && !found.contains(where: { $0.place.id == place.id }) {
                found.append((place, stripped, names))
            }
        }
        guard !found.isEmpty else { throw .unknown(query.trimmingWhitespace, suggestions: suggestions(for: text)) }

        var candidates: [Candidate] = []
        for (place, asked, names) in found {
            var matched: String, rules: [NameRule]
            if explain {
                // Of the place's names with the same key, the one that needs the fewest rules.
                matched = names[0]
                rules = NameNormalizer.explain(asked, matches: names[0]) ?? NameRule.allCases
                for name in names.dropFirst() where !rules.isEmpty {
                    if let r = NameNormalizer.explain(asked, matches: name),
                       r.count < rules.count || (r.count == rules.count && r.last ?? .caseFolding < rules.last ?? .caseFolding) {
                        matched = name; rules = r
                    }
                }
            } else {
                // The closest in spelling, unexplained: the fast path for bulk lookups.
                let lower = Array(asked.lowercased().utf8)
                matched = names.min { a, b in
                    let da = editDistance(lower, Array(a.lowercased().utf8)), db = editDistance(lower, Array(b.lowercased().utf8))
                    return da != db ? da < db : a < b
                }!
                rules = []
            }
            candidates.append(Candidate(place: place, matchedName: matched, rules: rules, score: score(place, context: context)))
        }
        // Qualified matches keep their lead; within each group the score decides.
        let qualifiedKinds = Gazetteer.qualifier(in: text)?.1
        candidates.sort { a, b in
            if let kinds = qualifiedKinds {
                let ia = kinds.contains(a.place.kind), ib = kinds.contains(b.place.kind)
                if ia != ib { return ia }
            }
            if a.score != b.score { return a.score > b.score }
            return a.place.id < b.place.id
        }
        return Resolution(query: query, candidates: candidates)
    }

    /// Ranking: the kind's prominence, population (log scale), curated entries (someone
    /// checked them), and the context's countries, provinces and proximity.
    public func score(_ place: Place, context: ResolutionContext) -> Double {
        let s = scoreApartFromProximity(place, context: context)
        guard let near = context.near else { return s }
        return s + Gazetteer.proximityScore(near: near, point: place.coordinate)
    }

    /// What proximity to `near` adds to the score of a place at `point`: strong enough that
    /// the village next door beats a bigger town 80 km away.
    public static func proximityScore(near: Coordinate, point: Coordinate) -> Double {
        let km = Geodesic.wgs84.inverse(from: near, to: point).distanceMeters / 1000
        return maximumProximityScore * exp(-km / 75)
    }

    /// `score(_:context:)` without the proximity term, which it adds last and which is at
    /// most `maximumProximityScore`: so `scoreApartFromProximity + maximumProximityScore`
    /// bounds the score from above (floating-point addition is monotonic) without a
    /// geodesic, and a caller choosing the best of many places can skip the hopeless ones.
    public func scoreApartFromProximity(_ place: Place, context: ResolutionContext) -> Double {
        Gazetteer.scoreApartFromProximity(standing: standing(of: place), country: place.country, province: place.province, context: context)
    }

    /// The part of a score that is the place's own, whatever the context: its kind's
    /// prominence, its population (log scale), and whether someone curated it.
    public func standing(of place: Place) -> Double {
        var s = place.kind.prominence
        if let p = place.population, p > 0 { s += log10(Double(p)) * 0.6 }
        if isCurated(place) { s += 1 }
        return s
    }

    /// `scoreApartFromProximity` of a place of this standing, country and province: the
    /// context's countries and provinces added to its standing, in that order.
    public static func scoreApartFromProximity(standing: Double, country: String?, province: String?, context: ResolutionContext) -> Double {
        scoreApartFromProximity(standing: standing, countryWeight: country.map { context.countries[$0] ?? 0 },
                                provinceWeight: province.map { context.provinces[$0] ?? 0 })
    }

    /// The same from the context's weights of the place's country and province (nil: the
    /// place has none), for callers that keep the context their own way.
    @inline(__always)
    public static func scoreApartFromProximity(standing: Double, countryWeight: Double?, provinceWeight: Double?) -> Double {
        var s = standing
        if let c = countryWeight { s += 3 * c }
        if let p = provinceWeight { s += 2 * p }
        return s
    }

    /// The most that proximity to `ResolutionContext.near` adds to a score.
    public static let maximumProximityScore = 4.0

    /// At least what proximity to `near` adds to the score of a place at `point`, without a
    /// geodesic (`proximityScoreBound(near:point:)` of their `proximityDirection`s).
    public static func proximityScoreBound(near: Coordinate, point: Coordinate) -> Double {
        proximityScoreBound(near: proximityDirection(of: near), point: proximityDirection(of: point))
    }

    /// At most what proximity to `near` adds to the score of a place at `point`, without a
    /// geodesic (`proximityScoreFloor(near:point:)` of their `proximityDirection`s).
    public static func proximityScoreFloor(near: Coordinate, point: Coordinate) -> Double {
        proximityScoreFloor(near: proximityDirection(of: near), point: proximityDirection(of: point))
    }

    /// Where a point of the WGS84 ellipsoid comes from on the unit sphere, as a unit vector:
    /// the ellipsoid is that sphere stretched by a in the equator's plane and by b along the
    /// axis, and the point at geodetic latitude φ is the image of the sphere's point at the
    /// reduced latitude β, tan β = (1 − f) tan φ. Worked out once per place. A stretch makes no
    /// path longer than a times nor shorter than b times what it was, so the geodesic between
    /// two points lies between b and a times the angle between their directions: within a
    /// third of a percent, enough to tell most of a name's places apart without a geodesic.
    public static func proximityDirection(of c: Coordinate) -> SIMD3<Double> {
        let phi = c.latitude * .pi / 180, lambda = c.longitude * .pi / 180
        // atan2 holds at the poles, where tan φ does not.
        let beta = atan2((1 - wgs84Flattening) * sin(phi), cos(phi))
        return SIMD3(cos(beta) * cos(lambda), cos(beta) * sin(lambda), sin(beta))
    }

    /// At least what proximity adds between two places given by their `proximityDirection`s,
    /// with no trigonometry: the geodesic is at least b times their angle, which is at least
    /// their chord. Relative margins cover the rounding here, of `exp` and of the geodesic.
    @inline(__always)
    public static func proximityScoreBound(near: SIMD3<Double>, point: SIMD3<Double>) -> Double {
        let d = near - point
        let chord = (d * d).sum().squareRoot()
        let km = max(0, chord * polarRadiusKm * (1 - 1e-9) - 1e-6)
        // Most of a world name's places are thousands of km away: one bound for them all.
        if km > farKm { return farBound }
        return min(maximumProximityScore, maximumProximityScore * exp(-km / 75) * (1 + 1e-9))
    }

    /// Beyond `farKm`, proximity adds less than `farBound` (4 e^-40, about 2e-17).
    private static let farKm = 3000.0
    private static let farBound = maximumProximityScore * exp(-farKm / 75) * (1 + 1e-9)

    /// At most what proximity adds between two places given by their `proximityDirection`s:
    /// the geodesic is at most a times their angle.
    public static func proximityScoreFloor(near: SIMD3<Double>, point: SIMD3<Double>) -> Double {
        let d = near - point
        let chord = (d * d).sum().squareRoot()
        // The angle is 2 asin(c/2), at most c / √(1 − c²/4) (asin x ≤ x / √(1 − x²)); at the
        // antipode, π.
        let angle = chord < 1.99 ? min(Double.pi, chord / (1 - chord * chord / 4).squareRoot()) : Double.pi
        let km = angle * equatorialRadiusKm * (1 + 1e-9) + 1e-6
        return maximumProximityScore * exp(-km / 75) * (1 - 1e-9)
    }

    /// WGS84, which proximity is measured on (`Geodesic.wgs84`): a, f and b = a(1 − f).
    private static let equatorialRadiusKm = 6378.137
    private static let wgs84Flattening = 1 / 298.257223563
    private static let polarRadiusKm = equatorialRadiusKm * (1 - wgs84Flattening)

    static let qualifiers: [(String, [PlaceKind])] = [
        ("province", [.province]), ("governorate", [.province]),
        ("city", [.city, .town]), ("town", [.town, .city, .village]), ("village", [.village, .town]),
        ("river", [.river]), ("valley", [.valley]), ("oil field", [.oilField]), ("oilfield", [.oilField]),
        ("gas field", [.gasField]), ("airport", [.airport]), ("base", [.base]), ("district", [.district]),
    ]

    /// "Deir ez-Zor province" → ("Deir ez-Zor", [.province]).
    static func qualifier(in text: String) -> (String, [PlaceKind])? {
        let lower = text.lowercased()
        for (word, kinds) in qualifiers where lower.hasSuffix(" " + word) {
            let stripped = String(text.dropLast(word.count + 1)).trimmingWhitespace
            if !stripped.isEmpty { return (stripped, kinds) }
        }
        return nil
    }

    /// The closest known names to an unknown one, by edit distance between keys.
    public func suggestions(for query: String, limit: Int = 3) -> [String] {
        let key = Array(NameNormalizer.key(query).utf8)
        guard !key.isEmpty else { return [] }
        let budget = max(1, min(3, key.count / 3))
        var closest: [Int: (distance: Int, name: [UInt8])] = [:]
        let builder = NameKeyBuilder()
        forEachName { number, utf8 in
            guard utf8.count + 6 >= key.count else { return }
            let c = builder.key(utf8)
            guard abs(c.count - key.count) <= budget, let d = boundedLevenshtein(key, c, limit: budget) else { return }
            if let known = closest[number], known.distance <= d { return }
            closest[number] = (d, Array(utf8))
        }
        var best: [(distance: Int, score: Double, name: String)] = closest.map { number, match in
            (match.distance, score(place(at: number), context: .region), String(decoding: match.name, as: UTF8.self))
        }
        best.sort { $0.distance != $1.distance ? $0.distance < $1.distance : ($0.score != $1.score ? $0.score > $1.score : $0.name < $1.name) }
        var out: [String] = []
        for b in best where !out.contains(b.name) {
            out.append(b.name)
            if out.count == limit { break }
        }
        return out
    }
}

/// Levenshtein distance, or nil as soon as it must exceed `limit`.
func boundedLevenshtein(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
    if a == b { return 0 }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMin = i
        for j in 1...max(1, b.count) where b.count > 0 {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            rowMin = min(rowMin, current[j])
        }
        if rowMin > limit { return nil }
        swap(&previous, &current)
    }
    let d = previous[b.count]
    return d <= limit ? d : nil
}

/// Plain Levenshtein distance between byte strings.
func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension Gazetteer {
    /// The kinds of place a trailing or leading qualifier word selects ("province" →
    /// provinces; "city" → cities and towns), or nil for a word that is not one.
    /// The qualifier words `kinds(forQualifier:)` knows.
    public static var qualifierWords: [String] { qualifiers.map(\.0) }

    public static func kinds(forQualifier word: String) -> [PlaceKind]? {
        let lower = word.lowercased()
        return qualifiers.first { $0.0 == lower }?.1
    }
}
