import ArgumentParser
import Emitters
import Geography
import Places
import Reports
import Territory

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
        try validateDay(date, option: "date")
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
