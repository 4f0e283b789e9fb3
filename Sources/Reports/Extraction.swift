import Geography
import Places

/// The parties to the war, as the reader normalises them.
public enum Actor: String, CaseIterable, Sendable, Codable, Comparable {
    case government, sdf, isis, russia, iran, hezbollah, coalition, us, iraq, rebels

    public static func < (a: Actor, b: Actor) -> Bool { a.rawValue < b.rawValue }

    /// Whether it flew combat aircraft in this war: an air strike nobody is named for can
    /// be its, never the SDF's, ISIS's or the rebels'.
    public var fliesAircraft: Bool {
        switch self {
        case .government, .russia, .coalition, .us, .iraq: true
        case .sdf, .isis, .iran, .hezbollah, .rebels: false
        }
    }
}

/// What an event reports an actor did.
public enum Action: String, CaseIterable, Sendable, Codable {
    case capture, advance, enter, siegeBroken = "siege_broken", offensive, cross, strike

    /// Whether the event says who holds the place afterwards.
    public var changesControl: Bool {
        switch self {
        case .capture, .enter, .siegeBroken: true
        case .advance, .offensive, .cross, .strike: false
        }
    }
}

/// A stretch of a report, in Unicode code points (Python's `text[start:end]`).
public struct TextSpan: Hashable, Sendable {
    public var start: Int, end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) { self.start = start; self.end = end; self.text = text }
}

/// A place named in a report.
public struct PlaceMention: Sendable {
    public var place: Place
    public var span: TextSpan
    /// Index of the sentence it is in.
    public var sentence: Int
    var tokens: ClosedRange<Int>
}

/// An actor named in a report ("the Syrian army", "U.S.-backed fighters", "Daesh").
public struct ActorMention: Sendable {
    public var actor: Actor
    public var span: TextSpan
    public var sentence: Int
    var tokens: ClosedRange<Int>
}

/// Who did what where and when, with the sentence that says so.
public struct Event: Sendable {
    public var actor: Actor
    public var action: Action
    public var place: Place
    /// The words that name the place ("the industrial zone" when a generic reference was
    /// resolved through the report's main place).
    public var placeText: String
    /// When the place is where the event happened only relative to it ("east of",
    /// "30 km away from"): the relation; the event is then not at the place.
    public var relation: String?
    /// "parts of X": the actor took part of the place.
    public var isPartial: Bool
    /// The actor on the receiving end, when named (the SDF struck by Russian jets).
    public var target: Actor?
    public var date: ReportedDate?
    /// The words the date was read from, or "report date".
    public var dateText: String
    /// The sentence, and its span.
    public var quote: TextSpan
    public var document: String
    public var outlet: String?
    /// How the reader located a place the gazetteer does not hold (a road named by its
    /// ends), so a map's reader knows the point is derived.
    public var placeNote: String? = nil
}

/// A geographic statement a report makes that can be measured.
public struct Claim: Sendable {
    public enum Kind: String, Sendable, Codable { case distance, direction, bank, area }

    public var kind: Kind
    public var quote: TextSpan
    /// The words of the claim itself ("140 km south-east of Raqqa").
    public var phrase: TextSpan
    /// What the claim is about, and what it is measured from.
    public var subject: Place?
    public var subjectText: String?
    public var reference: Place?
    public var referenceText: String?
    public var claimedMeters: Double?
    public var claimedDirection: String?
    /// `east`/`west` for a bank, or `opposite` ("the other side of the Euphrates" from the reference).
    public var claimedBank: String?
    public var claimedSquareKilometres: Double?
    /// "about", "roughly", "some": the figure is a rough one.
    public var isHedged: Bool
    /// The actor the claim is about, when it is about a force rather than a place.
    public var actor: Actor?
    public var document: String
    public var date: ReportedDate?
}

/// Everything read from one report.
public struct Extraction: Sendable {
    public var report: Report
    public var mentions: [PlaceMention]
    public var actors: [ActorMention]
    public var events: [Event]
    public var claims: [Claim]

    /// Each distinct place mentioned, in order of first mention, with its mentions.
    public var places: [(place: Place, mentions: [PlaceMention])] {
        var order: [String] = []
        var byID: [String: [PlaceMention]] = [:]
        for m in mentions {
            if byID[m.place.id] == nil { order.append(m.place.id) }
            byID[m.place.id, default: []].append(m)
        }
        return order.map { (byID[$0]![0].place, byID[$0]!) }
    }
}
