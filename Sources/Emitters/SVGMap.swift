#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geography
import Reports
import Territory
import Topology

/// A map scene as a printable SVG page (A4 landscape at 96 dpi): the map in a PROJ
/// projection on the left, legend, numbered event list and credits on the right.
/// Every place and event carries a `<title>` and `data-*` provenance; all text is
/// escaped. Deterministic: the same scene gives the same bytes.
public struct SVGMap: Sendable {
    public static let pageWidth = 1123.0
    public static let pageHeight = 794.0
    /// The map's frame and the side panel, in page pixels.
    public static let mapBox = PixelBox(x: 20, y: 78, width: 720, height: 672)
    public static let panelBox = PixelBox(x: 760, y: 78, width: 343, height: 672)

    /// The detail inset: the ground around Deir ez-Zor, where most of September 2017's
    /// events crowd into a few kilometres of the main map, drawn at about four times its
    /// scale over the empty desert of Iraq in the map's lower right.
    public static let insetView = BoundingBox(west: 39.95, south: 35.12, east: 40.45, north: 35.48)
    public static let insetBox = PixelBox(x: 452, y: 540, width: 280, height: 202)

    /// The base layers, drawn once for all the pages of a run: under the zones (land)
    /// and over them (borders, rivers, the deconfliction line); for the main map and,
    /// cut to its ground, for the inset.
    let underZones: String
    let overZones: String
    let insetUnderZones: String
    let insetOverZones: String
    /// The lon/lat ground the inset shows (`SVGMap.ground(of:)`): what its layers are cut to.
    let insetGround: Shape
    /// Where each neighbour's name goes.
    let countryLabels: [CountryLabel]
    let view: BoundingBox

    struct CountryLabel: Sendable {
        var text: String
        var x: Double, y: Double
    }

    public init(base: BaseLayers) throws {
        let frame = try MapFrame(view: base.view, frame: SVGMap.mapBox)
        view = base.view
        (underZones, overZones) = try SVGMap.layers(base, frame: frame, ids: "", within: nil)
        let insetFrame = try MapFrame(view: SVGMap.insetView, frame: SVGMap.insetBox)
        insetGround = try SVGMap.ground(of: insetFrame)
        (insetUnderZones, insetOverZones) = try SVGMap.layers(base, frame: insetFrame, ids: "inset-", within: insetGround)
        var labels: [CountryLabel] = []
        for c in base.countries where c.id != "syria" {
            if let anchor = try SVGMap.countryLabelAnchor(c, frame: frame) { labels.append(CountryLabel(text: c.name.uppercased(), x: anchor.x, y: anchor.y)) }
        }
        countryLabels = labels
    }

    /// The base layers in a frame, with element ids prefixed by `ids`, each shape cut to
    /// `within` (lon/lat) when given: an inset draws only its own ground.
    static func layers(_ base: BaseLayers, frame: MapFrame, ids: String, within: Shape?) throws -> (under: String, over: String) {
        func cut(_ shape: Shape) throws -> Shape { try within.map { try shape.intersection(with: $0) } ?? shape }
        var under = "<g id=\"\(ids)countries\" stroke=\"none\">\n"
        for c in base.countries {
            let fill = c.id == "syria" ? MapStyle.landColour : MapStyle.neighbourColour
            under += "<path data-country=\"\(SVGText.escape(c.id))\" fill=\"\(fill)\" fill-rule=\"evenodd\" d=\"\(try Page.path(try cut(c.shape), frame: frame))\"/>\n"
        }
        under += "</g>\n"
        var over = "<g id=\"\(ids)province-borders\" fill=\"none\" stroke=\"\(MapStyle.provinceColour)\" stroke-width=\"0.8\">\n"
        for p in base.provinces {
            over += "<path data-province=\"\(SVGText.escape(p.id))\" d=\"\(try Page.path(try cut(p.shape), frame: frame, preservingTopology: false))\"/>\n"
        }
        over += "</g>\n"
        over += "<path id=\"\(ids)country-borders\" fill=\"none\" stroke=\"\(MapStyle.borderColour)\" stroke-width=\"1.6\" stroke-linejoin=\"round\" d=\"\(try Page.path(try cut(base.countryBorders), frame: frame, preservingTopology: false))\"/>\n"
        over += "<g id=\"\(ids)rivers\" fill=\"none\" stroke=\"\(MapStyle.riverColour)\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n"
        for r in base.rivers {
            over += "<path data-river=\"\(SVGText.escape(r.id))\" stroke-width=\"\(r.id == "euphrates" ? "2.4" : "1.4")\" d=\"\(try Page.path(try cut(r.shape), frame: frame, preservingTopology: false))\"><title>\(SVGText.escape(r.name))</title></path>\n"
        }
        over += "</g>\n"
        // The deconfliction line follows the river: dashed in its own colour on top of
        // the blue, so both read.
        over += "<path id=\"\(ids)deconfliction-line\" fill=\"none\" stroke=\"\(MapStyle.deconflictionColour)\" stroke-width=\"1.3\" stroke-dasharray=\"7 5\" d=\"\(try Page.path(try cut(base.deconflictionLine), frame: frame, preservingTopology: false))\"><title>Euphrates deconfliction line (September 2017)</title></path>\n"
        return (under, over)
    }

    /// The ground a frame shows, as a lon/lat polygon a little larger than its box (the
    /// frame fits its view along one axis and shows more along the other).
    static func ground(of frame: MapFrame) throws -> Shape {
        let b = frame.frame.inset(by: -12)
        var ring: [Coordinate] = []
        // Each side sampled: its edges are curves in lon/lat.
        for k in 0..<8 { ring.append(try frame.coordinate(x: b.x + b.width * Double(k) / 8, y: b.y)) }
        for k in 0..<8 { ring.append(try frame.coordinate(x: b.maxX, y: b.y + b.height * Double(k) / 8)) }
        for k in 0..<8 { ring.append(try frame.coordinate(x: b.maxX - b.width * Double(k) / 8, y: b.maxY)) }
        for k in 0..<8 { ring.append(try frame.coordinate(x: b.x, y: b.maxY - b.height * Double(k) / 8)) }
        return .polygon(Polygon(exterior: ring.reversed() + [ring.last!]))
    }

    /// Where a neighbour's name goes: inside the part of it the frame shows.
    static func countryLabelAnchor(_ c: BaseLayers.Layer, frame: MapFrame) throws -> (x: Double, y: Double)? {
        let m = SVGMap.mapBox.inset(by: 30)
        var corners: [Coordinate] = []
        for (x, y) in [(m.x, m.y), (m.maxX, m.y), (m.maxX, m.maxY), (m.x, m.maxY)] { corners.append(try frame.coordinate(x: x, y: y)) }
        let visible = try c.shape.intersection(with: .polygon(Polygon(exterior: corners + [corners[0]])))
        guard let biggest = visible.polygons.max(by: { Page.ringArea($0.exterior) < Page.ringArea($1.exterior) }),
              let point = try Shape.polygon(biggest).pointOnSurface() else { return nil }
        return try frame.point(point)
    }

    /// One scene as a page. Each call makes its own projection: pages can be drawn on
    /// several threads at once.
    public func render(_ scene: MapScene) throws -> String {
        let frame = try MapFrame(view: view, frame: SVGMap.mapBox)
        let insetFrame = try MapFrame(view: SVGMap.insetView, frame: SVGMap.insetBox)
        var page = try Page(scene: scene, frame: frame, insetFrame: insetFrame, base: self)
        try page.draw()
        return page.out
    }
}

/// One page being drawn: the output text and the boxes already taken.
struct Page {
    let scene: MapScene
    let frame: MapFrame
    let base: SVGMap
    var out = ""
    /// Boxes labels and symbols must keep clear of, inside the map.
    var taken: [PixelBox] = []
    /// The main map, and the detail inset when a listed event lies in its ground.
    let main: Panel
    let inset: Panel?

    /// A map on the page: its frame, the prefix of its elements' ids, and the event groups
    /// whose symbols it draws.
    struct Panel {
        let frame: MapFrame
        let ids: String
        let groups: [EventGroup]
        var box: PixelBox { frame.frame }
        /// The main map's elements have the page's ids; the inset's are prefixed.
        var isInset: Bool { !ids.isEmpty }
    }

    init(scene: MapScene, frame: MapFrame, insetFrame: MapFrame, base: SVGMap) throws {
        self.scene = scene
        self.frame = frame
        self.base = base
        // An event whose place the inset shows is drawn there, at its own scale, and not
        // in the crowd on the main map.
        var mainGroups: [EventGroup] = [], insetGroups: [EventGroup] = []
        let within = insetFrame.frame.inset(by: 10)
        for g in Page.listedGroups(scene) {
            let p = try insetFrame.point(g.place.coordinate)
            if within.contains(PixelBox(x: p.x, y: p.y, width: 0, height: 0)) { insetGroups.append(g) } else { mainGroups.append(g) }
        }
        main = Panel(frame: frame, ids: "", groups: mainGroups)
        inset = insetGroups.isEmpty ? nil : Panel(frame: insetFrame, ids: "inset-", groups: insetGroups)
    }

    mutating func draw() throws {
        let w = SVGMap.pageWidth, h = SVGMap.pageHeight, m = SVGMap.mapBox
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(n(w))\" height=\"\(n(h))\" viewBox=\"0 0 \(n(w)) \(n(h))\""
        out += " font-family=\"\(SVGText.fontFamily)\" data-as-of=\"\(scene.asOf)\" data-projection=\"\(esc(frame.projection.definition))\""
        out += " data-scale=\"\(frame.scale)\" data-origin-x=\"\(frame.originX)\" data-origin-y=\"\(frame.originY)\">\n"
        out += "<title>\(esc(title))</title>\n"
        defs()
        out += "<rect width=\"\(n(w))\" height=\"\(n(h))\" fill=\"#ffffff\"/>\n"
        try mapLayers(main)
        if let inset { taken.append(inset.box.inset(by: -3)) }
        try placesAndEvents(main)
        if let inset { try insetMap(inset) }
        out += "<rect id=\"map-frame\" x=\"\(n(m.x))\" y=\"\(n(m.y))\" width=\"\(n(m.width))\" height=\"\(n(m.height))\" fill=\"none\" stroke=\"#222\" stroke-width=\"1\"/>\n"
        heading()
        legendAndEvents()
        out += "</svg>\n"
    }

    // MARK: Page furniture

    var title: String { "Eastern Syria: control as of \(Page.longDate(scene.asOf))" }

    mutating func defs() {
        out += "<defs>\n"
        for panel in [main] + (inset.map { [$0] } ?? []) {
            let b = panel.box
            out += "<clipPath id=\"\(panel.ids)map-clip\"><rect x=\"\(n(b.x))\" y=\"\(n(b.y))\" width=\"\(n(b.width))\" height=\"\(n(b.height))\"/></clipPath>\n"
        }
        // Contested ground: the colours of neither side, hatched, as on the public maps.
        out += "<pattern id=\"hatch-contested\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\" patternTransform=\"rotate(45)\">"
        out += "<rect width=\"7\" height=\"7\" fill=\"#ffffff\" fill-opacity=\"0.55\"/><rect width=\"2.6\" height=\"7\" fill=\"#7a1f1f\"/></pattern>\n"
        out += "</defs>\n"
    }

    mutating func heading() {
        out += "<g id=\"title\">\n"
        out += "<text x=\"20\" y=\"36\" font-size=\"22\" font-weight=\"bold\" fill=\"#111\">\(esc(title))</text>\n"
        var sub = "Control as of the end of \(Page.longDate(scene.asOf))"
        if let w = scene.eventWindow {
            sub += " \u{00B7} Events from \(Page.longDate(w.lowerBound)) to \(Page.longDate(w.upperBound))"
        } else {
            sub += " \u{00B7} No dated events"
        }
        let count = scene.reports.count
        sub += " \u{00B7} \(count) report\(count == 1 ? "" : "s")"
        out += "<text x=\"20\" y=\"60\" font-size=\"13\" fill=\"#333\">\(esc(sub))</text>\n"
        out += "</g>\n"
    }

    // MARK: Map layers

    mutating func mapLayers(_ panel: Panel) throws {
        out += "<g id=\"\(panel.ids)map\" clip-path=\"url(#\(panel.ids)map-clip)\""
        // The inset's own projection and page transform, as the page's are on the root.
        if panel.isInset {
            let f = panel.frame
            out += " data-projection=\"\(esc(f.projection.definition))\" data-scale=\"\(f.scale)\" data-origin-x=\"\(f.originX)\" data-origin-y=\"\(f.originY)\""
        }
        out += ">\n"
        let m = panel.box
        out += "<rect x=\"\(n(m.x))\" y=\"\(n(m.y))\" width=\"\(n(m.width))\" height=\"\(n(m.height))\" fill=\"\(MapStyle.neighbourColour)\"/>\n"
        let isInset = panel.isInset
        // The inset draws its own ground only: the zones and fronts cut to it.
        let ground = isInset ? base.insetGround : nil
        func cut(_ shape: Shape) throws -> Shape { try ground.map { try shape.intersection(with: $0) } ?? shape }
        out += isInset ? base.insetUnderZones : base.underZones
        out += "<g id=\"\(panel.ids)zones\" stroke-width=\"0.6\" fill-rule=\"evenodd\">\n"
        // Unknown ground is not drawn: the land shows through.
        for z in scene.zones.zones where z.faction != "unknown" {
            let shape = try cut(z.shape)
            guard !shape.coordinates.isEmpty else { continue }
            let fill = z.faction == "contested" ? "url(#hatch-contested)" : MapStyle.colour(z.faction)
            let opacity = z.faction == "contested" ? 1 : MapStyle.zoneOpacity
            out += "<path class=\"zone\" data-faction=\"\(esc(z.faction))\" data-area-km2=\"\(formatDecimal(z.areaSquareKilometres, decimals: 1))\""
            out += " fill=\"\(fill)\" fill-opacity=\"\(n(opacity))\" stroke=\"\(MapStyle.stroke(z.faction))\" stroke-opacity=\"0.7\" d=\"\(try Page.path(shape, frame: panel.frame))\">"
            out += "<title>\(esc(MapStyle.name(z.faction))): \(formatDecimal(z.areaSquareKilometres, decimals: 0)) km\u{00B2}</title></path>\n"
        }
        out += "</g>\n"
        out += isInset ? base.insetOverZones : base.overZones
        out += "<g id=\"\(panel.ids)fronts\" fill=\"none\" stroke=\"\(MapStyle.frontColour)\" stroke-width=\"2.2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n"
        for f in scene.zones.fronts {
            let shape = try cut(f.shape)
            guard !shape.coordinates.isEmpty else { continue }
            out += "<path data-between=\"\(esc(f.factions.0)) \(esc(f.factions.1))\" d=\"\(try Page.path(shape, frame: panel.frame, preservingTopology: false))\"><title>Front: \(esc(MapStyle.name(f.factions.0))) / \(esc(MapStyle.name(f.factions.1))), \(formatDecimal(f.lengthKilometres, decimals: 1)) km</title></path>\n"
        }
        out += "</g>\n"
        out += "</g>\n"
    }

    /// The detail inset: its map, places and events, its border and title, a scale bar, and
    /// on the main map the outline of the ground it shows.
    mutating func insetMap(_ inset: Panel) throws {
        let b = inset.box
        // The outline on the main map, through the inset ground's corners.
        var corners: [(x: Double, y: Double)] = []
        for (x, y) in [(b.x, b.y), (b.maxX, b.y), (b.maxX, b.maxY), (b.x, b.maxY)] {
            corners.append(try frame.point(try inset.frame.coordinate(x: x, y: y)))
        }
        out += "<path id=\"inset-extent\" fill=\"none\" stroke=\"#222\" stroke-width=\"1\" stroke-dasharray=\"3 2\" d=\"M"
            + corners.map { "\(n($0.x)) \(n($0.y))" }.joined(separator: "L") + "Z\"><title>The ground the detail inset shows</title></path>\n"
        try mapLayers(inset)
        let titleBox = PixelBox(x: b.x + 4, y: b.y + 4, width: SVGText.width("Deir ez-Zor (detail)", size: 11, bold: true) + 10, height: 18)
        let scaleBox = PixelBox(x: b.x + 6, y: b.maxY - 44, width: 150, height: 38)
        // What the main map took lies outside the inset, but for the inset's own box.
        taken = [titleBox, scaleBox]
        try placesAndEvents(inset)
        out += "<g id=\"inset-title\"><rect x=\"\(n(titleBox.x))\" y=\"\(n(titleBox.y))\" width=\"\(n(titleBox.width))\" height=\"\(n(titleBox.height))\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
        out += "<text x=\"\(n(titleBox.x + 5))\" y=\"\(n(titleBox.y + 13))\" font-size=\"11\" font-weight=\"bold\" fill=\"#111\">Deir ez-Zor (detail)</text></g>\n"
        try scaleBar(in: scaleBox, frame: inset.frame, id: "inset-scale-bar", note: "true at \(formatDecimal(inset.frame.centre.latitude, decimals: 1))\u{00B0}N")
        out += "<rect id=\"inset-frame\" x=\"\(n(b.x))\" y=\"\(n(b.y))\" width=\"\(n(b.width))\" height=\"\(n(b.height))\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.2\"/>\n"
    }

    // MARK: Places, events, labels

    /// The event groups the side panel has room for: the latest ones when there are many.
    var listedGroups: [EventGroup] { Page.listedGroups(scene) }

    static func listedGroups(_ scene: MapScene) -> [EventGroup] {
        let room = Page.eventListCapacity(legendHeight: legendHeight(scene))
        return Array(scene.groups.suffix(room))
    }

    mutating func placesAndEvents(_ panel: Panel) throws {
        let m = panel.box
        let isMain = !panel.isInset
        // Furniture inside the frame first: nothing may cover the scale bar or the arrow.
        let scaleBox = PixelBox(x: m.x + 10, y: m.maxY - 52, width: 230, height: 42)
        let arrowBox = PixelBox(x: m.maxX - 52, y: m.y + 10, width: 42, height: 58)
        if isMain { taken += [scaleBox, arrowBox] }
        var labels = ""
        for c in base.countryLabels where isMain {
            let width = SVGText.width(c.text, size: 13, bold: true) + 4 * Double(c.text.count)
            let box = PixelBox(x: c.x - width / 2, y: c.y - 13, width: width, height: 17)
            guard m.inset(by: 4).contains(box), !taken.contains(where: { $0.intersects(box) }) else { continue }
            taken.append(box)
            labels += "<text x=\"\(n(c.x))\" y=\"\(n(c.y))\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" letter-spacing=\"4\" fill=\"#8c8579\" data-bbox=\"\(n(box.x)) \(n(box.y)) \(n(box.width)) \(n(box.height))\">\(esc(c.text))</text>\n"
        }

        // Dots: every drawn place, so labels and symbols keep off all of them.
        var dots: [Dot] = []
        for p in scene.places {
            let pt = try panel.frame.point(p.place.coordinate)
            guard m.inset(by: 3).contains(PixelBox(x: pt.x, y: pt.y, width: 0, height: 0)) else { continue }
            let r = p.place.kind == .city ? 5.0 : p.place.kind.isSettlement ? 3.6 : 3.0
            dots.append(Dot(place: p, x: pt.x, y: pt.y, r: r))
            taken.append(PixelBox(x: pt.x - r - 1, y: pt.y - r - 1, width: 2 * r + 2, height: 2 * r + 2))
        }
        let ranked = dots.sorted { ($0.place.labelPriority, $1.place.place.id) > ($1.place.labelPriority, $0.place.place.id) }
        // Cities are named before anything else claims the room around them.
        for d in ranked where d.place.place.kind == .city { labels += label(d, in: m) }

        // Event symbols around their place, nearest free spot first, with a leader line.
        var symbols = ""
        var leaders = ""
        for g in panel.groups {
            let anchor = try panel.frame.point(g.place.coordinate)
            guard m.contains(PixelBox(x: anchor.x, y: anchor.y, width: 0, height: 0)) else { continue }
            let numberWidth = SVGText.width("\(g.number)", size: 10, bold: true)
            var chosen: (x: Double, y: Double, box: PixelBox)?
            search: for radius in [17.0, 30, 43, 56, 70, 85] {
                for angle in stride(from: -45.0, to: 315, by: 30) {
                    let a = angle * .pi / 180
                    let cx = anchor.x + radius * cos(a), cy = anchor.y + radius * sin(a)
                    let box = PixelBox(x: cx - 8, y: cy - 8, width: 18 + numberWidth, height: 16)
                    if m.inset(by: 2).contains(box), !taken.contains(where: { $0.intersects(box) }) {
                        chosen = (cx, cy, box)
                        break search
                    }
                }
            }
            guard let spot = chosen else { continue }
            taken.append(spot.box)
            leaders += "<line x1=\"\(n(anchor.x))\" y1=\"\(n(anchor.y))\" x2=\"\(n(spot.x))\" y2=\"\(n(spot.y))\"/>\n"
            symbols += eventElement(g, x: spot.x, y: spot.y)
        }
        for d in ranked where d.place.place.kind != .city { labels += label(d, in: m) }

        let ids = panel.ids
        out += "<g id=\"\(ids)event-leaders\" stroke=\"#444\" stroke-width=\"0.8\">\n" + leaders + "</g>\n"
        out += "<g id=\"\(ids)places\">\n"
        for d in dots { out += placeElement(d.place, x: d.x, y: d.y, r: d.r) }
        out += "</g>\n"
        out += "<g id=\"\(ids)events\">\n" + symbols + "</g>\n"
        out += "<g id=\"\(ids)labels\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\">\n" + labels + "</g>\n"
        if isMain {
            try scaleBar(in: scaleBox, frame: frame, id: "scale-bar", note: "true at \(formatDecimal(frame.centre.latitude, decimals: 1))\u{00B0}N, the map\u{2019}s centre")
            try northArrow(in: arrowBox)
        }
    }

    struct Dot {
        var place: MapPlace
        var x: Double, y: Double, r: Double
    }

    /// A place's label at the first of eight spots around its dot that is free, or
    /// nothing: a label that fits nowhere is left out (the dot keeps its <title>).
    mutating func label(_ d: Dot, in m: PixelBox) -> String {
        let city = d.place.place.kind == .city
        let size = city ? 12.5 : 10.5
        let text = d.place.place.name
        let width = SVGText.width(text, size: size, bold: city)
        let height = size * 1.2
        // Eight spots around the dot, then the same farther out: a city in a crowd of
        // bases and fields is still named, a little away from its dot.
        var candidates: [(dx: Double, dy: Double)] = []
        for k in city ? [1.0, 1.8, 2.8, 4] : [1.0, 1.8] {
            let gap = (d.r + 2.5) * k
            candidates += [
                (gap, -height / 2), (-gap - width, -height / 2), (gap * 0.7, -gap * 0.7 - height), (gap * 0.7, gap * 0.7),
                (-width / 2, -gap - height), (-width / 2, gap), (-gap * 0.7 - width, -gap * 0.7 - height), (-gap * 0.7 - width, gap * 0.7),
            ]
        }
        for c in candidates {
            let box = PixelBox(x: d.x + c.dx, y: d.y + c.dy, width: width, height: height)
            guard m.inset(by: 2).contains(box), !taken.contains(where: { $0.intersects(box) }) else { continue }
            taken.append(box)
            let baseline = box.y + size * 0.93
            return "<text class=\"label\" x=\"\(n(box.x))\" y=\"\(n(baseline))\" font-size=\"\(n(size))\"" + (city ? " font-weight=\"bold\"" : "")
                + " fill=\"#111\" data-place=\"\(esc(d.place.place.id))\" data-bbox=\"\(n(box.x)) \(n(box.y)) \(n(box.width)) \(n(box.height))\">\(esc(text))</text>\n"
        }
        return ""
    }

    func placeElement(_ p: MapPlace, x: Double, y: Double, r: Double) -> String {
        var s = "<g class=\"place\" data-id=\"\(esc(p.place.id))\" data-name=\"\(esc(p.place.name))\" data-kind=\"\(p.place.kind.rawValue)\""
        s += " data-faction=\"\(esc(p.holder))\" data-basis=\"\(esc(p.basis))\""
        if let since = p.since { s += " data-since=\"\(since)\"" }
        s += " data-lat=\"\(formatDecimal(p.place.coordinate.latitude, decimals: 6))\" data-lon=\"\(formatDecimal(p.place.coordinate.longitude, decimals: 6))\""
        if let last = p.sources.last {
            s += " data-source=\"\(esc(last.kind)):\(esc(last.reference))\""
            if let outlet = last.outlet { s += " data-outlet=\"\(esc(outlet))\"" }
            s += " data-quote=\"\(esc(last.text))\""
        }
        let documents = Array(Set(p.mentions.map(\.document))).sorted()
        if !documents.isEmpty { s += " data-documents=\"\(esc(documents.joined(separator: " ")))\" data-mentions=\"\(p.mentions.count)\"" }
        s += ">"
        var tip = p.place.name
        switch p.basis {
        case "zone": tip += ": inside the \(MapStyle.name(p.holder)) zone (no source names its holder)"
        case "unknown": tip += ": holder unknown"
        default:
            tip += ": held by " + p.factions.map(MapStyle.name).joined(separator: " and ")
            if p.isContested { tip += " (contested)" }
            if let since = p.since { tip += " since \(Page.longDate(since))" }
            if let last = p.sources.last { tip += " (\(last.kind == "report" ? (last.outlet ?? last.reference) : "scenario \(last.reference)"))" }
        }
        if !p.mentions.isEmpty { tip += "; named \(p.mentions.count)\u{00D7} in \(documents.count) report\(documents.count == 1 ? "" : "s")" }
        s += "<title>\(esc(tip))</title>"
        if p.isContested {
            let a = MapStyle.colour(p.factions[0]), b = MapStyle.colour(p.factions[1])
            s += "<path d=\"M\(n(x)) \(n(y - r))A\(n(r)) \(n(r)) 0 0 0 \(n(x)) \(n(y + r))Z\" fill=\"\(a)\"/>"
            s += "<path d=\"M\(n(x)) \(n(y - r))A\(n(r)) \(n(r)) 0 0 1 \(n(x)) \(n(y + r))Z\" fill=\"\(b)\"/>"
            s += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"none\" stroke=\"#111\" stroke-width=\"1\"/>"
        } else {
            let fill = p.holder == "unknown" ? "#ffffff" : MapStyle.colour(p.holder)
            s += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\" stroke=\"#111\" stroke-width=\"1\""
            s += p.basis == "zone" || p.basis == "unknown" ? " stroke-dasharray=\"1.5 1\"/>" : "/>"
        }
        return s + "</g>\n"
    }

    func eventElement(_ g: EventGroup, x: Double, y: Double) -> String {
        let first = g.events[0]
        var s = "<g class=\"event\" data-number=\"\(g.number)\" data-actor=\"\(g.actor.rawValue)\" data-action=\"\(g.action.rawValue)\""
        s += " data-place=\"\(esc(g.place.id))\"" + (g.relation.map { " data-relation=\"\(esc($0))\"" } ?? "") + " data-date=\"\(g.date)\" data-date-precision=\"\(g.date.precision.rawValue)\""
        s += " data-reports=\"\(g.events.count)\" data-documents=\"\(esc(Array(Set(g.events.map(\.document))).sorted().joined(separator: " ")))\""
        if !g.outlets.isEmpty { s += " data-outlets=\"\(esc(g.outlets.joined(separator: "; ")))\"" }
        s += " data-quote=\"\(esc(first.quote.text))\" data-quote-document=\"\(esc(first.document))\" data-start=\"\(first.quote.start)\" data-end=\"\(first.quote.end)\">"
        s += "<title>\(g.number). \(esc(Page.eventLine(g))): \u{201C}\(esc(first.quote.text))\u{201D} (\(esc(first.outlet ?? first.document)))</title>"
        s += Page.symbol(g.action, x: x, y: y, fill: MapStyle.colour(g.actor.rawValue), scale: 1)
        s += "<text x=\"\(n(x + 9))\" y=\"\(n(y + 4))\" font-size=\"10\" font-weight=\"bold\" fill=\"#111\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">\(g.number)</text>"
        return s + "</g>\n"
    }

    /// An event symbol centred on (x, y), about 14 px across.
    static func symbol(_ action: Action, x: Double, y: Double, fill: String, scale k: Double) -> String {
        let t = "transform=\"translate(\(n(x)) \(n(y)))\(k == 1 ? "" : " scale(\(n(k)))")\""
        let edge = "stroke=\"#111\" stroke-width=\"1\" stroke-linejoin=\"round\""
        switch action {
        case .capture:  // a flag on a pole
            return "<path \(t) d=\"M-5 7V-7M-5 -7L6 -3.5L-5 0Z\" fill=\"\(fill)\" \(edge)/>"
        case .advance, .enter:  // a chevron pointing on
            return "<path \(t) d=\"M-6 5L0 -7L6 5L0 1Z\" fill=\"\(fill)\" \(edge)/>"
        case .offensive:  // a broad arrow
            return "<path \(t) d=\"M-6 1L0 -7L6 1L2.5 1L2.5 7L-2.5 7L-2.5 1Z\" fill=\"\(fill)\" \(edge)/>"
        case .siegeBroken:  // a ring with a gap
            return "<g \(t)><path d=\"M2.2 -5.6A6 6 0 1 1 -2.2 -5.6\" fill=\"none\" stroke=\"#111\" stroke-width=\"4.2\"/><path d=\"M2.2 -5.6A6 6 0 1 1 -2.2 -5.6\" fill=\"none\" stroke=\"\(fill)\" stroke-width=\"2.4\"/></g>"
        case .strike:  // a burst
            return "<path \(t) d=\"M0 -7.5L1.8 -2.8L6.5 -4.2L3.6 0L6.5 4.2L1.8 2.8L0 7.5L-1.8 2.8L-6.5 4.2L-3.6 0L-6.5 -4.2L-1.8 -2.8Z\" fill=\"\(fill)\" \(edge)/>"
        case .cross:  // two waves
            return "<path \(t) d=\"M-6 -3Q-3 -6 0 -3T6 -3M-6 3Q-3 0 0 3T6 3\" fill=\"none\" stroke=\"\(fill)\" stroke-width=\"2.4\"/>"
        }
    }

    mutating func scaleBar(in box: PixelBox, frame: MapFrame, id: String, note: String) throws {
        // The longest round length that fits (100, 50, 20, 10 or 5 km), divided in its halves.
        var kilometres = 100.0
        var pixels = try frame.pixels(forKilometres: kilometres)
        for shorter in [50.0, 20, 10, 5] where pixels > box.width - 40 { kilometres = shorter; pixels = try frame.pixels(forKilometres: kilometres) }
        let x0 = box.x + 10, y0 = box.maxY - 16
        out += "<g id=\"\(id)\" data-km=\"\(formatDecimal(kilometres, decimals: 0))\" data-px=\"\(formatDecimal(pixels, decimals: 3))\""
        out += " data-x=\"\(n(x0))\" data-y=\"\(n(y0))\" data-true-at-lat=\"\(formatDecimal(frame.centre.latitude, decimals: 2))\">\n"
        out += "<rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(pixels + 62))\" height=\"\(n(box.height))\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#999\" stroke-width=\"0.5\"/>\n"
        let half = pixels / 2
        out += "<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(half))\" height=\"5\" fill=\"#111\"/>"
        out += "<rect x=\"\(n(x0 + half))\" y=\"\(n(y0))\" width=\"\(n(half))\" height=\"5\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"0.8\"/>\n"
        for (i, label) in ["0", formatDecimal(kilometres / 2, decimals: kilometres / 2 == (kilometres / 2).rounded() ? 0 : 1), "\(formatDecimal(kilometres, decimals: 0)) km"].enumerated() {
            out += "<text x=\"\(n(x0 + Double(i) * half))\" y=\"\(n(y0 - 4))\" font-size=\"10\" fill=\"#111\"\(i == 2 ? "" : " text-anchor=\"middle\"")>\(label)</text>"
        }
        out += "\n<text x=\"\(n(x0))\" y=\"\(n(y0 + 15))\" font-size=\"8.5\" fill=\"#444\">\(note)</text>\n</g>\n"
    }

    mutating func northArrow(in box: PixelBox) throws {
        let cx = box.x + box.width / 2, cy = box.y + box.height / 2 + 6
        let angle = try frame.northAngle(atX: cx, y: cy)
        out += "<g id=\"north-arrow\" data-angle=\"\(formatDecimal(angle, decimals: 2))\">"
        out += "<rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#999\" stroke-width=\"0.5\"/>"
        out += "<g transform=\"translate(\(n(cx)) \(n(cy))) rotate(\(formatDecimal(angle, decimals: 2)))\">"
        out += "<path d=\"M0 -18L7 10L0 5Z\" fill=\"#111\"/><path d=\"M0 -18L-7 10L0 5Z\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"0.8\"/></g>"
        out += "<text x=\"\(n(cx))\" y=\"\(n(box.y + 13))\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#111\">N</text></g>\n"
    }

    // MARK: Side panel

    /// A legend entry: a key drawn in a small box, and its text.
    struct LegendItem {
        var kind: String, key: String, text: String
    }

    /// The legend's sections, each a list of items; what is drawn on this map only.
    /// Zones and places take a row each; lines and event symbols go two to a row.
    var legendSections: [(items: [LegendItem], columns: Int)] { Page.legendSections(scene) }

    static func legendSections(_ scene: MapScene) -> [(items: [LegendItem], columns: Int)] {
        var zones: [LegendItem] = []
        for f in scene.factionsPresent where f != "contested" { zones.append(LegendItem(kind: "zone", key: f, text: MapStyle.name(f))) }
        if scene.zones.zones.contains(where: { $0.faction == "contested" }) || scene.places.contains(where: \.isContested) {
            zones.append(LegendItem(kind: "zone", key: "contested", text: "Contested (two sides within a week)"))
        }
        var lines: [LegendItem] = []
        if !scene.zones.fronts.isEmpty { lines.append(LegendItem(kind: "line", key: "front", text: "Front line")) }
        lines.append(LegendItem(kind: "line", key: "river", text: "Euphrates, Khabur"))
        lines.append(LegendItem(kind: "line", key: "deconfliction", text: "Deconfliction line"))
        lines.append(LegendItem(kind: "line", key: "border", text: "International border"))
        lines.append(LegendItem(kind: "line", key: "province", text: "Governorate border"))
        var places = [LegendItem(kind: "dot", key: "held", text: "Place, coloured by its holder")]
        if scene.places.contains(where: { $0.basis == "zone" || $0.basis == "unknown" }) {
            places.append(LegendItem(kind: "dot", key: "inferred", text: "Place no source assigns (zone it lies in)"))
        }
        // Symbols of every group, listed or not: the list's room depends on the legend's
        // height, so the legend cannot depend on the list.
        var actions: [Action] = []
        for g in scene.groups {
            let a: Action = g.action == .enter ? .advance : g.action
            if !actions.contains(a) { actions.append(a) }
        }
        let symbols = Action.allCases.filter { actions.contains($0) }.map { LegendItem(kind: "symbol", key: $0.rawValue, text: MapStyle.symbolName($0)) }
        return [(zones, 1), (lines, 2), (places, 1), (symbols, 2)].filter { !$0.0.isEmpty }
    }

    static let rowHeight = 16.0
    var legendHeight: Double { Page.legendHeight(scene) }

    static func legendHeight(_ scene: MapScene) -> Double {
        24 + legendSections(scene).reduce(0) { $0 + Double(($1.items.count + $1.columns - 1) / $1.columns) * Page.rowHeight + 5 }
    }

    static let eventRowHeight = 15.5
    static func eventListCapacity(legendHeight: Double) -> Int {
        max(0, Int((SVGMap.panelBox.height - legendHeight - 40) / eventRowHeight))
    }

    mutating func legendAndEvents() {
        let p = SVGMap.panelBox
        var y = p.y
        out += "<g id=\"legend\" data-bbox=\"\(n(p.x)) \(n(p.y)) \(n(p.width)) \(n(legendHeight))\">\n"
        out += "<text x=\"\(n(p.x))\" y=\"\(n(y + 14))\" font-size=\"13\" font-weight=\"bold\" fill=\"#111\">Legend</text>\n"
        y += 24
        for section in legendSections {
            let columnWidth = p.width / Double(section.columns)
            for (i, item) in section.items.enumerated() {
                let sx = p.x + 2 + Double(i % section.columns) * columnWidth
                let cy = y + Double(i / section.columns) * Page.rowHeight + Page.rowHeight / 2
                out += legendKey(item, x: sx, cy: cy)
                out += "<text x=\"\(n(sx + 30))\" y=\"\(n(cy + 4))\" font-size=\"11\" fill=\"#111\">\(esc(item.text))</text>\n"
            }
            y += Double((section.items.count + section.columns - 1) / section.columns) * Page.rowHeight + 5
        }
        out += "</g>\n"

        y = p.y + legendHeight + 6
        let groups = listedGroups
        out += "<g id=\"event-list\">\n"
        out += "<text x=\"\(n(p.x))\" y=\"\(n(y + 14))\" font-size=\"13\" font-weight=\"bold\" fill=\"#111\">Events reported</text>\n"
        y += 22
        if groups.isEmpty {
            out += "<text x=\"\(n(p.x))\" y=\"\(n(y + 10))\" font-size=\"10.5\" fill=\"#444\">None dated on or before this day.</text>\n"
        }
        if let first = groups.first, first.number > 1 {
            out += "<text x=\"\(n(p.x))\" y=\"\(n(y + 10))\" font-size=\"9.5\" fill=\"#444\">Events 1\u{2013}\(first.number - 1): in the GeoJSON.</text>\n"
            y += Page.eventRowHeight
        }
        for g in groups {
            let line = "\(g.number)  \(Page.shortDate(g.date))  \(Page.eventLine(g))"
            let room = p.width - 20
            var shown = line
            if SVGText.width(line, size: 10, bold: false) > room {
                while !shown.isEmpty, SVGText.width(shown + "\u{2026}", size: 10) > room { shown.removeLast() }
                shown += "\u{2026}"
            }
            let sources = g.outlets.isEmpty ? "\(g.events.count) report\(g.events.count == 1 ? "" : "s")" : g.outlets.joined(separator: ", ")
            out += "<g class=\"event-entry\" data-number=\"\(g.number)\"><title>\(esc(line)) (\(esc(sources)))</title>"
            out += Page.symbol(g.action == .enter ? .advance : g.action, x: p.x + 7, y: y + 6, fill: MapStyle.colour(g.actor.rawValue), scale: 0.8)
            out += "<text x=\"\(n(p.x + 18))\" y=\"\(n(y + 10))\" font-size=\"10\" fill=\"#111\">\(esc(shown))</text></g>\n"
            y += Page.eventRowHeight
        }
        out += "</g>\n"

        // Credits along the foot of the page, under the map and the panel.
        let outlets = Array(Set(scene.reports.compactMap(\.outlet))).sorted()
        var credits = "Reports: " + (outlets.isEmpty ? "\(scene.reports.count) documents" : outlets.joined(separator: ", ")) + ". "
        credits += "Control: \(scene.scenarioName) (baseline) and the events listed; ground is each held place\u{2019}s Voronoi cell within 25 km, on its own bank of the Euphrates; the rest is left blank. "
        credits += "Data: GeoNames (CC BY 4.0); Natural Earth; GSHHG/WDBII (LGPL); OCHA/UNCS COD-AB. "
        credits += "Lambert conformal conic (PROJ). Made with conflictmap."
        var cy = SVGMap.mapBox.maxY + 15
        out += "<g id=\"credits\" font-size=\"9\" fill=\"#444\">\n"
        for line in SVGText.wrap(credits, size: 9, maxWidth: SVGMap.pageWidth - 40).prefix(3) {
            out += "<text x=\"20\" y=\"\(n(cy))\">\(esc(line))</text>\n"
            cy += 11.5
        }
        out += "</g>\n"
    }

    func legendKey(_ item: LegendItem, x sx: Double, cy: Double) -> String {
        switch item.kind {
        case "zone":
            let fill = item.key == "contested" ? "url(#hatch-contested)" : MapStyle.colour(item.key)
            let opacity = item.key == "contested" ? 1 : MapStyle.zoneOpacity
            return "<rect data-faction=\"\(esc(item.key))\" x=\"\(n(sx))\" y=\"\(n(cy - 6))\" width=\"22\" height=\"12\" fill=\"\(fill)\" fill-opacity=\"\(n(opacity))\" stroke=\"\(MapStyle.stroke(item.key))\" stroke-width=\"0.8\"/>"
        case "line":
            let (stroke, width, dash): (String, String, String) = switch item.key {
            case "front": (MapStyle.frontColour, "2.2", "")
            case "river": (MapStyle.riverColour, "2.4", "")
            case "deconfliction": (MapStyle.deconflictionColour, "1.3", " stroke-dasharray=\"7 5\"")
            case "border": (MapStyle.borderColour, "1.6", "")
            default: (MapStyle.provinceColour, "0.8", " stroke-dasharray=\"5 2 1 2\"")
            }
            var s = ""
            if item.key == "deconfliction" {
                s += "<line x1=\"\(n(sx))\" y1=\"\(n(cy))\" x2=\"\(n(sx + 22))\" y2=\"\(n(cy))\" stroke=\"\(MapStyle.riverColour)\" stroke-width=\"2.4\"/>"
            }
            return s + "<line x1=\"\(n(sx))\" y1=\"\(n(cy))\" x2=\"\(n(sx + 22))\" y2=\"\(n(cy))\" stroke=\"\(stroke)\" stroke-width=\"\(width)\"\(dash)/>"
        case "dot":
            if item.key == "inferred" {
                return "<circle cx=\"\(n(sx + 11))\" cy=\"\(n(cy))\" r=\"3.6\" fill=\"\(MapStyle.landColour)\" stroke=\"#111\" stroke-width=\"1\" stroke-dasharray=\"1.5 1\"/>"
            }
            // One dot per faction present, side by side: the key to the dots' colours.
            var s = ""
            for (i, f) in scene.factionsPresent.filter({ $0 != "contested" }).prefix(4).enumerated() {
                s += "<circle cx=\"\(n(sx + 3 + Double(i) * 6))\" cy=\"\(n(cy))\" r=\"2.8\" fill=\"\(MapStyle.colour(f))\" stroke=\"#111\" stroke-width=\"0.8\"/>"
            }
            return s
        default:
            guard let action = Action(rawValue: item.key) else { return "" }
            return Page.symbol(action, x: sx + 11, y: cy, fill: "#bbbbbb", scale: 0.9)
        }
    }

    // MARK: Helpers

    static func eventLine(_ g: EventGroup) -> String {
        if let relation = g.relation { return "\(MapStyle.shortName(g.actor)) \(MapStyle.verbNear(g.action)) \(relation) \(g.place.name)" }
        // "parts of al-Salihiyah": the list says so when every report of it does, as the
        // control model makes such a place contested rather than taken.
        let part = (g.action == .capture || g.action == .enter) && g.events.allSatisfy(\.isPartial) ? "part of " : ""
        return "\(MapStyle.shortName(g.actor)) \(MapStyle.verb(g.action)) \(part)\(g.place.name)"
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func longDate(_ d: Day) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    static func shortDate(_ d: ReportedDate) -> String {
        let month = String(months[d.day.month - 1].prefix(3))
        switch d.precision {
        case .day: return "\(d.day.day) \(month)"
        case .week: return "wk to \(d.day.day) \(month)"
        case .month: return "\(month) \(d.day.year)"
        case .year: return "\(d.day.year)"
        }
    }

    /// An SVG path of a shape's rings and lines, projected. The shape is first
    /// simplified with GEOS to half a pixel, then points closer than 0.4 px to the last
    /// one kept are dropped: invisible, and they were most of the bytes.
    static func path(_ shape: Shape, frame: MapFrame, preservingTopology: Bool = true) throws -> String {
        let halfPixelDegrees = 0.5 / frame.scale / 111_320
        let shape = try shape.simplified(tolerance: halfPixelDegrees, preservingTopology: preservingTopology)
        var d = ""
        func run(_ ring: [Coordinate], close: Bool) throws {
            var lastX = Double.nan, lastY = Double.nan
            var count = 0
            for (i, c) in ring.enumerated() {
                let p = try frame.point(c)
                let isLast = i == ring.count - 1
                if count > 0, !isLast, (p.x - lastX) * (p.x - lastX) + (p.y - lastY) * (p.y - lastY) < 0.16 { continue }
                if close, isLast, count > 0 { break }  // Z closes it
                d += (count == 0 ? "M" : "L") + Page.n(p.x) + " " + Page.n(p.y)
                lastX = p.x; lastY = p.y
                count += 1
            }
            if close, count > 0 { d += "Z" }
        }
        for polygon in shape.polygons {
            try run(polygon.exterior, close: true)
            for hole in polygon.holes { try run(hole, close: true) }
        }
        for line in shape.lines { try run(line, close: false) }
        return d
    }

    func path(_ shape: Shape, preservingTopology: Bool = true) throws -> String {
        try Page.path(shape, frame: frame, preservingTopology: preservingTopology)
    }

    static func ringArea(_ ring: [Coordinate]) -> Double { abs(GeoJSON.signedArea2(ring)) }

    func n(_ v: Double) -> String { Page.n(v) }
    func esc(_ s: String) -> String { SVGText.escape(s) }

    /// A number with at most one decimal, no trailing zero: page coordinates.
    static func n(_ v: Double) -> String {
        let tenths = (v * 10).rounded()
        let whole = Int(tenths / 10)
        let frac = Int(abs(tenths)) % 10
        if frac == 0 { return "\(Int(tenths / 10))" }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(frac)"
    }
}
