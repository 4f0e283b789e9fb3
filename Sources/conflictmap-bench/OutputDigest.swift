import Foundation
import Places
import Reports

// A dump of everything the reader finds in the corpus, one line per finding: speed work
// on the reader must leave it byte for byte the same (`--dump PATH`, then diff two runs).
// The unit tests cover the seeds; this covers 100 MB of text they never saw.

func dumpLines(_ x: Extraction) -> [String] {
    func place(_ p: Place?) -> String { p.map { $0.id } ?? "-" }
    func span(_ s: TextSpan) -> String { "\(s.start)-\(s.end):\(s.text)" }
    var out: [String] = ["D \(x.report.document)"]
    for m in x.mentions { out.append("M \(place(m.place)) \(m.sentence) \(span(m.span))") }
    for a in x.actors { out.append("A \(a.actor.rawValue) \(a.sentence) \(span(a.span))") }
    for e in x.events {
        out.append("E \(e.actor.rawValue) \(e.action.rawValue) \(place(e.place)) [\(e.placeText)] \(e.relation ?? "-") \(e.isPartial) "
            + "\(e.target?.rawValue ?? "-") \(e.date?.description ?? "-") \(e.date.map { "\($0.precision)" } ?? "-") [\(e.dateText)] "
            + "\(span(e.quote)) \(e.document) \(e.outlet ?? "-")")
    }
    for c in x.claims {
        out.append("C \(c.kind.rawValue) \(span(c.quote)) \(span(c.phrase)) \(place(c.subject)) [\(c.subjectText ?? "-")] "
            + "\(place(c.reference)) [\(c.referenceText ?? "-")] \(c.claimedMeters.map { "\($0)" } ?? "-") "
            + "\(c.claimedDirection ?? "-") \(c.claimedBank ?? "-") \(c.claimedSquareKilometres.map { "\($0)" } ?? "-") "
            + "\(c.isHedged) \(c.actor?.rawValue ?? "-") \(c.document) \(c.date?.description ?? "-")")
    }
    return out
}

/// Appends the dump of `extractions` to `path` (created empty by the caller).
func appendDump(_ lines: [String], to path: String) throws {
    guard let f = fopen(path, "ab") else { throw benchError("cannot write \(path)") }
    defer { fclose(f) }
    for var line in lines {
        line += "\n"
        line.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, f) }
    }
}
