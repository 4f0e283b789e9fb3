import Geography
import Places
import Reports

/// The reader's findings as GeoJSON, plain JSON and ACLED-like CSV. Deterministic: places
/// in order of first mention across the documents, events in document and text order.
public enum ExtractionEncoding {
    /// One Point feature per place (with every mention) and one per event, located at the
    /// event's place. RFC 7946.
    public static func geoJSON(_ extractions: [Extraction]) -> JSONValue {
        var features: [Feature] = []
        for (place, mentions) in mergedPlaces(extractions) {
            features.append(Feature(shape: .point(place.coordinate), properties: [
                "layer": "place", "name": .string(place.name), "id": .string(place.id), "kind": .string(place.kind.rawValue),
                "precision": .string(place.precision.rawValue),
                "mentions": .array(mentions.map { doc, m in
                    ["document": .string(doc), "text": .string(m.span.text), "start": .number(Double(m.span.start)), "end": .number(Double(m.span.end))]
                }),
            ]))
        }
        for x in extractions {
            for e in x.events { features.append(Feature(shape: .point(e.place.coordinate), properties: eventProperties(e))) }
        }
        return GeoJSON.collection(features)
    }

    public static func eventProperties(_ e: Event) -> [String: JSONValue] {
        var p: [String: JSONValue] = [
            "layer": "event", "actor": .string(e.actor.rawValue), "action": .string(e.action.rawValue),
            "place": .string(e.place.id), "place_name": .string(e.place.name), "place_text": .string(e.placeText),
            "date": e.date.map { .string($0.description) } ?? .null,
            "date_precision": e.date.map { .string($0.precision.rawValue) } ?? .null,
            "date_text": .string(e.dateText),
            "document": .string(e.document), "outlet": e.outlet.map(JSONValue.string) ?? .null,
            "quote": .string(e.quote.text), "start": .number(Double(e.quote.start)), "end": .number(Double(e.quote.end)),
        ]
        if let r = e.relation { p["relation"] = .string(r) }
        if e.isPartial { p["partial"] = true }
        if let t = e.target { p["target"] = .string(t.rawValue) }
        if let n = e.placeNote { p["place_note"] = .string(n) }
        return p
    }

    /// The same content, grouped by document.
    public static func json(_ extractions: [Extraction]) -> JSONValue {
        .object(["documents": .array(extractions.map { x in
            .object([
                "document": .string(x.report.document),
                "outlet": x.report.outlet.map(JSONValue.string) ?? .null,
                "published": x.report.published.map { .string($0.description) } ?? .null,
                "date_precision": x.report.published.map { .string($0.precision.rawValue) } ?? .null,
                "places": .array(x.places.map { place, mentions in
                    placeJSON(place).merging(["mentions": .array(mentions.map { m in
                        ["text": .string(m.span.text), "start": .number(Double(m.span.start)), "end": .number(Double(m.span.end))]
                    })]) { a, _ in a }.json
                }),
                "events": .array(x.events.map { e in
                    var p = eventProperties(e)
                    p.removeValue(forKey: "layer")
                    p["lat"] = .fixed(e.place.coordinate.latitude, decimals: 6)
                    p["lon"] = .fixed(e.place.coordinate.longitude, decimals: 6)
                    return .object(p)
                }),
                "claims": .array(x.claims.map(claimJSON)),
            ])
        })])
    }

    static func placeJSON(_ place: Place) -> [String: JSONValue] {
        ["id": .string(place.id), "name": .string(place.name), "kind": .string(place.kind.rawValue),
         "lat": .fixed(place.coordinate.latitude, decimals: 6), "lon": .fixed(place.coordinate.longitude, decimals: 6),
         "precision": .string(place.precision.rawValue)]
    }

    public static func claimJSON(_ c: Claim) -> JSONValue {
        var o: [String: JSONValue] = [
            "kind": .string(c.kind.rawValue), "quote": .string(c.quote.text), "phrase": .string(c.phrase.text),
            "start": .number(Double(c.phrase.start)), "end": .number(Double(c.phrase.end)), "document": .string(c.document),
            "hedged": .bool(c.isHedged),
        ]
        if let s = c.subject { o["subject"] = .string(s.id) }
        if let s = c.subjectText { o["subject_text"] = .string(s) }
        if let r = c.reference { o["reference"] = .string(r.id) }
        if let r = c.referenceText { o["reference_text"] = .string(r) }
        if let a = c.actor { o["actor"] = .string(a.rawValue) }
        if let m = c.claimedMeters { o["claimed_m"] = .fixed(m, decimals: 0) }
        if let d = c.claimedDirection { o["claimed_direction"] = .string(d) }
        if let b = c.claimedBank { o["claimed_bank"] = .string(b) }
        if let a = c.claimedSquareKilometres { o["claimed_km2"] = .fixed(a, decimals: 1) }
        return .object(o)
    }

    /// One row per event, ACLED-like columns.
    public static func csv(_ extractions: [Extraction]) -> String {
        csv(events: extractions.flatMap(\.events))
    }

    /// One row per event, in the order given.
    public static func csv(events: [Event]) -> String {
        var out = "event_date,date_precision,actor,action,place,place_id,province,country,latitude,longitude,geo_precision,target,relation,source,document,quote\n"
        do {
            for e in events {
                let row: [String] = [
                    e.date?.description ?? "", e.date?.precision.rawValue ?? "", e.actor.rawValue, e.action.rawValue, e.place.name,
                    e.place.id, e.place.province ?? "", e.place.country ?? "",
                    formatDecimal(e.place.coordinate.latitude, decimals: 6), formatDecimal(e.place.coordinate.longitude, decimals: 6),
                    e.place.precision.rawValue, e.target?.rawValue ?? "", e.relation ?? "", e.outlet ?? "", e.document, e.quote.text,
                ]
                out += row.map(csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; formula-looking fields
    /// get a leading apostrophe so a spreadsheet does not run them.
    static func csvField(_ s: String) -> String {
        var v = s
        // A lone "-" (the document name of standard input) or a number is no formula.
        if let f = v.first, "=+-@".contains(f), v.count > 1, Double(v) == nil { v = "'" + v }
        if v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") {
            return "\"" + v.replacing("\"", with: "\"\"") + "\""
        }
        return v
    }

    /// Places across documents in order of first mention, with (document, mention) pairs.
    static func mergedPlaces(_ extractions: [Extraction]) -> [(Place, [(String, PlaceMention)])] {
        var order: [String] = []
        var byID: [String: (Place, [(String, PlaceMention)])] = [:]
        for x in extractions {
            for m in x.mentions {
                if byID[m.place.id] == nil { order.append(m.place.id); byID[m.place.id] = (m.place, []) }
                byID[m.place.id]!.1.append((x.report.document, m))
            }
        }
        return order.map { byID[$0]! }
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    var json: JSONValue { .object(self) }
}
