import Places

/// Word lists the reader matches against tokens by a hash of their lower-case bytes: actor
/// names and their adjectival forms, action words, organisation names that contain place
/// names, and common English words that are also place names somewhere.
enum Lexicon {
    /// FNV-1a of a word's bytes with ASCII letters lower-cased.
    /// The scanner's word hash, so the hashes it hands over are these.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { NameScanner.lowerHash(bytes) }

    static func hash(_ word: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for var b in word.utf8 {
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            h = (h ^ UInt64(b)) &* 0x100000001b3
        }
        return h
    }

    /// A phrase as words: its lower-case hashes, and the words that must match in case
    /// (written with capitals in the list: "IS", "US").
    struct Phrase: Sendable {
        var words: [UInt64]
        var exact: [String?]
        var text: String
    }

    /// A phrase written "=SANA" matches in case only, whatever its length.
    static func phrase(_ written: String) -> Phrase {
        let caseOnly = written.hasPrefix("=")
        let text = caseOnly ? String(written.dropFirst()) : written
        var words: [UInt64] = [], exact: [String?] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            words.append(hash(current))
            // All-capital words of up to three letters (IS, US, U S) match in case only.
            exact.append(caseOnly || (current.count <= 3 && current.allSatisfy { $0.isUppercase }) ? current : nil)
            current = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber { current.append(ch) } else { flush() }
        }
        flush()
        return Phrase(words: words, exact: exact, text: text)
    }

    /// Phrases indexed by their first word, longest first.
    /// Every token asks one, so the phrases lie flat (word hashes back to back, a flag per
    /// word that must match in case) and a lookup copies no arrays or strings.
    struct PhraseTable<Value: Sendable>: Sendable {
        /// The phrases starting with a word: a range of `phrases`, longest first.
        private let byFirst: WordMap<Range<Int>>
        /// Each phrase's words (a range of `words`) and value.
        private let phrases: [(words: Range<Int>, value: Value)]
        private let words: [UInt64]
        /// Per word of `words`: the spelling it must have, when it must match in case.
        private let hasExact: [Bool]
        private let exact: [String?]

        init(_ entries: [(String, Value)]) {
            var byFirst: [UInt64: [(Phrase, Value)]] = [:]
            for (text, value) in entries {
                let p = Lexicon.phrase(text)
                guard let first = p.words.first else { continue }
                byFirst[first, default: []].append((p, value))
            }
            for k in byFirst.keys { byFirst[k]!.sort { $0.0.words.count > $1.0.words.count } }
            var ranges: [(UInt64, Range<Int>)] = []
            var phrases: [(words: Range<Int>, value: Value)] = [], words: [UInt64] = [], exact: [String?] = []
            for (first, list) in byFirst {
                let start = phrases.count
                for (p, value) in list {
                    phrases.append((words.count..<words.count + p.words.count, value))
                    words += p.words
                    exact += p.exact
                }
                ranges.append((first, start..<phrases.count))
            }
            self.byFirst = WordMap(ranges)
            self.phrases = phrases
            self.words = words
            self.exact = exact
            self.hasExact = exact.map { $0 != nil }
            self.firstWords = Array(byFirst.keys)
            self.oneWordPhrases = byFirst.filter { $0.value.contains { $0.0.words.count == 1 } }.map(\.key)
            self.laterWords = Array(Set(byFirst.values.joined().flatMap { $0.0.words.dropFirst() }))
        }

        /// The phrases starting with the word of hash `hash` (indices for `phrase(_:)`), longest first.
        @inline(__always)
        func candidates(startingWith hash: UInt64) -> Range<Int>? { byFirst[hash] }

        /// Phrase `k`'s words (indices for `word(_:)`, `exactWord(_:)`) and value.
        @inline(__always)
        func phrase(_ k: Int) -> (words: Range<Int>, value: Value) { phrases[k] }

        /// The hash of word `w`.
        @inline(__always)
        func word(_ w: Int) -> UInt64 { words[w] }

        /// The spelling word `w` must have, when it must match in case.
        @inline(__always)
        func exactWord(_ w: Int) -> String? { hasExact[w] ? exact[w] : nil }

        /// The hashes of the words phrases start with.
        let firstWords: [UInt64]
        /// The hashes of the phrases of one word.
        let oneWordPhrases: [UInt64]
        /// The hashes of the words phrases have after their first.
        let laterWords: [UInt64]
    }

    /// Classes of a word that the reader asks about every token: looked up once per token
    /// (`Document.wordClasses`), so a pass skips, on one bit, the tokens its tables cannot
    /// start with.
    struct WordClass: OptionSet, Sendable {
        let rawValue: UInt32
        /// Starts a phrase of `actors`, `organisations`, `organisationHeads`, `actionWords`.
        static let actorStart = WordClass(rawValue: 1), organisationStart = WordClass(rawValue: 2)
        static let organisationHeadStart = WordClass(rawValue: 4), actionStart = WordClass(rawValue: 8)
        /// In `siegeBreakers`, `launchWords`.
        static let siegeBreaker = WordClass(rawValue: 16), launchWord = WordClass(rawValue: 32)
        /// "province", "governorate".
        static let provinceWord = WordClass(rawValue: 64)
        /// In `participles`, `qualifiers`, `leftNeighbours`, `countryFollowers`, `commonWords`,
        /// `Document.demonyms`, `Document.regionalAdjectives`: the name filter's lists.
        static let participle = WordClass(rawValue: 128), qualifier = WordClass(rawValue: 256)
        static let leftNeighbour = WordClass(rawValue: 512), countryFollower = WordClass(rawValue: 1024)
        static let commonWord = WordClass(rawValue: 2048), demonym = WordClass(rawValue: 4096)
        static let regionalAdjective = WordClass(rawValue: 8192)
        /// A word a relative date is read from: a weekday, a month, "yesterday", "today",
        /// "overnight", "tonight", "week", "month".
        static let dateWord = WordClass(rawValue: 16384)
        /// In `Document.compass`.
        static let compass = WordClass(rawValue: 32768)
        /// In `givenNames`.
        static let givenName = WordClass(rawValue: 65536)
        /// In `movementVerbs`.
        static let movementVerb = WordClass(rawValue: 131_072)
        /// In `fireVerbs`.
        static let fireVerb = WordClass(rawValue: 262_144)
        /// A phrase of `actors`, `organisations` or `actionWords` on its own ("army", "Xinhua",
        /// "seized"), and a word their phrases have after their first: a longer one starts
        /// only before the latter.
        static let wholePhrase = WordClass(rawValue: 524_288), laterPhraseWord = WordClass(rawValue: 1_048_576)
        /// In `Document.roles`.
        static let role = WordClass(rawValue: 2_097_152)
        /// A word other than a number that a claim may start at: a compass word, "other",
        /// "bank", "side".
        static let claimStart = WordClass(rawValue: 4_194_304)
        /// In `Document.relativeWords`.
        static let relativeWord = WordClass(rawValue: 8_388_608)
        /// Starts one of `TextLayout.furniturePhrases`.
        static let furniturePhraseStart = WordClass(rawValue: 16_777_216)
    }

    /// The classes of every word in one of them, by word hash.
    static let wordClasses: WordMap<WordClass> = {
        var classes: [UInt64: WordClass] = [:]
        for (words, c) in [(actors.firstWords, WordClass.actorStart), (organisations.firstWords, .organisationStart),
                           (organisationHeads.firstWords, .organisationHeadStart), (actionWords.firstWords, .actionStart),
                           (siegeBreakers.hashes, .siegeBreaker), (launchWords.hashes, .launchWord),
                           ([Word.province, Word.governorate], .provinceWord), (participles.hashes, .participle),
                           (qualifiers.hashes, .qualifier), (leftNeighbours.hashes, .leftNeighbour),
                           (countryFollowers.hashes, .countryFollower), (commonWords.hashes, .commonWord),
                           (Document.demonyms.hashes, .demonym), (Document.regionalAdjectives.hashes, .regionalAdjective),
                           (Document.weekdays.allKeys + Document.months.allKeys + [Word.yesterday, Word.today, Word.overnight,
                                                                                 Word.tonight, Word.week, Word.month], .dateWord),
                           (Document.compass.hashes, .compass), (givenNames.hashes, .givenName),
                           (movementVerbs.hashes, .movementVerb), (fireVerbs.hashes, .fireVerb),
                           (actors.oneWordPhrases + organisations.oneWordPhrases + actionWords.oneWordPhrases, .wholePhrase),
                           (actors.laterWords + organisations.laterWords + actionWords.laterWords, .laterPhraseWord), (Document.roles.hashes, .role),
                           (Document.compass.hashes + [Word.other, Word.bank, Word.side], .claimStart),
                           (Document.relativeWords.hashes, .relativeWord),
                           (TextLayout.furniturePhraseWords.map { $0[0] }, .furniturePhraseStart)] {
            for w in words { classes[w, default: []].insert(c) }
        }
        return WordMap(classes.map { ($0.key, $0.value) })
    }()

    // MARK: Actors

    /// Names of the actors, their adjectival and descriptive forms. Longest match wins, so
    /// "U.S.-backed Syrian rebels" is the rebels and "U.S.-backed Syrian fighters" the SDF.
    static let actors = PhraseTable<Actor>([
        // The Syrian government and its forces.
        // "The army", "army units": the Syrian army, unless a nation's name comes before it
        // (`Document.findActors`) or the report is about Iraq (`Reader.read`).
        ("army", .government), ("army units", .government), ("army troops", .government),
        ("Syrian troops", .government), ("Syrian army", .government), ("Syrian Arab Army", .government), ("SAA", .government),
        ("Syrian military", .government), ("Syrian forces", .government), ("Syrian government", .government),
        ("Syrian government forces", .government), ("Syrian government troops", .government), ("Syrian regime", .government),
        ("Syrian regime forces", .government), ("Syrian jets", .government), ("Syrian fighter jets", .government),
        ("Syrian military command", .government), ("Syria's military command", .government), ("Syria's military", .government),
        ("Syrian army's", .government), ("government forces", .government), ("government troops", .government), ("government units", .government),
        ("government-held", .government), ("pro-government forces", .government), ("pro-regime forces", .government),
        ("pro-regime units", .government), ("pro-regime", .government), ("regime forces", .government), ("regime", .government),
        ("the regime", .government), ("Assad's forces", .government), ("Assad forces", .government), ("Damascus", .government),
        ("pro-Damascus", .government), ("Tiger Forces", .government), ("Syrian and Russian", .government),
        // The SDF.
        ("Syrian Democratic Forces", .sdf), ("SDF", .sdf), ("U.S.-backed fighters", .sdf), ("US-backed fighters", .sdf),
        ("US backed fighters", .sdf), ("U.S.-backed Syrian fighters", .sdf), ("US-backed Syrian fighters", .sdf),
        ("U.S.-backed forces", .sdf), ("US-backed forces", .sdf), ("US-backed SDF", .sdf), ("US-backed group", .sdf),
        ("U.S.-backed militias", .sdf), ("US-backed militias", .sdf), ("US backed Syrian Democratic Forces", .sdf),
        ("US-backed Syrian Democratic Forces", .sdf),
        ("YPG", .sdf), ("YPJ", .sdf), ("People's Protection Units", .sdf), ("Kurdish YPG", .sdf), ("U.S.-backed Syrian Democratic Forces", .sdf),
        ("US-backed SDF forces", .sdf), ("Kurdish-led forces", .sdf), ("Kurdish-led Syrian Democratic Forces", .sdf),
        ("Military Council", .sdf), ("military council", .sdf), ("Military Coalition", .sdf),
        ("coalition of Arab and Kurdish fighters", .sdf), ("coalition of Kurdish and Arab fighters", .sdf),
        ("Kurdish militia", .sdf), ("mainly Kurdish militia", .sdf),
        // ISIS.
        ("ISIS", .isis), ("ISIL", .isis), ("IS", .isis), ("Islamic State", .isis), ("Islamic State group", .isis),
        ("Daesh", .isis), ("Islamic State of Iraq and Syria", .isis), ("Islamic State of Iraq and the Levant", .isis),
        ("Islamic State militants", .isis), ("ISIS militants", .isis), ("ISIL fighters", .isis), ("IS fighters", .isis),
        ("jihadists", .isis),
        // Russia, Iran, Hezbollah.
        ("Russia", .russia), ("Russian", .russia), ("Russians", .russia), ("Moscow", .russia), ("Russian jets", .russia),
        ("Russian air force", .russia), ("Russian aircraft", .russia), ("Russian warplanes", .russia),
        ("Russian government", .russia), ("Russian-backed", .russia),
        ("Iran", .iran), ("Iranian", .iran), ("Iranians", .iran), ("Tehran", .iran), ("Iranian-backed", .iran),
        ("Iran-backed", .iran), ("Iranian-led forces", .iran), ("Iranian-backed allies", .iran), ("IRGC", .iran),
        ("Hezbollah", .hezbollah), ("Hizbollah", .hezbollah), ("Hizballah", .hezbollah),
        // The coalition and the United States.
        ("coalition", .coalition), ("US-led coalition", .coalition), ("U.S.-led coalition", .coalition),
        ("US-coalition", .coalition), ("US coalition", .coalition), ("U.S.-led military coalition", .coalition),
        ("US-led anti-ISIS coalition", .coalition), ("CJTF-OIR", .coalition), ("CJTF OIR", .coalition),
        ("Combined Joint Task Force", .coalition), ("Operation Inherent Resolve", .coalition), ("coalition forces", .coalition),
        ("US", .us), ("U.S.", .us), ("USA", .us), ("United States", .us), ("Washington", .us), ("Pentagon", .us),
        ("American", .us), ("Americans", .us), ("US military", .us), ("U.S. military", .us),
        // Iraq, the rebels.
        ("Iraqi forces", .iraq), ("Iraqi government forces", .iraq), ("Iraqi troops", .iraq), ("Iraqi army", .iraq),
        ("U.S.-backed Iraqi government forces", .iraq), ("Popular Mobilization Forces", .iraq), ("PMF", .iraq),
        ("Popular Mobilisation Forces", .iraq), ("Popular Mobilization Units", .iraq), ("Popular Mobilisation Units", .iraq),
        ("PMU", .iraq), ("Hashd al-Shaabi", .iraq), ("Hashed al-Shaabi", .iraq), ("Iraqi paramilitaries", .iraq),
        ("Iraqi militiamen", .iraq), ("Iraqi security forces", .iraq), ("ISF", .iraq),
        ("rebels", .rebels), ("Syrian rebels", .rebels), ("US-backed rebels", .rebels), ("U.S.-backed Syrian rebels", .rebels),
        ("US-backed Syrian rebels", .rebels), ("opposition", .rebels), ("the opposition", .rebels), ("Free Syrian Army", .rebels),
        ("FSA", .rebels), ("Maghawir al-Thawra", .rebels), ("Revolutionary Commando Army", .rebels),
    ])

    // MARK: Organisations

    /// Names of organisations, operations and outlets that contain place names: a place
    /// inside one is not a place mention.
    static let organisations = PhraseTable<Bool>([
        "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant", "Islamic State in Iraq and Syria",
        "Islamic State of Iraq and al-Sham", "Islamic State in Iraq and the Levant", "Al Jazeera", "Jazeera Storm",
        "Operation Jazeera Storm", "Syrian Observatory for Human Rights", "Syria Press", "Foreign Policy",
        "Associated Press", "Operation Inherent Resolve", "Euphrates Shield", "Wrath of Euphrates", "Euphrates Wrath",
        "Washington Post", "New York Times", "Voice of America", "Russia Today", "Institute for the Study of War",
        "Middle East Eye", "Syrian Democratic Forces", "Syrian Arab Army", "Free Syrian Army", "Iraqi Kurdistan Region",
        "Deir ez-Zor Military Council", "Deir ez-Zor Military Coalition", "Raqqa Is Being Slaughtered Silently",
        "Al-Masdar", "Almasdar News", "Sputnik", "Anadolu Agency", "Al Arabiya", "Al Mayadeen TV", "Syria Direct",
        "Deir Ezzor 24", "DeirEzzor 24", "Euphrates Post",
        // News agencies in datelines ("Deir Ezzor, SANA-"): GeoNames has villages named like some.
        "=SANA", "Syrian Arab News Agency", "Hawar News Agency", "=ANHA", "=SOHR", "=IRNA", "Fars News Agency",
        "Tasnim News Agency", "Xinhua", "Amaq",
    ].map { ($0, true) })

    /// Words after a place name that make it part of an organisation's name ("Deir
    /// al-Zor military council", "Raqqa Civil Council", "Syria Press").
    static let organisationHeads = PhraseTable<Bool>([
        "military council", "military coalition", "military command", "civil council", "local council", "council",
        "brigades", "battalion", "operations room", "media center", "media office", "press", "observatory", "tribune",
        "times", "post", "news", "agency", "tv", "radio", "24", "today",
    ].map { ($0, true) })

    // MARK: Words around names

    /// Participles that make "X-backed" an adjective: no place mention.
    static let participles = WordSet(["backed", "led", "made", "held", "controlled", "based", "trained", "allied",
                                      "aligned", "dominated", "run", "funded", "armed", "supported", "sponsored",
                                      "occupied", "linked", "affiliated", "born", "bound", "registered"])

    /// Qualifier words that may follow a place name (lower case): not part of another name.
    static let qualifiers = WordSet(["province", "governorate", "city", "town", "village", "river", "valley",
                                     "district", "region", "countryside", "desert", "border", "airport", "base",
                                     "oil", "oilfield", "oilfields", "field", "fields", "dam", "lake", "basin",
                                     "crossing", "road", "highway", "bridge", "area", "front", "pocket"])

    /// Capitalised words that may stand right before a place name without making it a
    /// person's or an organisation's name ("Eastern Syria", "In Raqqa", "Rural Damascus").
    static let leftNeighbours = WordSet([
        "in", "on", "at", "from", "to", "the", "a", "an", "and", "but", "for", "with", "by", "of", "as", "near", "across",
        "inside", "outside", "around", "both", "meanwhile", "while", "since", "after", "before", "north", "south", "east",
        "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest",
        "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "rural", "greater", "upper", "lower",
        "middle", "old", "liberated", "besieged", "battle", "race", "for", "into", "toward", "towards", "beyond", "between",
        "like", "unlike", "including", "via", "through", "than", "if", "when", "where", "that", "this", "these", "those",
        "their", "its", "his", "her", "our", "free", "recapture", "capture", "siege", "fall", "freed", "even", "also",
        "only", "just", "recently", "today", "yesterday", "said", "says", "say", "told", "visit", "visits", "beirut",
        "source", "sources", "so", "then", "not", "against", "over", "under", "about", "within", "along", "during",
        "until", "amid", "despite", "whether", "because", "all", "most", "some", "many", "why", "how", "what", "who",
        "following", "are", "is", "was", "were", "will", "has", "have", "had", "says", "off", "up", "out", "down",
    ])

    /// Capitalised words that may follow a country's name without making it an
    /// organisation's ("U.S. Defense Secretary", "US Army").
    static let countryFollowers = WordSet(["defense", "defence", "secretary", "president", "minister", "army", "navy",
                                           "air", "marine", "marines", "special", "central", "state", "government",
                                           "foreign", "interior", "embassy", "ambassador", "officials", "official",
                                           "envoy", "congress", "senate", "treasury", "military"])

    /// Common English words that are place names somewhere: at the start of a sentence or in
    /// a heading, where capitals prove nothing, they are words.
    static let commonWords = WordSet([
        "nice", "reading", "deal", "same", "male", "mobile", "bath", "battle", "march", "may", "june", "august", "mark",
        "hope", "union", "independence", "liberty", "victory", "unity", "peace", "progress", "enterprise", "paradise",
        "eden", "joy", "fair", "rome", "china", "turkey", "jordan", "chad", "georgia", "split", "bar", "best", "most",
        "more", "many", "much", "such", "both", "each", "after", "before", "over", "under", "about", "asked", "said",
        "says", "told", "meanwhile", "earlier", "later", "now", "then", "still", "also", "however", "according", "indeed",
        "finally", "analysis", "recent", "development", "three", "one", "two", "four", "five", "six", "ten", "last",
        "first", "next", "new", "old", "early", "late", "middle", "central", "north", "south", "east", "west", "eastern",
        "western", "northern", "southern", "following", "while", "since", "despite", "although", "though", "if", "as",
        "at", "in", "on", "of", "to", "for", "by", "with", "from", "and", "but", "or", "so", "the", "a", "an", "this",
        "that", "these", "those", "there", "here", "their", "they", "we", "you", "he", "she", "it", "his", "her", "our",
        "its", "what", "when", "where", "who", "why", "how", "which", "whether", "even", "just", "only", "very", "all",
        "any", "some", "no", "not", "none", "one", "ironically", "incidentally", "furthermore", "moreover", "right",
        "left", "forces", "force", "army", "troops", "fighters", "officials", "president", "strike", "storm", "race",
        "rush", "wars", "war", "fire", "hill", "hills", "river", "valley", "field", "base", "border", "lake", "dam",
        "camp", "city", "town", "village", "mount", "point", "ocean", "sea", "bay", "cape", "island", "port", "fort",
        "jackson", "lincoln", "franklin", "clinton", "trump", "putin", "assad", "ahmed", "ahmad",
        "mohammed", "ali", "hassan", "hussein", "omar", "said", "khalil", "issa", "salem", "jazeera", "press", "media",
        "reuters", "sputnik", "pentagon", "kremlin", "white", "black", "red", "green", "blue", "gold", "silver",
        "speaking", "leading", "living", "standing", "waiting", "asking", "making", "taking", "coming", "going",
    ])

    /// Given names common in news of the region and of the powers in it. Many are towns
    /// somewhere in a world gazetteer ("Michael", "David", "Salem"), so a given name before a
    /// place name makes both a person's ("Michael Jordan", "Omar Homsi"). Not here: names that
    /// are English words ("Will", "Mark", "Said") or places of the region ("Jordan").
    static let givenNames = WordSet([
        "michael", "john", "david", "james", "robert", "william", "richard", "joseph", "thomas", "charles", "christopher",
        "daniel", "matthew", "anthony", "donald", "steven", "stephen", "paul", "andrew", "kenneth", "kevin", "brian",
        "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric",
        "jonathan", "larry", "justin", "scott", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond",
        "patrick", "jack", "dennis", "jerry", "henry", "peter", "adam", "nathan", "walter", "harold", "carl", "jeremy",
        "keith", "roger", "gerald", "arthur", "sean", "lawrence", "joe", "jesse", "albert", "bruce", "alan", "ralph",
        "gabriel", "louis", "russell", "vincent", "philip", "phillip", "mary", "patricia", "jennifer", "linda",
        "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "margaret", "sandra", "emily",
        "michelle", "carol", "amanda", "melissa", "rebecca", "sharon", "laura", "kathleen", "helen", "anna", "nicole",
        "emma", "samantha", "catherine", "rachel", "maria", "heather", "diane", "julie", "victoria", "olivia", "kelly",
        "christina", "lauren", "hannah", "martha", "ann", "teresa", "sara", "alice", "julia", "denise", "diana",
        "natalie", "sophia", "marie", "charlotte", "emmanuel", "francois", "jean", "pierre", "angela", "boris",
        "vladimir", "sergei", "sergey", "dmitry", "igor", "ivan", "recep", "mevlut", "hulusi", "mohammed", "muhammad",
        "mohammad", "mohamed", "mahmoud", "mustafa", "khaled", "khalid", "abdullah", "abdel", "abdul", "ibrahim",
        "youssef", "yusuf", "hamid", "hamza", "tariq", "walid", "bashar", "hafez", "maher", "rami", "nasser", "jamal",
        "fadi", "samir", "karim", "nabil", "ayman", "osama", "anas", "saleh", "hussam", "bassam", "talal", "ziad",
        "imad", "adnan", "fawaz", "qasim", "qassem", "haidar", "haider", "nouri", "masoud", "massoud", "jalal",
        "barham", "omar", "ahmed", "ahmad", "hassan", "hussein", "khalil", "issa", "salem", "ali",
    ])

    // MARK: Actions

    /// Verbs and nouns that report an action, by their lower-case form.
    static let actionWords = PhraseTable<Action>([
        ("captured", .capture), ("capturing", .capture), ("captures", .capture), ("capture", .capture), ("seized", .capture),
        ("seizing", .capture), ("seizes", .capture), ("liberated", .capture), ("liberating", .capture), ("liberates", .capture),
        ("recaptured", .capture), ("recapturing", .capture), ("retook", .capture), ("retaken", .capture), ("ousted", .capture),
        // Headlines' present tense: "Iraqi forces recapture Rawa", "Troops enter Raqqa".
        ("recapture", .capture), ("recaptures", .capture), ("retake", .capture), ("retakes", .capture), ("retaking", .capture),
        ("seize", .capture), ("liberate", .capture),
        ("took control of", .capture), ("taken control of", .capture), ("took over", .capture), ("gained control of", .capture),
        ("took full control of", .capture), ("taken full control of", .capture), ("took complete control of", .capture),
        ("taken complete control of", .capture), ("seized control of", .capture), ("seized full control of", .capture),
        ("taking control of", .capture), ("taking full control of", .capture), ("took control over", .capture),
        ("taken control over", .capture), ("taking control over", .capture), ("took full control over", .capture),
        ("taken full control over", .capture), ("taking full control over", .capture), ("seized control over", .capture),
        ("gained control over", .capture), ("regained control of", .capture), ("regained control over", .capture),
        ("fell to", .capture), ("freed", .capture), ("overran", .capture), ("stormed", .capture),
        // "took al-Suwar", "have taken Mayadin" (but not "took place", "took part": `takeIdioms`).
        ("took", .capture), ("taken", .capture), ("takes", .capture),
        ("advanced", .advance), ("advancing", .advance), ("advances", .advance), ("reached", .advance), ("reaching", .advance),
        ("pushed into", .advance), ("pushed toward", .advance), ("pushed towards", .advance), ("closed in", .advance),
        ("closing in", .advance), ("raced to", .advance), ("progressed", .advance), ("moved into", .advance),
        ("entered", .enter), ("entering", .enter), ("enters", .enter), ("enter", .enter),
        ("crossed", .cross), ("crossing", .cross), ("crosses", .cross),
        ("struck", .strike), ("strikes", .strike), ("airstrikes", .strike), ("air strikes", .strike), ("bombed", .strike),
        ("bombing", .strike), ("shelled", .strike), ("shelling", .strike), ("hit with an attack", .strike),
        ("came under attack", .strike), ("come under attack", .strike), ("comes under attack", .strike),
        ("coming under attack", .strike), ("were hit", .strike), ("was hit", .strike), ("targeting", .strike), ("targeted", .strike),
    ])

    /// Verbs of moving that make an advance with "toward", "towards" or "into" after them, a
    /// direction or "further" allowed between: "pushed north toward X", "drove deeper into X".
    static let movementVerbs = WordSet(["pushed", "pushing", "moved", "moving", "pressed", "pressing", "drove", "driving",
                                        "marched", "marching", "headed", "heading", "swept", "sweeping", "thrust", "edged", "edging"])
    static let movementEnds = WordSet(["toward", "towards", "into"])
    /// Verbs of firing that make a strike with "at" a few words after them: "fired cruise
    /// missiles at IS targets", "fired rockets at the base".
    static let fireVerbs = WordSet(["fired", "firing", "fires", "lobbed", "launched"])
    /// What is fired: only these between the verb and "at" ("fired his spokesman at" is nothing).
    static let munitions = WordSet(["missiles", "missile", "rockets", "rocket", "shells", "mortars", "mortar", "artillery",
                                    "cruise", "ballistic", "guided", "surface-to-surface", "grad", "drones", "several", "dozens",
                                    "of", "a", "barrage", "volley", "salvo", "two", "three", "four", "six", "tomahawk", "kalibr"])
    static let movementAdverbs = WordSet(["further", "farther", "deeper", "closer", "north", "south", "east", "west",
                                          "northeast", "northwest", "southeast", "southwest", "northward", "southward",
                                          "eastward", "westward", "northwards", "southwards", "eastwards", "westwards", "on", "ahead"])

    /// Words that make a following "offensive" or "operation" an event: launched, began...
    static let launchWords = WordSet(["launched", "launch", "launching", "launches", "announced", "began", "begun",
                                      "started", "starts", "commencement", "unveiled", "opened", "kicked"])
    static let offensiveNouns = WordSet(["offensive", "operation", "campaign", "attack", "attacks", "push", "assault"])
    static let siegeNouns = WordSet(["siege", "blockade", "encirclement"])
    static let siegeBreakers = WordSet(["broke", "break", "breaking", "broken", "breaks", "lifting", "lifted", "lift",
                                        "smashed", "smashing", "ended", "ending", "ends"])

    /// Words before an action that make it not (yet) an event: purpose, future, wishes.
    static let irrealis = WordSet(["to", "since", "prevent", "prevents", "preventing", "block", "stop", "avoid", "will", "would", "could", "may", "might", "can", "should", "must", "shall",
                                   "cannot", "wants", "want", "aim", "aims", "aiming", "plan", "plans", "planning",
                                   "intend", "intends", "if", "unless", "not", "never", "attempt", "attempts", "trying",
                                   "try", "able", "likely", "potential", "possible", "possibly", "threatened", "vowed",
                                   "promised", "seeking"])

    /// Words within a few words before an action that make it hypothetical.
    static let modals = WordSet(["will", "would", "could", "may", "might", "can", "should", "must", "shall", "if",
                                 "unless", "prevent", "preventing", "block", "stop", "avoid", "aim", "aiming",
                                 "wants", "plan", "planned", "plans"])

    /// Words before an actor that make it not the subject ("backed by X", "with X").
    /// What follows "took" when it is not a capture: "took place", "took part", "took office".
    static let takeIdioms = WordSet(["place", "part", "office", "time", "care", "note", "advantage", "aim", "shelter",
                                     "refuge", "cover", "hold", "power", "responsibility", "charge", "steps", "measures",
                                     "action", "effect", "root", "turns", "notice", "issue", "off", "up", "out", "away",
                                     "back", "down", "on", "into", "prisoner", "prisoners", "hostage", "hostages", "a", "an",
                                     "their", "his", "her", "its", "it", "them", "him", "casualties", "losses", "days", "weeks",
                                     "months", "years", "hours"])

    static let nonSubjectMarkers = WordSet(["by", "from", "with", "against", "of", "and", "or", "between", "than",
                                            "on", "to", "for", "toward", "towards", "over", "backed", "into", "at"])
    static let determiners = WordSet(["the", "their", "its", "his", "her", "our", "a", "an", "some", "several"])
    static let possessives = WordSet(["their", "its", "his", "our"])

    static let hedges = WordSet(["about", "roughly", "around", "some", "approximately", "nearly", "almost", "approx",
                                 "circa", "estimated", "over", "more", "less", "under", "up"])
}

/// Hashes of the single words the reader compares tokens with, computed once: the rules
/// ask for them on every token.
enum Word {
    static let across = Lexicon.hash("across")
    static let al = Lexicon.hash("al")
    static let and = Lexicon.hash("and")
    static let anti = Lexicon.hash("anti")
    static let away = Lexicon.hash("away")
    static let border = Lexicon.hash("border")
    static let between = Lexicon.hash("between")
    static let by = Lexicon.hash("by")
    static let capital = Lexicon.hash("capital")
    static let countryside = Lexicon.hash("countryside")
    static let earlier = Lexicon.hash("earlier")
    static let el = Lexicon.hash("el")
    static let early = Lexicon.hash("early")
    static let from = Lexicon.hash("from")
    static let governorate = Lexicon.hash("governorate")
    static let `if` = Lexicon.hash("if")
    static let `in` = Lexicon.hash("in")
    static let including = Lexicon.hash("including")
    static let backed = Lexicon.hash("backed")
    static let army = Lexicon.hash("army")
    static let bank = Lexicon.hash("bank")
    static let banks = Lexicon.hash("banks")
    static let left = Lexicon.hash("left")
    static let right = Lexicon.hash("right")
    static let along = Lexicon.hash("along")
    static let into = Lexicon.hash("into")
    static let just = Lexicon.hash("just")
    static let kilometer = Lexicon.hash("kilometer")
    static let kilometers = Lexicon.hash("kilometers")
    static let kilometre = Lexicon.hash("kilometre")
    static let kilometres = Lexicon.hash("kilometres")
    static let km = Lexicon.hash("km")
    static let kms = Lexicon.hash("kms")
    static let last = Lexicon.hash("last")
    static let late = Lexicon.hash("late")
    static let m = Lexicon.hash("m")
    static let mar = Lexicon.hash("mar")
    static let march = Lexicon.hash("march")
    static let meters = Lexicon.hash("meters")
    static let metres = Lexicon.hash("metres")
    static let mid = Lexicon.hash("mid")
    static let mile = Lexicon.hash("mile")
    static let miles = Lexicon.hash("miles")
    static let military = Lexicon.hash("military")
    static let month = Lexicon.hash("month")
    static let of = Lexicon.hash("of")
    static let oilfields = Lexicon.hash("oilfields")
    static let on = Lexicon.hash("on")
    static let other = Lexicon.hash("other")
    static let over = Lexicon.hash("over")
    static let overnight = Lexicon.hash("overnight")
    static let past = Lexicon.hash("past")
    static let province = Lexicon.hash("province")
    static let provincial = Lexicon.hash("provincial")
    static let s = Lexicon.hash("s")
    static let sept = Lexicon.hash("sept")
    static let side = Lexicon.hash("side")
    static let since = Lexicon.hash("since")
    static let sq = Lexicon.hash("sq")
    static let square = Lexicon.hash("square")
    static let than = Lexicon.hash("than")
    static let the = Lexicon.hash("the")
    static let at = Lexicon.hash("at")
    static let their = Lexicon.hash("their")
    static let this = Lexicon.hash("this")
    static let to = Lexicon.hash("to")
    static let today = Lexicon.hash("today")
    static let tonight = Lexicon.hash("tonight")
    static let unless = Lexicon.hash("unless")
    static let until = Lexicon.hash("until")
    static let week = Lexicon.hash("week")
    static let `where` = Lexicon.hash("where")
    static let which = Lexicon.hash("which")
    static let with = Lexicon.hash("with")
    static let yesterday = Lexicon.hash("yesterday")
}
