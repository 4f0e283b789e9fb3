import Geography
import Places
import Reports
import Territory
import Topology

/// What every map of a run draws under the zones: land, country borders, province lines,
/// the rivers and the deconfliction line, cut to the map's view. Built once per run and
/// shared by every date's map (reading and clipping the provinces is the costly part).
public struct BaseLayers: Sendable {
    /// A named piece of base geography with the source a caption must credit.
    public struct Layer: Sendable {
        public var id: String
        public var name: String
        public var shape: Shape
        public var source: String
    }

    /// The lon/lat box a map fits on its page: the zones' region.
    public var view: BoundingBox
    /// The lon/lat box every layer is cut to: the view with room to fill a page frame of
    /// another shape.
    public var cut: BoundingBox
    /// Country polygons cut to the view, for the background (Syria first).
    public var countries: [Layer]
    /// Country borders as lines (shared borders once).
    public var countryBorders: Shape
    /// Syria's provinces' borders, one line shape per province (shared borders appear
    /// in both: named lines serve a GIS better than one merged tangle).
    public var provinces: [Layer]
    /// The Euphrates and the Khabur as drawn rivers.
    public var rivers: [Layer]
    /// The Euphrates line the model uses as the deconfliction line.
    public var deconflictionLine: Shape
    /// These layers as GeoJSON features, serialised once, and their boxes.
    public var encodedFeatures: [JSONValue] = []
    public var featureBoxes: [BoundingBox] = []

    public static func load(gazetteer: Gazetteer, river: RiverLine, view: BoundingBox = ZoneBuilder.bounds) throws -> BaseLayers {
        let cut = BoundingBox(west: view.west - 1.2, south: view.south - 0.6, east: view.east + 1.2, north: view.north + 0.6)
        let frame = Shape.box(cut)
        let countries = gazetteer.allPlaces.filter { $0.kind == .country && $0.geometryReference != nil }
        let provinces = gazetteer.allPlaces.filter { $0.kind == .province && $0.country == "SY" && $0.geometryReference != nil }
        let rivers = ["euphrates", "khabur"].compactMap { gazetteer.place(id: $0) }
        let shapes = try gazetteer.shapes(of: countries + provinces + rivers)

        var countryLayers: [Layer] = []
        var borders: [Shape] = []
        for country in countries.sorted(by: { ($0.id == "syria" ? 0 : 1, $0.name) < ($1.id == "syria" ? 0 : 1, $1.name) }) {
            guard let shape = shapes[country.id], let box = shape.boundingBox, box.intersects(cut) else { continue }
            let cut = try shape.intersection(with: frame)
            guard !cut.polygons.isEmpty else { continue }
            countryLayers.append(Layer(id: country.id, name: country.name, shape: .multiPolygon(cut.polygons), source: "Natural Earth 10m admin-0 (public domain)"))
            borders.append(try shape.boundary())
        }
        // Neighbours share their border lines vertex for vertex: the union draws each once.
        // The union nodes the lines into two-point pieces: merge them back into runs.
        let countryBorders = try Shape.collection(borders).unaryUnion().intersection(with: frame).lineMerged()
        var provinceLayers: [Layer] = []
        for province in provinces.sorted(by: { $0.name < $1.name }) {
            guard let shape = shapes[province.id], let box = shape.boundingBox, box.intersects(cut) else { continue }
            // The COD-AB lines are drawn at 1:250k; 0.0005° (about 50 m) keeps every bend
            // a map of this scale can show and a fraction of the vertices.
            let line = try shape.boundary().intersection(with: frame).lineMerged().simplified(tolerance: 0.0005, preservingTopology: false)
            guard !line.lines.isEmpty else { continue }
            provinceLayers.append(Layer(id: province.id, name: province.name, shape: .multiLineString(line.lines), source: "OCHA/UNCS Syria COD-AB 2020 (simplified to 0.0005 degrees)"))
        }
        var riverLayers: [Layer] = []
        for river in rivers {
            guard let shape = shapes[river.id] else { continue }
            let cut = try shape.intersection(with: frame).lineMerged()
            riverLayers.append(Layer(id: river.id, name: river.name, shape: .multiLineString(cut.lines), source: "GSHHG 2.3.7 / CIA World Data Bank II"))
        }
        let line = try river.shape.intersection(with: frame).lineMerged()
        var layers = BaseLayers(view: view, cut: cut, countries: countryLayers, countryBorders: .multiLineString(countryBorders.lines),
                                provinces: provinceLayers, rivers: riverLayers,
                                deconflictionLine: .multiLineString(line.lines))
        let features = MapGeoJSON.baseFeatures(layers)
        layers.encodedFeatures = features.map { .raw(GeoJSON.json(for: $0).serialized()) }
        layers.featureBoxes = features.compactMap { $0.shape?.boundingBox }
        return layers
    }
}

/// A place drawn on a map: who held it and on what basis, and where the reports name it.
public struct MapPlace: Sendable {
    public struct Mention: Sendable {
        public var document: String
        public var outlet: String?
        public var span: TextSpan

        public init(document: String, outlet: String?, span: TextSpan) { self.document = document; self.outlet = outlet; self.span = span }
    }

    public var place: Place
    /// Faction ids: one holder, two or more when contested, none when nobody says.
    public var factions: [String]
    /// `scenario` or `report` (a control point), `zone` (inside a faction's zone, no
    /// source names its holder), `unknown`.
    public var basis: String
    public var since: Day?
    /// The scenario entries and report events that say who held it, oldest first.
    public var sources: [ControlSource]
    public var mentions: [Mention]

    public var isContested: Bool { factions.count > 1 }
    /// The colour key: a faction id, `contested` or `unknown`.
    public var holder: String { factions.count == 1 ? factions[0] : factions.isEmpty ? "unknown" : "contested" }

    /// Larger first when labels compete for room: cities, then towns; people; sources.
    public var labelPriority: Double {
        let kindWeight: Double = switch place.kind {
        case .city: 4
        case .town: 3
        case .airport, .base, .oilField, .gasField, .borderCrossing: 2.5
        case .village: 2
        default: 1
        }
        return kindWeight * 1_000_000 + Double(place.population ?? 0) + Double(mentions.count) * 1_000
    }
}

/// Events of one actor, one action at one place, shown as one numbered symbol: five
/// reports of the siege of Deir ez-Zor being broken are one event on a map.
public struct EventGroup: Sendable {
    public var number: Int
    public var actor: Actor
    public var action: Action
    public var place: Place
    /// Where it was relative to the place when not at it ("30 km away from", "west of").
    public var relation: String?
    /// The most precise date the reports give, the earliest at that precision.
    public var date: ReportedDate
    /// Every report of it, in date then document order.
    public var events: [Event]
    /// ACLED geo-precision: 1 a point place, 2 part of a region (a valley, a district).
    public var geoPrecision: Int
    public var outlets: [String] { Array(Set(events.compactMap(\.outlet))).sorted() }
}

/// Everything one dated map shows. Built by `MapSceneBuilder`; drawn by `SVGMap` and
/// encoded by `MapGeoJSON`.
public struct MapScene: Sendable {
    public var asOf: Day
    /// The dates of the first and last event shown ("Events from–to"); nil when none.
    public var eventWindow: ClosedRange<Day>?
    public var zones: ZoneMap
    public var places: [MapPlace]
    /// Every event shown, each with its ACLED geo-precision (1–3), in date order.
    public var events: [(event: Event, geoPrecision: Int, group: Int?)]
    public var groups: [EventGroup]
    public var base: BaseLayers
    /// The reports read: document, outlet, publication date.
    public var reports: [Report]
    /// The scenario file's name, for the caption.
    public var scenarioName: String

    /// The factions that hold ground or places on this map, in legend order.
    public var factionsPresent: [String] {
        var present = Set(zones.zones.map(\.faction))
        for p in places { present.formUnion(p.factions) }
        present.remove("unknown")
        let order = MapStyle.legendOrder
        return present.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
    }
}

/// Builds each date's scene from the model, the zones and the reports.
public struct MapSceneBuilder: Sendable {
    public let zoneBuilder: ZoneBuilder
    public let base: BaseLayers
    public let model: ControlModel
    public let extractions: [Extraction]
    public let rule: ZoneRule

    public init(zoneBuilder: ZoneBuilder, base: BaseLayers, model: ControlModel, extractions: [Extraction], rule: ZoneRule = .voronoi) {
        self.zoneBuilder = zoneBuilder; self.base = base; self.model = model; self.extractions = extractions; self.rule = rule
    }

    /// ACLED geo-precision of an event's place; nil for a country (too coarse to map).
    public static func geoPrecision(_ place: Place) -> Int? {
        switch place.kind {
        case .country: nil
        case .province: 3
        case .region, .valley, .district, .river, .road: 2
        default: 1
        }
    }

    public func scene(asOf day: Day) throws -> MapScene {
        try scene(asOf: day, zones: zoneBuilder.build(model.state(asOf: day), day: day, rule: rule))
    }

    /// A day's scene around zones computed ahead (the costly part, which a caller may
    /// run in parallel with loading the base layers).
    public func scene(asOf day: Day, zones: ZoneMap) throws -> MapScene {
        let holdings = model.state(asOf: day)
        let view = base.cut

        var mentions: [String: [MapPlace.Mention]] = [:]
        var mentionedPlaces: [Place] = []
        for x in extractions {
            for m in x.mentions {
                if mentions[m.place.id] == nil { mentionedPlaces.append(m.place) }
                mentions[m.place.id, default: []].append(MapPlace.Mention(document: x.report.document, outlet: x.report.outlet, span: m.span))
            }
        }

        var places: [MapPlace] = []
        var seen: Set<String> = []
        for h in holdings where MapSceneBuilder.isPoint(h.place) && view.contains(h.place.coordinate) {
            seen.insert(h.place.id)
            places.append(MapPlace(place: h.place, factions: h.factions.map(\.rawValue), basis: h.sources.last?.kind ?? "scenario",
                                   since: h.since, sources: h.sources, mentions: mentions[h.place.id] ?? []))
        }
        for place in mentionedPlaces where !seen.contains(place.id) && MapSceneBuilder.isPoint(place) && view.contains(place.coordinate) {
            seen.insert(place.id)
            // Nobody names its holder: say whose zone it lies in, and that this is why.
            let point = Shape.point(place.coordinate)
            let zone = try zones.zones.first { try $0.shape.intersects(point) }
            places.append(MapPlace(place: place, factions: zone.map { [$0.faction] } ?? [], basis: zone == nil ? "unknown" : "zone",
                                   since: nil, sources: [], mentions: mentions[place.id] ?? []))
        }

        var shown: [(event: Event, geoPrecision: Int)] = []
        for x in extractions {
            for e in x.events {
                guard let date = e.date, date.latestDay <= day, let precision = MapSceneBuilder.geoPrecision(e.place),
                      view.contains(e.place.coordinate) else { continue }
                // "30 km away from X" happened near X, not at it: ACLED's precision 2.
                shown.append((e, e.relation == nil ? precision : max(precision, 2)))
            }
        }
        shown.sort { a, b in
            let da = a.event.date!.latestDay, db = b.event.date!.latestDay
            if da != db { return da < db }
            if a.event.document != b.event.document { return a.event.document < b.event.document }
            return a.event.quote.start < b.event.quote.start
        }

        // One numbered symbol per actor, action and place; province-wide events stay in
        // the GeoJSON, where their precision says what they are.
        var groupIndex: [String: Int] = [:]
        var grouped: [[Event]] = []
        for (e, precision) in shown where precision <= 2 {
            let key = MapSceneBuilder.groupKey(e)
            if let i = groupIndex[key] { grouped[i].append(e) } else { groupIndex[key] = grouped.count; grouped.append([e]) }
        }
        var groups = grouped.map { events -> EventGroup in
            let date = events.map { $0.date! }.min { ($0.precision, $0.latestDay) < ($1.precision, $1.latestDay) }!
            return EventGroup(number: 0, actor: events[0].actor, action: events[0].action, place: events[0].place, relation: events[0].relation, date: date,
                              events: events, geoPrecision: MapSceneBuilder.geoPrecision(events[0].place)!)
        }
        groups.sort { ($0.date.latestDay, $0.place.name, $0.actor.rawValue, $0.action.rawValue, $0.relation ?? "") < ($1.date.latestDay, $1.place.name, $1.actor.rawValue, $1.action.rawValue, $1.relation ?? "") }
        for i in groups.indices { groups[i].number = i + 1 }
        var numberOf: [String: Int] = [:]
        for g in groups { numberOf[MapSceneBuilder.groupKey(g.events[0])] = g.number }

        let events = shown.map { e, precision in
            (event: e, geoPrecision: precision, group: numberOf[MapSceneBuilder.groupKey(e)])
        }
        let window = shown.isEmpty ? nil : shown.first!.event.date!.latestDay...shown.last!.event.date!.latestDay
        let scenarioName = model.scenario.path.split(separator: "/").last.map(String.init) ?? model.scenario.path
        return MapScene(asOf: day, eventWindow: window, zones: zones, places: places, events: events, groups: groups,
                        base: base, reports: extractions.map(\.report), scenarioName: scenarioName)
    }

    /// Events of one group: same place, actor, action and relation to the place.
    static func groupKey(_ e: Event) -> String {
        "\(e.place.id)|\(e.actor.rawValue)|\(e.action.rawValue)|\(e.relation ?? "")"
    }

    /// Places that are points at map scale (not a province, a river or a country).
    static func isPoint(_ place: Place) -> Bool {
        ![.country, .province, .region, .river, .valley, .road].contains(place.kind)
    }
}
