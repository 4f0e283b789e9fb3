import ArgumentParser
import Geography
import Places

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
