import Geography
import Territory

/// Claim checks as JSON: the quote, the places, claimed and measured values, the verdict.
public enum CheckEncoding {
    public static func json(_ c: ClaimCheck) -> JSONValue {
        guard case .object(var o) = ExtractionEncoding.claimJSON(c.claim) else { return .null }
        o["verdict"] = .string(c.verdict.rawValue)
        o["explanation"] = .string(c.explanation)
        if let m = c.measuredMeters { o["measured_m"] = .fixed(m, decimals: 0) }
        if let b = c.measuredBearing { o["measured_bearing_deg"] = .fixed(b, decimals: 1) }
        if let d = c.measuredDirection { o["measured_direction"] = .string(d) }
        if let b = c.measuredBank { o["measured_bank"] = .string(b) }
        if let a = c.measuredSquareKilometres { o["measured_km2"] = .fixed(a, decimals: 1) }
        if let d = c.deviation { o["deviation"] = .fixed(d, decimals: 1) }
        if let t = c.tolerance { o["tolerance"] = .fixed(t, decimals: 1) }
        return .object(o)
    }
}
