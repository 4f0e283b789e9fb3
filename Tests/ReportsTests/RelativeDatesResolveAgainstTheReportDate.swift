import Reports
import Testing

/// Calendar arithmetic on `Day`, and the date words of a report resolved against its
/// publication date through the `Reader`.
@Suite("Dates resolve against the report date")
struct RelativeDatesResolveAgainstTheReportDate {
    // MARK: Day

    @Test("ISO dates parse, impossible ones do not", arguments: [
        ("2017-09-16", true), ("2016-02-29", true), ("2000-02-29", true), ("2017-12-31", true),
        ("2017-13-01", false), ("2017-02-29", false), ("1900-02-29", false), ("2017-09-31", false), ("2017-00-10", false),
        ("2017-9-16", false), ("17-09-16", false), ("2017/09/16", false), ("", false), ("2017-09-16x", false),
    ])
    func isoParsing(text: String, valid: Bool) {
        let day = Day(iso: text)
        #expect((day != nil) == valid)
        if let day { #expect(day.description == text) }
    }

    @Test("Week days of known dates")
    func weekdays() throws {
        // 1970-01-01 was a Thursday; 16 Sept 2017 a Saturday; 11 Sept 2017 a Monday; 6 Sept 2017 a Wednesday.
        let cases: [(String, Int)] = [("1970-01-01", 4), ("2017-09-16", 6), ("2017-09-11", 1), ("2017-09-06", 3), ("2017-09-10", 0), ("2000-03-01", 3)]
        for (text, weekday) in cases {
            #expect(try #require(Day(iso: text)).weekday == weekday, "\(text)")
        }
    }

    @Test("Day numbers count from 1970-01-01 and round-trip")
    func dayNumbers() throws {
        #expect(try #require(Day(iso: "1970-01-01")).dayNumber == 0)
        #expect(try #require(Day(iso: "1969-12-31")).dayNumber == -1)
        #expect(try #require(Day(iso: "2017-09-16")).dayNumber == 17425)
        for n in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(Day(dayNumber: n).dayNumber == n)
        }
    }

    @Test("Adding days crosses months, years and leap days")
    func adding() throws {
        let cases: [(String, Int, String)] = [
            ("2017-09-11", -6, "2017-09-05"), ("2017-09-16", 0, "2017-09-16"), ("2017-09-01", -1, "2017-08-31"),
            ("2017-12-31", 1, "2018-01-01"), ("2016-02-28", 1, "2016-02-29"), ("2017-02-28", 1, "2017-03-01"),
            ("2017-03-01", -365, "2016-03-01"), ("2018-01-01", -366, "2016-12-31"),
        ]
        for (from, days, to) in cases {
            #expect(try #require(Day(iso: from)).adding(days: days).description == to, "\(from) + \(days)")
        }
        #expect(try #require(Day(iso: "2017-09-05")) < (try #require(Day(iso: "2017-09-16"))))
    }

    @Test("A month-precise date prints as YYYY-MM and ends on the month's last day")
    func reportedDates() throws {
        let june = ReportedDate(day: try #require(Day(iso: "2017-06-01")), precision: .month)
        #expect(june.description == "2017-06")
        #expect(june.latestDay.description == "2017-06-30")
        let feb = ReportedDate(day: try #require(Day(iso: "2016-02-01")), precision: .month)
        #expect(feb.latestDay.description == "2016-02-29")
        let week = ReportedDate(day: try #require(Day(iso: "2017-09-03")), precision: .week)
        #expect(week.description == "2017-09-03")
        #expect(week.latestDay.description == "2017-09-03")
    }

    // MARK: Through the reader

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var published: String
        var date: String
        var precision: DatePrecision
        var testDescription: String { "\"\(text)\" (report of \(published)) → \(date) \(precision.rawValue)" }
    }

    static let cases: [Case] = [
        // The rules.
        Case(text: "Syrian troops captured Mayadin on Saturday.", published: "2017-09-16", date: "2017-09-16", precision: .day),
        Case(text: "Last Tuesday, Syrian troops captured Mayadin.", published: "2017-09-11", date: "2017-09-05", precision: .day),
        Case(text: "Syrian troops captured Mayadin last Tuesday.", published: "2017-09-11", date: "2017-09-05", precision: .day),
        Case(text: "Syrian troops captured Mayadin in June.", published: "2017-09-11", date: "2017-06", precision: .month),
        Case(text: "Syrian troops captured Mayadin this week.", published: "2017-09-13", date: "2017-09-13", precision: .week),
        Case(text: "Syrian troops captured Mayadin on September 2-3.", published: "2017-09-06", date: "2017-09-03", precision: .week),
        Case(text: "Syrian troops captured Mayadin on 9 September 2017.", published: "2017-09-16", date: "2017-09-09", precision: .day),
        // Around them.
        Case(text: "Syrian troops captured Mayadin on Saturday.", published: "2017-09-18", date: "2017-09-16", precision: .day),
        Case(text: "Last Saturday, Syrian troops captured Mayadin.", published: "2017-09-16", date: "2017-09-09", precision: .day),
        Case(text: "Syrian troops captured Mayadin yesterday.", published: "2017-09-01", date: "2017-08-31", precision: .day),
        Case(text: "Syrian troops captured Mayadin in June.", published: "2018-02-10", date: "2017-06", precision: .month),
        Case(text: "Syrian troops captured Mayadin on September 9, 2017.", published: "2017-10-02", date: "2017-09-09", precision: .day),
        Case(text: "Syrian troops captured Mayadin on October 14.", published: "2018-01-03", date: "2017-10-14", precision: .day),
        Case(text: "Syrian troops captured Mayadin.", published: "2017-09-16", date: "2017-09-16", precision: .week),
    ]

    @Test("A date word in the sentence dates the event", arguments: cases)
    func eventDate(_ c: Case) throws {
        let x = try read(c.text, published: c.published)
        let e = try #require(x.events.first, "no event read")
        #expect(x.events.count == 1, "\(x.eventSummary)")
        #expect(e.actor == .government)
        #expect(e.action == .capture)
        #expect(e.place.id == "geonames:173480")
        #expect(e.date?.description == c.date, "«\(e.dateText)»")
        #expect(e.date?.precision == c.precision, "«\(e.dateText)»")
    }

    @Test("The report's week-precise date dates an event without date words at week precision")
    func weeklyDigest() throws {
        let x = try read("Pro-regime units entered Uqayribat.", published: "2017-09-06", precision: .week)
        let e = try #require(x.events.first)
        #expect(e.date == ReportedDate(day: try #require(Day(iso: "2017-09-06")), precision: .week))
        #expect(e.dateText == "report date")
    }

    @Test("A day named in the sentence before dates the next one's event")
    func previousSentenceDay() throws {
        let x = try read("Fighting was heavy on Saturday. Syrian troops captured Mayadin.", published: "2017-09-18")
        let e = try #require(x.events.first)
        #expect(e.date?.description == "2017-09-16")
        #expect(e.date?.precision == .day)
    }

    @Test("Without a report date only absolute dates are read")
    func undatedReport() throws {
        let relative = try read("Syrian troops captured Mayadin on Saturday.")
        let e = try #require(relative.events.first)
        #expect(e.date == nil)
        let absolute = try read("Syrian troops captured Mayadin on September 9, 2017.")
        #expect(try #require(absolute.events.first).date?.description == "2017-09-09")
    }
}
