import Foundation
import Geography
import Testing

/// Reading GeoJSON into shapes, and writing RFC 7946 GeoJSON that diffs cleanly:
/// [lon, lat], 6 decimals, counter-clockwise exteriors, clockwise holes, "type" first and the other keys sorted.
@Suite struct GeoJSONTests {
    static func c(_ latitude: Double, _ longitude: Double) -> Coordinate {
        Coordinate(latitude: latitude, longitude: longitude)
    }

    /// Twice the signed area of a ring in the lon/lat plane, positive when
    /// counter-clockwise. Written here rather than using `GeoJSON.signedArea2`, so a
    /// wrong sign there cannot hide a wrong winding in the output.
    static func shoelace(_ ring: [[Double]]) -> Double {
        var sum = 0.0
        for i in ring.indices {
            let (p, q) = (ring[i], ring[(i + 1) % ring.count])
            sum += (q[0] - p[0]) * (q[1] + p[1])
        }
        return -sum
    }

    /// The rings of a written Polygon geometry as [[lon, lat]] arrays.
    static func writtenRings(_ geometry: JSONValue?) -> [[[Double]]] {
        (geometry?["coordinates"]?.arrayValue ?? []).map { ring in
            (ring.arrayValue ?? []).map { p in (p.arrayValue ?? []).compactMap(\.doubleValue) }
        }
    }

    // MARK: Reading

    static let collectionText = """
        {"type": "FeatureCollection",
         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
         "features": [
          {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [40.14084, 35.33588]},
           "properties": {"name": "Deir ez-Zor"}},
          {"type": "Feature", "id": "raqqa", "properties": {"control": "SDF", "pop": 531952},
           "geometry": {"type": "Polygon", "coordinates": [[[39, 35], [41, 35], [41, 37], [39, 37], [39, 35]]]}},
          {"type": "Feature", "geometry": null, "properties": null}
         ]}
        """

    @Test func readsAFeatureCollection() throws {
        let features = try GeoJSON.features(from: Array(Self.collectionText.utf8))
        try #require(features.count == 3)
        // Positions are [longitude, latitude].
        #expect(features[0].shape == .point(Self.c(35.33588, 40.14084)))
        #expect(features[0].id == "7")
        #expect(features[0].properties == ["name": "Deir ez-Zor"])
        #expect(features[1].id == "raqqa")
        #expect(features[1].properties["pop"] == .number(531952))
        #expect(features[1].shape == .polygon(Polygon(exterior: [
            Self.c(35, 39), Self.c(35, 41), Self.c(37, 41), Self.c(37, 39), Self.c(35, 39),
        ])))
        #expect(features[2].shape == nil)
        #expect(features[2].properties.isEmpty)
        #expect(features[2].id == nil)
    }

    @Test func readsASingleFeature() throws {
        let text = #"{"type":"Feature","id":2.5,"geometry":{"type":"LineString","coordinates":[[39,35],[40.5,36.25,120]]},"properties":{"kind":"road"}}"#
        let features = try GeoJSON.features(from: Array(text.utf8))
        // A third (altitude) value is allowed and dropped.
        #expect(features == [Feature(shape: .lineString([Self.c(35, 39), Self.c(36.25, 40.5)]), properties: ["kind": "road"], id: "2.5")])
    }

    @Test(arguments: [
        (#"{"type":"Point","coordinates":[40.14084,35.33588]}"#, Shape.point(c(35.33588, 40.14084))),
        (#"{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}"#, .multiPoint([c(2, 1), c(4, 3)])),
        (#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#, .lineString([c(2, 1), c(4, 3)])),
        (#"{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8]]]}"#, .multiLineString([[c(2, 1), c(4, 3)], [c(6, 5), c(8, 7)]])),
        (#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]],[[5.2,5.1],[5.8,5.7],[5.8,5.1],[5.2,5.1]]]]}"#,
         .multiPolygon([Polygon(exterior: [c(0, 0), c(0, 1), c(1, 1), c(0, 0)]),
                        Polygon(exterior: [c(5, 5), c(5, 6), c(6, 6), c(5, 5)], holes: [[c(5.1, 5.2), c(5.7, 5.8), c(5.1, 5.8), c(5.1, 5.2)]])])),
        (#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},{"type":"GeometryCollection","geometries":[]}]}"#,
         .collection([.point(c(2, 1)), .collection([])])),
        (#"{"type":"Point","coordinates":[-180,-90]}"#, .point(c(-90, -180))),
    ])
    func readsABareGeometryAsOneFeature(_ text: String, _ shape: Shape) throws {
        #expect(try GeoJSON.features(from: Array(text.utf8)) == [Feature(shape: shape)])
    }

    @Test(arguments: [
        (#"{"type":"Point","coordinates":[40]}"#, "a position must be [longitude, latitude]"),
        (#"{"type":"Point","coordinates":["40",35]}"#, "a position must be [longitude, latitude]"),
        (#"{"type":"Point","coordinates":40}"#, "a position must be [longitude, latitude]"),
        (#"{"type":"LineString","coordinates":[40,35]}"#, "a position must be [longitude, latitude]"),
        (#"{"type":"MultiPoint","coordinates":{"0":[1,2]}}"#, "expected an array of coordinates"),
        (#"{"type":"Point","coordinates":[40,95]}"#, "position [40.0, 95.0] is outside [-180..180, -90..90]"),
        (#"{"type":"Point","coordinates":[181,35]}"#, "position [181.0, 35.0] is outside [-180..180, -90..90]"),
        (#"{"type":"Point","coordinates":[40,1e999]}"#, "position [40.0, inf] is outside [-180..180, -90..90]"),
        (#"{"type":"Polygon","coordinates":[[[39,35],[41,35],[41,37],[39,37]]]}"#, "a polygon ring must be closed and have at least 4 positions"),
        (#"{"type":"Polygon","coordinates":[[[39,35],[41,35],[39,35]]]}"#, "a polygon ring must be closed and have at least 4 positions"),
        (#"{"type":"Polygon","coordinates":[[[0,0],[9,0],[9,9],[0,0]],[[1,1],[2,1],[2,2],[1,2]]]}"#, "a polygon ring must be closed and have at least 4 positions"),
        (#"{"type":"Polygon","coordinates":[]}"#, "a polygon needs an exterior ring"),
        (#"{"type":"Point"}"#, #"Point without "coordinates""#),
        (#"{"type":"Polygon","coordinates":null}"#, "expected an array of coordinates"),
        (#"{"coordinates":[1,2]}"#, #"no "type" member at the top level"#),
        (#"{"type":7}"#, #"no "type" member at the top level"#),
        (#"{"type":"FeatureCollection"}"#, #"FeatureCollection without a "features" array"#),
        (#"{"type":"GeometryCollection"}"#, #"GeometryCollection without "geometries""#),
        (#"{"type":"Feature","geometry":{"coordinates":[1,2]}}"#, #"geometry without a "type""#),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},{"type":"Feature","geometry":{"type":"Point","coordinates":[40,95]}}]}"#,
         "feature 1: position [40.0, 95.0] is outside [-180..180, -90..90]"),
        (#"{"type":"FeatureCollection","features":[{"geometry":null}]}"#, #"feature 0: expected "type": "Feature""#),
        (#"{"type": "Point", "coordinates": [1, 2"#, "not valid JSON: line 1, column 39: unexpected end of input inside an array (truncated JSON?)"),
    ])
    func refusesWithAReason(_ text: String, _ message: String) {
        let error = #expect(throws: GeoJSONError.self) { try GeoJSON.features(from: Array(text.utf8)) }
        #expect(error?.message == message)
    }

    @Test(arguments: [
        (#"{"type":"Featurecollection","features":[]}"#, "Featurecollection"),
        (#"{"type":"Circle"}"#, "Circle"),
        (#"{"type":"Circle","coordinates":[40,35]}"#, "Circle"),
    ])
    func anUnknownTypeIsNamedAsSuch(_ text: String, _ type: String) {
        // Regression: misspelled types fell through to the geometry reader, which first
        // demanded "coordinates": the user was told "Featurecollection without
        // "coordinates"" when the thing to fix is the type name.
        let error = #expect(throws: GeoJSONError.self) { try GeoJSON.features(from: Array(text.utf8)) }
        let message = error?.message ?? ""
        #expect(message.contains(#"unknown geometry type "\#(type)""#), "\(message)")
        // And the message says what would have been accepted.
        #expect(message.contains("FeatureCollection") && message.contains("Polygon"), "\(message)")
    }

    // MARK: Writing

    @Test func writesAPointFeatureWithSixDecimals() {
        let feature = Feature(shape: .point(Self.c(35.123456789, 40.987654321)), properties: ["name": "x"], id: "7")
        #expect(GeoJSON.json(for: feature).serialized() ==
                #"{"type":"Feature","geometry":{"type":"Point","coordinates":[40.987654,35.123457]},"id":"7","properties":{"name":"x"}}"#)
    }

    @Test func writesAPolygonCounterClockwiseWithAClockwiseHoleAndABox() {
        // Exterior given clockwise (north, east, south), hole counter-clockwise: both flip.
        let polygon = Polygon(
            exterior: [Self.c(35, 39), Self.c(37, 39), Self.c(37, 41), Self.c(35, 41), Self.c(35, 39)],
            holes: [[Self.c(35.5, 39.5), Self.c(35.5, 40.5), Self.c(36.5, 40.5), Self.c(36.5, 39.5), Self.c(35.5, 39.5)]])
        #expect(GeoJSON.json(for: Feature(shape: .polygon(polygon))).serialized() ==
                #"{"type":"Feature","bbox":[39,35,41,37],"geometry":{"type":"Polygon","coordinates":[[[39,35],[41,35],[41,37],[39,37],[39,35]],"# +
                #"[[39.5,35.5],[39.5,36.5],[40.5,36.5],[40.5,35.5],[39.5,35.5]]]},"properties":{}}"#)
    }

    static let square = [c(35, 39), c(35, 41), c(37, 41), c(37, 39), c(35, 39)]  // counter-clockwise in lon/lat
    static let hole = [c(35.5, 39.5), c(36.5, 39.5), c(36.5, 40.5), c(35.5, 40.5), c(35.5, 39.5)]  // clockwise

    @Test(arguments: [false, true], [false, true])
    func windingIsFixedWhateverTheInput(_ reverseExterior: Bool, _ reverseHole: Bool) throws {
        let polygon = Polygon(exterior: reverseExterior ? Self.square.reversed() : Self.square,
                              holes: [reverseHole ? Self.hole.reversed() : Self.hole, Self.hole.map { Self.c($0.latitude - 0.3, $0.longitude + 0.2) }])
        // The polygon alone, then twice as the members of a MultiPolygon.
        let single = GeoJSON.json(for: .polygon(polygon))
        let multi = GeoJSON.json(for: .multiPolygon([polygon, polygon]))
        let written = [Self.writtenRings(single)] + (multi["coordinates"]?.arrayValue ?? []).map { Self.writtenRings(["coordinates": $0]) }
        try #require(written.count == 3)
        for rings in written {
            try #require(rings.count == 3)
            #expect(Self.shoelace(rings[0]) > 0, "exterior must be counter-clockwise")
            #expect(Self.shoelace(rings[1]) < 0, "hole must be clockwise")
            #expect(Self.shoelace(rings[2]) < 0, "hole must be clockwise")
            #expect(rings.allSatisfy { $0.first == $0.last && $0.count == 5 })
        }
    }

    @Test func anOpenRingIsWrittenClosedAndCounterClockwise() throws {
        // Rings built in Swift (not read from GeoJSON or GEOS) may be open; Geodesic and
        // the GEOS conversion accept that. RFC 7946 §3.1.6 requires closed rings.
        // Regression: the writer left open rings open, and its winding test summed the
        // shoelace without the closing edge, so this counter-clockwise triangle (in
        // lon/lat: (41,36) → (40,35) → (41,35)) was judged clockwise and reversed.
        let open = [Self.c(36, 41), Self.c(35, 40), Self.c(35, 41)]
        let rings = Self.writtenRings(GeoJSON.json(for: .polygon(Polygon(exterior: open))))
        try #require(rings.count == 1)
        #expect(rings[0].count == 4, "three corners and the closing point: \(rings[0])")
        #expect(rings[0].first == rings[0].last, "ring written open: \(rings[0])")
        #expect(Self.shoelace(rings[0]) > 0, "ring written clockwise: \(rings[0])")
    }

    static func sampleFeatures() -> [Feature] {
        [
            Feature(shape: .point(c(35.33588, 40.14084)), properties: ["name": "Deir ez-Zor", "rank": 1], id: "deir"),
            Feature(shape: .polygon(Polygon(exterior: square.reversed(), holes: [hole.reversed()])),
                    properties: ["control": "SDF", "note": "<b>&</b>"]),
            Feature(shape: .lineString([c(33.50583, 38.61778), c(34.45226, 40.91854)]), properties: [:], id: "7"),
            Feature(shape: nil, properties: ["empty": nil]),
        ]
    }

    @Test func collectionHasABoxOverAllFeaturesAndNoCRS() throws {
        let json = GeoJSON.collection(Self.sampleFeatures())
        // bbox is [west, south, east, north] over every feature with a shape.
        #expect(json["bbox"] == [.fixed(38.61778, decimals: 6), .fixed(33.50583, decimals: 6), .fixed(41, decimals: 6), .fixed(37, decimals: 6)])
        let text = json.serialized()
        #expect(text.contains(#""bbox":[38.61778,33.50583,41,37]"#))
        // RFC 7946 dropped "crs"; even when the input had one, none is written.
        let reread = try GeoJSON.features(from: Array(Self.collectionText.utf8))
        #expect(!GeoJSON.collection(reread).serialized().contains("crs"))
        #expect(json["crs"] == nil)
        // Features stay in the order given.
        #expect(json["features"]?.arrayValue?.map { $0["id"] } == [.string("deir"), nil, .string("7"), nil])
        // Extra members are kept, "type" cannot be overridden.
        let extra = GeoJSON.collection([], extra: ["name": "front lines", "type": "Nonsense"])
        #expect(extra.serialized() == #"{"type":"FeatureCollection","features":[],"name":"front lines"}"#)
    }

    @Test func noNumberHasMoreThanSixDecimals() throws {
        let wiggly = Feature(shape: .lineString((0..<50).map { Self.c(35 + Double($0) / 7, 40 - Double($0) / 13) }))
        let text = GeoJSON.collection(Self.sampleFeatures() + [wiggly]).serialized()
        #expect(text.matches(of: /\.\d{7,}/).isEmpty)
        #expect(text.contains("35.142857"))  // 35 + 1/7 = 35.142857142…, rounded
        #expect(text.matches(of: /\d[eE][-+]?\d/).isEmpty, "no exponents")
    }

    @Test func sameInputSameBytes() throws {
        let first = GeoJSON.collection(Self.sampleFeatures()).serialized(pretty: true)
        let second = GeoJSON.collection(Self.sampleFeatures()).serialized(pretty: true)
        #expect(first == second)
        // Reading our own output and writing it again changes nothing.
        let again = GeoJSON.collection(try GeoJSON.features(from: Array(first.utf8))).serialized(pretty: true)
        #expect(again == first)
    }

    @Test func readingWhatWeWroteGivesTheSameFeatures() throws {
        // Canonical input (≤ 6 decimals, RFC winding, string ids) survives a round trip.
        var features = Self.sampleFeatures()
        features[1].shape = .polygon(Polygon(exterior: Self.square, holes: [Self.hole]))
        let text = GeoJSON.collection(features).serialized()
        #expect(try GeoJSON.features(from: Array(text.utf8)) == features)
    }

    @Test func signedAreaAndOrientation() {
        let ccw = [Self.c(0, 0), Self.c(0, 1), Self.c(1, 1), Self.c(1, 0), Self.c(0, 0)]  // lon/lat unit square, CCW
        #expect(GeoJSON.signedArea2(ccw) == 2)
        #expect(GeoJSON.signedArea2(ccw.reversed()) == -2)
        #expect(GeoJSON.oriented(ccw, counterClockwise: true) == ccw)
        #expect(GeoJSON.oriented(ccw, counterClockwise: false) == ccw.reversed())
        #expect(GeoJSON.signedArea2([Self.c(0, 0), Self.c(1, 1)]) == 0)
    }

    // MARK: Golden file

    /// `Fixtures/mixed_winding.geojson` (unsorted keys, clockwise shells, 9-decimal
    /// coordinates, a crs member) read and written must equal
    /// `Fixtures/mixed_winding.expected.geojson` byte for byte.
    /// Regenerate after an intended change with
    /// `CONFLICTMAP_REGENERATE_GOLDEN=1 swift test --filter GeographyTests.GeoJSONTests`,
    /// then review the diff.
    @Test func goldenFileRoundTrip() throws {
        let input = try #require(Bundle.module.url(forResource: "mixed_winding", withExtension: "geojson", subdirectory: "Fixtures"))
        let written = GeoJSON.collection(try GeoJSON.features(from: Array(try Data(contentsOf: input)))).serialized(pretty: true) + "\n"
        if ProcessInfo.processInfo.environment["CONFLICTMAP_REGENERATE_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/mixed_winding.expected.geojson")
            try written.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(Bundle.module.url(forResource: "mixed_winding.expected", withExtension: "geojson", subdirectory: "Fixtures"))
        #expect(written == (try String(contentsOf: expected, encoding: .utf8)))
    }
}
