import ArgumentParser
import Emitters
import Geography
import Places
import Reports
import Territory

struct Zones: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Control zones per faction on a date, as GeoJSON polygons (GEOS), with front lines, areas in km² and the control points.",
        discussion: """
        Rule voronoi (default): each held place claims its Voronoi cell among all held \
        places, up to 25 km (a scenario entry's radius_km when larger, e.g. al-Tanf's 55 km \
        zone), and only on its own bank of the Euphrates: the river is the deconfliction \
        line. A scenario entry with a polygon (WKT) holds that polygon instead. Ground \
        farther from any held place is 'unknown'. Rule reach: discs only. \
        Contested places and declared zones take precedence; zones never overlap, are \
        clipped to Syria and to eastern Syria (37.6-42.2 E, 32.9-37.1 N), and areas are \
        WGS84 geodesic.

        Examples:
          conflictmap zones --date 2017-09-16
          conflictmap zones --date 2017-09-08 --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case geojson, json }

    @Option(help: ArgumentHelp("The day (end of day). Default: the last day a report changes control.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("Reports to apply. Default: the seeds/ shipped with conflictmap.", valueName: "path"))
    var reports: [String] = []

    @Option(help: "geojson or json (areas and fronts only).")
    var format: Format = .geojson

    @Option(help: "voronoi or reach.")
    var rule: ZoneRule = .voronoi

    @OptionGroup var territory: TerritoryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try validateDay(date, option: "date")
    }

    func run() throws {
        let gazetteer = try gazetteerOptions.load()
        let (input, failures) = try ReportOptions.read(paths: reports, date: nil)
        let scenario = try territory.loadScenario(gazetteer)
        let river = try territory.river(gazetteer)
        let model = ControlModel(scenario: scenario, events: ReaderPool.read(input, gazetteer: gazetteer).flatMap(\.events))
        let day = date.flatMap { Day(iso: $0) } ?? model.changeDays.last ?? scenario.date
        let map: ZoneMap
        do {
            map = try ZoneBuilder(gazetteer: gazetteer, river: river).build(model.state(asOf: day), day: day, rule: rule)
        } catch { throw CLIFailure.data("zones: \(error)") }
        switch format {
        case .geojson: Console.output(ZoneEncoding.geoJSON(map).serialized())
        case .json: Console.output(ZoneEncoding.json(map).serialized(pretty: true))
        }
        if failures > 0 { throw CLIFailure.quiet(1) }
    }
}

extension ZoneRule: ExpressibleByArgument {}
