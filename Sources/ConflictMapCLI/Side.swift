import ArgumentParser
import Geography
import Places
import Territory

struct Side: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which bank of the Euphrates a place is on (east: the Jazira side; west: the Shamiya side), and how far from the river.",
        discussion: """
        The river is the GSHHG/WDBII line in Gazetteer/euphrates.geojson, oriented \
        downstream: left of it is the east bank, right the west bank. The line is good to \
        about 2 km, so a point closer than that is 'river' unless the gazetteer records the \
        place's bank from a source (Mayadin, Abu Kamal, Deir ez-Zor: west; Hajin, \
        al-Busayrah: east). Distances are WGS84 geodesics to the nearest point of the line.

        Examples:
          conflictmap side Hajin
          conflictmap side 35.30,40.20 --json
        """)

    @Argument(help: "A place name or LAT,LON.")
    var place: [String]

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let gazetteer = try gazetteerOptions.load()
        let point = try ResolvedPoint.resolve(place.joined(separator: " "), in: gazetteer)
        guard let directory = gazetteer.dataDirectory else { throw CLIFailure.data("the gazetteer has no data directory with euphrates.geojson") }
        let answer: BankAnswer
        do {
            let line = try RiverLine.load(directory: directory)
            answer = try line.bank(of: point.coordinate, place: point.place)
        } catch let e as TerritoryError { throw CLIFailure.data(e.description) } catch { throw CLIFailure.data("\(error)") }
        if json {
            var o: [String: JSONValue] = [
                "bank": .string(answer.bank.rawValue), "line_side": .string(answer.lineSide.rawValue),
                "distance_to_river_m": .fixed(answer.distanceMeters, decimals: 1), "basis": .string(answer.basis),
                "place": point.json,
            ]
            if let note = answer.note { o["note"] = .string(note) }
            Console.output(JSONValue.object(o).serialized(pretty: true))
            return
        }
        let km = formatFixed(answer.distanceMeters / 1000, decimals: 1)
        var out: String
        switch answer.bank {
        case .east: out = "\(point.label): east bank (left, Jazira side), \(km) km from the Euphrates"
        case .west: out = "\(point.label): west bank (right, Shamiya side), \(km) km from the Euphrates"
        case .river: out = "\(point.label): on the river (\(km) km from the line)"
        }
        if answer.basis == "gazetteer" { out += " [bank from the gazetteer's source]" }
        if let note = answer.note { out += "\n  note: \(note)" }
        Console.output(out)
    }
}
