import ArgumentParser
import Dispatch
import Foundation
import Emitters
import Geography
import Places
import Reports
import Territory

struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the control maps: GeoJSON for GIS tools and SVG for people, one pair per day control changes and a 'latest' pair.",
        discussion: """
        With no arguments it reads the seeds/ shipped with conflictmap and writes the maps/ \
        next to them. For each day on which a report changes who holds a place it writes \
        control-YYYY-MM-DD.geojson and .svg, and latest.geojson/.svg for the last day any \
        report speaks of; with --date, only that day. Files are written to temporary names \
        and renamed into place only when all are written: a failed run leaves the old maps \
        as they were. Maps of days that no longer change control are removed.

        GeoJSON: RFC 7946, one FeatureCollection with layers zone, front, border, river, \
        deconfliction_line, place, event; simplestyle properties (fill, stroke, \
        marker-color) and provenance on places and events. SVG: A4 landscape, Lambert \
        conformal conic centred on the map, legend, scale bar, north arrow, numbered events.

        Examples:
          conflictmap map
          conflictmap map reports/ --out /tmp/maps --date 2017-09-16
          conflictmap map --format geojson,svg,csv
        """)

    enum Format: String, CaseIterable { case geojson, svg, csv }

    @Argument(help: ArgumentHelp("Report files, directories of .txt reports, or - for standard input. Default: the seeds/ shipped with conflictmap.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Draw only the map of this day (control as of its end).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("Output folder. Default: maps/ next to seeds/ when no reports are given, else ./maps.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Comma-separated: geojson, svg, csv (the events shown, ACLED-like).", valueName: "list"))
    var format: String = "geojson,svg"

    @Option(name: .customLong("report-date"), help: ArgumentHelp("Publication date for reports with none in index.tsv or a 'date YYYY-MM-DD' line.", valueName: "YYYY-MM-DD"))
    var reportDate: String?

    @Option(help: "Zone rule: voronoi or reach (see 'conflictmap zones --help').")
    var rule: ZoneRule = .voronoi

    @OptionGroup var territory: TerritoryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func formats() throws -> [Format] {
        var out: [Format] = []
        for part in format.split(separator: ",") {
            guard let f = Format(rawValue: part.trimmingWhitespace.lowercased()) else {
                throw ValidationError("--format '\(part)' is not one of geojson, svg, csv")
            }
            if !out.contains(f) { out.append(f) }
        }
        guard !out.isEmpty else { throw ValidationError("--format needs at least one of geojson, svg, csv") }
        return out
    }

    func validate() throws {
        try validateDay(date, option: "date")
        try validateDay(reportDate, option: "report-date")
        _ = try formats()
    }

    func run() throws {
        let formats = try formats()
        let gazetteer = try gazetteerOptions.load()
        let (reports, failures) = try ReportOptions.read(paths: paths, date: reportDate)
        if reports.isEmpty { throw CLIFailure.input("no report could be read; nothing to map") }
        let folder = try outputFolder()
        let scenario = try territory.loadScenario(gazetteer)
        let river = try territory.river(gazetteer)
        let extractions = ReaderPool.read(reports, gazetteer: gazetteer)
        let model = ControlModel(scenario: scenario, events: extractions.flatMap(\.events))

        // The days to draw, and which file names each gets.
        var days: [(day: Day, names: [String])] = []
        if let date, let day = Day(iso: date) {
            days = [(day, ["control-\(day)"])]
        } else {
            for d in model.changeDays { days.append((d, ["control-\(d)"])) }
            let eventDays = extractions.flatMap(\.events).compactMap { $0.date?.latestDay }
            let published = reports.compactMap { $0.published?.latestDay }
            let latest = (model.changeDays + eventDays + published).max() ?? scenario.date
            if let i = days.firstIndex(where: { $0.day == latest }) { days[i].names.append("latest") } else { days.append((latest, ["latest"])) }
        }

        let files: [(name: String, contents: String)]
        do {
            let zoneBuilder = try ZoneBuilder(gazetteer: gazetteer, river: river)
            files = try MapRun.render(days: days, gazetteer: gazetteer, river: river, zoneBuilder: zoneBuilder, model: model,
                                      extractions: extractions, rule: rule, formats: formats)
        } catch let e as CLIFailure {
            throw e
        } catch {
            throw CLIFailure.data("map: \(error)")
        }
        do { try OutputFolder.write(files, to: folder) } catch { throw CLIFailure.data(error.description) }
        if date == nil {
            // A day that no longer changes control must not leave its old map behind.
            let written = Set(files.map(\.name))
            for name in OutputFolder.names(in: folder) where MapRun.isDatedMapName(name) && !written.contains(name) {
                OutputFolder.remove(name, in: folder)
            }
        }
        if failures > 0 { throw CLIFailure.quiet(1) }
    }

    func outputFolder() throws -> String {
        if let out { return out }
        if paths.isEmpty {
            do { return try GazetteerLocator.bundledMapsDirectory() } catch { throw CLIFailure.input(error.description) }
        }
        return "maps"
    }
}

/// Renders every day's files on all cores: first the base layers alongside each day's
/// zones (the two costly parts, independent of each other), then each day's scene and
/// files. Every task makes its own GEOS and PROJ contexts.
enum MapRun {
    static func render(days: [(day: Day, names: [String])], gazetteer: Gazetteer, river: RiverLine, zoneBuilder: ZoneBuilder,
                       model: ControlModel, extractions: [Extraction], rule: ZoneRule, formats: [Map.Format]) throws -> [(name: String, contents: String)] {
        let zones = ParallelResults<ZoneMap>(count: days.count)
        let base = ParallelResults<(BaseLayers, SVGMap)>(count: 1)
        DispatchQueue.concurrentPerform(iterations: days.count + 1) { i in
            if i == days.count {
                base.set(0, Result {
                    let layers = try BaseLayers.load(gazetteer: gazetteer, river: river)
                    return (layers, try SVGMap(base: layers))
                })
            } else {
                zones.set(i, Result { try zoneBuilder.build(model.state(asOf: days[i].day), day: days[i].day, rule: rule) })
            }
        }
        let (layers, svg) = try base.values[0]!.get()
        let builder = MapSceneBuilder(zoneBuilder: zoneBuilder, base: layers, model: model, extractions: extractions, rule: rule)
        let results = ParallelResults<[(String, String)]>(count: days.count)
        DispatchQueue.concurrentPerform(iterations: days.count) { i in
            results.set(i, Result {
                let scene = try builder.scene(asOf: days[i].day, zones: try zones.values[i]!.get())
                return try MapRun.files(for: scene, names: days[i].names, svg: svg, formats: formats)
            })
        }
        var files: [(name: String, contents: String)] = []
        for r in results.values { files += try r!.get().map { (name: $0.0, contents: $0.1) } }
        return files
    }

    static func files(for scene: MapScene, names: [String], svg: SVGMap, formats: [Map.Format]) throws -> [(String, String)] {
        var out: [(String, String)] = []
        for f in formats {
            let contents: String = switch f {
            case .geojson: MapGeoJSON.collection(scene).serialized() + "\n"
            case .svg: try svg.render(scene)
            case .csv: ExtractionEncoding.csv(events: scene.events.map(\.event))
            }
            for name in names { out.append(("\(name).\(f.rawValue)", contents)) }
        }
        return out
    }

    /// `control-YYYY-MM-DD.geojson|svg|csv`: the names this command owns in its folder.
    static func isDatedMapName(_ name: String) -> Bool {
        guard name.hasPrefix("control-") else { return false }
        let rest = name.dropFirst("control-".count)
        guard let dot = rest.firstIndex(of: ".") else { return false }
        return Day(iso: rest[..<dot]) != nil && ["geojson", "svg", "csv"].contains(String(rest[rest.index(after: dot)...]))
    }
}

/// Slots for results computed on several threads, one writer per slot.
final class ParallelResults<T>: @unchecked Sendable {
    private var slots: [Result<T, Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<T, Error>) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [Result<T, Error>?] { lock.lock(); defer { lock.unlock() }; return slots }
}
