import ArgumentParser
import Geography
import Places
import Reports
import Territory

/// Options every command that looks up places shares.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A gazetteer directory, or a GeoNames file (dump or cities500) used instead of the bundled GeoNames rows.",
        discussion: "Defaults to $\(GazetteerLocator.environmentVariable), then the Gazetteer/ directory shipped with conflictmap.",
        valueName: "path"))
    var gazetteer: String?

    func load() throws -> Gazetteer {
        do { return try GazetteerLocator.load(path: gazetteer) } catch { throw CLIFailure.data(error.description) }
    }
}

/// A place given on the command line: a name or LAT,LON.
struct ResolvedPoint {
    var label: String
    var coordinate: Coordinate
    var place: Place?
    var candidate: Candidate?
    var alternatives: [Candidate]

    static func resolve(_ argument: String, in gazetteer: @autoclosure () throws -> Gazetteer) throws -> ResolvedPoint {
        if Coordinate.looksLikeCoordinatePair(argument) {
            do {
                let c = try Coordinate(parsing: argument)
                return ResolvedPoint(label: c.description, coordinate: c, place: nil, candidate: nil, alternatives: [])
            } catch {
                throw CLIFailure.input(error.description)
            }
        }
        do {
            let resolution = try gazetteer().resolve(argument)
            let best = resolution.best
            return ResolvedPoint(label: best.place.name, coordinate: best.place.coordinate, place: best.place,
                                 candidate: best, alternatives: Array(resolution.candidates.dropFirst()))
        } catch let error as ResolutionError {
            throw CLIFailure.input(error.description)
        }
    }

    var json: JSONValue {
        var o: [String: JSONValue] = [
            "name": .string(label),
            "lat": .fixed(coordinate.latitude, decimals: 6),
            "lon": .fixed(coordinate.longitude, decimals: 6),
        ]
        if let place {
            o["id"] = .string(place.id)
            o["kind"] = .string(place.kind.rawValue)
            o["precision"] = .string(place.precision.rawValue)
        }
        return .object(o)
    }
}

/// Refuses an option's value that is not a day, in the words every command uses.
func validateDay(_ value: String?, option: String) throws {
    if let value, Day(iso: value) == nil { throw ValidationError("--\(option) '\(value)' is not a date YYYY-MM-DD") }
}

/// Options for commands that read reports.
struct ReportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Report files, directories of .txt reports, or - for standard input. Default: the seeds/ shipped with conflictmap.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Publication date for reports that have none in index.tsv or a 'date YYYY-MM-DD' line.", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        try validateDay(date, option: "date")
    }

    /// The reports that could be read; each unreadable one is reported on stderr.
    func read() throws -> (reports: [Report], failures: Int) {
        try ReportOptions.read(paths: paths, date: date)
    }

    static func read(paths given: [String], date: String?) throws -> (reports: [Report], failures: Int) {
        var paths = given
        if paths.isEmpty {
            do { paths = [try GazetteerLocator.bundledSeedsDirectory()] } catch { throw CLIFailure.input(error.description) }
        }
        var reports: [Report] = []
        var failures = 0
        for result in ReportReader.read(paths: paths, date: date.flatMap { Day(iso: $0) }) {
            switch result {
            case .success(let r):
                if r.published == nil {
                    Console.error("warning: \(r.document): no date (not in index.tsv, no 'date YYYY-MM-DD' line, none on the command line); its relative dates stay unresolved")
                }
                reports.append(r)
            case .failure(let e): Console.error(e.description); failures += 1
            }
        }
        return (reports, failures)
    }
}

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
