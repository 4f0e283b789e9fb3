import ArgumentParser
import Geodesy
import Geography
import Places
import Territory

enum DistanceUnit: String, ExpressibleByArgument, CaseIterable {
    case km, mi, nmi, m

    var metres: Double {
        switch self {
        case .km: 1000
        case .mi: 1609.344
        case .nmi: 1852
        case .m: 1
        }
    }
}

struct Distance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Geodesic distance and direction between two places (names or LAT,LON).",
        discussion: """
        The distance is the WGS84 ellipsoidal geodesic (Karney's algorithm, PROJ \
        geodesic.h), accurate to nanometres; the bearing is the initial azimuth at the \
        first place, clockwise from true north, with its 16-point compass direction. \
        With --table, give two or more places for a matrix of distances.

        Examples:
          conflictmap distance "Deir ez-Zor" Raqqa
          conflictmap distance 35.336,40.141 "Abu Kamal" --units mi --json
          conflictmap distance --table Raqqa "Deir ez-Zor" Mayadin "Abu Kamal"
        """)

    @Argument(help: "Two places: names or LAT,LON in decimal degrees (quote names with spaces).")
    var places: [String]

    @Option(help: "Units for the printed distance: km, mi, nmi or m.")
    var units: DistanceUnit = .km

    @Flag(help: "Print JSON (one object; with --table an array of pairs).")
    var json = false

    @Flag(help: "A distance table between all the places given.")
    var table = false

    @Option(help: ArgumentHelp("Measure along a river line instead of straight: the distance between the two places' nearest points on the river (linear referencing).", valueName: "river"))
    var along: String?

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if table {
            if places.count < 2 { throw ValidationError("--table needs at least two places") }
            if along != nil { throw ValidationError("--along measures between two places; it does not combine with --table") }
        } else if places.count != 2 {
            throw ValidationError("Give exactly two places (got \(places.count)); quote names with spaces, e.g. conflictmap distance \"Deir ez-Zor\" Raqqa")
        }
    }

    func run() throws {
        // Load the gazetteer only if a name needs it: pure coordinates stay fast.
        var cache: Gazetteer?
        let loader: () throws -> Gazetteer = {
            if let g = cache { return g }
            let g = try gazetteerOptions.load()
            cache = g
            return g
        }
        let points = try places.map { try ResolvedPoint.resolve($0, in: try loader()) }
        if table { return printTable(points) }
        if let along { return try printAlong(points[0], points[1], river: along, gazetteer: try loader()) }
        let (a, b) = (points[0], points[1])
        let line = Geodesic.wgs84.inverse(from: a.coordinate, to: b.coordinate)
        let bearing = line.initialBearing
        let compass = CompassPoint(bearing: bearing)
        if json {
            let object: JSONValue = [
                "distance_m": .fixed(line.distanceMeters, decimals: 3),
                "distance": .fixed(line.distanceMeters / units.metres, decimals: 3),
                "units": .string(units.rawValue),
                "azimuth_deg": .fixed(bearing, decimals: 6),
                "final_azimuth_deg": .fixed(Geodesic.bearing(fromAzimuth: line.finalAzimuth), decimals: 6),
                "compass": .string(compass.rawValue),
                "from": a.json, "to": b.json,
                "method": "WGS84 ellipsoidal geodesic (Karney 2013, PROJ geodesic.h)",
            ]
            Console.output(object.serialized(pretty: true))
            return
        }
        var out = "\(a.label) → \(b.label): \(format(line.distanceMeters)) \(units.rawValue), bearing \(formatFixed(bearing, decimals: 1))° (\(compass.rawValue), \(compass.words))\n"
        out += "  from  \(describe(a))\n"
        out += "  to    \(describe(b))\n"
        out += "  WGS84 ellipsoidal geodesic (Karney, PROJ); final azimuth \(formatFixed(Geodesic.bearing(fromAzimuth: line.finalAzimuth), decimals: 1))°"
        Console.output(out)
    }

    /// Along the Euphrates: the river line from Gazetteer/euphrates.geojson, both places
    /// projected onto it.
    func printAlong(_ a: ResolvedPoint, _ b: ResolvedPoint, river: String, gazetteer: Gazetteer) throws {
        guard NameNormalizer.key(river) == NameNormalizer.key("Euphrates") else {
            throw CLIFailure.input("--along knows the Euphrates only (the deconfliction line); got '\(river)'")
        }
        guard let directory = gazetteer.dataDirectory else { throw CLIFailure.data("the gazetteer has no data directory with euphrates.geojson") }
        let line: RiverLine
        do { line = try RiverLine.load(directory: directory) } catch { throw CLIFailure.data(error.description) }
        let (metres, fromOffset, toOffset): (Double, Double, Double)
        do { (metres, fromOffset, toOffset) = try line.alongDistance(from: a.coordinate, to: b.coordinate) } catch { throw CLIFailure.data(error.description) }
        let straight = Geodesic.wgs84.inverse(from: a.coordinate, to: b.coordinate).distanceMeters
        let direction = toOffset >= fromOffset ? "downstream" : "upstream"
        if json {
            let object: JSONValue = [
                "along": "euphrates", "distance_m": .fixed(metres, decimals: 1), "distance": .fixed(metres / units.metres, decimals: 3),
                "units": .string(units.rawValue), "direction": .string(direction),
                "from_river_km": .fixed(fromOffset / 1000, decimals: 3), "to_river_km": .fixed(toOffset / 1000, decimals: 3),
                "straight_m": .fixed(straight, decimals: 1), "from": a.json, "to": b.json,
                "method": "nearest points on the Euphrates line (GEOS linear referencing), geodesic length of the line between them",
            ]
            Console.output(object.serialized(pretty: true))
            return
        }
        var out = "\(a.label) → \(b.label) along the Euphrates: \(format(metres)) \(units.rawValue) \(direction) (straight line \(format(straight)) \(units.rawValue))\n"
        out += "  river km \(formatFixed(fromOffset / 1000, decimals: 1)) → \(formatFixed(toOffset / 1000, decimals: 1)) (from the line's start above Jarabulus)"
        Console.output(out)
    }

    func format(_ metres: Double) -> String {
        let value = metres / units.metres
        return formatFixed(value, decimals: units == .m ? 1 : (value < 10 ? 2 : 1))
    }

    func describe(_ p: ResolvedPoint) -> String {
        let coords = "\(formatDegrees(p.coordinate.latitude, decimals: 5)),\(formatDegrees(p.coordinate.longitude, decimals: 5))"
        guard let place = p.place else { return coords }
        var text = "\(place.name) [\(place.id)] \(coords)"
        if place.precision == .approximate { text += "  (approximate location)" }
        if let c = p.candidate, !c.rules.isEmpty { text += "  matched '\(c.matchedName)'" }
        return text
    }

    func printTable(_ points: [ResolvedPoint]) {
        if json {
            var pairs: [JSONValue] = []
            for i in points.indices { for j in points.indices where j > i {
                let line = Geodesic.wgs84.inverse(from: points[i].coordinate, to: points[j].coordinate)
                pairs.append(["from": points[i].json, "to": points[j].json,
                              "distance_m": .fixed(line.distanceMeters, decimals: 3),
                              "azimuth_deg": .fixed(line.initialBearing, decimals: 6)])
            } }
            Console.output(JSONValue.array(pairs).serialized(pretty: true))
            return
        }
        let labels = points.map(\.label)
        let width = max(8, (labels.map(\.count).max() ?? 8) + 2)
        var out = "Geodesic distances in \(units.rawValue) (WGS84, Karney via PROJ)\n"
        out += padded("", to: width)
        for l in labels { out += padded(l, to: width) }
        while out.hasSuffix(" ") { out.removeLast() }
        out += "\n"
        for a in points {
            out += padded(a.label, to: width)
            for b in points {
                let d = Geodesic.wgs84.inverse(from: a.coordinate, to: b.coordinate).distanceMeters
                out += padded(a.label == b.label ? "-" : format(d), to: width)
            }
            while out.hasSuffix(" ") { out.removeLast() }
            out += "\n"
        }
        Console.output(out)
    }
}

/// Fixed decimals, keeping trailing zeros ("123.0"): for aligned human output.
func formatFixed(_ value: Double, decimals: Int) -> String {
    let text = formatDecimal(value, decimals: decimals)
    guard decimals > 0 else { return text }
    if let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        return text + String(repeating: "0", count: decimals - have)
    }
    return text + "." + String(repeating: "0", count: decimals)
}
