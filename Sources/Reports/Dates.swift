/// Dates in report text, resolved against the report's date: "on Saturday", "last
/// Tuesday", "this week", "in June", "September 2-3", "9 September 2017".
struct DateExpression {
    var date: ReportedDate
    /// Tokens the expression covers.
    var tokens: ClosedRange<Int>
    var text: String
}

extension Document {
    static let weekdays = WordMap<Int>(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].enumerated().map { (Lexicon.hash($1), $0) })
    static let months = WordMap<Int>({
        var m: [UInt64: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, n) in names.enumerated() { m[Lexicon.hash(n)] = i + 1; m[Lexicon.hash(String(n.prefix(3)))] = i + 1 }
        m[Word.sept] = 9
        m.removeValue(forKey: Word.mar)  // "mar" is rarely March in news text; "March" is kept
        m[Word.march] = 3
        return m.map { ($0.key, $0.value) }
    }())

    /// The date expressions in sentence `s`.
    func dates(inSentence s: Int) -> [DateExpression] {
        let range = tokenRange(ofSentence: s)
        var out: [DateExpression] = []
        // Every expression holds a date word (a number is a day only next to a month): a
        // sentence without one, most of them, has none.
        guard range.contains(where: { wordClasses[$0].contains(.dateWord) }) else { return out }
        guard let published = report.published else { return absoluteDates(in: range) }
        let today = published.day
        var i = range.lowerBound
        func w(_ k: Int) -> UInt64 { k < range.upperBound && k >= range.lowerBound ? lower[k] : 0 }
        // Asked of every date word and number: locals, not a global's access each time.
        let weekdays = Document.weekdays, months = Document.months
        while i < range.upperBound {
            // Only date words and numbers start a date.
            if !wordClasses[i].contains(.dateWord), tokens[i].initial != .digit { i += 1; continue }
            let here = lower[i]
            if let wd = weekdays[here] {
                // "last Tuesday": the one before the report's week day; "Saturday": the latest on or before.
                let isLast = i > range.lowerBound && w(i - 1) == Word.last
                var back = (today.weekday - wd + 7) % 7
                if isLast && back == 0 { back = 7 }
                let first = isLast ? i - 1 : i
                out.append(DateExpression(date: ReportedDate(day: today.adding(days: -back), precision: .day), tokens: first...i,
                                          text: string(bytes: tokens[first].start..<tokens[i].end)))
                i += 1; continue
            }
            if here == Word.yesterday {
                out.append(DateExpression(date: ReportedDate(day: today.adding(days: -1), precision: .day), tokens: i...i, text: word(i)))
            } else if here == Word.today || here == Word.overnight || here == Word.tonight {
                out.append(DateExpression(date: ReportedDate(day: today, precision: .day), tokens: i...i, text: word(i)))
            } else if here == Word.week, i > range.lowerBound {
                let before = w(i - 1)
                if before == Word.this || before == Word.past {
                    let first = i >= range.lowerBound + 2 && (w(i - 2) == Word.earlier || w(i - 2) == Word.the) ? i - 2 : i - 1
                    out.append(DateExpression(date: ReportedDate(day: today, precision: .week), tokens: first...i,
                                              text: string(bytes: tokens[first].start..<tokens[i].end)))
                } else if before == Word.last {
                    // The Monday-to-Sunday week before the report's week: its Sunday.
                    let back = today.weekday == 0 ? 7 : today.weekday
                    out.append(DateExpression(date: ReportedDate(day: today.adding(days: -back), precision: .week), tokens: (i - 1)...i,
                                              text: string(bytes: tokens[i - 1].start..<tokens[i].end)))
                }
            } else if here == Word.month, i > range.lowerBound, w(i - 1) == Word.last || w(i - 1) == Word.this {
                var y = today.year, m = today.month
                if w(i - 1) == Word.last { m -= 1; if m == 0 { m = 12; y -= 1 } }
                out.append(DateExpression(date: ReportedDate(day: Day(year: y, month: m, day: 1)!, precision: .month), tokens: (i - 1)...i,
                                          text: string(bytes: tokens[i - 1].start..<tokens[i].end)))
            } else if let month = months[here], tokens[i].initial == .upper {
                if let e = monthExpression(at: i, month: month, range: range, today: today) { out.append(e); i = e.tokens.upperBound + 1; continue }
            } else if tokens[i].initial == .digit, i + 1 < range.upperBound,
                      case let m = i + 1 + (lower[i + 1] == Word.of ? 1 : 0), m < range.upperBound,
                      let month = months[lower[m]], tokens[m].initial == .upper, let d = dayOfMonth(i) {
                // "9 September 2017", "9 Sept", "the 14th of October" (the month is looked for
                // before the number is read: most numbers are no day).
                var year = today.year, last = m
                if m + 1 < range.upperBound, let y = Int(word(m + 1)), (1900...2100).contains(y) { year = y; last = m + 1 }
                if let day = Day(year: year, month: month, day: d) {
                    out.append(DateExpression(date: ReportedDate(day: day, precision: .day), tokens: i...last,
                                              text: string(bytes: tokens[i].start..<tokens[last].end)))
                    i = last + 1; continue
                }
            }
            i += 1
        }
        return out
    }

    /// "September 9, 2017", "September 2-3" (the last day, week precision), "in June"
    /// (the latest June up to the report: month precision), "March 2011".
    private func monthExpression(at i: Int, month: Int, range: Range<Int>, today: Day) -> DateExpression? {
        // "May" is a verb: only with a day, a year or "in" before it.
        // "Sept. 23", "Oct. 5, 2017": an abbreviated month keeps its dot.
        let abbreviated = i + 1 < range.upperBound && tokens[i].end - tokens[i].start <= 4 && tokens[i + 1].gapBefore == .other
            && UnsafeBufferPointer(rebasing: text[tokens[i].end..<tokens[i + 1].start]).elementsEqual(". ".utf8)
        if i + 1 < range.upperBound, tokens[i + 1].initial == .digit, tokens[i + 1].gapBefore == .space || abbreviated,
           let d = dayOfMonth(i + 1) {
            var last = i + 1
            var endDay = d
            if i + 2 < range.upperBound, tokens[i + 2].gapBefore == .hyphen, let d2 = dayOfMonth(i + 2), d2 > d { endDay = d2; last = i + 2 }
            var year = today.year
            if last + 1 < range.upperBound, let y = Int(word(last + 1)), (1900...2100).contains(y) { year = y; last += 1 }
            else if month > today.month { year -= 1 }
            guard let day = Day(year: year, month: month, day: endDay) else { return nil }
            return DateExpression(date: ReportedDate(day: day, precision: endDay == d ? .day : .week), tokens: i...last,
                                  text: string(bytes: tokens[i].start..<tokens[last].end))
        }
        if i + 1 < range.upperBound, let y = Int(word(i + 1)), (1900...2100).contains(y) {
            return DateExpression(date: ReportedDate(day: Day(year: y, month: month, day: 1)!, precision: .month), tokens: i...(i + 1),
                                  text: string(bytes: tokens[i].start..<tokens[i + 1].end))
        }
        if i > range.lowerBound, lower[i - 1] == Word.in || lower[i - 1] == Word.since || lower[i - 1] == Word.early || lower[i - 1] == Word.late || lower[i - 1] == Word.mid {
            let year = month > today.month ? today.year - 1 : today.year
            return DateExpression(date: ReportedDate(day: Day(year: year, month: month, day: 1)!, precision: .month), tokens: i...i, text: word(i))
        }
        return nil
    }

    /// The day of the month token `t` writes: "16", "16th", "1st", "22nd", "3rd".
    func dayOfMonth(_ t: Int) -> Int? {
        var w = word(t)
        for suffix in ["st", "nd", "rd", "th"] where w.count > 2 && w.lowercased().hasSuffix(suffix) { w.removeLast(2); break }
        guard let d = Int(w), (1...31).contains(d) else { return nil }
        return d
    }

    /// Without a report date only absolute dates can be read.
    private func absoluteDates(in range: Range<Int>) -> [DateExpression] {
        var out: [DateExpression] = []
        for i in range where tokens[i].initial == .upper {
            if let month = Document.months[lower[i]], i + 2 < range.upperBound, let d = dayOfMonth(i + 1), let y = Int(word(i + 2)),
               (1900...2100).contains(y), let day = Day(year: y, month: month, day: d) {
                out.append(DateExpression(date: ReportedDate(day: day, precision: .day), tokens: i...(i + 2), text: string(bytes: tokens[i].start..<tokens[i + 2].end)))
            }
        }
        return out
    }
}
