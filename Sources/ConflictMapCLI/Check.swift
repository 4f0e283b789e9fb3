import ArgumentParser
import Emitters
import Geography
import Places
import Reports
import Territory

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
        // Every file was bad: each has its line on stderr; an empty result on stdout would read
        // as "the reports name nothing".
        if input.isEmpty, failures > 0 { throw CLIFailure.quiet(1) }
        let gazetteer = try gazetteerOptions.load()
        let river = try territory.river(gazetteer)
        let extractions = ReaderPool.read(input, gazetteer: gazetteer)
        // Area claims are measured as growth of the actor's zone in the control model.
        let scenario = try territory.loadScenario(gazetteer)
        let model = ControlModel(scenario: scenario, events: extractions.flatMap(\.events))
        let builder = try? ZoneBuilder(gazetteer: gazetteer, river: river)
        let controlEvents = model.events
        let checker = ClaimChecker(gazetteer: gazetteer, river: river) { actor, from, to in
            // Without a report of ground changing hands in the window, the model's growth is
            // only the lack of news: no measure.
            guard controlEvents.contains(where: { e in e.date.map { $0.latestDay > from && $0.latestDay <= to } ?? false }) else { return nil }
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
