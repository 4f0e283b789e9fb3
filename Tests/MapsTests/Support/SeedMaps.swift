import Emitters
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geography
import Places
import Reports
import Territory

/// The seed reports turned into maps once for the whole suite, the way `conflictmap map`
/// does it: the bundled gazetteer, scenario and river, every change day.
enum SeedMaps {
    struct Run {
        var gazetteer: Gazetteer
        var model: ControlModel
        var builder: MapSceneBuilder
        var svg: SVGMap
        var base: BaseLayers
    }

    static let run: Run = {
        do {
            let gazetteer = try GazetteerLocator.load(path: nil)
            let directory = gazetteer.dataDirectory!
            let reports = ReportReader.read(paths: [try GazetteerLocator.bundledSeedsDirectory()]).compactMap { try? $0.get() }
            let extractions = ReaderPool.read(reports, gazetteer: gazetteer)
            let scenario = try Scenario.load(path: directory + "/control-2017-09-01.tsv", gazetteer: gazetteer)
            let river = try RiverLine.load(directory: directory)
            let model = ControlModel(scenario: scenario, events: extractions.flatMap(\.events))
            let base = try BaseLayers.load(gazetteer: gazetteer, river: river)
            let builder = MapSceneBuilder(zoneBuilder: try ZoneBuilder(gazetteer: gazetteer, river: river), base: base,
                                          model: model, extractions: extractions)
            return Run(gazetteer: gazetteer, model: model, builder: builder, svg: try SVGMap(base: base), base: base)
        } catch {
            fatalError("the seed maps cannot be built: \(error)")
        }
    }()

    static func scene(_ iso: String) throws -> MapScene { try run.builder.scene(asOf: Day(iso: iso)!) }
    static func svg(_ iso: String) throws -> String { try run.svg.render(try scene(iso)) }
    static func geoJSON(_ iso: String) throws -> String { MapGeoJSON.collection(try scene(iso)).serialized() + "\n" }

    /// The days the seeds change control on, as `map` draws them.
    static let days = ["2017-09-05", "2017-09-06", "2017-09-09", "2017-09-11", "2017-09-16"]

    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests", url.path != "/" { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent()
    }()
}

/// An SVG parsed into its elements, for checks on attributes.
final class SVGElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }
    var elements: [Element] = []
    var error: Error?
    private var open: [Int] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? NSError(domain: "xml", code: 1) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func all(_ name: String, where test: (Element) -> Bool = { _ in true }) -> [Element] {
        elements.filter { $0.name == name && test($0) }
    }
}

extension SVGElements.Element {
    /// A `data-bbox="x y w h"` attribute as numbers.
    var box: (x: Double, y: Double, w: Double, h: Double)? {
        guard let parts = attributes["data-bbox"]?.split(separator: " ").compactMap({ Double($0) }), parts.count == 4 else { return nil }
        return (parts[0], parts[1], parts[2], parts[3])
    }
}
