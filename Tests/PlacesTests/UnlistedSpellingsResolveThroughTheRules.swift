import Testing
import Places

/// Spellings that appear nowhere in the data still find their place, through the
/// normaliser's rules, and the candidate says which rules made the match.
///
/// Each spelling was checked absent from both Gazetteer/geonames.tsv and
/// Gazetteer/places.tsv with `grep -ci -F` (case-insensitive, fixed string): zero hits,
/// except "DEIR EZ ZOR", which is absent only as written (the data has "Deir ez Zor": it
/// is the case-folding example). `spellingIsAbsentFromTheData` re-checks this on every
/// run, so a data change that adds one of them turns this file red instead of silently
/// turning a rule test into an exact-match test.
@Suite("Unlisted spellings resolve through the rules")
struct UnlistedSpellingsResolveThroughTheRules {
    struct Case: Sendable, CustomTestStringConvertible {
        var spelling: String
        var id: String
        /// The place's name (canonical, alias or GeoNames alternate) that the spelling
        /// matches with the fewest rules: the candidate's `matchedName`.
        var matched: String
        /// `NameNormalizer.explain(spelling, matches: matched)`: the minimal set of rules,
        /// found by dropping, in pipeline order, every rule the match can do without (so
        /// when two rules could each do the job, the later one is named).
        var rules: [NameRule]
        var testDescription: String { spelling }
    }

    // Each `rules` was worked out by hand from the rule definitions, not copied from the
    // output. Where a spelling was chosen for one rule but an alias spares it that rule,
    // the note says so.
    static let cases: [Case] = [
        // ai → i and oo → u; "el-" as written in the alias, so no article rule.
        Case(spelling: "Dair el-Zoor", id: "geonames:170794", matched: "Deir el-Zour", rules: [.vowels]),
        // oo/ou → u needs the vowels rule (undoubling "zoor" gives "zor", not "zour").
        Case(spelling: "Deir el Zoor", id: "geonames:170794", matched: "Deir el-Zour", rules: [.separators, .vowels]),
        Case(spelling: "DEIR EZ ZOR", id: "geonames:170794", matched: "Deir ez Zor", rules: [.caseFolding]),
        // ez- and el- are both dropped; the hyphen before "Zour" is the same in both.
        Case(spelling: "Deir-ez-Zour", id: "geonames:170794", matched: "Deir el-Zour", rules: [.article]),
        Case(spelling: "dayr al zawr", id: "geonames:170794", matched: "Dayr al-Zawr", rules: [.caseFolding, .separators]),
        // The alias "Deir Ezzor" carries the joined article already: only ou → u is left.
        Case(spelling: "Deir Ezzour", id: "geonames:170794", matched: "Deir Ezzor", rules: [.vowels]),
        Case(spelling: "Dair Ezzor", id: "geonames:170794", matched: "Deir Ezzor", rules: [.vowels]),
        // One rule each against "Deyr-el-Zor" (article) and "Deir al-Zor" (vowels): the
        // tie goes to the earlier rule.
        Case(spelling: "Deyr al-Zor", id: "geonames:170794", matched: "Deyr-el-Zor", rules: [.article]),
        Case(spelling: "Deir ez-Zōr", id: "geonames:170794", matched: "Deir ez-Zor", rules: [.diacritics]),
        Case(spelling: "Al Boukamal", id: "geonames:174448", matched: "Boukamal", rules: [.article]),
        // "abou" → "abu" by the vowel rule: the abu/albu rule is not needed.
        Case(spelling: "Abou Kamal", id: "geonames:174448", matched: "Abu Kamal", rules: [.vowels]),
        // "Bu Kamal" vs "Bukamal": the space, and the capital K.
        Case(spelling: "Al Bu Kamal", id: "geonames:174448", matched: "Albu Kamal", rules: [.caseFolding, .separators]),
        Case(spelling: "Raqqeh", id: "geonames:172955", matched: "Raqqa", rules: [.finalVowel]),
        Case(spelling: "Rakkeh", id: "geonames:172955", matched: "Rakka", rules: [.finalVowel]),
        Case(spelling: "Hassaka", id: "geonames:173811", matched: "Hasaka", rules: [.doubledLetters]),
        Case(spelling: "Hasakke", id: "geonames:173811", matched: "Hassake", rules: [.doubledLetters]),
        // "Hassakeh" (article) and "al-Hasakeh" (doubled letters): the earlier rule wins.
        Case(spelling: "al-Hassakeh", id: "geonames:173811", matched: "Hassakeh", rules: [.article]),
        Case(spelling: "Ḩasakeh", id: "geonames:173811", matched: "Hasakeh", rules: [.diacritics]),
        Case(spelling: "El Mayadin", id: "geonames:173480", matched: "Mayadin", rules: [.article]),
        Case(spelling: "El-Mayadeen", id: "geonames:173480", matched: "Mayadeen", rules: [.article]),
        Case(spelling: "ʿUqayribat", id: "geonames:162803", matched: "Uqayribat", rules: [.diacritics]),
        Case(spelling: "Tadmour", id: "geonames:163808", matched: "Tadmur", rules: [.vowels]),
        Case(spelling: "Qamishlee", id: "geonames:173377", matched: "Qamishli", rules: [.vowels]),
        Case(spelling: "Hajeene", id: "geonames:174506", matched: "Hajine", rules: [.vowels]),
        Case(spelling: "el Busaira", id: "geonames:173927", matched: "Busaira", rules: [.article]),
        Case(spelling: "Raqqeh province", id: "raqqa_province", matched: "Raqqa province", rules: [.finalVowel]),
    ]

    @Test("The spelling really is absent from both TSV files", arguments: cases)
    func spellingIsAbsentFromTheData(_ c: Case) {
        #expect(!RawGazetteerText.all.isEmpty, "could not read the gazetteer TSV files")
        #expect(!RawGazetteerText.all.contains(c.spelling))
    }

    @Test("An unlisted spelling resolves to the place it means", arguments: cases)
    func unlistedSpellingResolves(_ c: Case) throws {
        let best = try repositoryGazetteer().resolve(c.spelling).best
        #expect(best.place.id == c.id, "'\(c.spelling)' → \(best.place.id) (\(best.place.name))")
    }

    @Test("The match names the rules it needed", arguments: cases)
    func matchReportsTheRules(_ c: Case) throws {
        let best = try repositoryGazetteer().resolve(c.spelling).best
        #expect(!best.rules.isEmpty, "an unlisted spelling cannot be an exact match")
        #expect(best.matchedName != c.spelling)
        #expect(best.matchedName == c.matched)
        #expect(best.rules == c.rules, "rules \(best.rules) for '\(c.spelling)' ~ '\(best.matchedName)'")
        // Reported in rule order, each once.
        #expect(best.rules == best.rules.sorted())
        #expect(Set(best.rules).count == best.rules.count)
        // The matched name is the closest: never more rules than the canonical name needs.
        if let viaCanonical = NameNormalizer.explain(c.spelling, matches: best.place.name) {
            #expect(best.rules.count <= viaCanonical.count, "'\(best.place.name)' needs \(viaCanonical)")
        }
    }

    @Test("The candidate's rules are what explain says about the matched name", arguments: cases)
    func candidateAgreesWithExplain(_ c: Case) throws {
        let gazetteer = try repositoryGazetteer()
        let resolution = try gazetteer.resolve(c.spelling)
        let best = resolution.best
        // The qualifier ("province") is taken off before matching, so compare the name part.
        let asked = c.spelling.hasSuffix(" province") && !best.matchedName.hasSuffix(" province")
            ? String(c.spelling.dropLast(" province".count)) : c.spelling
        #expect(NameNormalizer.key(asked) == NameNormalizer.key(best.matchedName))
        #expect(NameNormalizer.explain(asked, matches: best.matchedName) == best.rules)
    }

    @Test("Dayr az Zawr and Deir ez-Zor are the same name by the article and vowel rules")
    func dayrAzZawrIsDeirEzZor() throws {
        let rules = try #require(NameNormalizer.explain("Dayr az Zawr", matches: "Deir ez-Zor"))
        // az/ez go; the space and the hyphen before Zawr/Zor differ; Dayr/Deir → dir and
        // Zawr/Zor → zur. Rules the pair can do without are not part of the explanation.
        #expect(rules == [.separators, .article, .vowels])
        #expect(!rules.contains(.doubledLetters))
        #expect(!rules.contains(.finalVowel))
    }

    @Test("Of a place's names the one needing the fewest rules is reported")
    func closestNameIsTheMatchedName() throws {
        // "Dayr al-Zawr" is a GeoNames alternate name of Deir ez-Zor: it differs from
        // "dayr al zawr" by case and separators only, while "Deir ez-Zor" would need the
        // article and vowel rules as well.
        let best = try repositoryGazetteer().resolve("dayr al zawr").best
        #expect(!best.rules.contains(.article))
        #expect(!best.rules.contains(.vowels))
        let viaCanonical = try #require(NameNormalizer.explain("dayr al zawr", matches: best.place.name))
        #expect(best.rules.count < viaCanonical.count)
    }
}
