/// A WGS84 position in decimal degrees. Latitude first in Swift, as people say it;
/// GeoJSON and GEOS get `[longitude, latitude]` from the coders.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// True when both values are finite and inside [-90, 90] × [-180, 180].
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }

    public var description: String {
        "\(formatDegrees(latitude, decimals: 5)),\(formatDegrees(longitude, decimals: 5))"
    }
}

extension Coordinate {
    /// Parses `LAT,LON` in decimal degrees (spaces allowed, optional N/S/E/W suffixes).
    /// Throws with a sentence a user can act on; never traps.
    public init(parsing text: String) throws(CoordinateParseError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .notAPair(text) }
        let lat = try Coordinate.parseComponent(parts[0], positive: "N", negative: "S", whole: text)
        let lon = try Coordinate.parseComponent(parts[1], positive: "E", negative: "W", whole: text)
        guard abs(lat) <= 90 else { throw .outOfRange(text, "latitude \(formatDegrees(lat, decimals: 6)) is outside -90..90") }
        guard abs(lon) <= 180 else { throw .outOfRange(text, "longitude \(formatDegrees(lon, decimals: 6)) is outside -180..180") }
        self.init(latitude: lat, longitude: lon)
    }

    /// True when `text` has the shape of a coordinate pair (digits, one comma), so a
    /// caller can decide between "coordinates" and "a place name" before parsing.
    /// Place names never start with a digit or a sign; "35.3,abc" is a broken pair, not a name.
    public static func looksLikeCoordinatePair(_ text: String) -> Bool {
        guard text.contains(","), let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\t" }) else { return false }
        return ("0"..."9").contains(first) || first == "-" || first == "+" || first == "."
    }

    private static func parseComponent(_ raw: Substring, positive: Character, negative: Character, whole: String) throws(CoordinateParseError) -> Double {
        var body = raw.trimmingSpaces
        var sign = 1.0
        if let last = body.last, last.uppercased() == String(positive) || last.uppercased() == String(negative) {
            if last.uppercased() == String(negative) { sign = -1 }
            body = body.dropLast().trimmingSpaces
            // "-35.3S" says south twice or means north: refuse rather than guess.
            if body.first == "-" || body.first == "+" { throw .signAndHemisphere(whole, String(raw.trimmingSpaces)) }
        }
        // Double(_:) accepts "nan", "inf" and hex floats: coordinates are plain decimals only.
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(body), value.isFinite else {
            throw .notANumber(whole, String(raw))
        }
        return sign * value
    }
}

public enum CoordinateParseError: Error, Equatable, CustomStringConvertible {
    case notAPair(String)
    case notANumber(String, String)
    case outOfRange(String, String)
    case signAndHemisphere(String, String)

    public var description: String {
        switch self {
        case .notAPair(let text):
            return "'\(text)' is not a coordinate pair: write LAT,LON in decimal degrees, e.g. 35.336,40.141"
        case .notANumber(let text, let part):
            return "'\(text)' is not a coordinate pair: '\(Substring(part).trimmingSpaces)' is not a decimal number (write LAT,LON, e.g. 35.336,40.141)"
        case .signAndHemisphere(let text, let part):
            return "'\(text)': '\(part)' has both a sign and a hemisphere letter; write one of them (35.3S or -35.3)"
        case .outOfRange(let text, let why):
            return "'\(text)': \(why) (write LAT,LON: latitude first)"
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}

/// Fixed-precision decimal text without trailing zeros ("35.5", "40", "-0.000001"), the
/// same on every platform and locale; used wherever output is diffed.
public func formatDegrees(_ value: Double, decimals: Int) -> String {
    formatDecimal(value, decimals: decimals)
}

/// Rounds half away from zero to `decimals` places and prints without exponent or
/// trailing zeros. Deterministic: no locale, no Foundation formatting. A Double holds
/// 15-16 significant digits, so large values get fewer decimals than asked
/// (12345678901.123456 at 6 decimals is "12345678901.12346"); values beyond 1.8e19 are
/// printed in Swift's shortest round-trip form.
public func formatDecimal(_ value: Double, decimals requested: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
    // A Double carries about 15-16 significant digits: ask for no more decimals than fit
    // beside the integer part, so the scaled value stays exact in a UInt64.
    var decimals = max(0, min(requested, 15))
    while decimals > 0 && abs(value) * pow10(decimals) >= 9.0e15 { decimals -= 1 }
    let scale = pow10(decimals)
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    // Beyond UInt64 (1.8e19, far beyond any coordinate or distance): Swift's shortest
    // round-trip form, which may use an exponent.
    guard scaled < 1.8e19 else { return "\(value)" }
    let whole = UInt64(scaled)
    let unit = UInt64(scale)
    let intPart = whole / unit
    var frac = whole % unit
    var text = (value < 0 && whole != 0 ? "-" : "") + String(intPart)
    if decimals > 0 && frac != 0 {
        var digits = decimals
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let f = String(frac)
        text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return text
}

private func pow10(_ n: Int) -> Double {
    var p = 1.0
    for _ in 0..<n { p *= 10 }
    return p
}
