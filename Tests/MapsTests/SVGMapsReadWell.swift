import Emitters
import Foundation
import Geodesy
import Geography
import Reports
import Testing

@Suite("SVG maps read well")
struct SVGMapsReadWell {
    @Test("Every map is well-formed XML", arguments: SeedMaps.days)
    func wellFormed(day: String) throws {
        let svg = try SeedMaps.svg(day)
        let parsed = SVGElements(svg)
        #expect(parsed.error == nil, "\(String(describing: parsed.error))")
        #expect(svg.utf8.count < 300_000, "the seeds' maps stay under 300 KB")
    }

    @Test("Labels overlap neither each other, nor the furniture, nor leave the frame", arguments: SeedMaps.days)
    func labelsDoNotOverlap(day: String) throws {
        let parsed = SVGElements(try SeedMaps.svg(day))
        let labels = parsed.all("text").compactMap(\.box)
        #expect(labels.count >= 25, "most places are named")
        let frame = SVGMap.mapBox
        for (i, a) in labels.enumerated() {
            #expect(a.x >= frame.x && a.y >= frame.y && a.x + a.w <= frame.maxX && a.y + a.h <= frame.maxY)
            for b in labels[(i + 1)...] {
                let overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
                #expect(!overlap, "labels at \(a) and \(b) overlap")
            }
        }
        let legend = try #require(parsed.all("g") { $0.attributes["id"] == "legend" }.first?.box)
        for a in labels { #expect(a.x + a.w <= legend.x, "a label reaches into the legend") }
        // Every label's own box is where its text is drawn: the baseline inside the box.
        for t in parsed.all("text", where: { $0.attributes["class"] == "label" }) {
            let b = try #require(t.box), x = Double(t.attributes["x"]!)!, y = Double(t.attributes["y"]!)!
            #expect(abs(x - b.x) < 0.11 && y > b.y && y < b.y + b.h)
        }
    }

    @Test("The legend lists the factions on the map and no other")
    func legendOnlyFactionsPresent() throws {
        for day in ["2017-09-05", "2017-09-16"] {
            let scene = try SeedMaps.scene(day)
            let parsed = SVGElements(try SeedMaps.run.svg.render(scene))
            let legendFactions = Set(parsed.all("rect").compactMap { $0.attributes["data-faction"] })
            var expected = Set(scene.factionsPresent)
            expected.remove("contested")
            if scene.zones.zones.contains(where: { $0.faction == "contested" }) || scene.places.contains(where: \.isContested) { expected.insert("contested") }
            #expect(legendFactions == expected)
            #expect(!legendFactions.contains("iraq") && !legendFactions.contains("unknown"))
        }
    }

    @Test("The scale bar's length is the stated distance at the map's centre")
    func scaleBarIsTrue() throws {
        let parsed = SVGElements(try SeedMaps.svg("2017-09-16"))
        let root = try #require(parsed.all("svg").first)
        let bar = try #require(parsed.all("g") { $0.attributes["id"] == "scale-bar" }.first)
        let (km, px, measured) = try Self.groundUnder(bar, projectedBy: root, view: SeedMaps.run.base.view)
        #expect(px > 80 && px < 230)
        #expect(abs(measured - km) / km < 0.002, "the bar says \(km) km, the ground is \(measured) km")
        // Not plate carrée: a conformal conic, centred on the map.
        #expect(root.attributes["data-projection"]!.contains("+proj=lcc"))
    }

    /// The bar's stated kilometres and pixels, and the ground it spans laid across the view's
    /// centre. The page transform and projection are undone from what `element` declares,
    /// with an independent PROJ object, and the geodesic between the bar's ends is measured.
    static func groundUnder(_ bar: SVGElements.Element, projectedBy element: SVGElements.Element, view: BoundingBox) throws -> (km: Double, px: Double, measured: Double) {
        let km = try #require(Double(bar.attributes["data-km"] ?? "")), px = try #require(Double(bar.attributes["data-px"] ?? ""))
        let a = element.attributes
        let projection = try Projection(to: try #require(a["data-projection"]))
        let scale = try #require(Double(a["data-scale"] ?? "")), ox = try #require(Double(a["data-origin-x"] ?? "")), oy = try #require(Double(a["data-origin-y"] ?? ""))
        let centre = try projection.forward(Coordinate(latitude: (view.south + view.north) / 2, longitude: (view.west + view.east) / 2))
        let cx = (centre.x - ox) * scale, cy = (oy - centre.y) * scale
        func ground(_ x: Double, _ y: Double) throws -> Coordinate { try projection.inverse(x: x / scale + ox, y: oy - y / scale) }
        let from = try ground(cx - px / 2, cy), to = try ground(cx + px / 2, cy)
        return (km, px, Geodesic.wgs84.inverse(from: from, to: to).distanceMeters / 1000)
    }

    @Test("Events near Deir ez-Zor are drawn in the detail inset, each listed event exactly once", arguments: SeedMaps.days)
    func insetTakesTheCrowd(day: String) throws {
        let elements = SVGElements(try SeedMaps.svg(day)).elements
        let insetStart = try #require(elements.firstIndex { $0.attributes["id"] == "inset-events" }, "no inset")
        let drawn = elements.indices.filter { elements[$0].name == "g" && elements[$0].attributes["class"] == "event" }
        let numbers = drawn.compactMap { elements[$0].attributes["data-number"] }
        #expect(Set(numbers).count == numbers.count, "an event drawn twice")
        // Where each event's place falls, by an independent projection of the inset's view.
        let scene = try SeedMaps.scene(day)
        let insetFrame = try MapFrame(view: SVGMap.insetView, frame: SVGMap.insetBox)
        let box = SVGMap.insetBox
        var inInset = 0
        for k in drawn {
            let number = try #require(Int(elements[k].attributes["data-number"]!))
            let group = try #require(scene.groups.first { $0.number == number })
            let p = try insetFrame.point(group.place.coordinate)
            let inside = p.x > box.x && p.x < box.maxX && p.y > box.y && p.y < box.maxY
            if k > insetStart {
                inInset += 1
                #expect(inside, "event \(number) is in the inset but its place is not")
            } else {
                // On the main map: a place well inside the inset's ground would be in the inset.
                #expect(!(p.x > box.x + 20 && p.x < box.maxX - 20 && p.y > box.y + 20 && p.y < box.maxY - 20), "event \(number) stayed in the crowd")
            }
        }
        #expect(inInset >= 3, "the Deir ez-Zor events are in the inset")
        // The main map outlines the inset's ground.
        #expect(elements.contains { $0.attributes["id"] == "inset-extent" })
    }

    @Test("The inset's scale bar is its stated distance at the inset's centre")
    func insetScaleBarIsTrue() throws {
        let parsed = SVGElements(try SeedMaps.svg("2017-09-16"))
        let map = try #require(parsed.all("g") { $0.attributes["id"] == "inset-map" }.first)
        let bar = try #require(parsed.all("g") { $0.attributes["id"] == "inset-scale-bar" }.first)
        let (km, px, measured) = try Self.groundUnder(bar, projectedBy: map, view: SVGMap.insetView)
        #expect(km <= 20 && px > 40 && px < 150)
        #expect(abs(measured - km) / km < 0.002, "the bar says \(km) km, the ground is \(measured) km")
    }

    @Test("Places and events carry a title and their provenance")
    func provenance() throws {
        let parsed = SVGElements(try SeedMaps.svg("2017-09-16"))
        let places = parsed.all("g") { $0.attributes["class"] == "place" }
        #expect(places.count > 30)
        for p in places { #expect(p.attributes["data-id"] != nil && p.attributes["data-faction"] != nil) }
        let events = parsed.all("g") { $0.attributes["class"] == "event" }
        #expect(events.count >= 10)
        for e in events {
            for key in ["data-number", "data-actor", "data-action", "data-date", "data-quote", "data-documents", "data-start", "data-end"] {
                #expect(e.attributes[key] != nil, "event without \(key)")
            }
        }
        let titles = parsed.all("title")
        #expect(titles.count >= places.count + events.count)
        // Each numbered symbol has its entry in the list beside the map.
        let listed = Set(parsed.all("g") { $0.attributes["class"] == "event-entry" }.compactMap { $0.attributes["data-number"] })
        for e in events { #expect(listed.contains(e.attributes["data-number"]!)) }
    }

    @Test("The event list says \"part of\" for a capture of part of a place, and only then")
    func partialCapturesSayPartOf() throws {
        let scene = try SeedMaps.scene("2017-09-16")
        let elements = SVGElements(try SeedMaps.svg("2017-09-16")).elements
        let captures = scene.groups.filter { $0.action == .capture }
        #expect(captures.contains { $0.events.allSatisfy(\.isPartial) } && captures.contains { !$0.events.contains(where: \.isPartial) })
        for g in captures {
            // The entry's title: the first title after its group in the list.
            let entry = try #require(elements.firstIndex { $0.attributes["class"] == "event-entry" && $0.attributes["data-number"] == String(g.number) })
            let title = try #require(elements[entry...].first { $0.name == "title" }).text
            #expect(title.contains("captured part of ") == g.events.allSatisfy(\.isPartial), "\(title)")
        }
    }

    @Test("Names and quotes with markup stay text: the SVG is valid and inert")
    func hostileTextIsEscaped() throws {
        var scene = try SeedMaps.scene("2017-09-16")
        let hostile = "<script>alert(1)</script> & \"quoted\" ]]> 'x' \u{1}"
        scene.places[0].place.name = hostile
        scene.places[1].mentions = [MapPlace.Mention(document: "a\"b<c>.txt", outlet: "O&<", span: TextSpan(start: 0, end: 3, text: hostile))]
        if !scene.groups.isEmpty { scene.groups[scene.groups.count - 1].events[0].quote.text = hostile }
        let svg = try SeedMaps.run.svg.render(scene)
        let parsed = SVGElements(svg)
        #expect(parsed.error == nil, "\(String(describing: parsed.error))")
        #expect(!svg.contains("<script"))
        #expect(parsed.all("script").isEmpty)
        #expect(parsed.elements.contains { $0.attributes.values.contains { $0.contains("<script>") } || $0.text.contains("<script>") },
                "the text survives as text")
        let geojson = MapGeoJSON.collection(scene).serialized()
        #expect(try JSONValue.parse(Array(geojson.utf8))["features"] != nil)
    }
}
