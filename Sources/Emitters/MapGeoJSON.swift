import Geography
import Reports
import Territory

/// One map as one RFC 7946 FeatureCollection: every feature has a `layer` (`zone`,
/// `front`, `border`, `river`, `deconfliction_line`, `place`, `event`), the properties a
/// GIS styles by (`faction`, and the simplestyle-spec `fill`, `stroke`, `marker-color`),
/// and places and events carry their provenance. Lists a GIS must keep in one column
/// (`between`, `factions`) are `;`-separated strings: GeoPackage has no list type.
/// Deterministic: the same scene gives the same bytes.
public enum MapGeoJSON {
    public static func collection(_ scene: MapScene) -> JSONValue {
        let asOf = JSONValue.string(scene.asOf.description)
        var features: [Feature] = []
        for z in scene.zones.zones {
            features.append(Feature(shape: z.shape, properties: [
                "layer": "zone", "faction": .string(z.faction), "name": .string(MapStyle.name(z.faction)),
                "area_km2": .fixed(z.areaSquareKilometres, decimals: 1), "as_of": asOf, "rule": .string(scene.zones.rule.rawValue),
                "fill": .string(MapStyle.colour(z.faction)), "fill-opacity": .number(MapStyle.zoneOpacity),
                "stroke": .string(MapStyle.stroke(z.faction)), "stroke-width": 0.5,
            ]))
        }
        for f in scene.zones.fronts {
            features.append(Feature(shape: f.shape, properties: [
                "layer": "front", "between": .string(f.factions.0 + ";" + f.factions.1),
                "length_km": .fixed(f.lengthKilometres, decimals: 1), "as_of": asOf,
                "stroke": .string(MapStyle.frontColour), "stroke-width": 2,
            ]))
        }
        // The base layers are the same on every map of a run: encoded once, at load.
        var encoded = features.map(GeoJSON.json(for:))
        var boxes = features.compactMap { $0.shape?.boundingBox }
        encoded += scene.base.encodedFeatures
        boxes += scene.base.featureBoxes
        features = []
        for p in scene.places {
            features.append(Feature(shape: .point(p.place.coordinate), properties: placeProperties(p, asOf: asOf)))
        }
        for (e, precision, group) in scene.events {
            var properties = ExtractionEncoding.eventProperties(e)
            properties["geo_precision"] = .number(Double(precision))
            if let group { properties["callout"] = .number(Double(group)) }
            properties["marker-color"] = .string(MapStyle.colour(e.actor.rawValue))
            properties["marker-symbol"] = .string(MapStyle.makiSymbol(e.action))
            features.append(Feature(shape: .point(e.place.coordinate), properties: properties))
        }
        encoded += features.map(GeoJSON.json(for:))
        boxes += features.compactMap { $0.shape?.boundingBox }
        var extra: [String: JSONValue] = ["name": .string("conflictmap \(scene.asOf)"), "as_of": asOf]
        if let w = scene.eventWindow { extra["events_from"] = .string(w.lowerBound.description); extra["events_to"] = .string(w.upperBound.description) }
        return GeoJSON.collection(encoded: encoded, boxes: boxes, extra: extra)
    }

    /// The base layers as features: borders (country, then each province), rivers, the
    /// deconfliction line.
    static func baseFeatures(_ base: BaseLayers) -> [Feature] {
        var features: [Feature] = []
        features.append(Feature(shape: base.countryBorders, properties: [
            "layer": "border", "level": "country", "name": "Country borders",
            "source": "Natural Earth 10m admin-0 (public domain)", "stroke": .string(MapStyle.borderColour), "stroke-width": 1.5,
        ]))
        for p in base.provinces {
            features.append(Feature(shape: p.shape, properties: [
                "layer": "border", "level": "province", "id": .string(p.id), "name": .string(p.name),
                "source": .string(p.source), "stroke": .string(MapStyle.provinceColour), "stroke-width": 0.75,
            ]))
        }
        for r in base.rivers {
            features.append(Feature(shape: r.shape, properties: [
                "layer": "river", "id": .string(r.id), "name": .string(r.name), "source": .string(r.source),
                "stroke": .string(MapStyle.riverColour), "stroke-width": 1.5,
            ]))
        }
        features.append(Feature(shape: base.deconflictionLine, properties: [
            "layer": "deconfliction_line", "name": "Euphrates deconfliction line (US-Russia, September 2017)",
            "note": "The SDF to keep east (left bank) of the Euphrates, the government and its allies west; the model's line, accurate to about 2 km.",
            "source": "GSHHG 2.3.7 / CIA World Data Bank II, oriented downstream",
            "stroke": .string(MapStyle.deconflictionColour), "stroke-width": 2,
        ]))
        return features
    }

    static func placeProperties(_ p: MapPlace, asOf: JSONValue) -> [String: JSONValue] {
        var o: [String: JSONValue] = [
            "layer": "place", "id": .string(p.place.id), "name": .string(p.place.name), "kind": .string(p.place.kind.rawValue),
            "precision": .string(p.place.precision.rawValue),
            "faction": .string(p.holder), "factions": .string(p.factions.joined(separator: ";")), "holder_basis": .string(p.basis),
            "as_of": asOf,
            "sources": .array(p.sources.map { s in
                var o: [String: JSONValue] = ["kind": .string(s.kind), "faction": .string(s.faction.rawValue), "date": .string(s.date.description),
                                              "reference": .string(s.reference), "text": .string(s.text)]
                if let outlet = s.outlet { o["outlet"] = .string(outlet) }
                return .object(o)
            }),
            "mentions": .array(p.mentions.map { m in
                var o: [String: JSONValue] = ["document": .string(m.document), "text": .string(m.span.text),
                                              "start": .number(Double(m.span.start)), "end": .number(Double(m.span.end))]
                if let outlet = m.outlet { o["outlet"] = .string(outlet) }
                return .object(o)
            }),
            "marker-color": .string(MapStyle.colour(p.holder)), "marker-size": .string(p.place.kind == .city ? "medium" : "small"),
        ]
        if let since = p.since { o["since"] = .string(since.description) }
        if let province = p.place.province { o["province"] = .string(province) }
        return o
    }
}
