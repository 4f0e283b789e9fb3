import Foundation
import Places
import Reports
import Testing

/// With a world gazetteer loaded, names of towns elsewhere (a bigger Palmyra in the US;
/// Nice, Reading, Mobile, Male, Deal, Same...) must not take over a report about eastern
/// Syria: "Palmyra" is the Syrian one, and the common words are words.
@Suite("World-gazetteer ambiguity is resolved by context")
struct WorldGazetteerAmbiguityIsResolvedByContext {
    /// Rows in the 13-column `cities500` extract layout of `Gazetteer/geonames.tsv`
    /// (geonameid name asciiname alternatenames latitude longitude feature_class
    /// feature_code country_code admin1_code admin1_name population timezone). Ids are
    /// made up (991000xx, not in the repository's data); coordinates and populations are
    /// roughly the real towns', except the US Palmyra's, made larger than the Syrian one's
    /// (51,015) on purpose.
    static let worldRows: [[String]] = [
        ["99100001", "Palmyra", "Palmyra", "Palmira", "40.00123", "-75.02824", "P", "PPL", "US", "NJ", "New Jersey", "180000", "America/New_York"],
        ["99100002", "Nice", "Nice", "Nizza,Nissa", "43.70313", "7.26608", "P", "PPLA2", "FR", "93", "Provence-Alpes-Côte d'Azur", "342669", "Europe/Paris"],
        ["99100003", "Reading", "Reading", "", "51.45625", "-0.97113", "P", "PPL", "GB", "ENG", "England", "244070", "Europe/London"],
        ["99100004", "Mobile", "Mobile", "", "30.69436", "-88.04305", "P", "PPLA2", "US", "AL", "Alabama", "195111", "America/Chicago"],
        ["99100005", "Malé", "Male", "Male,Maale", "4.1748", "73.50888", "P", "PPLC", "MV", "38", "Kaafu", "103693", "Indian/Maldives"],
        ["99100006", "Deal", "Deal", "", "51.2228", "1.40183", "P", "PPL", "GB", "ENG", "England", "30085", "Europe/London"],
        ["99100007", "Same", "Same", "", "-4.06667", "37.73333", "P", "PPLA2", "TZ", "03", "Kilimanjaro", "25000", "Africa/Dar_es_Salaam"],
        ["99100008", "Sale", "Sale", "", "53.42519", "-2.32443", "P", "PPL", "GB", "ENG", "England", "134022", "Europe/London"],
        ["99100009", "Surprise", "Surprise", "", "33.63059", "-112.33322", "P", "PPL", "US", "AZ", "Arizona", "141664", "America/Phoenix"],
        ["99100010", "Temple", "Temple", "", "31.09823", "-97.34278", "P", "PPL", "US", "TX", "Texas", "82073", "America/Chicago"],
        ["99100011", "Michael", "Michael", "", "39.6", "-89.2", "P", "PPL", "US", "IL", "Illinois", "1200", "America/Chicago"],
        ["99100012", "David", "David", "", "8.42729", "-82.43085", "P", "PPLA", "PA", "04", "Chiriquí", "144858", "America/Panama"],
        // Real cities500 rows (CC BY 4.0, https://www.geonames.org), alternate names cut to the
        // ones that matter: "annd ngr" makes "and" a name's first word, "Dust-e Iran" makes
        // "iran" a later one, and "Andiran" is both run together; likewise "in a" is Ina.
        ["1278682", "Anandnagar", "Anandnagar", "Anandnagar,annd ngr", "27.10062", "83.27156", "P", "", "IN", "36", "", "11220", "Asia/Kolkata"],
        ["135860", "Dūst-e Īrān", "Dust-e Iran", "Dust-e Iran,Dūst-e Īrān", "29.78507", "51.78415", "P", "", "IR", "07", "", "2424", "Asia/Tehran"],
        ["323797", "Andırın", "Andirin", "Andiran,Andirin,Andıran,Andırın", "37.57757", "36.35492", "P", "", "TR", "46", "", "8660", "Europe/Istanbul"],
        ["1463316", "In Ga Lone", "In Ga Lone", "In Ga Lone,Ingalon", "16.4844", "96.06002", "P", "", "MM", "17", "", "3166", "Asia/Yangon"],
        ["197264", "Githiga A", "Githiga A", "", "-1.08693", "36.73405", "P", "", "KE", "22", "", "5565", "Africa/Nairobi"],
        ["1861641", "Ina", "Ina", "Ina,ina si,xin a", "35.82756", "137.95378", "P", "", "JP", "26", "", "68177", "Asia/Tokyo"],
    ]

    /// Syrian rows copied from the repository's `geonames.tsv`: Palmyra (Tadmur) and the
    /// towns the test report names, so the curated layer's amendments apply to them.
    static let syrianIDs = ["163808", "170794", "172955", "173480"]

    /// Loaded once: the temporary file is removed as soon as the gazetteer is built.
    static let gazetteer: Result<Gazetteer, any Error> = Result {
        let lines = try String(contentsOfFile: Repository.geonamesTSV, encoding: .utf8).split(separator: "\n").map(String.init)
        guard let header = lines.first else { throw ReportError(path: Repository.geonamesTSV, message: "is empty") }
        let syrian = syrianIDs.compactMap { id in lines.first { $0.hasPrefix(id + "\t") } }
        guard syrian.count == syrianIDs.count else {
            throw ReportError(path: Repository.geonamesTSV, message: "lacks some of the rows \(syrianIDs)")
        }
        let text = ([header] + syrian + worldRows.map { $0.joined(separator: "\t") }).joined(separator: "\n") + "\n"
        return try withTemporaryDirectory { dir in
            let file = try dir.write(text, to: "world_cities500.tsv")
            return try Gazetteer.load(directory: Repository.gazetteerDirectory, geonamesFile: file)
        }
    }

    static func read(_ text: String, published: String = "2017-09-18") throws -> Extraction {
        var report = Report(document: "world.txt", text: text)
        report.published = ReportedDate(day: try #require(Day(iso: published)), precision: .day)
        return Reader(gazetteer: try gazetteer.get()).read(report)
    }

    @Test("The test file has the cities500 header layout and the Syrian Palmyra row")
    func fileLayout() throws {
        let header = try String(contentsOfFile: Repository.geonamesTSV, encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.split(separator: "\t", omittingEmptySubsequences: false).count == 13)
        for row in Self.worldRows { #expect(row.count == 13, "\(row[1])") }
        let g = try Self.gazetteer.get()
        // Both Palmyras are in it, and the US one is the bigger.
        let palmyras = g.places(forKey: NameNormalizer.key("Palmyra"))
        let syrian = try #require(palmyras.first { $0.id == "geonames:163808" })
        let american = try #require(palmyras.first { $0.id == "geonames:99100001" })
        #expect((american.population ?? 0) > (syrian.population ?? 0))
        for name in ["Nice", "Reading", "Mobile", "Male", "Deal", "Same", "Sale", "Surprise", "Temple"] {
            #expect(!g.places(forKey: NameNormalizer.key(name)).isEmpty, "\(name) is not in the test gazetteer")
        }
    }

    static let easternSyria = """
    Syrian troops advanced from Palmyra towards Deir ez-Zor on Saturday, state media said.

    Nice weather helped the advance. Reading the front line is hard, one officer said. Deal with it, he added. \
    Same as last week, the army shelled Mayadin. Male fighters were seen near Raqqa. Mobile units of the SDF \
    moved into the Khabur River Valley.

    The same forces that retook Palmyra in March now hold the desert road; a mobile hospital follows them.
    """

    @Test("A report about eastern Syria saying Palmyra means the Syrian one, and common words are not places")
    func palmyraIsSyrian() throws {
        let x = try Self.read(Self.easternSyria)
        let found = x.mentions.map { "\($0.span.text) → \($0.place.id)" }
        #expect(found == [
            "Palmyra → geonames:163808", "Deir ez-Zor → geonames:170794", "Mayadin → geonames:173480",
            "Raqqa → geonames:172955", "Khabur River Valley → khabur_river_valley", "Palmyra → geonames:163808",
        ])
        let foreign = x.mentions.filter { $0.place.country != nil && $0.place.country != "SY" }
        #expect(foreign.isEmpty, "\(foreign.map { "\($0.span.text) → \($0.place.id) (\($0.place.country ?? ""))" })")
    }

    @Test("Palmyra alone is the Syrian one")
    func palmyraAlone() throws {
        let x = try Self.read("Government forces retook Palmyra in March.")
        #expect(x.mentions.map(\.place.id) == ["geonames:163808"])
        let e = try #require(x.events.first)
        #expect(e.place.id == "geonames:163808")
        #expect(e.date?.description == "2017-03")
    }

    @Test("Common words that are towns elsewhere are not places at a sentence start", arguments: [
        "Nice weather slowed nobody down near Mayadin.",
        "Reading the reports from Mayadin is hard.",
        "Deal or no deal, the army will march on Mayadin.",
        "Same story in Mayadin: the shelling goes on.",
        "Male volunteers joined the fight for Mayadin.",
        "Mobile phone networks are down in Mayadin.",
        "Sale of stolen oil funds the fighters in Mayadin.",
        "Surprise attacks hit the garrison in Mayadin.",
        "Temple ruins near Mayadin were damaged.",
    ])
    func commonWordsAtSentenceStart(text: String) throws {
        let x = try Self.read(text)
        let found = x.mentions.map { "\($0.span.text) → \($0.place.id)" }
        #expect(found == ["Mayadin → geonames:173480"])
    }

    @Test("A given name before a place name makes a person, though both are places somewhere", arguments: [
        "Michael Jordan watched the shelling of Mayadin on television.",
        "Reporter David Jordan filed from Mayadin.",
    ])
    func givenNamesMakePeople(text: String) throws {
        let x = try Self.read(text)
        #expect(x.mentions.map { "\($0.span.text) → \($0.place.id)" } == ["Mayadin → geonames:173480"])
    }

    @Test("A country and a town that are given names too are places where no name stands beside them")
    func givenNamesAloneArePlaces() throws {
        let x = try Self.read("Volunteers from Jordan and from David joined the fight for Mayadin.")
        #expect(x.mentions.map { "\($0.span.text) → \($0.place.id)" } == ["Jordan → jordan", "David → geonames:99100012", "Mayadin → geonames:173480"])
    }

    @Test("A town elsewhere after a preposition of place is still a place")
    func foreignTownAfterPreposition() throws {
        let x = try Self.read("Volunteers from Temple joined the fight for Mayadin.")
        #expect(x.mentions.map { "\($0.span.text) → \($0.place.id)" } == ["Temple → geonames:99100010", "Mayadin → geonames:173480"])
    }

    @Test("Lower-case words run together are not a town elsewhere, and do not hide the name after them")
    func lowercaseRunsHideNothing() throws {
        let x = try Self.read("Russia and Iran sent advisers in a convoy to Mayadin on Saturday.")
        #expect(x.mentions.map { "\($0.span.text) → \($0.place.id)" } == ["Russia → russia", "Iran → iran", "Mayadin → geonames:173480"])
    }

    @Test("Common words that are towns elsewhere are not places mid-sentence in lower case", arguments: [
        "The same units shelled Mayadin, a male nurse said from a mobile clinic; a nice deal, reading between the lines.",
    ])
    func commonWordsInLowerCase(text: String) throws {
        let x = try Self.read(text)
        #expect(x.mentions.map { "\($0.span.text) → \($0.place.id)" } == ["Mayadin → geonames:173480"])
    }
}
