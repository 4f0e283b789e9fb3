/// A calendar day (proleptic Gregorian), the unit reports are dated in. Plain arithmetic
/// on day numbers: no time zones, no Foundation calendars.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0); self.month = m; self.day = d
    }

    /// 0 = Sunday ... 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    public func adding(days: Int) -> Day { Day(dayNumber: dayNumber + days) }

    public var description: String { Day.pad(year, 4) + "-" + Day.pad(month, 2) + "-" + Day.pad(day, 2) }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public static func < (a: Day, b: Day) -> Bool { a.dayNumber < b.dayNumber }
}

/// How exactly a date is known.
public enum DatePrecision: String, Sendable, Codable, Comparable {
    case day, week, month, year

    var rank: Int { switch self { case .day: 0; case .week: 1; case .month: 2; case .year: 3 } }
    public static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rank < b.rank }
}

/// A date as a report gives it: a day and how precisely it is meant. A week-precise date
/// is the last day of the week it names (the event happened on or before it); a month's is
/// the first of the month and prints as `YYYY-MM`.
public struct ReportedDate: Hashable, Sendable, CustomStringConvertible {
    public var day: Day
    public var precision: DatePrecision

    public init(day: Day, precision: DatePrecision) {
        self.day = day; self.precision = precision
    }

    public var description: String {
        switch precision {
        case .day, .week: return day.description
        case .month: return Day.pad(day.year, 4) + "-" + Day.pad(day.month, 2)
        case .year: return Day.pad(day.year, 4)
        }
    }

    /// The last day the date allows: what a control model applies it on.
    public var latestDay: Day {
        switch precision {
        case .day, .week: return day
        case .month: return Day(year: day.year, month: day.month, day: Day.length(ofMonth: day.month, year: day.year))!
        case .year: return Day(year: day.year, month: 12, day: 31)!
        }
    }
}
