import ArgumentParser
import Geography
import Places

struct Locate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find a place in the gazetteer: kind, coordinates, province, precision, and why the name matched.",
        discussion: """
        The name may be any spelling: case, diacritics, hyphens, the Arabic article \
        (al-, el-, ez-, ...) and common romanisations (Deir/Dayr/Dair, ou/u/aw, ee/i, \
        doubled letters) are folded, and the rules that made the match are shown. Add \
        "province", "city" or "river" to choose among places of one name. Unknown names \
        get the closest suggestions and exit code 1.

        Examples:
          conflictmap locate Deir el-Zour
          conflictmap locate "Albu Kamal" --json
        """)

    @Argument(help: "The place name (several words are joined with spaces).")
    var name: [String]

    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Print a GeoJSON Feature (RFC 7946): the place's line or polygon where it is one (rivers, provinces, countries), else its point.")
    var geojson = false

    @Flag(help: "List every candidate, not just the best and the close runners-up.")
    var all = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if name.joined().allSatisfy(\.isWhitespace) { throw ValidationError("Give a place name, e.g. conflictmap locate Raqqa") }
    }

    func run() throws {
        let gazetteer = try gazetteerOptions.load()
        let query = name.joined(separator: " ")
        let resolution: Resolution
        do { resolution = try gazetteer.resolve(query) } catch { throw CLIFailure.input(error.description) }
        let best = resolution.best
        let others = all ? Array(resolution.candidates.dropFirst()) : Array(resolution.candidates.dropFirst().prefix(4))
        if geojson {
            let shape: Shape
            do { shape = try gazetteer.shape(of: best.place) ?? .point(best.place.coordinate) } catch { throw CLIFailure.data(error.description) }
            var properties = placeJSON(best.place)
            properties.removeValue(forKey: "lat"); properties.removeValue(forKey: "lon")
            properties["query"] = .string(query)
            Console.output(GeoJSON.json(for: Feature(shape: shape, properties: properties, id: best.place.id)).serialized())
            return
        }
        if json {
            var object = placeJSON(best.place)
            object["query"] = .string(query)
            object["matched_name"] = .string(best.matchedName)
            object["rules"] = .array(best.rules.map { .string($0.rawValue) })
            object["ambiguous"] = .bool(resolution.isAmbiguous)
            object["alternatives"] = .array(others.map { c in
                var o = placeJSON(c.place)
                o["matched_name"] = .string(c.matchedName)
                return .object(o)
            })
            Console.output(JSONValue.object(object).serialized(pretty: true))
            return
        }
        let p = best.place
        var lines = ["\(p.name)  [\(p.id)]"]
        func row(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("  " + padded(label, to: 12) + value) }
        }
        row("kind", p.kind.rawValue)
        row("coordinates", "\(formatDegrees(p.coordinate.latitude, decimals: 5)), \(formatDegrees(p.coordinate.longitude, decimals: 5))  (lat, lon; WGS84)")
        row("precision", p.precision.rawValue + (p.precision == .approximate ? " (no source locates it; see note)" : ""))
        row("province", p.province)
        row("country", p.country)
        row("population", p.population.map(groupThousands))
        row("bank", p.bank.map { "\($0.rawValue) bank of the Euphrates" })
        row("matched", best.rules.isEmpty ? "'\(best.matchedName)' (exact)" : "'\(best.matchedName)' by rules: \(best.rules.map(\.rawValue).joined(separator: ", "))")
        row("source", p.source)
        row("note", p.note)
        if resolution.isAmbiguous { lines.append("  ambiguous: other places share this name; add a province or country, or use --all") }
        for c in others {
            lines.append("  also        \(c.place.name) [\(c.place.id)], \(c.place.kind.rawValue), \([c.place.province, c.place.country].compactMap { $0 }.joined(separator: ", ")) \(formatDegrees(c.place.coordinate.latitude, decimals: 4)),\(formatDegrees(c.place.coordinate.longitude, decimals: 4))")
        }
        Console.output(lines.joined(separator: "\n"))
    }
}

func placeJSON(_ p: Place) -> [String: JSONValue] {
    var o: [String: JSONValue] = [
        "id": .string(p.id), "name": .string(p.name), "kind": .string(p.kind.rawValue),
        "lat": .fixed(p.coordinate.latitude, decimals: 6), "lon": .fixed(p.coordinate.longitude, decimals: 6),
        "precision": .string(p.precision.rawValue),
        "province": p.province.map(JSONValue.string) ?? .null,
        "country": p.country.map(JSONValue.string) ?? .null,
        "population": p.population.map { .number(Double($0)) } ?? .null,
        "bank": p.bank.map { .string($0.rawValue) } ?? .null,
        "aliases": .array(p.aliases.map(JSONValue.string)),
        "source": .string(p.source),
    ]
    if !p.note.isEmpty { o["note"] = .string(p.note) }
    if let g = p.geometryReference { o["geometry"] = .string(g) }
    return o
}

func groupThousands(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
        out.append(d)
    }
    return out
}

