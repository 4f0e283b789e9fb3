import Emitters
import Foundation
import Geography
import Testing
import Topology

@Suite("Map GeoJSON follows RFC 7946")
struct MapGeoJSONFollowsRFC7946 {
    static let layers: Set<String> = ["zone", "front", "river", "deconfliction_line", "border", "place", "event"]

    @Test("Every feature has a layer, and every layer is there", arguments: SeedMaps.days)
    func everyLayerPresent(day: String) throws {
        let json = try JSONValue.parse(Array(try SeedMaps.geoJSON(day).utf8))
        let features = try #require(json["features"]?.arrayValue)
        let layers = features.compactMap { $0["properties"]?["layer"]?.stringValue }
        #expect(layers.count == features.count, "a feature without a layer")
        #expect(Set(layers) == Self.layers)
        #expect(json["type"]?.stringValue == "FeatureCollection")
        #expect(json["crs"] == nil, "RFC 7946 §4: no crs member")
    }

    @Test("Exterior rings run counter-clockwise and holes clockwise, closed", arguments: SeedMaps.days)
    func winding(day: String) throws {
        let features = try GeoJSON.features(from: Array(try SeedMaps.geoJSON(day).utf8))
        var rings = 0
        for f in features {
            for p in f.shape?.polygons ?? [] {
                #expect(GeoJSON.signedArea2(p.exterior) > 0)
                #expect(p.exterior.first == p.exterior.last)
                for hole in p.holes { #expect(GeoJSON.signedArea2(hole) < 0); #expect(hole.first == hole.last) }
                rings += 1 + p.holes.count
            }
        }
        #expect(rings > 5)
    }

    @Test("Coordinates have at most 6 decimals, lon/lat order, inside the bbox")
    func precisionAndBox() throws {
        let text = try SeedMaps.geoJSON("2017-09-16")
        #expect(text.range(of: #"\d\.\d{7,}"#, options: .regularExpression) == nil, "a number with more than 6 decimals")
        let json = try JSONValue.parse(Array(text.utf8))
        let values = try #require(json["bbox"]?.arrayValue)
        let bbox = values.compactMap(\.doubleValue)
        #expect(bbox.count == 4)
        let features = try GeoJSON.features(from: json)
        for c in features.flatMap({ $0.shape?.coordinates ?? [] }) {
            // lon/lat: eastern Syria has longitudes 36-44 and latitudes 32-38.
            #expect((36...44).contains(c.longitude) && (32...38).contains(c.latitude))
            #expect(c.longitude >= bbox[0] && c.latitude >= bbox[1] && c.longitude <= bbox[2] && c.latitude <= bbox[3])
        }
    }

    @Test("Zone polygons are valid and do not overlap", arguments: ["2017-09-05", "2017-09-16"])
    func zonesValid(day: String) throws {
        let features = try GeoJSON.features(from: Array(try SeedMaps.geoJSON(day).utf8))
        let zones = features.filter { $0.properties["layer"]?.stringValue == "zone" }.compactMap(\.shape)
        #expect(zones.count >= 4)
        for z in zones {
            let reason = try z.validityReason()
            #expect(try z.isValid(), "\(reason)")
        }
        for i in zones.indices {
            for j in zones.indices where j > i {
                let overlap = try zones[i].intersection(with: zones[j])
                let area = overlap.polygons.reduce(0) { $0 + abs(GeoJSON.signedArea2($1.exterior)) / 2 }
                #expect(area < 1e-6, "zones \(i) and \(j) overlap by \(area) square degrees")
            }
        }
    }

    @Test("Places and events carry provenance and GIS style properties")
    func provenance() throws {
        let json = try JSONValue.parse(Array(try SeedMaps.geoJSON("2017-09-16").utf8))
        let features = try #require(json["features"]?.arrayValue)
        let events = features.filter { $0["properties"]?["layer"]?.stringValue == "event" }
        #expect(!events.isEmpty)
        for e in events {
            let p = try #require(e["properties"])
            for key in ["actor", "action", "place", "date", "document", "quote", "start", "end", "marker-color", "geo_precision"] {
                #expect(p[key] != nil, "event without \(key)")
            }
        }
        let places = features.filter { $0["properties"]?["layer"]?.stringValue == "place" }
        let deir = try #require(places.first { $0["properties"]?["id"]?.stringValue == "geonames:170794" })
        #expect(deir["properties"]?["faction"]?.stringValue == "government")
        #expect((deir["properties"]?["mentions"]?.arrayValue?.count ?? 0) > 5)
        #expect(deir["properties"]?["marker-color"]?.stringValue == MapStyle.colour("government"))
        let zone = try #require(features.first { $0["properties"]?["layer"]?.stringValue == "zone" && $0["properties"]?["faction"]?.stringValue == "sdf" })
        #expect(zone["properties"]?["fill"]?.stringValue == MapStyle.colour("sdf"))
    }

    @Test("The same reports give byte-identical maps")
    func deterministic() throws {
        #expect(try SeedMaps.geoJSON("2017-09-11") == SeedMaps.geoJSON("2017-09-11"))
        #expect(try SeedMaps.svg("2017-09-11") == SeedMaps.svg("2017-09-11"))
    }
}
