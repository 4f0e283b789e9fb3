import Testing
import Places

/// A name the gazetteer does not know throws `.unknown` with the closest known names; an
/// empty one throws `.empty`. Neither traps.
@Suite("Unknown names get suggestions")
struct UnknownNamesGetSuggestions {
    /// Outcome of resolving, for asserting on errors without a crash.
    static func outcome(_ query: String) throws -> Result<Resolution, ResolutionError> {
        let gazetteer = try repositoryGazetteer()
        return Result { () throws(ResolutionError) -> Resolution in try gazetteer.resolve(query) }
    }

    @Test("A name like nothing in the gazetteer is unknown, with no suggestions")
    func nonsenseIsUnknown() throws {
        #expect(throws: ResolutionError.unknown("Xyzzyville", suggestions: [])) {
            try repositoryGazetteer().resolve("Xyzzyville")
        }
        let error = ResolutionError.unknown("Xyzzyville", suggestions: [])
        #expect(error.description.contains("Xyzzyville"))
        #expect(error.description.contains("LAT,LON"))
    }

    @Test("The unknown name is reported as typed, without surrounding whitespace")
    func unknownNameIsEchoed() throws {
        guard case .failure(.unknown(let name, _)) = try Self.outcome("  Xyzzyville \t") else {
            Issue.record("expected .unknown"); return
        }
        #expect(name == "Xyzzyville")
    }

    /// Misspellings that no rule repairs (each checked unknown: `misspellingIsUnknown`),
    /// and the place the suggestions must lead back to.
    static let misspellings: [(query: String, id: String)] = [
        ("Deir ez-Zorx", "geonames:170794"),
        ("Deir ez-Zorb", "geonames:170794"),
        ("Mayadim", "geonames:173480"),
        ("Raqqaz", "geonames:172955"),
        ("Hasakat", "geonames:173811"),
        ("Albukamap", "geonames:174448"),
        // (Not "Palmira": that is a GeoNames alternate name of Palmyra, so it resolves.)
        ("Palmyrx", "geonames:163808"),
        ("Euphratez", "euphrates"),
    ]

    @Test("A close misspelling is unknown but suggests the right place", arguments: misspellings)
    func misspellingSuggestsThePlace(query: String, id: String) throws {
        let gazetteer = try repositoryGazetteer()
        guard case .failure(.unknown(let name, let suggestions)) = try Self.outcome(query) else {
            Issue.record("'\(query)' should be unknown"); return
        }
        #expect(name == query)
        #expect(!suggestions.isEmpty)
        #expect(suggestions.count <= 3)
        // A suggestion is a name the gazetteer knows: resolving it leads back to the place.
        let leadsBack = suggestions.contains { (try? gazetteer.resolve($0).best.place.id) == id }
        #expect(leadsBack, "suggestions for '\(query)': \(suggestions)")
        #expect(ResolutionError.unknown(name, suggestions: suggestions).description.contains("did you mean"))
    }

    @Test("The suggestions in the error are those of suggestions(for:)", arguments: misspellings.map(\.query))
    func errorCarriesTheSuggestions(query: String) throws {
        let gazetteer = try repositoryGazetteer()
        guard case .failure(.unknown(_, let suggestions)) = try Self.outcome(query) else {
            Issue.record("'\(query)' should be unknown"); return
        }
        #expect(suggestions == gazetteer.suggestions(for: query))
    }

    @Test("Suggestions are distinct, at most three, closest first")
    func suggestionLimit() throws {
        let gazetteer = try repositoryGazetteer()
        let suggestions = gazetteer.suggestions(for: "Hasakat")
        #expect(Set(suggestions).count == suggestions.count)
        #expect((1...3).contains(suggestions.count))
        #expect(gazetteer.suggestions(for: "Deir ez-Zorx").first == "Deir ez-Zor")
        #expect(gazetteer.suggestions(for: "").isEmpty)
        #expect(gazetteer.suggestions(for: " - ").isEmpty)
    }

    @Test("Empty or blank input is .empty", arguments: ["", " ", "   ", "\t", "\n", " \t\n ", "-", "’", " - ’ "])
    func blankIsEmpty(query: String) throws {
        let gazetteer = try repositoryGazetteer()
        #expect(throws: ResolutionError.empty) { try gazetteer.resolve(query) }
        #expect(ResolutionError.empty.description == "no place name given")
    }

    @Test("Hostile input never traps", arguments: [
        String(repeating: "a", count: 10_000), String(repeating: "Deir ez-Zor ", count: 500), "\u{0}", "\u{FFFD}\u{FFFD}",
        "🏳️‍🌈", "ديرالزور", "province", " city", "the", "the ", "al", "Al-", "ⅫⅫ", "\u{301}\u{301}",
    ])
    func hostileInputDoesNotTrap(query: String) throws {
        // Any outcome is fine as long as it is a value or a ResolutionError.
        switch try Self.outcome(query) {
        case .success(let r): #expect(!r.candidates.isEmpty)
        case .failure: break
        }
    }
}
