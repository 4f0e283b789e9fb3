import Geography
import Places
import Reports

/// Why the model says a place is held: a scenario entry or a report's event.
public struct ControlSource: Sendable {
    public var faction: Actor
    public var date: Day
    /// `scenario` or `report`.
    public var kind: String
    /// The scenario line ("control-2017-09-01.tsv:12") or the report's document name.
    public var reference: String
    /// The entry's source note, or the report's sentence.
    public var text: String
    public var outlet: String?
}

/// Who holds a place on a day: one faction, or several (contested).
public struct Holding: Sendable {
    public var place: Place
    /// Sorted; more than one means contested.
    public var factions: [Actor]
    public var since: Day
    /// The entries and events that decided it, latest last.
    public var sources: [ControlSource]
    /// Ground claimed around the place (km), when a scenario entry gives one.
    public var radiusKilometres: Double?
    /// The ground a scenario entry draws for the place (it replaces the reach disc).
    public var polygon: Shape? = nil
    public var isContested: Bool { factions.count > 1 }
}

/// The control state as of any date: the scenario's baseline with the reports' events
/// (capture, enter, siege broken) applied in date order on top. Two factions taking one
/// place within a week of each other, or a capture of "parts of" a place, make it
/// contested.
public struct ControlModel: Sendable {
    public let scenario: Scenario
    /// The events that change control, in the order they apply.
    public let events: [Event]
    /// Two claims to one place closer than this make it contested.
    public static let contestWindowDays = 7

    public init(scenario: Scenario, events: [Event]) {
        self.scenario = scenario
        self.events = events.filter { ControlModel.changesControl($0) }.sorted { a, b in
            let da = a.date!.latestDay, db = b.date!.latestDay
            if da != db { return da < db }
            if a.document != b.document { return a.document < b.document }
            return a.quote.start < b.quote.start
        }
    }

    /// Events that say who holds a place afterwards: a control action, a date, at the
    /// place itself (not "30 km from" it), and a place the size of a town or smaller (a
    /// road is a line: taking part of one holds no point of it).
    static func changesControl(_ e: Event) -> Bool {
        guard e.action.changesControl, e.date != nil, e.relation == nil else { return false }
        switch e.place.kind {
        case .country, .province, .region, .river, .valley, .road: return false
        default: return true
        }
    }

    /// The days on which an event changes who holds something, in order: a report that
    /// only repeats who already held a place does not make a new map.
    public var changeDays: [Day] {
        let days = Set(events.map { $0.date!.latestDay }).sorted()
        return days.filter { day in
            let before = Dictionary(state(asOf: day.adding(days: -1)).map { ($0.place.id, $0.factions) }) { a, _ in a }
            return state(asOf: day).contains { before[$0.place.id] != $0.factions }
        }
    }

    /// Every held place as of the end of `day`, in scenario order then event order.
    public func state(asOf day: Day) -> [Holding] {
        var order: [String] = []
        var holdings: [String: Holding] = [:]
        for entry in scenario.entries where entry.since <= day {
            let source = ControlSource(faction: entry.faction, date: entry.since, kind: "scenario", reference: entry.origin, text: entry.source, outlet: nil)
            if var h = holdings[entry.place.id] {
                if !h.factions.contains(entry.faction) { h.factions.append(entry.faction); h.factions.sort() }
                h.since = max(h.since, entry.since)
                h.sources.append(source)
                h.radiusKilometres = h.radiusKilometres ?? entry.radiusKilometres
                h.polygon = h.polygon ?? entry.polygon
                holdings[entry.place.id] = h
            } else {
                order.append(entry.place.id)
                holdings[entry.place.id] = Holding(place: entry.place, factions: [entry.faction], since: entry.since, sources: [source],
                                                   radiusKilometres: entry.radiusKilometres, polygon: entry.polygon)
            }
        }
        var lastTaken: [String: (Actor, Day)] = [:]
        for e in events where e.date!.latestDay <= day {
            let d = e.date!.latestDay
            let source = ControlSource(faction: e.actor, date: d, kind: "report", reference: e.document, text: e.quote.text, outlet: e.outlet)
            var h = holdings[e.place.id] ?? Holding(place: e.place, factions: [], since: d, sources: [], radiusKilometres: nil)
            if holdings[e.place.id] == nil { order.append(e.place.id) }
            if e.isPartial {
                h.factions = Array(Set(h.factions + [e.actor])).sorted()
            } else if let (other, when) = lastTaken[e.place.id], other != e.actor, d.dayNumber - when.dayNumber <= ControlModel.contestWindowDays {
                h.factions = Array(Set([other, e.actor])).sorted()
            } else {
                h.factions = [e.actor]
            }
            h.since = d
            h.sources.append(source)
            holdings[e.place.id] = h
            if !e.isPartial { lastTaken[e.place.id] = (e.actor, d) }
        }
        return order.map { holdings[$0]! }
    }

    /// Who held `place` at the end of `day`, or nil when neither the scenario nor a report
    /// says.
    public func holding(of place: Place, asOf day: Day) -> Holding? {
        state(asOf: day).first { $0.place.id == place.id }
    }
}
