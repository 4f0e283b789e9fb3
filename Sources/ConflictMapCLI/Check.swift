import ArgumentParser
import Emitters
import Geography
import Places
import Reports
import Territory

/// The territory data a command needs: the river line and the control scenario.
struct TerritoryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A control scenario file (TSV: place faction since radius_km polygon source note). Default: the gazetteer's control-2017-09-01.tsv.", valueName: "file"))
    var scenario: String?

    func river(_ gazetteer: Gazetteer) throws -> RiverLine {
        guard let directory = gazetteer.dataDirectory else { throw CLIFailure.data("the gazetteer has no data directory with euphrates.geojson") }
        do { return try RiverLine.load(directory: directory) } catch { throw CLIFailure.data(error.description) }
    }

    func loadScenario(_ gazetteer: Gazetteer) throws -> Scenario {
        let path = scenario ?? (gazetteer.dataDirectory ?? "Gazetteer") + "/control-2017-09-01.tsv"
        do {
            let s = try Scenario.load(path: path, gazetteer: gazetteer)
            for w in s.warnings { Console.error("warning: " + w) }
            return s
        } catch { throw CLIFailure.data(error.description) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the geographic claims in reports (distances, directions, banks, areas) against the gazetteer.",
        discussion: """
        Each claim gets the quote, the places, the claimed and the measured value, the \
        deviation and a verdict: consistent, inconsistent or unverifiable. Distances are \
        WGS84 geodesics (straight lines, not road distances).

        Tolerance rule: \(ClaimChecker.rule)

        Examples:
          conflictmap check
          conflictmap check seeds/001_7d8833298df37284.txt --json
        """)

    @OptionGroup var reports: ReportOptions

    @Flag(help: "Print {\"claims\": [...]}.")
    var json = false

    @OptionGroup var territory: TerritoryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let (input, failures) = try reports.read()
        let gazetteer = try gazetteerOptions.load()
        let river = try territory.river(gazetteer)
        let extractions = ReaderPool.read(input, gazetteer: gazetteer)
        // Area claims are measured as growth of the actor's zone in the control model.
        let scenario = try territory.loadScenario(gazetteer)
        let model = ControlModel(scenario: scenario, events: extractions.flatMap(\.events))
        let builder = try? ZoneBuilder(gazetteer: gazetteer, river: river)
        let checker = ClaimChecker(gazetteer: gazetteer, river: river) { actor, from, to in
            guard let builder, let before = try? builder.build(model.state(asOf: from), day: from),
                  let after = try? builder.build(model.state(asOf: to), day: to) else { return nil }
            return after.area(of: actor.rawValue) - before.area(of: actor.rawValue)
        }
        let checks = extractions.flatMap { $0.claims.map(checker.check) }
        if json {
            Console.output(JSONValue.object(["claims": .array(checks.map(CheckEncoding.json))]).serialized(pretty: true))
        } else {
            var out = ""
            for c in checks {
                out += "\(c.verdict.rawValue.uppercased())  \(c.claim.kind.rawValue): \"\(c.claim.phrase.text)\"  [\(c.claim.document)]\n"
                out += "  quote: \(c.claim.quote.text)\n"
                out += "  \(c.explanation)\n\n"
            }
            let counts = Dictionary(grouping: checks, by: \.verdict).mapValues(\.count)
            out += "\(checks.count) claims: \(counts[.consistent] ?? 0) consistent, \(counts[.inconsistent] ?? 0) inconsistent, \(counts[.unverifiable] ?? 0) unverifiable"
            Console.output(out)
        }
        if failures > 0 { throw CLIFailure.quiet(1) }
    }
}

struct Holder: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who held a place on a date, and which scenario entry or report says so.",
        discussion: """
        The model starts from the control scenario (Gazetteer/control-2017-09-01.tsv) and \
        applies the reports' events (capture, enter, siege broken) in date order. Two \
        factions taking a place within a week of each other, or "parts of" a place, make \
        it contested.

        Examples:
          conflictmap holder "Deir ez-Zor" --date 2017-09-10
          conflictmap holder Taym --date 2017-09-08 --json
        """)

    @Argument(help: "A place name.")
    var place: [String]

    @Option(help: ArgumentHelp("The day (end of day). Default: the last day any report covers.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("Reports to apply (files or directories). Default: the seeds/ shipped with conflictmap.", valueName: "path"))
    var reports: [String] = []

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var territory: TerritoryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD") }
    }

    func run() throws {
        let gazetteer = try gazetteerOptions.load()
        let target = try ResolvedPoint.resolve(place.joined(separator: " "), in: gazetteer)
        guard let place = target.place else { throw CLIFailure.input("give a place name, not coordinates") }
        let (input, failures) = try ReportOptions.read(paths: reports, date: nil)
        let scenario = try territory.loadScenario(gazetteer)
        let extractions = ReaderPool.read(input, gazetteer: gazetteer)
        let model = ControlModel(scenario: scenario, events: extractions.flatMap(\.events))
        let day = date.flatMap { Day(iso: $0) } ?? model.changeDays.last ?? scenario.date
        let holding = model.holding(of: place, asOf: day)
        if json {
            var o: [String: JSONValue] = ["place": target.json, "date": .string(day.description)]
            if let h = holding {
                o["holder"] = .string(h.isContested ? "contested" : h.factions[0].rawValue)
                o["factions"] = .array(h.factions.map { .string($0.rawValue) })
                o["since"] = .string(h.since.description)
                o["sources"] = .array(h.sources.map { s in
                    ["faction": .string(s.faction.rawValue), "date": .string(s.date.description), "kind": .string(s.kind),
                     "reference": .string(s.reference), "text": .string(s.text), "outlet": s.outlet.map(JSONValue.string) ?? .null]
                })
            } else {
                o["holder"] = "unknown"
            }
            Console.output(JSONValue.object(o).serialized(pretty: true))
        } else if let h = holding {
            var out = "\(place.name) on \(day): \(h.isContested ? "contested (" + h.factions.map(\.rawValue).joined(separator: ", ") + ")" : h.factions[0].rawValue) since \(h.since)\n"
            for s in h.sources.suffix(4) {
                out += "  \(s.date) \(s.faction.rawValue): \(s.kind == "scenario" ? "scenario " + s.reference + ": " + s.text : (s.outlet ?? s.reference) + ": \"" + s.text + "\"")\n"
            }
            Console.output(out)
        } else {
            Console.output("\(place.name) on \(day): unknown (not in the scenario, and no report says who holds it)")
        }
        if failures > 0 { throw CLIFailure.quiet(1) }
    }
}

struct Zones: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Control zones per faction on a date, as GeoJSON polygons (GEOS), with front lines, areas in km² and the control points.",
        discussion: """
        Rule voronoi (default): each held place claims its Voronoi cell among all held \
        places, up to 25 km (a scenario entry's radius_km when larger, e.g. al-Tanf's 55 km \
        zone), and only on its own bank of the Euphrates: the river is the deconfliction \
        line. Ground farther from any held place is 'unknown'. Rule reach: discs only. \
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
    var rule: String = "voronoi"

    @OptionGroup var territory: TerritoryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD") }
        if ZoneRule(rawValue: rule) == nil { throw ValidationError("--rule must be voronoi or reach") }
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
            map = try ZoneBuilder(gazetteer: gazetteer, river: river).build(model.state(asOf: day), day: day, rule: ZoneRule(rawValue: rule)!)
        } catch { throw CLIFailure.data("zones: \(error)") }
        switch format {
        case .geojson: Console.output(ZoneEncoding.geoJSON(map).serialized())
        case .json: Console.output(ZoneEncoding.json(map).serialized(pretty: true))
        }
        if failures > 0 { throw CLIFailure.quiet(1) }
    }
}
