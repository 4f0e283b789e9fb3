import Places
import Reports
import Testing

/// Texts written for these tests, in words no seed report uses: other spellings, other
/// towns of the region, sentences with no place, common words that are towns elsewhere,
/// people's names with place-like words, and a report about another war.
@Suite("Text nobody tuned the reader for")
struct TextNobodyTunedTheReaderFor {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        /// Every mention expected, as (text, place id), in text order.
        var mentions: [(String, String)]
        /// A gap the reader is known to have: the expectation is recorded as a known issue
        /// (the test fails once the gap is closed, so the marker can be removed).
        var knownIssue: Comment? = nil
        var testDescription: String { text.count > 70 ? String(text.prefix(67)) + "..." : text }
    }

    static func check(_ c: Case, published: String? = "2017-09-20") throws -> Extraction {
        let x = try read(c.text, published: published)
        let found = x.mentions.map { "\($0.span.text) → \($0.place.id)" }
        let expected = c.mentions.map { "\($0.0) → \($0.1)" }
        if let known = c.knownIssue {
            withKnownIssue(known) { #expect(found == expected) }
        } else {
            #expect(found == expected)
        }
        for m in x.mentions {
            #expect(c.text.codePointSlice(m.span.start, m.span.end) == m.span.text)
        }
        return x
    }

    // MARK: Other spellings

    static let spellings: [Case] = [
        Case(text: "Islamic State fighters retreated to al-Mayadeen after the siege was broken.",
             mentions: [("al-Mayadeen", "geonames:173480")]),
        Case(text: "Government forces pushed on towards Albukamal, the last town before the Iraqi border.",
             mentions: [("Albukamal", "geonames:174448")]),
        Case(text: "Shelling continued in Dayr az Zawr on Sunday, residents said.",
             mentions: [("Dayr az Zawr", "geonames:170794")]),
        Case(text: "The SDF is still fighting street by street inside Raqqah.",
             mentions: [("Raqqah", "geonames:172955")]),
        Case(text: "Thousands of families fled north to Hassakeh, where camps are full.",
             mentions: [("Hassakeh", "geonames:173811")]),
        Case(text: "Convoys left Deir Ezzor for al-Mayadeen and Albu Kamal on Sunday.",
             mentions: [("Deir Ezzor", "geonames:170794"), ("al-Mayadeen", "geonames:173480"), ("Albu Kamal", "geonames:174448")]),
    ]

    @Test("Other spellings of the region's towns are found", arguments: spellings)
    func otherSpellings(_ c: Case) throws { _ = try Self.check(c) }

    // MARK: Other towns of the region (rows of Gazetteer/geonames.tsv no seed names)

    static let otherTowns: [Case] = [
        Case(text: "Islamic State fighters still hold Hajin and Subaykhan, downstream of Mayadin.",
             mentions: [("Hajin", "geonames:174506"), ("Subaykhan", "geonames:164025"), ("Mayadin", "geonames:173480")]),
        Case(text: "Government troops advanced from Sukhnah towards the besieged city.",
             mentions: [("Sukhnah", "geonames:172425")]),
        Case(text: "Kurdish officials in Qamishli said the road to Shaddadi was open again.",
             mentions: [("Qamishli", "geonames:173377"), ("Shaddadi", "geonames:172837")]),
        Case(text: "The dam near Tabqa was damaged in the fighting.",
             mentions: [("Tabqa", "geonames:172374")]),
    ]

    @Test("Other towns of the region are found", arguments: otherTowns)
    func otherTownsOfTheRegion(_ c: Case) throws { _ = try Self.check(c) }

    @Test("An event in a town no seed names is read")
    func eventInAnUnseenTown() throws {
        let x = try Self.check(Case(text: "Syrian troops captured Hajin on Saturday.", mentions: [("Hajin", "geonames:174506")]),
                               published: "2017-09-18")
        let e = try #require(x.events.first)
        #expect(x.events.count == 1)
        #expect(e.actor == .government)
        #expect(e.action == .capture)
        #expect(e.place.id == "geonames:174506")
        #expect(e.date?.description == "2017-09-16")
    }

    // MARK: No place

    static let noPlace: [Case] = [
        Case(text: "The fighting was fierce and casualties were high on both sides. Many families fled with nothing.", mentions: []),
        Case(text: "Nice weather. Reading is fun. Deal with it.", mentions: []),
        Case(text: "Same as before. Male fighters were seen. Mobile units moved at night.", mentions: []),
        Case(text: "A spokesman said the talks would continue next week.", mentions: []),
    ]

    @Test("Sentences with no place give no place, event or claim", arguments: noPlace)
    func noPlaceSentences(_ c: Case) throws {
        let x = try Self.check(c)
        #expect(x.events.isEmpty, "\(x.eventSummary)")
        #expect(x.claims.isEmpty)
    }

    // MARK: People

    static let people: [Case] = [
        Case(text: "Iranian general Qasim Soleimani visited the front near Deir ez-Zor on Friday.",
             mentions: [("Deir ez-Zor", "geonames:170794")]),
        Case(text: "Tribal commander Abu Karama al-Shaitat said his men would fight on.", mentions: []),
        Case(text: "Opposition figure Mamoun al-Homsi said the army had shelled Mayadin.", mentions: [("Mayadin", "geonames:173480")]),
        // "Omar" is the al-Omar oil field and "Homsi" a spelling of Homs: a given name makes both a person's.
        Case(text: "The activist Omar Homsi said the army had shelled Mayadin.", mentions: [("Mayadin", "geonames:173480")]),
        Case(text: "SDF commander Ahmed Abu Fas told reporters that his forces were ready.", mentions: []),
    ]

    @Test("People whose names contain a place-like word are not places", arguments: people)
    func peopleAreNotPlaces(_ c: Case) throws { _ = try Self.check(c) }

    // MARK: Furniture

    @Test("Bylines and page furniture yield nothing")
    func furniture() throws {
        let text = """
        Syrian troops captured Mayadin on Saturday.

        Reporting by Reuters staff in Damascus contributed to this report.
        Share this article
        In Other News
        Load More
        """
        let x = try Self.check(Case(text: text, mentions: [("Mayadin", "geonames:173480")]), published: "2017-09-18")
        #expect(x.events.count == 1)
    }

    @Test("A line with a furniture phrase anywhere in it is furniture, whatever its case and spacing",
          arguments: ["Reporting by Reuters staff in Damascus CONTRIBUTED TO THIS REPORT",
                      "Mayadin news: follow us on Twitter", "Mayadin news — Follow us online",
                      "© 2017 Mayadin Press — All  Rights\tReserved.", "Click here to read about Mayadin",
                      "Mayadin: sign up for our newsletter", "Your email address will not be published. Mayadin",
                      "Mayadin Share this article", "Required fields are marked * Mayadin"])
    func furniturePhrases(_ line: String) throws {
        let text = "Syrian troops captured Palmyra on Saturday.\n\n" + line + "\n"
        _ = try Self.check(Case(text: text, mentions: [("Palmyra", "geonames:163808")]))
    }

    @Test("Credit lines, hashtag lines and links to other stories are furniture, whatever place they name",
          arguments: ["Source: Mayadin Press", "SOURCES: Mayadin", "Photo: Mayadin", "Image: Mayadin fighters", "#Mayadin #Syria",
                      "• #Mayadin #DeirEzZor", "Read more: Mayadin falls", "  RELATED: Mayadin"])
    func creditsHashtagsAndLinks(_ line: String) throws {
        let text = "Syrian troops captured Palmyra on Saturday.\n\n" + line + "\n"
        _ = try Self.check(Case(text: text, mentions: [("Palmyra", "geonames:163808")]))
    }

    @Test("A name that ends the text, short or longer than sixteen bytes, is found as it is elsewhere")
    func namesAtTheEndOfTheText() throws {
        let x = try read("Troops crossed Deir ez-Zor Governorate near Mayadin. Then they left Mayadin for Deir ez-Zor Governorate", published: "2017-09-20")
        #expect(x.mentions.map(\.span.text) == ["Deir ez-Zor Governorate", "Mayadin", "Mayadin", "Deir ez-Zor Governorate"])
        #expect(x.mentions[0].place.id == x.mentions[3].place.id)
        #expect(x.mentions[1].place.id == x.mentions[2].place.id)
        let y = try read("Then they left Mayadin", published: "2017-09-20")
        #expect(y.mentions.map(\.span.text) == ["Mayadin"])
        #expect(y.mentions.first?.place.id == x.mentions[1].place.id)
    }

    @Test("A phrase is furniture only as whole words on one line",
          arguments: ["Fighters in Mayadin would not follow us\non the road.", "Mayadin clicked here too.",
                      "Volunteers in Mayadin shared this article's claims.", "Mayadin residents recontributed to this report."])
    func notFurniturePhrases(_ line: String) throws {
        let x = try read(line, published: "2017-09-20")
        #expect(x.mentions.map(\.span.text) == ["Mayadin"])
    }

    // MARK: Another war

    @Test("A report about the war in Ukraine gives no Syrian or Iraqi place")
    func anotherWar() throws {
        let text = """
        KYIV — Russian forces shelled Kharkiv overnight and pushed towards Bakhmut in the Donbas, Ukrainian officials said on Saturday.

        Ukrainian troops retook several villages near Izium after heavy fighting, the general staff said. Drones struck an oil depot in Belgorod, across the border, and Moscow said its air defences had shot down eleven of them.

        Grain exports from Odesa resumed under a deal brokered by Turkey and the United Nations.
        """
        let x = try read(text, published: "2022-09-10")
        let regional = x.mentions.filter { ["SY", "IQ"].contains($0.place.country ?? "") }
        #expect(regional.isEmpty, "\(regional.map { "\($0.span.text) → \($0.place.id)" })")
        #expect(x.events.allSatisfy { !["SY", "IQ"].contains($0.place.country ?? "") }, "\(x.eventSummary)")
        #expect(x.claims.isEmpty)
    }

    // MARK: Where, when and how much an event happened

    @Test("A country is not an event's place: an offensive \"in eastern Syria\" is placed nowhere")
    func countryIsNoEventPlace() throws {
        let x = try read("Kurdish-led forces launched an offensive against Islamic State in eastern Syria on Sunday.", published: "2017-09-20")
        #expect(x.events.isEmpty, "\(x.eventSummary)")
        // With a town in the sentence, the town is the place, wherever the country stands.
        let y = try read("Syrian troops launched an offensive in Syria's desert towards Sukhnah on Sunday.", published: "2017-09-20")
        #expect(y.events.map(\.place.id) == ["geonames:172425"], "\(y.eventSummary)")
    }

    @Test("A place named before an action's subject belongs to another clause")
    func placeBeforeTheSubjectIsAnotherClauses() throws {
        let x = try read("Rebels had marched from Tanf toward Hajin, but in June government troops reached the border with Iraq.",
                         published: "2017-09-20")
        #expect(!x.events.contains { $0.actor == .government }, "\(x.eventSummary)")
        // A "where" clause is about the place before it.
        let y = try read("The SDF stayed out of Mayadin, where Syrian troops recently broke an Islamic State siege.", published: "2017-09-20")
        #expect(y.events.contains { $0.actor == .government && $0.action == .siegeBroken && $0.place.id == "geonames:173480" }, "\(y.eventSummary)")
    }

    @Test("A siege of a province is a siege of the city it is named after")
    func siegeOfAProvinceIsOfItsCity() throws {
        let x = try read("Government troops broke the siege of Hasakah province on Sunday, officials said.", published: "2017-09-20")
        let sieges = x.events.filter { $0.action == .siegeBroken }
        #expect(sieges.map(\.place.id) == ["geonames:173811"], "\(x.eventSummary)")
    }

    @Test("A weekday dates its own sentence and one continuing it, not sentences further on")
    func weekdayDatesOnlyItsSentenceAndAContinuation() throws {
        let text = """
        Syrian troops captured Hajin on Saturday. Fighting went on across the province. Many families fled east.

        Government forces later seized Subaykhan.
        """
        let x = try read(text, published: "2017-09-20", precision: .week)
        let hajin = try #require(x.events.first { $0.place.id == "geonames:174506" }, "\(x.eventSummary)")
        #expect(hajin.date?.description == "2017-09-16" && hajin.date?.precision == .day)
        let subaykhan = try #require(x.events.first { $0.place.id == "geonames:164025" }, "\(x.eventSummary)")
        #expect(subaykhan.date == ReportedDate(day: try #require(Day(iso: "2017-09-20")), precision: .week), "«\(subaykhan.dateText)»")

        // A sentence that opens with a pronoun goes on from the one before, even in a new paragraph.
        let y = try read("Syrian troops captured Hajin on Saturday.\n\nTheir commanders said Syrian troops also seized Subaykhan.",
                         published: "2017-09-20", precision: .week)
        let next = try #require(y.events.first { $0.place.id == "geonames:164025" }, "\(y.eventSummary)")
        #expect(next.actor == .government)
        #expect(next.date?.description == "2017-09-16" && next.date?.precision == .day, "«\(next.dateText)»")
    }

    @Test("A date in a relative clause dates that clause's event, not the rest of the sentence")
    func relativeClauseKeepsItsDate() throws {
        let x = try read("The coalition struck Hajin, which the SDF took in October, killing 12 people.", published: "2017-11-20", precision: .day)
        let strike = try #require(x.events.first { $0.action == .strike }, "\(x.eventSummary)")
        #expect(strike.actor == .coalition)
        #expect(strike.date == ReportedDate(day: try #require(Day(iso: "2017-11-20")), precision: .week), "«\(strike.dateText)»")
        let capture = try #require(x.events.first { $0.action == .capture }, "\(x.eventSummary)")
        #expect(capture.actor == .sdf)
        #expect(capture.date?.description == "2017-10" && capture.date?.precision == .month, "«\(capture.dateText)»")

        // The clause's own date, and one for the sentence: each event takes its own.
        let y = try read("On Sunday the army shelled Mayadin, which ISIS fighters entered on Friday.", published: "2017-11-20", precision: .day)
        #expect(y.events.map { "\($0.action) \($0.date?.description ?? "-")" } == ["strike 2017-11-19", "enter 2017-11-17"], "\(y.eventSummary)")
    }

    @Test("An attack told again later takes the first telling's date")
    func attackToldAgainKeepsItsDate() throws {
        let text = """
        Kurdish-led forces came under attack on Saturday from Russian jets in Deir ez-Zor province.

        The group said six fighters were wounded. Talks on a demarcation line have made little progress. Both sides blame each other.

        In a statement, the SDF said its units in Mayadin were hit by Russian aircraft.
        """
        let x = try read(text, published: "2017-09-20")
        let told = try #require(x.events.first { $0.place.id == "geonames:173480" }, "\(x.eventSummary)")
        #expect(told.actor == .russia && told.target == .sdf)
        #expect(told.date?.description == "2017-09-16" && told.date?.precision == .day, "«\(told.dateText)»")
    }

    struct ClaimCase: Sendable, CustomTestStringConvertible {
        var text: String
        var actor: Actor
        var testDescription: String { text }
    }

    @Test("A claim's actor is its clause's subject, not the last actor named", arguments: [
        ClaimCase(text: "Moscow has been eyeing a corridor from Tehran to Damascus and the fields south of Hasakah.", actor: .russia),
        ClaimCase(text: "Government troops, backed by Hezbollah fighters, closed in from the west of Mayadin.", actor: .government),
        ClaimCase(text: "The SDF is advancing to clear ISIS from villages north of Hajin.", actor: .sdf),
    ])
    func claimActorIsTheSubject(_ c: ClaimCase) throws {
        let x = try read(c.text, published: "2017-09-20")
        let claim = try #require(x.claims.first, "no claim read")
        #expect(claim.actor == c.actor, "\(claim.phrase.text): \(claim.actor?.rawValue ?? "nil")")
    }

    @Test("A road named by its ends is a place of its own, between them", arguments: [
        "Kurdish-led forces took control of the highway between Raqqa and Tabqa on Tuesday.",
        "Kurdish-led forces seized the Raqqa-Tabqa road on Tuesday.",
    ])
    func roadBetweenTwoTowns(_ text: String) throws {
        let x = try read(text, published: "2017-09-20")
        let e = try #require(x.events.first, "no event read")
        #expect(x.events.count == 1, "\(x.eventSummary)")
        #expect(e.actor == .sdf && e.action == .capture)
        #expect(e.place.kind == .road)
        #expect(e.place.id == "road:geonames:172955~geonames:172374")
        // Between the two towns, not at either.
        let raqqa = (35.95283, 39.00788), tabqa = (35.83758, 38.54828)
        #expect(e.place.coordinate.latitude > tabqa.0 && e.place.coordinate.latitude < raqqa.0)
        #expect(e.place.coordinate.longitude > tabqa.1 && e.place.coordinate.longitude < raqqa.1)
        #expect(e.place.precision == .approximate)
        #expect(e.placeNote?.contains("midpoint") == true)
        #expect(!e.isPartial)
    }

    @Test("A pronoun subject is the actor of the sentence before")
    func pronounSubject() throws {
        let x = try read("Syrian troops captured Hajin on Saturday. They also seized Subaykhan.", published: "2017-09-20")
        let e = try #require(x.events.first { $0.place.id == "geonames:164025" }, "\(x.eventSummary)")
        #expect(e.actor == .government)
        // With no actor in the sentence before, a pronoun names nobody.
        let y = try read("Fighting was heavy on Saturday. They also seized Subaykhan.", published: "2017-09-20")
        #expect(y.events.isEmpty, "\(y.eventSummary)")
    }

    @Test("An attack in the passive names its agent after \"by\", and \"across the border from\" is a relation")
    func passiveAttackAcrossTheBorder() throws {
        let x = try read("Islamic State fighters are coming under attack by Iraqi troops across the border from Abu Kamal.", published: "2017-09-20")
        let e = try #require(x.events.first, "no event read")
        #expect(e.actor == .iraq && e.action == .strike)
        #expect(e.place.id == "geonames:174448")
        #expect(e.relation == "across the border from")
    }

    @Test("Taking some of a place, or an amount of ground in it, is partial", arguments: [
        ("Government forces captured some of Mayadin on Sunday.", "geonames:173480"),
        ("The SDF took control of parts of Syria's Hasakah province.", "hasakah_province"),
        ("Syrian troops have liberated 40 villages in Hama province.", "hama_province"),
        ("The SDF pushed into Raqqa, capturing about 40 square kilometres.", "geonames:172955"),
        ("Syrian troops seized part of a highway running from Hajin to Mayadin.", "road:geonames:174506~geonames:173480"),
    ])
    func partialCaptures(_ text: String, place: String) throws {
        let x = try read(text, published: "2017-09-20")
        let captures = x.events.filter { $0.action == .capture }
        let e = try #require(captures.first { $0.place.id == place }, "\(x.eventSummary)")
        #expect(e.isPartial)
        // The whole place, named alone, is not partial.
        let whole = try read("Government forces captured Mayadin on Sunday.", published: "2017-09-20")
        #expect(whole.events.allSatisfy { !$0.isPartial })
    }
}

extension TextNobodyTunedTheReaderFor {
    @Test("A river named as where another flows into it stands for their confluence in a distance claim")
    func riverMouthIsTheConfluence() throws {
        let x = try read("The Khabur winds down from Hasakah and empties into the Euphrates, some 40 km south-east of Deir ez-Zor.",
                         published: "2017-09-20")
        let claim = try #require(x.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(claim.subject?.id == "khabur_euphrates_confluence")
        #expect(claim.subjectText == "the Euphrates where the Khabur flows into it")
        #expect(claim.reference?.id == "geonames:170794")
        // A river that nothing flows into stays the river.
        let crossing = try read("Government troops reached the Euphrates, about 40 km east of Palmyra.", published: "2017-09-20")
        let plain = try #require(crossing.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(plain.subject?.kind == .river)
    }

    @Test("An abbreviated month with its dot dates an event", arguments: [
        ("the SDF said they had seized the Conoco gas field on Sept. 23.", "2017-09-23"),
        ("Syrian troops captured Mayadin on Oct. 14, 2017, state media said.", "2017-10-14"),
    ])
    func abbreviatedMonthsDate(_ text: String, _ day: String) throws {
        let x = try read(text, published: "2017-10-20")
        let event = try #require(x.events.first, "no event read")
        #expect(event.date?.description == day)
        #expect(event.date?.precision == .day)
    }

    @Test("\"U.S.-backed\" before an actor is its adjective: the backed force is the subject")
    func backedForceIsTheSubject() throws {
        let x = try read("On the other side of the Euphrates, the U.S.-backed Syrian Democratic Forces said they had seized the Conoco gas field.",
                         published: "2017-10-20")
        #expect(x.events.map(\.actor) == [.sdf])
        let y = try read("Iranian-backed militias entered Abu Kamal on Wednesday.", published: "2017-11-09")
        #expect(y.events.first?.action == .enter)
    }

    @Test("An air strike nobody is named for is not given to a force without aircraft")
    func unattributedAirStrikeHasNoGroundForceActor() throws {
        let x = try read("""
        The SDF captured the village of al-Jalaa on Tuesday. Residents said airstrikes had hit a market in Hajin, killing 12 civilians.
        """, published: "2017-11-09")
        #expect(x.events.map(\.action) == [.capture])
        // After a strike by a force with aircraft, "the warplanes struck" is still theirs.
        let y = try read("Russian jets struck SDF positions near Hajin on Saturday. The warplanes struck again at dawn near al-Busayrah.",
                         published: "2017-09-17")
        #expect(y.events.filter { $0.action == .strike }.allSatisfy { $0.actor == .russia })
    }

    @Test("Distances written the newspapers' ways are read with their value", arguments: [
        ("Government troops took Mayadin, some 45km south-east of Deir ez-Zor.", 45_000.0),
        ("Government troops took Mayadin, some 45 km (28 miles) south-east of Deir ez-Zor.", 45_000.0),
        ("Government troops took al-Busayrah, 2.5 km from the Euphrates.", 2_500.0),
        ("Government troops took al-Busayrah, 2.5km from the Euphrates.", 2_500.0),
    ])
    func distanceForms(_ text: String, _ metres: Double) throws {
        let x = try read(text, published: "2017-10-20")
        let claim = try #require(x.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(claim.claimedMeters == metres)
        #expect(x.claims.filter { $0.kind == .distance }.count == 1, "the conversion in brackets is not a claim of its own")
    }

    @Test("A river's bank is where a subject lies, and \"the city\" is the settlement the paragraph (or, opening one, the paragraph before) named last")
    func bankPhraseAndTheCity() throws {
        let x = try read("""
        The SDF said on Friday it had taken Raqqa. The city lies on the northern bank of the Euphrates, about 40km (25 miles) east of the Tabqa Dam.
        """, published: "2017-10-20")
        let claim = try #require(x.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(claim.subject?.id == "geonames:172955")
        #expect(claim.subjectText == "the city (Raqqa)")
        // Opening the next paragraph, "the city" is still Raqqa (AP: "... captured Albu Kamal.\n\nThe town lies on ...").
        let y = try read("The SDF said on Friday it had taken Raqqa.\n\nThe city lies on the northern bank of the Euphrates, about 40km east of the Tabqa Dam.",
                         published: "2017-10-20")
        #expect(y.claims.first { $0.kind == .distance }?.subject?.id == "geonames:172955")
        // Further on, or later in a paragraph that named no city, it is not.
        for text in ["The SDF said on Friday it had taken Raqqa.\n\nTalks went on.\n\nThe city lies on the northern bank of the Euphrates, about 40km east of the Tabqa Dam.",
                     "The SDF said on Friday it had taken Raqqa.\n\nTalks went on. The city lies on the northern bank of the Euphrates, about 40km east of the Tabqa Dam."] {
            let z = try read(text, published: "2017-10-20")
            #expect(z.claims.first { $0.kind == .distance }?.subject == nil, "\(text)")
        }
    }

    @Test("A town named with what it is, set off by commas, is the subject of the distance after it")
    func appositiveBeforeADistance() throws {
        let x = try read("Kurdish forces pulled back to Erbil, the capital of the Kurdish region, some 80 km north of Kirkuk.", published: "2017-10-17")
        let claim = try #require(x.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(claim.subject?.id == "geonames:95446")
        #expect(claim.reference?.id == "geonames:94787")
        // A clause between the town and the distance is not a description of the town.
        let y = try read("Kurdish forces pulled back to Erbil, the army said on Monday, some 80 km north of Kirkuk.", published: "2017-10-17")
        #expect(y.claims.first { $0.kind == .distance }?.subject == nil)
    }

    @Test("Moving toward or into a place, a direction or \"further\" between, is an advance; toward anything else is not", arguments: [
        ("Government units pushed north toward the town of Hajin overnight.", ["government advance geonames:174506"]),
        ("The SDF drove deeper into Raqqa on Friday.", ["sdf advance geonames:172955"]),
        ("Syrian troops moved south-east towards the outskirts of Mayadin.", ["government advance geonames:173480"]),
        ("The SDF is moving toward a deal with Damascus, officials in Raqqa said.", []),
        ("Thousands of civilians fled south toward Hajin.", []),
    ])
    func movementTowardAPlace(_ text: String, _ events: [String]) throws {
        let x = try read(text, published: "2017-09-20")
        #expect(x.events.map { "\($0.actor.rawValue) \($0.action.rawValue) \($0.place.id)" } == events, "\(x.eventSummary)")
    }

    @Test("SOHR style: \"taking full control over\" is a capture, \"took the city\" is the city named before, \"the 14th of October\" a day")
    func sohrStyle() throws {
        let x = try read("""
        The Observatory monitored regime forces taking full control over Deir Ezzor city on Friday.

        The offensive on al-Mayadin ended last month when regime forces took the city on the 14th of October.
        """, published: "2017-11-04", precision: .day)
        #expect(x.events.map { "\($0.actor.rawValue) \($0.action.rawValue) \($0.place.id) \($0.date?.description ?? "-") \($0.isPartial)" }
                == ["government capture geonames:170794 2017-11-03 false", "government capture geonames:173480 2017-10-14 false"], "\(x.eventSummary)")
        // "the city of X" names its own city.
        let y = try read("Regime forces reached Mayadin. They then took the city of Hajin.", published: "2017-11-04")
        #expect(y.events.last?.place.id == "geonames:174506", "\(y.eventSummary)")
    }

    @Test("\"The coalition said its aircraft struck\" is the coalition's strike; \"welcomes their offensive\" is the force named before")
    func coalitionPossessives() throws {
        let x = try read("Syrian regime forces retook Albukamal on Sunday. The US-led coalition said its aircraft struck IS targets near al-Qaim.",
                         published: "2017-11-18")
        #expect(x.events.map { "\($0.actor.rawValue) \($0.action.rawValue)" } == ["government capture", "coalition strike"], "\(x.eventSummary)")
        let y = try read("The SDF announced an assault on Hajin. The US-led coalition welcomes the launch of their offensive in Hajin.",
                         published: "2017-11-18")
        #expect(y.events.last.map { "\($0.actor.rawValue) \($0.action.rawValue)" } == "sdf offensive", "\(y.eventSummary)")
    }

    @Test("Headlines in the present tense are events: \"Iraqi forces recapture Rawa\"", arguments: [
        ("Iraqi forces recapture Rawa", "iraq capture geonames:92004"),
        ("Syrian army retakes Mayadin from Islamic State", "government capture geonames:173480"),
        ("SDF fighters enter Raqqa's Old City", "sdf enter geonames:172955"),
    ])
    func presentTenseHeadlines(_ headline: String, _ event: String) throws {
        let x = try read(headline + "\n\nMore fighting is expected.", published: "2017-11-18")
        #expect(x.events.map { "\($0.actor.rawValue) \($0.action.rawValue) \($0.place.id)" } == [event], "\(x.eventSummary)")
    }

    @Test("Reuters on the siege: a strike \"fired ... at\" is near the city, not where the ministry that says so sits; a town on \"the Palmyra highway\" is not Palmyra")
    func siegeReportStyle() throws {
        let x = try read("""
        Syrian government forces broke the Islamic State siege of Deir al-Zor on Tuesday.

        A Russian warship fired cruise missiles at IS targets near the city on Thursday, the defence ministry in Moscow said.

        Government forces had captured the town of Kabajeb, 50 km to the southwest, on the Palmyra highway.
        """, published: "2017-09-06")
        let strike = try #require(x.events.first { $0.action == .strike }, "\(x.eventSummary)")
        #expect(strike.actor == .russia)
        #expect(strike.place.id == "geonames:170794")
        let capture = try #require(x.events.first { $0.action == .capture }, "\(x.eventSummary)")
        #expect(capture.place.id == "geonames:163808")
        #expect(capture.relation == "on the highway to")
        // A dateline's city is where the report was filed: "the city" is not it.
        let y = try read("MOSCOW — Syrian troops reached Hajin on Monday. They have taken around 60 percent of the city.", published: "2017-09-06")
        let taken = try #require(y.events.first { $0.action == .capture }, "\(y.eventSummary)")
        #expect(taken.place.id == "geonames:174506")
        #expect(taken.isPartial)
    }

    @Test("\"The city's stadium\" is part of the city the report named last")
    func partOfTheCityNamedBefore() throws {
        let x = try read("""
        U.S.-backed militias said on Tuesday they had taken Raqqa from Islamic State.

        The Syrian Democratic Forces captured the city's stadium and the National Hospital on Tuesday morning.
        """, published: "2017-10-17")
        let e = try #require(x.events.first { $0.placeText.hasPrefix("the city's") }, "\(x.eventSummary)")
        #expect(e.actor == .sdf && e.action == .capture)
        #expect(e.place.id == "geonames:172955")
        #expect(e.isPartial)
        // With no city named before, nothing is placed.
        let y = try read("The Syrian Democratic Forces captured the city's stadium on Tuesday.", published: "2017-10-17")
        #expect(y.events.isEmpty, "\(y.eventSummary)")
    }

    @Test("A facility named for a place that the gazetteer lacks (\"the Mosul dam\") is near the place, not the place")
    func facilityNamedForAPlace() throws {
        let x = try read("Iraqi troops took over the Mosul dam on Tuesday, officials said.", published: "2017-10-17")
        let e = try #require(x.events.first, "\(x.eventSummary)")
        #expect(e.place.id == "geonames:99072")
        #expect(e.relation == "at the dam of")
        // A facility the gazetteer has is the place itself; a town with no facility noun after it is the town.
        let y = try read("Syrian troops captured the Taym oil field and Mayadin city on Saturday.", published: "2017-09-18")
        #expect(y.events.map { "\($0.place.id) \($0.relation ?? "-")" } == ["taym_oil_field -", "geonames:173480 -"], "\(y.eventSummary)")
    }

    @Test("A place the sentence opens with (\"In Raqqa city, ...\") is where its action happened, and what was taken there is part of it")
    func openingPlaceSetsTheScene() throws {
        let x = try read("In Raqqa city, the SDF seized the Old City and the Great Mosque on Tuesday.", published: "2017-09-14")
        let event = try #require(x.events.first, "no event read")
        #expect(event.actor == .sdf && event.action == .capture && event.place.id == "geonames:172955")
        #expect(event.isPartial)
        #expect(event.date?.description == "2017-09-12")
        // Without the opening phrase's comma the place is another clause's.
        let y = try read("Fighting went on in Raqqa while the SDF seized the Old City on Tuesday.", published: "2017-09-14")
        #expect(y.events.isEmpty)
    }

    @Test("\"the city\" after a distance is the settlement the report named last")
    func theCityIsAReference() throws {
        let x = try read("""
        Government forces held Deir ez-Zor city on Thursday.

        The SDF reached the Deir ez-Zor Industrial Zone, roughly 5km northeast of the city.
        """, published: "2017-09-14")
        let claim = try #require(x.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(claim.reference?.id == "geonames:170794")
        #expect(claim.subject?.id == "deir_ez_zor_industrial_zone")
        #expect(claim.referenceText == "the city (Deir ez-Zor city)")
    }

    @Test("A name a demonym puts in another country is no Syrian village of that name, anywhere in the report")
    func demonymPlacesTheName() throws {
        // GeoNames lists "Sanaa" among the other names of As Si'in, a village near Hama.
        let x = try read("""
        Coalition jets strike Sanaa

        Warplanes struck Houthi positions in the Yemeni capital Sanaa on Tuesday. Government forces advanced on Hodeidah, about 225 km west of Sanaa.
        """, published: "2017-12-05")
        #expect(x.mentions.isEmpty, "\(x.mentions.map { "\($0.span.text) → \($0.place.id)" })")
        #expect(x.events.isEmpty)
        // A demonym of the place's own country keeps it.
        let y = try read("Troops entered the Syrian town of Mayadin on Saturday.", published: "2017-10-14")
        #expect(y.mentions.map(\.place.id) == ["geonames:173480"])
    }

    @Test("Iraq's paramilitaries are Iraq in British and American spelling", arguments: [
        "The Popular Mobilisation Forces entered Rawa from the west on Friday.",
        "The Popular Mobilization Units entered Rawa from the west on Friday.",
        "Hashd al-Shaabi fighters entered Rawa from the west on Friday.",
    ])
    func iraqiParamilitaries(_ text: String) throws {
        let x = try read(text, published: "2017-11-17")
        #expect(x.events.map(\.actor) == [.iraq])
        #expect(x.events.first?.place.id == "geonames:92004")
    }

    @Test("State-media copy: the agency in the dateline is no village, and \"army units\" are Syria's army")
    func stateMediaCopy() throws {
        let x = try read("""
        Deir Ezzor, SANA- Army units on Tuesday broke the siege imposed by Daesh terrorists on Deir Ezzor city.

        The army had liberated al-Sukhna town, 50 km north-east of Palmyra, on August 12.
        """, published: "2017-09-05")
        #expect(!x.mentions.contains { $0.span.text == "SANA" })
        #expect(x.events.map { "\($0.actor.rawValue) \($0.action.rawValue) \($0.place.id) \($0.date?.description ?? "")" } == [
            "government siege_broken geonames:170794 2017-09-05",
            "government capture geonames:172425 2017-08-12",
        ])
        let claim = try #require(x.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(claim.subject?.id == "geonames:172425", "the town named right before it, with its qualifier")
    }

    @Test("A bare \"army\" is another nation's after its name, and Iraq's in a report about Iraq")
    func whoseArmy() throws {
        let turkish = try read("The Turkish army entered Tall Abyad on Sunday.", published: "2017-10-15")
        #expect(turkish.events.isEmpty)
        let iraqi = try read("The army recaptured Rawa on Friday, ten days after it entered Anah and al-Qaim.", published: "2017-11-17")
        #expect(iraqi.events.first?.actor == .iraq)
        let syrian = try read("The army recaptured Mayadin on Saturday.", published: "2017-10-14")
        #expect(syrian.events.first?.actor == .government)
    }

    @Test("Kurdish-outlet copy: the force behind \"fighters of\", full control, a place the SDF took named before it")
    func kurdishOutletCopy() throws {
        let x = try read("""
        Fighters of the Deir ez-Zor Military Council and the YPG took full control of the Conoco gas plant on Saturday.

        Regime forces are stationed on the west bank of the Euphrates, opposite the village of Khasham, which the SDF liberated last week.
        """, published: "2017-09-25")
        #expect(x.events.map { "\($0.actor.rawValue) \($0.action.rawValue) \($0.place.id) \($0.date?.description ?? "")" } == [
            "sdf capture conoco_gas_field 2017-09-23",
            "sdf capture geonames:167899 2017-09-24",
        ])
    }

    @Test("A side or bank of a river is a bank claim, and \"the plant\" is the place of that kind named last", arguments: [
        ("The SDF holds al-Busayrah, on the eastern bank of the Euphrates.", "east", "geonames:173927"),
        ("The SDF holds al-Busayrah, on the left bank of the Euphrates.", "east", "geonames:173927"),
        ("Government troops hold Mayadin, on the western side of the river Euphrates.", "west", "geonames:173480"),
    ])
    func bankSides(_ text: String, _ bank: String, _ subject: String) throws {
        let x = try read(text, published: "2017-09-25")
        let claim = try #require(x.claims.first { $0.kind == .bank }, "no bank claim read")
        #expect(claim.claimedBank == bank)
        #expect(claim.subject?.id == subject)
        #expect(claim.reference?.id == "euphrates")
    }

    @Test("\"The plant is located on the eastern side of the river, some 20 km east of X\" is about the plant named before")
    func thePlantIsTheField() throws {
        let x = try read("""
        The SDF took the Conoco gas plant on Saturday. The plant is located on the eastern side of the river, some 20 km east of Deir ez-Zor.
        """, published: "2017-09-25")
        let distance = try #require(x.claims.first { $0.kind == .distance }, "no distance claim read")
        #expect(distance.subject?.id == "conoco_gas_field")
        #expect(distance.subjectText == "the plant (Conoco gas plant)")
    }

    @Test("Ordinal days date events", arguments: [
        "Syrian troops crossed the Euphrates on September 16th.",
        "Syrian troops crossed the Euphrates on 16th September.",
        "Syrian troops crossed the Euphrates on Sept. 16th, 2017.",
    ])
    func ordinalDays(_ text: String) throws {
        let x = try read(text, published: "2017-09-18")
        let event = try #require(x.events.first, "no event read")
        #expect(event.date?.description == "2017-09-16")
        #expect(event.date?.precision == .day)
    }

    @Test("Web-page chrome yields nothing: share bars, section menus, links to other stories")
    func webPageChrome() throws {
        let x = try read("""
        Home | World | Middle East
        Share on Facebook Share on Twitter
        Read more: Why the race for Deir ez-Zor matters
        Related: Raqqa offensive enters final phase
        """, published: "2017-09-20")
        #expect(x.mentions.isEmpty, "\(x.mentions.map { "\($0.span.text) → \($0.place.id)" })")
    }

    @Test("A list item does not take the date of the item before it")
    func bulletsAreParagraphs() throws {
        let x = try read("""
        Key takeaways:
        • Pro-regime forces captured Mayadin on September 18.
        • The SDF advanced to within 6 km of Deir ez-Zor city from the north-east.
        """, published: "2017-09-20")
        let advance = try #require(x.events.first { $0.action == .advance }, "no advance read")
        #expect(advance.date?.precision == .week, "\(advance.date?.description ?? "") from «\(advance.dateText)»")
        #expect(x.events.first { $0.action == .capture }?.date?.description == "2017-09-18")
    }

    @Test("\"took X\" is a capture, \"took place in X\" is not, and \", and SDF fighters took\" has the SDF for subject")
    func tookIsACapture() throws {
        let x = try read("Government forces have taken Mayadin. The battle took place in Hajin on Saturday.", published: "2017-10-15")
        #expect(x.events.map { "\($0.actor.rawValue) \($0.action.rawValue) \($0.place.id)" } == ["government capture geonames:173480"])
        let y = try read("Government troops entered Khusham late on Saturday, and SDF fighters took Hajin early Sunday.", published: "2017-09-18")
        #expect(y.events.map { "\($0.actor.rawValue) \($0.action.rawValue) \($0.place.id) \($0.date?.description ?? "")" } == [
            "government enter geonames:167899 2017-09-16",
            "sdf capture geonames:174506 2017-09-17",
        ])
    }
}
