#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geography
import Places
import Reports
import Topology

/// A claim measured against the gazetteer.
public struct ClaimCheck: Sendable {
    public enum Verdict: String, Sendable { case consistent, inconsistent, unverifiable }

    public var claim: Claim
    public var verdict: Verdict
    public var measuredMeters: Double?
    public var measuredBearing: Double?
    public var measuredDirection: String?
    public var measuredBank: String?
    public var measuredSquareKilometres: Double?
    /// Measured minus claimed (metres, degrees or km²).
    public var deviation: Double?
    public var tolerance: Double?
    /// Why: the rule applied, or what could not be measured.
    public var explanation: String
}

/// Measures claims. The tolerance rule, stated once (the CLI's --help and the README quote it):
///
/// - distance: |measured − claimed| ≤ max(10% of the claim — 25% when hedged ("about",
///   "roughly", "some", "nearly") —, half its rounding unit (140 → 5 km, 35 → 2.5 km)) +
///   2 km per place for the extent of a town (10 km for a place whose point is approximate
///   or stands for an area: a field, valley, district or province);
/// - direction: the measured bearing from the reference to the subject within 45° of the
///   claimed compass point (its own sector and half of each neighbour), plus the angle the
///   places' extents (as for distances) span at their distance: a zone 6 km from a city
///   lies in a wide arc of directions from it; a valley or area with a line or outline in
///   the gazetteer (the Khabur valley, a province) is measured at its part whose bearing is
///   nearest the claimed one;
/// - bank: the subject's bank (the river line, or the gazetteer's sourced bank within the
///   line's 2 km accuracy) equals the claimed one, or differs from the reference's for "the
///   other side";
/// - area: within 50% of the claim (front-line areas are rough on both sides).
///
/// Claims about forces rather than places, places with no sourced location, directions
/// between points less than 3 km apart, and banks of places beyond the river line's ends
/// are unverifiable.
public struct ClaimChecker {
    public let gazetteer: Gazetteer
    public let river: RiverLine?
    /// Measures area claims: the named actor's growth in km² between two days.
    public let areaGrowth: ((Actor, Day, Day) -> Double?)?

    /// The vertices of places' shapes, read once per place.
    private let shapes = ShapeVertices()

    public init(gazetteer: Gazetteer, river: RiverLine?, areaGrowth: ((Actor, Day, Day) -> Double?)? = nil) {
        self.gazetteer = gazetteer; self.river = river; self.areaGrowth = areaGrowth
    }

    public static let rule = """
    distance: consistent when |measured - claimed| <= max(10% of the claim (25% if hedged: about, roughly, some, nearly), \
    half the claim's rounding unit (140 km -> 5 km)) + 2 km per place (10 km for an approximate place or an area); \
    direction: measured bearing within 45 degrees of the claimed compass point, plus the angle the places' extents \
    (as for distances) span at their distance; a valley or area with a line or outline in the gazetteer (the Khabur \
    valley, a province) is measured at its part whose bearing is nearest the claimed one; bank: the river line's side (or the \
    gazetteer's sourced bank within the line's 2 km accuracy) matches; area: the actor's growth in the control model over \
    the week up to the report within 50%, when the reports give the model a change of control in that week. Claims about forces, places \
    with approximate points (for directions), points under 3 km apart (for directions) and places beyond the river line's \
    ends (for banks) are unverifiable.
    """

    public func check(_ claim: Claim) -> ClaimCheck {
        var out = ClaimCheck(claim: claim, verdict: .unverifiable, explanation: "")
        switch claim.kind {
        case .distance: checkDistance(claim, &out)
        case .direction: checkDirection(claim, &out)
        case .bank: checkBank(claim, &out)
        case .area: checkArea(claim, &out)
        }
        return out
    }

    /// Metres of extent two places add to a tolerance: 2 km for a town, 10 km for an area or
    /// an approximate point, 1 km for a river (measured to its line).
    static func extent(_ a: Place, _ b: Place) -> Double {
        [a, b].map { ($0.kind == .river ? 1 : (isArea($0) ? 10 : 2)) * 1000.0 }.reduce(0, +)
    }

    /// Degrees of bearing a claimed compass point may be off: 45 (its sector and half of each
    /// neighbour) plus the angle the places' extent spans at their distance.
    static func angularTolerance(extent: Double, distance: Double) -> Double {
        45 + atan(extent / max(distance, 1)) * 180 / .pi
    }

    static func isArea(_ p: Place) -> Bool {
        switch p.kind {
        case .oilField, .gasField, .valley, .district, .province, .region, .country, .industrialZone: true
        default: p.precision == .approximate
        }
    }

    /// Geodesic metres between two places; a river is measured to its line.
    func measure(_ a: Place, _ b: Place) -> Double? {
        if a.kind == .river || b.kind == .river {
            let (riverPlace, point) = a.kind == .river ? (a, b) : (b, a)
            if NameNormalizer.key(riverPlace.name) == NameNormalizer.key("Euphrates"), let river, let side = try? river.side(of: point.coordinate) {
                return side.distanceMeters
            }
            guard let shape = try? gazetteer.shape(of: riverPlace), let (onLine, _) = try? shape.nearestPoints(to: .point(point.coordinate)) else { return nil }
            return Geodesic.wgs84.inverse(from: point.coordinate, to: onLine).distanceMeters
        }
        return Geodesic.wgs84.inverse(from: a.coordinate, to: b.coordinate).distanceMeters
    }

    private func checkDistance(_ c: Claim, _ out: inout ClaimCheck) {
        guard let claimed = c.claimedMeters else { return }
        guard let subject = c.subject, let reference = c.reference else {
            out.explanation = c.reference == nil ? "the reference place is not one the gazetteer knows" : "the claim is about \(c.actor.map { "a force (\($0.rawValue))" } ?? "something that is not a place"), not a place"
            return
        }
        guard let measured = measure(subject, reference) else { out.explanation = "no geometry to measure \(reference.name) against"; return }
        let fraction = c.isHedged ? 0.25 : 0.10
        let km = claimed / 1000
        let unit: Double = km.truncatingRemainder(dividingBy: 10) == 0 ? 10 : (km.truncatingRemainder(dividingBy: 5) == 0 ? 5 : 1)
        let extent = Self.extent(subject, reference)
        let tolerance = max(fraction * claimed, unit * 1000 / 2) + extent
        out.measuredMeters = measured
        out.deviation = measured - claimed
        out.tolerance = tolerance
        var verdict: ClaimCheck.Verdict = abs(measured - claimed) <= tolerance ? .consistent : .inconsistent
        var why = "straight-line (geodesic) distance \(Self.km(measured)) km against a claimed \(Self.km(claimed)) km: off by \(Self.km(measured - claimed, signed: true)) km (\(Self.percent((measured - claimed) / claimed))), tolerance \(Self.km(tolerance)) km"
        if let direction = c.claimedDirection, let point = CompassPoint(name: direction), subject.kind != .river, reference.kind != .river {
            let bearing = Geodesic.wgs84.inverse(from: reference.coordinate, to: subject.coordinate).initialBearing
            out.measuredBearing = bearing
            out.measuredDirection = CompassPoint(bearing: bearing).rawValue
            let off = Self.angle(bearing, point.bearing)
            let angular = Self.angularTolerance(extent: extent, distance: measured)
            why += "; bearing \(Int(bearing.rounded()))° (\(CompassPoint(bearing: bearing).rawValue)) against \(direction) (\(Int(off.rounded()))° off, tolerance \(Int(angular.rounded()))°)"
            if off > angular { verdict = .inconsistent }
        }
        out.verdict = verdict
        out.explanation = why
    }

    private func checkDirection(_ c: Claim, _ out: inout ClaimCheck) {
        guard let direction = c.claimedDirection, let point = CompassPoint(name: direction) else { out.explanation = "no compass direction"; return }
        guard let subject = c.subject, let reference = c.reference else {
            out.explanation = "the claim is about \(c.actor.map { "a force (\($0.rawValue))" } ?? "something that is not a place"), not a place"
            return
        }
        let (line, part) = directionLine(from: reference, to: subject, claimedBearing: point.bearing)
        out.measuredBearing = line.initialBearing
        out.measuredDirection = CompassPoint(bearing: line.initialBearing).rawValue
        out.measuredMeters = line.distanceMeters
        let off = Self.angle(line.initialBearing, point.bearing)
        let angular = Self.angularTolerance(extent: Self.extent(subject, reference), distance: line.distanceMeters)
        out.deviation = off
        out.tolerance = angular
        if subject.precision == .approximate || reference.precision == .approximate {
            out.explanation = "\(subject.precision == .approximate ? subject.name : reference.name) has no sourced location (approximate point), so its direction proves nothing; measured \(Int(line.initialBearing.rounded()))°"
            return
        }
        if line.distanceMeters < 3000 { out.explanation = "the places are under 3 km apart"; return }
        out.verdict = off <= angular ? .consistent : .inconsistent
        let bearing = "a bearing of \(Int(line.initialBearing.rounded()))° (\(CompassPoint(bearing: line.initialBearing).rawValue)); claimed \(direction) (\(Int(point.bearing))°): \(Int(off.rounded()))° off, tolerance \(Int(angular.rounded()))°"
        switch part?.id {
        case subject.id: out.explanation = "the part of \(subject.name) (its line or outline) nearest the claimed direction is \(Self.km(line.distanceMeters)) km from \(reference.name) at \(bearing)"
        case reference.id?: out.explanation = "\(subject.name) is \(Self.km(line.distanceMeters)) km from the part of \(reference.name) (its line or outline) nearest the claimed direction, at \(bearing)"
        default: out.explanation = "\(subject.name) is \(Self.km(line.distanceMeters)) km from \(reference.name) at \(bearing)"
        }
    }

    /// The line a direction claim is measured along: from the reference's point to the
    /// subject's, or, where one of them is an area or a valley with a shape in the gazetteer
    /// (a valley's line, a province's outline), to or from the vertex of that shape whose
    /// bearing is nearest the claimed one, which is named as `part`: the Khabur valley runs
    /// 130 km from north-east to east of Deir ez-Zor, and lies in all those directions from it.
    func directionLine(from reference: Place, to subject: Place, claimedBearing: Double) -> (line: GeodesicLine, part: Place?) {
        let points = Geodesic.wgs84.inverse(from: reference.coordinate, to: subject.coordinate)
        for (place, isSubject) in [(subject, true), (reference, false)] where Self.isArea(place) && place.precision != .approximate {
            guard let vertices = shapes.vertices(of: place, in: gazetteer), !vertices.isEmpty else { continue }
            let lines = vertices.map { v in
                isSubject ? Geodesic.wgs84.inverse(from: reference.coordinate, to: v) : Geodesic.wgs84.inverse(from: v, to: subject.coordinate)
            }
            let nearest = lines.min { Self.angle($0.initialBearing, claimedBearing) < Self.angle($1.initialBearing, claimedBearing) }!
            // The points' own line when it is as near the claim: it is the one a reader measures.
            if Self.angle(points.initialBearing, claimedBearing) <= Self.angle(nearest.initialBearing, claimedBearing) { return (points, nil) }
            return (nearest, place)
        }
        return (points, nil)
    }

    private func checkBank(_ c: Claim, _ out: inout ClaimCheck) {
        guard let river else { out.explanation = "no river line"; return }
        guard let subject = c.subject else {
            out.explanation = "the claim is about \(c.actor.map { "a force (\($0.rawValue))" } ?? "something that is not a place"), not a place"
            return
        }
        guard let answer = try? river.bank(of: subject.coordinate, place: subject) else { out.explanation = "the river line could not be measured"; return }
        guard !answer.isBeyondEnds else { out.explanation = "\(subject.name) lies \(answer.note ?? "beyond the river line")"; return }
        out.measuredBank = answer.bank.rawValue
        out.measuredMeters = answer.distanceMeters
        if c.claimedBank == "opposite" {
            guard let reference = c.reference, let other = try? river.bank(of: reference.coordinate, place: reference) else { return }
            guard answer.bank != .river, other.bank != .river else { out.explanation = "one of the places is on the river itself"; return }
            out.verdict = answer.bank != other.bank ? .consistent : .inconsistent
            out.explanation = "\(subject.name) is on the \(answer.bank.rawValue) bank (\(Self.km(answer.distanceMeters)) km from the river), \(reference.name) on the \(other.bank.rawValue) bank: \(answer.bank != other.bank ? "opposite sides" : "the same side")"
            return
        }
        guard answer.bank != .river else { out.explanation = answer.note ?? "on the river"; return }
        out.verdict = answer.bank.rawValue == c.claimedBank ? .consistent : .inconsistent
        out.explanation = "\(subject.name) is on the \(answer.bank.rawValue) bank, \(Self.km(answer.distanceMeters)) km from the river (\(answer.basis))"
    }

    private func checkArea(_ c: Claim, _ out: inout ClaimCheck) {
        guard let claimed = c.claimedSquareKilometres else { return }
        guard let actor = c.actor, let date = c.date?.day, let areaGrowth else {
            out.explanation = "no control model to compare the area with"
            return
        }
        // Growth since the actor's offensive began: the week up to the report.
        let from = date.adding(days: -7)
        guard let growth = areaGrowth(actor, from, date) else {
            out.explanation = "the reports give the model no change of control between \(from) and \(date) to measure \(actor.rawValue)'s growth by"
            return
        }
        out.measuredSquareKilometres = growth
        out.deviation = growth - claimed
        out.tolerance = claimed * 0.5
        out.verdict = abs(growth - claimed) <= claimed * 0.5 ? .consistent : .inconsistent
        out.explanation = "the model's \(actor.rawValue) area grew by \(Int(growth.rounded())) km² between \(from) and \(date) against a claimed \(Int(claimed)) km²"
    }

    static func angle(_ a: Double, _ b: Double) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: 360)
        return d > 180 ? 360 - d : d
    }

    static func km(_ m: Double, signed: Bool = false) -> String {
        let s = formatDecimal(m / 1000, decimals: 1)
        return signed && m > 0 ? "+" + s : s
    }

    static func percent(_ x: Double) -> String {
        (x > 0 ? "+" : "") + formatDecimal(x * 100, decimals: 0) + "%"
    }
}

/// The vertices of places' shapes by place id, read from the gazetteer's GeoJSON once: a
/// province's outline is a file of a megabyte. Used from one thread (a checker's caller).
private final class ShapeVertices {
    private var byPlace: [String: [Coordinate]?] = [:]

    func vertices(of place: Place, in gazetteer: Gazetteer) -> [Coordinate]? {
        if let known = byPlace[place.id] { return known }
        let found = (try? gazetteer.shape(of: place))??.coordinates
        byPlace[place.id] = found
        return found
    }
}

extension CompassPoint {
    /// "southwest", "south-east", "SE", "north".
    public init?(name: String) {
        var key = name.lowercased().replacing("-", with: "").replacing(" ", with: "")
        for (w, letter) in [("north", "N"), ("south", "S"), ("east", "E"), ("west", "W")] { key = key.replacing(w, with: letter) }
        guard let p = CompassPoint(rawValue: key.uppercased()) else { return nil }
        self = p
    }
}
