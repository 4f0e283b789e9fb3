import Foundation
import Places
import Reports

// The extraction benchmark's corpus: the five seed reports plus generated news-like
// reports, built deterministically in memory (a fixed-seed generator, no files). See
// `CorpusBuilder` for how the generated text is made.

/// SplitMix64: small, fast and the same on every machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    /// 0..<n
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
}

struct Corpus {
    var reports: [Report]
    /// UTF-8 bytes of every report's text.
    var bytes: Int
    var seedBytes: Int
    var seedReports: Int
    /// Place names the generator wrote (gazetteer spellings and the fixed world list).
    var writtenNames: Int
    var generatedBytes: Int { bytes - seedBytes }
}

/// Place names for the generator: every place of a gazetteer with the spellings a news
/// writer might use, weighted by how often news names that kind of place.
struct PlacePool {
    struct Entry {
        var spellings: [String]
        var kind: PlaceKind
    }
    var entries: [Entry] = []
    var cumulative: [Double] = []

    init(gazetteer: Gazetteer) {
        var total = 0.0
        for place in gazetteer.allPlaces {
            var seen: Set<String> = []
            var spellings: [String] = []
            // Canonical, ASCII, curated aliases and Latin-script alternate names; not codes.
            for name in gazetteer.lookupNames(of: place) where PlacePool.isWritable(name) && seen.insert(name).inserted {
                spellings.append(name)
            }
            guard !spellings.isEmpty else { continue }
            // Weights: how often reports name such a place (countries and big cities often,
            // villages rarely), so common names repeat as in real news.
            let pop = Double(place.population ?? 0)
            let weight: Double
            switch place.kind {
            case .country: weight = 40
            case .province: weight = 12
            case .city: weight = 8 + 4 * log10(max(pop, 1) / 1e5 + 1)
            case .river, .valley, .region: weight = 8
            case .town: weight = 2.5
            case .village, .locality: weight = 0.8
            default: weight = gazetteer.isCurated(place) ? 4 : 1
            }
            let w = gazetteer.isCurated(place) ? weight * 3 : weight
            entries.append(Entry(spellings: spellings, kind: place.kind))
            total += w
            cumulative.append(total)
        }
    }

    /// A spelling a writer in English uses: Latin letters (diacritics allowed), not an
    /// airport code or an all-capitals abbreviation.
    static func isWritable(_ name: String) -> Bool {
        guard name.count >= 3, name.count <= 40 else { return false }
        if name.allSatisfy({ $0.isUppercase || $0.isNumber }) { return false }
        if name.contains(where: { $0.isNumber }) { return false }
        return name.unicodeScalars.allSatisfy { s in
            s.value < 0x250 || (s.value >= 0x1E00 && s.value < 0x1F00) || s.value == 0x2018 || s.value == 0x2019 || s.value == 0x02BF || s.value == 0x02BE
        }
    }

    func pick(_ rng: inout SplitMix64) -> Entry {
        let x = rng.unit() * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return entries[lo]
    }
}

/// The generator. Each report (5–50 KB, log-uniform) has a headline, often a dateline
/// ("BEIRUT (Reuters) —"), and paragraphs of one to four sentences. A sentence is one of:
/// - an event sentence composed from parts: a date phrase (on Saturday, last Tuesday, on
///   Sept. 9, in June, this week, overnight), an actor in one of its many spellings (the
///   Syrian army, U.S.-backed fighters, Daesh...), a verb (captured, shelled, pushed
///   into...), a place phrase (the town of X, X province, the outskirts of X, the road
///   between X and Y, 35 km south-east of Y) and an attribution;
/// - a sentence with no place: reported speech, quotes, humanitarian and political
///   clauses, numbers, people's names (some Arabic names with words that are also place
///   names: Abu ..., Umm ...), a little page furniture;
/// - a paragraph of one of the seeds, verbatim.
/// Places come from the default gazetteer in every spelling it holds (GeoNames name,
/// ASCII name, Latin-script alternate names, curated aliases, and "Al X" also written
/// "al-X"), weighted towards countries, provinces and cities, plus a fixed list of world
/// cities a Syria report names (Geneva, Astana, Paris...) that only the world gazetteer
/// knows. The mix is tuned so that place mentions per KB match the seeds'.
struct CorpusBuilder {
    var rng = SplitMix64(seed: 0x5EED_2017_0909)
    let pool: PlacePool
    let seedParagraphs: [String]
    var written = 0
    /// Share of sentences that name places (tuned against the seeds' density).
    var placeSentenceShare = 0.55

    init(gazetteer: Gazetteer, seeds: [Report]) {
        pool = PlacePool(gazetteer: gazetteer)
        seedParagraphs = seeds.flatMap { r in
            r.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.utf8.count > 120 }
        }
    }

    mutating func build(seeds: [Report], targetBytes: Int) -> Corpus {
        var reports = seeds
        let seedBytes = seeds.reduce(0) { $0 + $1.text.utf8.count }
        var bytes = seedBytes
        var n = 0
        while bytes < targetBytes {
            let size = Int(5000 * pow(10, rng.unit()))  // 5–50 KB, log-uniform
            let report = makeReport(number: n, size: size)
            bytes += report.text.utf8.count
            reports.append(report)
            n += 1
        }
        return Corpus(reports: reports, bytes: bytes, seedBytes: seedBytes, seedReports: seeds.count, writtenNames: written)
    }

    // MARK: Reports

    mutating func makeReport(number: Int, size: Int) -> Report {
        var text = ""
        text.reserveCapacity(size + 600)
        text += headline() + "\n\n"
        if rng.chance(0.5) {
            text += rng.pick(Vocabulary.datelines) + " — "
        }
        while text.utf8.count < size {
            if rng.chance(0.06), !seedParagraphs.isEmpty {
                text += rng.pick(seedParagraphs)
            } else {
                let k = rng.int(1...4)
                for s in 0..<k {
                    if s > 0 { text += " " }
                    text += sentence()
                }
            }
            text += rng.chance(0.03) ? "\n\n" + rng.pick(Vocabulary.furniture) + "\n\n" : "\n\n"
        }
        let day = Day(dayNumber: Day(year: 2017, month: 1, day: 1)!.dayNumber + rng.int(365))
        return Report(document: "generated-\(number).txt", outlet: rng.pick(Vocabulary.outlets),
                      published: ReportedDate(day: day, precision: .day), dateSource: "index", text: text)
    }

    mutating func headline() -> String {
        switch rng.int(4) {
        case 0: return cap(rng.pick(Vocabulary.actors)) + " " + rng.pick(Vocabulary.headlineVerbs) + " " + place()
        case 1: return "Battle for " + place() + " enters " + rng.pick(["second week", "third day", "final phase", "new stage"])
        case 2: return cap(rng.pick(Vocabulary.headlineTopics))
        default: return "Analysis: " + rng.pick(Vocabulary.headlineTopics)
        }
    }

    mutating func sentence() -> String {
        rng.chance(placeSentenceShare) ? placeSentence() : plainSentence()
    }

    // MARK: Places

    /// A place name as written, counted.
    mutating func place() -> String {
        written += 1
        if rng.chance(0.08) { return rng.pick(Vocabulary.worldPlaces) }
        return spelling(pool.pick(&rng))
    }

    mutating func spelling(_ e: PlacePool.Entry) -> String {
        // The first spelling is GeoNames' (with diacritics), the second usually ASCII, the
        // rest alternates: favour the plain ones, as an English newsroom does.
        var s: String
        let r = rng.unit()
        if e.spellings.count == 1 || r < 0.15 { s = e.spellings[0] }
        else if r < 0.55 { s = e.spellings[1] }
        else { s = e.spellings[rng.int(e.spellings.count)] }
        // "Al Mayadin" → "al-Mayadin" in half the cases.
        for article in ["Al ", "Ad ", "Ar ", "As ", "Ash ", "Az ", "At ", "An ", "Adh "] where s.hasPrefix(article) && rng.chance(0.5) {
            s = article.dropLast().lowercased() + "-" + s.dropFirst(article.count)
            break
        }
        return s
    }

    mutating func placePhrase() -> String {
        let e = pool.pick(&rng)
        written += 1
        if rng.chance(0.08) { return rng.pick(Vocabulary.worldPlaces) }
        let name = spelling(e)
        switch e.kind {
        case .village, .town, .locality:
            return rng.pick(["the village of \(name)", "the town of \(name)", name, name, "the outskirts of \(name)", "parts of \(name)", "positions near \(name)"])
        case .city:
            return rng.pick([name, name, "\(name) city", "the city of \(name)", "eastern \(name)", "the outskirts of \(name)", "neighbourhoods of \(name)"])
        case .province:
            return rng.pick([name, "\(name) province", "rural \(name)", "the countryside of \(name)"])
        case .river:
            return rng.pick(["the \(name)", "the banks of the \(name)", "the \(name) river"])
        case .country:
            return rng.pick([name, "eastern \(name)", "northern \(name)", "the border with \(name)"])
        default:
            return rng.pick([name, "the area around \(name)", name])
        }
    }

    mutating func placeSentence() -> String {
        let actor = rng.pick(Vocabulary.actors)
        switch rng.int(12) {
        case 0, 1:
            return "\(rng.pick(Vocabulary.timesCap)), \(actor) \(rng.pick(Vocabulary.verbs)) \(placePhrase())\(rng.pick(Vocabulary.attributions))."
        case 2, 3:
            return cap(actor) + " \(rng.pick(Vocabulary.verbs)) \(placePhrase()) \(rng.pick(Vocabulary.times))\(rng.pick(Vocabulary.attributions))."
        case 4:
            return cap(actor) + " \(rng.pick(Vocabulary.verbs)) \(placePhrase()), \(distance()) \(rng.pick(Vocabulary.directions)) of \(place()), \(rng.pick(Vocabulary.times))."
        case 5:
            return "Fighting \(rng.pick(["raged", "continued", "intensified", "eased"])) \(rng.pick(Vocabulary.times)) around \(placePhrase()), where \(actor) \(rng.pick(Vocabulary.verbs)) \(rng.pick(Vocabulary.objects))."
        case 6:
            return cap(actor) + " said they had \(rng.pick(Vocabulary.participles)) \(placePhrase()) and \(rng.int(2...90)) nearby villages \(rng.pick(Vocabulary.times))."
        case 7:
            return "\(place()) lies \(distance()) \(rng.pick(Vocabulary.directions)) of \(place()), on the \(rng.pick(["eastern", "western", "northern", "southern", "other"])) bank of the Euphrates."
        case 8:
            return "Residents of \(place()) told \(rng.pick(Vocabulary.outlets)) that \(rng.pick(Vocabulary.clauses))."
        case 9:
            return "\(rng.pick(["Airstrikes", "Air strikes", "Russian jets", "Coalition warplanes", "Artillery shells"])) hit \(place()) and \(place()) \(rng.pick(Vocabulary.times)), killing at least \(rng.int(2...60)) \(rng.pick(["civilians", "people", "fighters", "militants"]))\(rng.pick(Vocabulary.attributions))."
        case 10:
            return "The road linking \(place()) to \(place()) \(rng.pick(["remains closed", "was cut", "reopened to traffic", "is now under government control", "was mined by the retreating militants"]))."
        default:
            return cap(actor) + " \(rng.pick(Vocabulary.verbs)) \(placePhrase()) from the \(rng.pick(["north", "south", "east", "west", "south-west", "desert"])) after \(rng.pick(Vocabulary.gerunds)), \(rng.pick(Vocabulary.speakers)) said."
        }
    }

    mutating func distance() -> String {
        let n = rng.int(3...180)
        return rng.pick(["\(n) km", "about \(n) kilometers", "some \(n) km", "\(n) miles", "roughly \(n) kilometres"])
    }

    // MARK: Sentences without places

    mutating func plainSentence() -> String {
        switch rng.int(9) {
        case 0, 1: return cap(rng.pick(Vocabulary.speakers)) + " \(rng.pick(Vocabulary.reportVerbs)) that \(rng.pick(Vocabulary.clauses))."
        case 2: return "“\(cap(rng.pick(Vocabulary.clauses))),” \(person()), \(rng.pick(Vocabulary.roles)), \(rng.pick(["said", "told reporters", "said on Twitter", "told \(rng.pick(Vocabulary.outlets))"]))."
        case 3: return cap(rng.pick(Vocabulary.clauses)) + ", \(rng.pick(Vocabulary.speakers)) \(rng.pick(["said", "added", "warned", "claimed"]))."
        case 4: return "\(person()) \(rng.pick(Vocabulary.reportVerbs)) that \(rng.pick(Vocabulary.clauses)), adding that \(rng.pick(Vocabulary.clauses))."
        case 5: return cap(rng.pick(Vocabulary.orgs)) + " has \(rng.pick(["lost", "gained", "sent", "deployed", "withdrawn", "trained"])) \(rng.int(2...40)) \(rng.pick(["hundred", "thousand"])) \(rng.pick(["fighters", "advisers", "troops", "vehicles"])) since \(rng.int(2011...2017))."
        case 6: return rng.pick(Vocabulary.standalone)
        case 7: return "\(rng.pick(Vocabulary.timesCap)), \(rng.pick(Vocabulary.clauses)), \(rng.pick(Vocabulary.speakers)) said."
        default: return "Asked about \(rng.pick(Vocabulary.topics)), \(person()) said: “\(cap(rng.pick(Vocabulary.clauses))).”"
        }
    }

    mutating func person() -> String {
        rng.pick(Vocabulary.firstNames) + " " + rng.pick(Vocabulary.lastNames)
    }

    func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// The generator's vocabulary.
enum Vocabulary {
    static let actors = [
        "Syrian troops", "the Syrian army", "government forces", "pro-regime forces", "Assad's forces", "regime forces",
        "Syrian government forces", "the Tiger Forces", "the SDF", "the Syrian Democratic Forces", "U.S.-backed fighters",
        "US-backed forces", "Kurdish-led forces", "the Deir ez-Zor Military Council", "Kurdish fighters", "the YPG",
        "ISIS", "ISIS militants", "Islamic State fighters", "the Islamic State group", "Daesh", "IS militants", "ISIL",
        "Russian forces", "Russian jets", "Iranian-backed militias", "Iran's Revolutionary Guards", "Hezbollah fighters",
        "Hezbollah", "the US-led coalition", "coalition aircraft", "Iraqi forces", "the Iraqi army", "Popular Mobilisation units",
        "rebels", "US-backed rebels", "opposition fighters", "Turkish-backed rebels", "tribal fighters", "the Syrian Arab Army",
    ]
    static let verbs = [
        "captured", "seized", "took control of", "recaptured", "advanced on", "entered", "stormed", "pushed into",
        "shelled", "struck", "bombed", "besieged", "encircled", "withdrew from", "lost", "secured", "cleared",
        "broke the siege of", "launched an offensive on", "crossed the Euphrates near", "repelled an attack on", "reached",
        "retook", "surrounded", "moved towards", "consolidated their hold on", "liberated", "attacked",
    ]
    static let participles = ["captured", "seized", "liberated", "taken", "cleared", "secured", "surrounded", "recaptured"]
    static let headlineVerbs = ["captures", "advances on", "enters", "pushes into", "strikes", "besieges", "retakes", "nears", "shells"]
    static let objects = [
        "a checkpoint", "a military base", "an oil field", "two villages", "a key bridge", "the main road", "several hills",
        "a hospital", "a water station", "the grain silos", "an airbase", "a power plant", "militant positions",
    ]
    static let times = [
        "on Saturday", "on Sunday", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last Tuesday",
        "last week", "this week", "on Sept. 9", "on September 12", "on 3 October", "in June", "in late August", "overnight",
        "over the weekend", "two days ago", "earlier this month", "late last month", "early on Monday", "on Friday night",
        "in the past 24 hours", "since Thursday", "on August 30", "in mid-July", "yesterday", "today",
    ]
    static let timesCap = [
        "On Saturday", "On Sunday", "Last Tuesday", "Early on Monday", "On September 12", "On 3 October", "This week",
        "In June", "Overnight", "Late on Friday", "Earlier this month", "On Sept. 5", "Over the weekend", "On Thursday",
        "Late last month", "In the past week", "Two days later", "Last month", "At dawn on Wednesday",
    ]
    static let attributions = [
        "", "", "", ", the Syrian Observatory for Human Rights said", ", state media reported", ", according to activists",
        ", a military source said", ", the Pentagon said in a statement", ", the group's Amaq news agency claimed",
        ", a monitoring group said", ", local sources reported", ", according to a statement", ", the Russian defence ministry said",
    ]
    static let directions = [
        "south-east", "southeast", "north-east", "northeast", "south-west", "southwest", "north-west", "northwest",
        "north", "south", "east", "west", "due east", "just north",
    ]
    static let gerunds = [
        "weeks of heavy fighting", "a night of airstrikes", "clearing mines from the road", "a three-year siege",
        "a surprise attack", "days of shelling", "negotiations with local elders", "the militants withdrew",
    ]
    static let speakers = [
        "a spokesman for the coalition", "the monitor", "activists", "officials", "a military analyst", "the state news agency",
        "the ministry", "witnesses", "a commander", "the United Nations", "aid agencies", "the Pentagon", "the Kremlin",
        "a senior official", "the group", "the observatory", "local residents", "a Western diplomat", "analysts",
    ]
    static let reportVerbs = ["said", "warned", "told reporters", "claimed", "confirmed", "denied", "insisted", "estimated", "acknowledged"]
    static let roles = [
        "a spokesman for the coalition", "a military analyst", "a local council member", "an official who asked not to be named",
        "a commander", "a senior fellow at a Washington think tank", "a doctor at a field hospital", "a tribal elder",
        "the head of the council", "a researcher", "a former Pentagon official", "an aid worker",
    ]
    static let firstNames = [
        "Ahmed", "Mohammed", "Omar", "Khaled", "Hassan", "Ali", "Mustafa", "Nawaf", "Talal", "Rami", "Lina", "Sara", "Ryan",
        "John", "Michael", "Sergei", "Maria", "David", "Abu", "Umm", "Jihan", "Rodi", "Samir", "Fadi", "Yasser", "Leila",
    ]
    static let lastNames = [
        "Abu Kholeh", "Khalil", "al-Hassan", "Dillon", "Maloof", "Sheikh Ahmed", "Abdulrahman", "Haddad", "Nasser", "Ibrahim",
        "Abu Khawla", "Mattis", "Lavrov", "Said", "Abdullah", "Karim", "Mahmoud", "al-Ali", "Smith", "Johnson", "Petrov",
        "Fadel", "Younes", "Saleh", "Rahman", "Osman", "Aziz",
    ]
    static let orgs = [
        "the coalition", "the group", "Russia", "Iran", "the United States", "the regime", "the SDF", "Hezbollah",
        "the movement", "the militia", "the army",
    ]
    static let topics = [
        "the offensive", "the talks", "civilian casualties", "the ceasefire", "the oil fields", "the refugees", "the airstrikes",
        "the deal", "the reports", "the timetable", "the withdrawal",
    ]
    static let clauses = [
        "the fighting had displaced thousands of families", "aid convoys had not been able to reach the area for weeks",
        "talks on a ceasefire would resume next week", "the militants were using civilians as human shields",
        "the death toll was likely to rise", "negotiations over the fate of the fighters had stalled",
        "the operation would continue until the area was secure", "the price of bread had tripled since the summer",
        "there was no immediate comment from the government", "the claims could not be independently verified",
        "the two sides had agreed to a deconfliction line", "more than 40 percent of the territory had been recaptured",
        "the offensive was planned months in advance", "the airstrikes had hit a market and a school",
        "the race for the oil fields would shape the future of the region", "we will not stop until every inch is liberated",
        "nobody wants a direct confrontation between the two sides", "our forces are ready for any scenario",
        "the humanitarian situation was catastrophic", "hundreds of fighters had surrendered in recent days",
        "the water supply had been cut for a week", "the roads were full of mines and booby traps",
        "it was too early to say who controlled the area", "the retreat was a major blow to the group",
        "reinforcements had arrived from the west", "the tribes had switched sides",
        "reading the statement aloud, he called it a great deal for everyone", "it is a nice gesture but it changes nothing",
        "the same mistakes were made last year", "male relatives were detained at checkpoints",
        "mobile phone networks were down across the region", "the hospital had run out of fuel and medicine",
        "the electricity grid had collapsed", "schools had been closed since the spring", "the bridge was destroyed",
        "the militants had fled across the river", "the front line moved several kilometres in a day",
        "the government would not tolerate foreign troops on its soil", "the coalition had carried out 30 strikes",
        "the United Nations had called for a humanitarian pause", "journalists were not allowed into the area",
        "prices of fuel had doubled", "the last convoy left at dawn", "there were signs of a wider agreement",
    ]
    static let standalone = [
        "It was not immediately possible to verify the claims.", "The situation remains fluid.",
        "Both sides have denied the reports.", "The statement did not give further details.",
        "Calls to the ministry went unanswered.", "The fighting has killed hundreds of people since the start of the year.",
        "The group has lost most of its territory this year.", "Casualty figures could not be confirmed.",
        "Thousands of families remain trapped.", "The offensive is expected to last several weeks.",
        "No group has claimed responsibility.", "The talks ended without an agreement.",
    ]
    static let headlineTopics = [
        "race for the oil fields heats up", "the last stand of the militants", "what comes after the siege",
        "aid groups warn of catastrophe", "a new front opens in the east", "diplomats meet as the fighting rages",
        "the battle for the border", "who controls the river valley",
    ]
    static let datelines = ["BEIRUT (Reuters)", "BEIRUT", "DAMASCUS", "AMMAN, Jordan", "MOSCOW", "WASHINGTON", "ISTANBUL", "BAGHDAD (AP)", "ERBIL, Iraq", "GENEVA"]
    static let outlets = ["Reuters", "AP", "AFP", "Al Jazeera", "RT", "the BBC", "Al-Monitor", "Syria Direct", "Enab Baladi", "SANA", "Rudaw"]
    static let furniture = ["Share this:", "In Other News", "Load More", "Similar Posts", "Read more", "Advertisement", "Related Articles"]
    /// Cities a Syria report names that the default gazetteer lacks.
    static let worldPlaces = [
        "Geneva", "Astana", "Brussels", "Paris", "London", "Istanbul", "Riyadh", "Doha", "Cairo", "Gaziantep", "Sochi",
        "Vienna", "New York", "Kabul", "Tbilisi", "Nicosia", "Baku", "Dubai", "Washington", "Moscow",
    ]
}
