/// One GeoJSON Feature: a shape and its properties.
public struct Feature: Hashable, Sendable {
    public var shape: Shape?
    public var properties: [String: JSONValue]
    public var id: String?

    public init(shape: Shape?, properties: [String: JSONValue] = [:], id: String? = nil) {
        self.shape = shape
        self.properties = properties
        self.id = id
    }
}

/// A GeoJSON document that could not be read, with the reason and where.
public struct GeoJSONError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reading and writing GeoJSON (RFC 7946).
public enum GeoJSON {
    /// Reads a FeatureCollection, a single Feature or a bare geometry into features.
    public static func features(from bytes: some Collection<UInt8>) throws(GeoJSONError) -> [Feature] {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch { throw GeoJSONError("not valid JSON: \(error)") }
        return try features(from: root)
    }

    public static func features(from root: JSONValue) throws(GeoJSONError) -> [Feature] {
        guard let type = root["type"]?.stringValue else { throw GeoJSONError("no \"type\" member at the top level") }
        switch type {
        case "FeatureCollection":
            guard let items = root["features"]?.arrayValue else { throw GeoJSONError("FeatureCollection without a \"features\" array") }
            var out: [Feature] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                do { out.append(try feature(from: item)) } catch { throw GeoJSONError("feature \(i): \(error.message)") }
            }
            return out
        case "Feature":
            return [try feature(from: root)]
        default:
            return [Feature(shape: try shape(from: root))]
        }
    }

    public static func feature(from value: JSONValue) throws(GeoJSONError) -> Feature {
        guard value["type"]?.stringValue == "Feature" else { throw GeoJSONError("expected \"type\": \"Feature\"") }
        let geometry = value["geometry"]
        let shape: Shape? = (geometry == nil || geometry == .null) ? nil : try shape(from: geometry!)
        var id: String?
        switch value["id"] {
        case .string(let s)?: id = s
        case .number(let d)?: id = JSONValue.numberText(d)
        default: id = nil
        }
        return Feature(shape: shape, properties: value["properties"]?.objectValue ?? [:], id: id)
    }

    public static func shape(from value: JSONValue) throws(GeoJSONError) -> Shape {
        guard let type = value["type"]?.stringValue else { throw GeoJSONError("geometry without a \"type\"") }
        if type == "GeometryCollection" {
            guard let members = value["geometries"]?.arrayValue else { throw GeoJSONError("GeometryCollection without \"geometries\"") }
            var shapes: [Shape] = []
            for m in members { shapes.append(try shape(from: m)) }
            return .collection(shapes)
        }
        let known = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]
        guard known.contains(type) else {
            throw GeoJSONError("unknown geometry type \"\(type)\" (GeoJSON knows \(known.joined(separator: ", ")), GeometryCollection, Feature, FeatureCollection)")
        }
        guard let coords = value["coordinates"] else { throw GeoJSONError("\(type) without \"coordinates\"") }
        switch type {
        case "Point": return .point(try position(coords))
        case "MultiPoint": return .multiPoint(try positions(coords))
        case "LineString": return .lineString(try positions(coords))
        case "MultiLineString": return .multiLineString(try list(coords) { v throws(GeoJSONError) in try positions(v) })
        case "Polygon": return .polygon(try polygon(coords))
        case "MultiPolygon": return .multiPolygon(try list(coords) { v throws(GeoJSONError) in try polygon(v) })
        default: throw GeoJSONError("unknown geometry type \"\(type)\"")
        }
    }

    static func list<T>(_ v: JSONValue, _ body: (JSONValue) throws(GeoJSONError) -> T) throws(GeoJSONError) -> [T] {
        guard let items = v.arrayValue else { throw GeoJSONError("expected an array of coordinates") }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for item in items { out.append(try body(item)) }
        return out
    }

    static func position(_ v: JSONValue) throws(GeoJSONError) -> Coordinate {
        guard let a = v.arrayValue, a.count >= 2, let lon = a[0].doubleValue, let lat = a[1].doubleValue else {
            throw GeoJSONError("a position must be [longitude, latitude]")
        }
        let c = Coordinate(latitude: lat, longitude: lon)
        guard c.isValid else { throw GeoJSONError("position [\(lon), \(lat)] is outside [-180..180, -90..90]") }
        return c
    }

    static func positions(_ v: JSONValue) throws(GeoJSONError) -> [Coordinate] {
        try list(v) { p throws(GeoJSONError) in try position(p) }
    }

    static func polygon(_ v: JSONValue) throws(GeoJSONError) -> Polygon {
        let rings = try list(v) { r throws(GeoJSONError) in try positions(r) }
        guard let exterior = rings.first else { throw GeoJSONError("a polygon needs an exterior ring") }
        for ring in rings where ring.count < 4 || ring.first != ring.last {
            throw GeoJSONError("a polygon ring must be closed and have at least 4 positions")
        }
        return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }
}

// MARK: - Writing (RFC 7946)

extension GeoJSON {
    /// Coordinates are written with this many decimals (about 0.1 m): RFC 7946 §11.2.
    public static let coordinateDecimals = 6

    /// The geometry as a JSON value, RFC 7946 style: [lon, lat], exterior rings
    /// counter-clockwise and holes clockwise, 6 decimals.
    public static func json(for shape: Shape) -> JSONValue {
        switch shape {
        case .point(let c): return ["type": "Point", "coordinates": position(c)]
        case .multiPoint(let cs): return ["type": "MultiPoint", "coordinates": .array(cs.map(position))]
        case .lineString(let cs): return ["type": "LineString", "coordinates": .array(cs.map(position))]
        case .multiLineString(let ls): return ["type": "MultiLineString", "coordinates": .array(ls.map { .array($0.map(position)) })]
        case .polygon(let p): return ["type": "Polygon", "coordinates": rings(p)]
        case .multiPolygon(let ps): return ["type": "MultiPolygon", "coordinates": .array(ps.map(rings))]
        case .collection(let shapes): return ["type": "GeometryCollection", "geometries": .array(shapes.map(json(for:)))]
        }
    }

    public static func json(for feature: Feature) -> JSONValue {
        var object: [String: JSONValue] = [
            "type": "Feature",
            "geometry": feature.shape.map(json(for:)) ?? .null,
            "properties": .object(feature.properties),
        ]
        if let id = feature.id { object["id"] = .string(id) }
        if let box = feature.shape?.boundingBox, feature.shape.map({ if case .point = $0 { false } else { true } }) == true {
            object["bbox"] = bboxJSON(box)
        }
        return .object(object)
    }

    /// A FeatureCollection with a `bbox` over all features, features in the given order.
    public static func collection(_ features: [Feature], extra: [String: JSONValue] = [:]) -> JSONValue {
        var object = extra
        object["type"] = "FeatureCollection"
        object["features"] = .array(features.map(json(for:)))
        let boxes = features.compactMap { $0.shape?.boundingBox }
        if let first = boxes.first {
            object["bbox"] = bboxJSON(boxes.dropFirst().reduce(first) { $0.union(with: $1) })
        }
        return .object(object)
    }

    /// The same from features encoded ahead (`json(for:)`, possibly `.raw`), with the
    /// boxes of their geometries for the collection's `bbox`.
    public static func collection(encoded features: [JSONValue], boxes: [BoundingBox], extra: [String: JSONValue] = [:]) -> JSONValue {
        var object = extra
        object["type"] = "FeatureCollection"
        object["features"] = .array(features)
        if let first = boxes.first {
            object["bbox"] = bboxJSON(boxes.dropFirst().reduce(first) { $0.union(with: $1) })
        }
        return .object(object)
    }

    static func bboxJSON(_ b: BoundingBox) -> JSONValue {
        .array([b.west, b.south, b.east, b.north].map { .fixed($0, decimals: coordinateDecimals) })
    }

    static func position(_ c: Coordinate) -> JSONValue {
        .array([.fixed(c.longitude, decimals: coordinateDecimals), .fixed(c.latitude, decimals: coordinateDecimals)])
    }

    static func rings(_ p: Polygon) -> JSONValue {
        var out: [JSONValue] = [.array(oriented(p.exterior, counterClockwise: true).map(position))]
        for hole in p.holes { out.append(.array(oriented(hole, counterClockwise: false).map(position))) }
        return .array(out)
    }

    /// Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise.
    public static func signedArea2(_ ring: [Coordinate]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0..<ring.count {
            // The closing edge counts too, whether or not the ring repeats its first point.
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return sum
    }

    /// The ring closed (RFC 7946 §3.1.6) and in the requested winding (GEOS normalises
    /// shells clockwise; RFC 7946 wants counter-clockwise exteriors).
    public static func oriented(_ ring: [Coordinate], counterClockwise: Bool) -> [Coordinate] {
        var closed = ring
        if let first = closed.first, closed.last != first { closed.append(first) }
        return (signedArea2(closed) > 0) == counterClockwise ? closed : closed.reversed()
    }
}
