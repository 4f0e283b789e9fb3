import Testing
import Places

/// The name normaliser, rule by rule: what each rule folds on its own, the order of the
/// stages, and what `explain` says about pairs of names.
@Suite("The name normaliser")
struct NameNormaliserRules {
    struct Pair: Sendable, CustomTestStringConvertible {
        var a: String
        var b: String
        var rules: [NameRule]
        var testDescription: String { "\(a) ~ \(b)" }
    }

    /// Pairs that differ by exactly one rule's worth (written in lower case and as single
    /// words where the rule allows, so no other rule changes either name).
    static let singleRulePairs: [Pair] = [
        // case
        Pair(a: "RAQQA", b: "raqqa", rules: [.caseFolding]),
        Pair(a: "Mayadin", b: "mayadin", rules: [.caseFolding]),
        // diacritics and apostrophe forms
        Pair(a: "mayādīn", b: "mayadin", rules: [.diacritics]),
        Pair(a: "ḩasakah", b: "hasakah", rules: [.diacritics]),
        Pair(a: "‘uqayribat", b: "uqayribat", rules: [.diacritics]),
        Pair(a: "qa’im", b: "qaim", rules: [.diacritics]),
        Pair(a: "dar`a", b: "dara", rules: [.diacritics]),
        Pair(a: "ʿuqayribat", b: "uqayribat", rules: [.diacritics]),
        Pair(a: "ʾazaz", b: "azaz", rules: [.diacritics]),
        Pair(a: "dar'a", b: "dara", rules: [.diacritics]),
        // separators
        Pair(a: "abu-kamal", b: "abu kamal", rules: [.separators]),
        // (An en dash, "abu–kamal", is a separator too: see `nonASCIIDashIsASeparator`.)
        Pair(a: "tell/abyad", b: "tell  abyad", rules: [.separators]),
        // joined, assimilated article
        Pair(a: "ezzor", b: "zor", rules: [.article]),
        Pair(a: "assukhnah", b: "sukhnah", rules: [.article]),
        Pair(a: "arraqqa", b: "raqqa", rules: [.article]),
        // Abu / Abou / Albu
        Pair(a: "albukamal", b: "abukamal", rules: [.abu]),
        Pair(a: "aboukamal", b: "bukamal", rules: [.abu]),  // vowels would give "abukamal": abu is needed
        Pair(a: "bukamal", b: "abukamal", rules: [.abu]),
        // q / k
        Pair(a: "qamishli", b: "kamishli", rules: [.qk]),
        Pair(a: "raqa", b: "raka", rules: [.qk]),
        // vowels
        Pair(a: "deir", b: "dayr", rules: [.vowels]),
        Pair(a: "dair", b: "deir", rules: [.vowels]),
        Pair(a: "deyr", b: "dir", rules: [.vowels]),
        Pair(a: "zour", b: "zur", rules: [.vowels]),
        Pair(a: "zawr", b: "zor", rules: [.vowels]),
        Pair(a: "mayadeen", b: "mayadin", rules: [.vowels]),
        Pair(a: "tadmor", b: "tadmur", rules: [.vowels]),
        // The vowel rule alone makes "abou" "abu", and the abu rule alone makes both
        // "bu": of two one-rule answers, the earlier rule is named.
        Pair(a: "aboukhashab", b: "abukhashab", rules: [.abu]),
        // doubled letters
        Pair(a: "hassaka", b: "hasaka", rules: [.doubledLetters]),
        Pair(a: "abbas", b: "abas", rules: [.doubledLetters]),
        // final -ah / -eh
        Pair(a: "hasakah", b: "hasaka", rules: [.finalVowel]),
        Pair(a: "hasakeh", b: "hasaka", rules: [.finalVowel]),
        Pair(a: "hasakeh", b: "hasakah", rules: [.finalVowel]),
        Pair(a: "markade", b: "markada", rules: [.finalVowel]),
    ]

    @Test("Each rule on its own makes the pair equal, and explain names just that rule", arguments: singleRulePairs)
    func singleRule(_ p: Pair) {
        #expect(NameNormalizer.key(p.a) == NameNormalizer.key(p.b))
        #expect(NameNormalizer.explain(p.a, matches: p.b) == p.rules)
        #expect(NameNormalizer.explain(p.b, matches: p.a) == p.rules, "explain is symmetric")
    }

    /// Every article form, separate from its noun by a hyphen or a space.
    @Test("Every form of the Arabic article is dropped", arguments: [
        "al", "el", "ad", "ar", "as", "az", "ash", "at", "ez", "e", "an", "Al", "EL",
    ])
    func articleForms(article: String) {
        for joiner in ["-", " "] {
            let withArticle = article + joiner + "Mayadin"
            #expect(NameNormalizer.key(withArticle) == NameNormalizer.key("Mayadin"), "\(withArticle)")
            let rules = NameNormalizer.explain(withArticle, matches: "Mayadin")
            #expect(rules?.contains(.article) == true, "\(withArticle): \(String(describing: rules))")
            #expect(rules?.last == .article, "nothing after the article rule is needed: \(String(describing: rules))")
        }
    }

    @Test("A joined article matches a separate one once separators go")
    func joinedEqualsSeparateAfterSeparators() {
        // explain gives the smallest set of rules that makes the match. "Deir Ezzor" ~
        // "Deir ez-Zor": with case and separators alone both are "deirezzor"; the article
        // rule is not needed.
        #expect(NameNormalizer.explain("Deir Ezzor", matches: "Deir ez-Zor") == [.caseFolding, .separators])
        // Separators alone ("assukhnah") or the article alone ("sukhnah") each do it: of
        // two one-rule answers, the earlier rule is given.
        #expect(NameNormalizer.explain("assukhnah", matches: "as-sukhnah") == [.separators])
    }

    @Test("A non-ASCII dash is a separator, not a diacritic")
    func nonASCIIDashIsASeparator() {
        // "–" (U+2013) folds to a separator in `key`, in `stages` and in `explain`.
        // Regression: explain once kept it as a letter when the diacritics rule was off,
        // and named diacritics as needed.
        #expect(NameNormalizer.key("abu–kamal") == NameNormalizer.key("abukamal"))
        #expect(NameNormalizer.stages("abu–kamal").first { $0.rule == .separators }?.form == "abukamal")
        #expect(NameNormalizer.explain("abu–kamal", matches: "abukamal") == [.separators])
        #expect(NameNormalizer.explain("abukamal", matches: "abu–kamal") == [.separators])
    }

    @Test("Articles inside real names", arguments: [
        ("Deir ez-Zor", "Deir Zor"), ("Deir e-Zor", "Deir Zor"), ("ad-Dimas", "Dimas"), ("ar-Raqqa", "Raqqa"),
        ("as-Sukhnah", "Sukhnah"), ("ash-Shaddadi", "Shaddadi"), ("at-Tanf", "Tanf"), ("az-Zor", "Zor"),
        ("Deir Ezzor", "Deir Zor"), ("Assukhnah", "Sukhnah"), ("Ezzor", "Zor"), ("Deir Ezzor", "Deir al-Zor"),
    ])
    func articleInNames(a: String, b: String) {
        #expect(NameNormalizer.key(a) == NameNormalizer.key(b))
        #expect(NameNormalizer.explain(a, matches: b)?.contains(.article) == true)
    }

    @Test("A lone article-like word is kept rather than erasing the name")
    func loneArticleIsKept() {
        #expect(!NameNormalizer.key("As").isEmpty)
        #expect(!NameNormalizer.key("el").isEmpty)
        #expect(NameNormalizer.key("As") != NameNormalizer.key("Az"))
    }

    @Test("An unassimilated article joined to the word is left alone")
    func joinedAlIsNotAnArticle() {
        // Only the assimilated form (Ezzor, Assukhnah) is unambiguous inside a word:
        // "Alhasakah" keeps its "al".
        #expect(NameNormalizer.key("Alhasakah") != NameNormalizer.key("Hasakah"))
        #expect(NameNormalizer.explain("Alhasakah", matches: "Hasakah") == nil)
    }

    @Test("Abu, Abou, Albu and Al Bu are one prefix", arguments: [
        "Abu Kamal", "Abou Kamal", "Albu Kamal", "Albukamal", "Al Bu Kamal", "Al-Bukamal", "Bukamal", "ABU KAMAL",
    ])
    func abuForms(spelling: String) {
        #expect(NameNormalizer.key(spelling) == NameNormalizer.key("Abu Kamal"))
    }

    @Test("Deir, Dayr, Dair, Deyr are one word; ou, aw, o are u; ee is i", arguments: [
        ("Deir ez-Zor", "Dayr az-Zawr"), ("Dair al-Zour", "Deir ez-Zor"), ("Deyr ez-Zor", "Deir ez-Zor"),
        ("Mayadeen", "Mayadin"), ("Hajeen", "Hajin"), ("Khabour", "Khabur"), ("Tadmor", "Tadmur"),
    ])
    func vowelSpellings(a: String, b: String) {
        #expect(NameNormalizer.key(a) == NameNormalizer.key(b))
        #expect(NameNormalizer.explain(a, matches: b)?.contains(.vowels) == true)
    }

    @Test("A y or w before a vowel stays a consonant")
    func consonantYAndW() {
        // Mayadin keeps its y (ay + vowel), Tawil its w (aw + vowel).
        #expect(NameNormalizer.key("Mayadin") == "mayadin")
        #expect(NameNormalizer.key("Tawil") == "tawil")
        #expect(NameNormalizer.key("Mayadin") != NameNormalizer.key("Midin"))
    }

    @Test("The documented keys", arguments: [
        ("Deir ez-Zor", "dirzur"), ("Dayr Az Zawr", "dirzur"), ("Deir Ezzor", "dirzur"),
        ("Abu Kamal", "bukamal"), ("Raqqa", "raka"), ("Raqqah", "raka"), ("Hasakeh", "hasaka"), ("Hassakeh", "hasaka"),
    ])
    func documentedKeys(name: String, key: String) {
        #expect(NameNormalizer.key(name) == key)
    }

    @Test("Case and diacritics fold outside ASCII too", arguments: [
        ("ĀLBŪ KAMĀL", "Albu Kamal"), ("Al Ḩasakah", "Al Hasakah"), ("AL ḨASAKAH", "al hasakah"), ("Ar Raqqah", "AR RAQQAH"),
        ("Tūrkiye", "Turkiye"), ("Ṭabqa", "Tabqa"),
    ])
    func foldingBeyondASCII(a: String, b: String) {
        #expect(NameNormalizer.key(a) == NameNormalizer.key(b))
    }

    @Test("Stages run in rule order, one per rule")
    func stagesOrder() {
        let stages = NameNormalizer.stages("Dayr Az Zawr")
        #expect(stages.map(\.rule) == NameRule.allCases)
        #expect(stages.map(\.form) == [
            "dayr az zawr",  // case
            "dayr az zawr",  // diacritics
            "dayrazzawr",    // separators
            "dayrzawr",      // article
            "dayrzawr",      // abu/albu
            "dayrzawr",      // q/k
            "dirzur",        // vowels
            "dirzur",        // doubled letters
            "dirzur",        // final -ah/-eh
        ])
    }

    @Test("Stages keep the separators until the separator stage")
    func stagesKeepSeparators() {
        let forms = NameNormalizer.stages("  Al Ḩasakah-City  ").map(\.form)
        #expect(forms.count == NameRule.allCases.count)
        #expect(forms.first == "al ḩasakah-city")
        #expect(forms.dropFirst().first == "al hasakah-city")
        #expect(forms.dropFirst(2).first == "alhasakahcity")
    }

    @Test("The rules are ordered as the normaliser applies them")
    func ruleOrder() {
        #expect(NameRule.allCases.sorted() == NameRule.allCases)
        #expect(NameRule.caseFolding < NameRule.diacritics)
        #expect(NameRule.article < NameRule.vowels)
        #expect(NameRule.doubledLetters < NameRule.finalVowel)
        #expect(NameRule.allCases.map(\.rawValue) == [
            "case", "diacritics", "separators", "article", "abu/albu", "q/k", "vowels", "doubled letters", "final -ah/-eh",
        ])
    }

    /// Every name and alias of the curated layer: `key` (the loader's byte path) and the
    /// last stage (the explaining path) must agree, or explanations would describe
    /// matches the index never makes.
    static let curatedNames: [String] = CuratedTable.rows.flatMap { row in
        [row["name"]] + row["aliases"].split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }
    }.filter { !$0.isEmpty }

    @Test("The last stage is the key, for every curated name")
    func lastStageIsTheKey() {
        #expect(Self.curatedNames.count > 300)
        for name in Self.curatedNames + UnlistedSpellingsResolveThroughTheRules.cases.map(\.spelling) {
            #expect(NameNormalizer.stages(name).last?.form == NameNormalizer.key(name), "\(name)")
        }
    }

    @Test("Explain returns nil for different names", arguments: [
        ("Raqqa", "Hasakah"), ("Deir ez-Zor", "Deir Hafer"), ("Abu Kamal", "Abu Khashab"), ("Mayadin", "Midin"), ("Homs", "Hama"),
    ])
    func differentNamesHaveNoExplanation(a: String, b: String) {
        #expect(NameNormalizer.explain(a, matches: b) == nil)
        #expect(NameNormalizer.key(a) != NameNormalizer.key(b))
    }

    @Test("Explain returns no rules for identical names", arguments: [
        ("Raqqa", "Raqqa"), ("Deir ez-Zor", "Deir ez-Zor"), ("  Abu Kamal ", "Abu Kamal"), ("Al Ḩasakah", "Al Ḩasakah"),
    ])
    func identicalNamesNeedNoRules(a: String, b: String) {
        #expect(NameNormalizer.explain(a, matches: b) == [])
    }

    @Test("Names with no letters have an empty key", arguments: ["", "   ", "-", " - ’ ", "\t"])
    func emptyKeys(name: String) {
        #expect(NameNormalizer.key(name).isEmpty)
    }
}
