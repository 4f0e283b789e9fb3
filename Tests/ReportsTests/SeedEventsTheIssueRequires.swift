import Reports
import Testing

/// The events and the claim the reading issue requires from the seeds, each asserted on
/// actor, action, place id, date and date precision.
@Suite("The seeds give the events the issue requires")
struct SeedEventsTheIssueRequires {
    struct Required: Sendable, CustomTestStringConvertible {
        var seed: String
        var actor: Actor
        var action: Action
        var place: String
        /// `YYYY-MM-DD` when the report says the day; nil when it does not, and then the
        /// event's date must fall in `between` (inclusive).
        var date: String?
        var precision: DatePrecision?
        var between: (String, String)?
        var partial: Bool = false
        var why: String

        var testDescription: String { "\(actor.rawValue) \(action.rawValue) \(place) (\(seed.prefix(3)))" }
    }

    static let ap = "000_38e5c09d94b64e3b", rt = "001_7d8833298df37284", aljazeera = "002_1785e81b1290af86"
    static let primeSource = "003_66ecdb24853f6cd4", zeroHedge = "004_e5d8e12413992f3f"

    static let required: [Required] = [
        Required(seed: rt, actor: .government, action: .siegeBroken, place: "geonames:170794", date: "2017-09-05", precision: .day,
                 why: "RT (Mon 11 Sept): \"Last Tuesday, the Syrian military ... broke the IS ... siege of Deir ez-Zor\""),
        Required(seed: ap, actor: .government, action: .capture, place: "taym_oil_field", date: "2017-09-09", precision: .day,
                 why: "AP (Sat 9 Sept): \"they had captured the province's Taym oil field from ISIS militants on Saturday\""),
        Required(seed: aljazeera, actor: .government, action: .capture, place: "taym_oil_field", date: "2017-09-09", precision: .day,
                 why: "Al Jazeera (Sat 9 Sept): \"announced on Saturday they had ousted ISIL fighters from the province's Taym oilfield\""),
        Required(seed: rt, actor: .sdf, action: .offensive, place: "khabur_river_valley", date: "2017-09-09", precision: .day,
                 why: "RT: CJTF-OIR \"welcomes the commencement of their offensive ... in the Khabur River Valley\", said Saturday"),
        Required(seed: ap, actor: .sdf, action: .capture, place: "abu_khashab", date: nil, precision: nil, between: ("2017-08-01", "2017-09-09"),
                 why: "AP: Abu Khawla (SDF) \"said his group has already liberated 93 villages ... the village of Abou Khashab\""),
        Required(seed: rt, actor: .sdf, action: .capture, place: "brigade_113_base", date: nil, precision: nil, between: ("2017-09-09", "2017-09-11"),
                 why: "RT: the SDF \"reportedly capturing the 113th Brigade Base and parts of the Al-Salihiyah District\""),
        Required(seed: rt, actor: .sdf, action: .capture, place: "al_salihiyah_deir_ez_zor", date: nil, precision: nil, between: ("2017-09-09", "2017-09-11"),
                 partial: true, why: "RT: \"... and parts of the Al-Salihiyah District\""),
        Required(seed: rt, actor: .government, action: .capture, place: "hills_17", date: "2017-09-11", precision: .day,
                 why: "RT: \"Meanwhile Monday, the Syrian army ... 'liberating the 17th Hills'\""),
        Required(seed: primeSource, actor: .government, action: .enter, place: "geonames:162803", date: nil, precision: nil, between: ("2017-09-02", "2017-09-06"),
                 why: "Prime Source (week of 2-6 Sept): \"pro-regime units entered the city of Uqayribat\""),
        Required(seed: zeroHedge, actor: .russia, action: .strike, place: "deir_ez_zor_industrial_zone", date: "2017-09-16", precision: .day,
                 why: "Zero Hedge (Sat 16 Sept): SDF units \"in the industrial zone\" \"were hit with an attack from the Russian aircraft\" on Saturday"),
    ]

    @Test("The required event is read", arguments: required)
    func requiredEventIsRead(_ r: Required) throws {
        let x = try Seeds.extraction(r.seed)
        let candidates = x.events.filter { $0.actor == r.actor && $0.action == r.action && $0.place.id == r.place }
        let e = try #require(candidates.first, "\(r.why)\nnot found; the events read:\n\(x.eventSummary)")
        #expect(candidates.contains { $0.isPartial == r.partial }, "partial should be \(r.partial)")
        if let date = r.date {
            #expect(candidates.contains { $0.date?.description == date && $0.date?.precision == r.precision },
                    "dates \(candidates.map { "\($0.date?.description ?? "nil")/\($0.date?.precision.rawValue ?? "-") «\($0.dateText)»" }); expected \(date)/\(r.precision?.rawValue ?? "")")
        }
        if let (from, to) = r.between {
            let d = try #require(e.date, "undated")
            let lo = try #require(Day(iso: from)), hi = try #require(Day(iso: to))
            #expect(d.day >= lo && d.latestDay <= hi, "date \(d)/\(d.precision.rawValue) «\(e.dateText)» outside \(from)...\(to)")
        }
        #expect(e.document == r.seed + ".txt")
        #expect(e.outlet != nil)
        // The quote is the sentence that says so.
        #expect(x.report.text.codePointSlice(e.quote.start, e.quote.end) == e.quote.text)
    }

    @Test("RT's \"140 km south-east of Raqqa\" is a distance claim from Raqqa to Deir ez-Zor")
    func rtDistanceClaim() throws {
        let x = try Seeds.extraction(Self.rt)
        let claims = x.claims.filter { $0.kind == .distance && $0.phrase.text.contains("140 km") }
        let c = try #require(claims.first, "claims read: \(x.claims.map { "\($0.kind.rawValue): \($0.phrase.text)" })")
        #expect(claims.count == 1)
        #expect(c.claimedMeters == 140_000)
        #expect(c.subject?.id == "geonames:170794")
        #expect(c.reference?.id == "geonames:172955")
        #expect(c.claimedDirection == "southeast")
        #expect(c.isHedged == false)
        #expect(c.phrase.text == "140 km south-east of Raqqa")
        #expect(x.report.text.codePointSlice(c.phrase.start, c.phrase.end) == c.phrase.text)
    }
}
