import Geography
import Territory

/// A zone map as an RFC 7946 FeatureCollection: zones, fronts, control points.
public enum ZoneEncoding {
    public static func geoJSON(_ map: ZoneMap) -> JSONValue {
        GeoJSON.collection(features(map))
    }

    public static func features(_ map: ZoneMap) -> [Feature] {
        var out: [Feature] = []
        for z in map.zones {
            out.append(Feature(shape: z.shape, properties: [
                "layer": "zone", "faction": .string(z.faction), "area_km2": .fixed(z.areaSquareKilometres, decimals: 1),
                "as_of": .string(map.day.description), "rule": .string(map.rule.rawValue),
            ]))
        }
        for f in map.fronts {
            out.append(Feature(shape: f.shape, properties: [
                "layer": "front", "between": .array([.string(f.factions.0), .string(f.factions.1)]),
                "length_km": .fixed(f.lengthKilometres, decimals: 1), "as_of": .string(map.day.description),
            ]))
        }
        for h in map.holdings {
            let last = h.sources.last
            out.append(Feature(shape: .point(h.place.coordinate), properties: [
                "layer": "control", "place": .string(h.place.id), "name": .string(h.place.name),
                "faction": .string(h.isContested ? "contested" : h.factions[0].rawValue),
                "factions": .array(h.factions.map { .string($0.rawValue) }), "since": .string(h.since.description),
                "source_kind": .string(last?.kind ?? ""), "source": .string(last?.reference ?? ""),
                "as_of": .string(map.day.description),
            ]))
        }
        return out
    }

    /// Plain JSON: areas per faction, fronts, and the holdings.
    public static func json(_ map: ZoneMap) -> JSONValue {
        .object([
            "as_of": .string(map.day.description), "rule": .string(map.rule.rawValue),
            "zones": .array(map.zones.map { ["faction": .string($0.faction), "area_km2": .fixed($0.areaSquareKilometres, decimals: 1)] }),
            "fronts": .array(map.fronts.map { ["between": .array([.string($0.factions.0), .string($0.factions.1)]), "length_km": .fixed($0.lengthKilometres, decimals: 1)] }),
            "places": .array(map.holdings.map { h in
                ["place": .string(h.place.id), "name": .string(h.place.name),
                 "holder": .string(h.isContested ? "contested" : h.factions[0].rawValue), "since": .string(h.since.description)]
            }),
        ])
    }
}
